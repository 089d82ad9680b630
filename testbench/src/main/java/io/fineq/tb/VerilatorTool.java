package io.fineq.tb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The installed Verilator: its version string (part of every build-cache key) or a clear
 * failure when it is missing. Regressions must fail, never skip, without a simulator.
 */
public final class VerilatorTool {
    private static volatile String version;

    private VerilatorTool() {
    }

    /** The first line of {@code verilator --version}; throws {@link ToolMissingException} when not installed. */
    public static String version() {
        String v = version;
        if (v == null) {
            synchronized (VerilatorTool.class) {
                if (version == null) version = probe("verilator");
                v = version;
            }
        }
        return v;
    }

    /** Runs {@code <executable> --version}; package-private so the missing-tool path is testable. */
    static String probe(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("Verilator")) {
                throw new ToolMissingException(executable + " --version failed: " + out);
            }
            return out.lines().findFirst().orElse(out);
        } catch (IOException e) {
            throw new ToolMissingException(executable + " not found on PATH (install Verilator, e.g. apt-get install verilator): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolMissingException("interrupted while probing verilator");
        }
    }

    /** Raised when a required external tool is not installed; a test failure, never a skip. */
    public static final class ToolMissingException extends IllegalStateException {
        public ToolMissingException(String message) {
            super(message);
        }
    }
}
