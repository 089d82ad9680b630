package io.fineq.hwcost.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs external EDA tools (Verilator, Yosys, OpenSTA); a missing tool or a failed run is a one-line
 * {@link ToolError}, exit 1 (docs/cli.md: the work failed, the user's input was not wrong).
 */
public final class Tools {
    private Tools() {
    }

    /** Fails with a clear message when {@code tool} is not on the PATH. */
    public static void require(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return;
        }
        throw new ToolError(tool + " not found on PATH (install it, e.g. apt-get install " + tool + ")");
    }

    /**
     * Runs {@code command} in {@code dir}, output to {@code log}; returns the log text.
     * A non-zero exit raises a ToolError naming the tool and the log file.
     */
    public static String run(List<String> command, Path dir, Path log, long timeoutSeconds) throws IOException {
        require(command.get(0));
        return runBinary(command, dir, log, timeoutSeconds);
    }

    /** Like {@link #run} for a program given by path (no PATH look-up). */
    public static String runBinary(List<String> command, Path dir, Path log, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ToolError(command.get(0) + " timed out after " + timeoutSeconds + " s (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            String tail = lastLines(text, 5);
            throw new ToolError(command.get(0) + " failed with exit code " + p.exitValue() + " (log: " + log + "): " + tail);
        }
        return text;
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
            if (sb.length() > 0) sb.append(" | ");
            sb.append(lines[i].strip());
        }
        return sb.toString();
    }

    /** An external program that is missing, failed or timed out: exit 1. */
    public static final class ToolError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ToolError(String message) {
            super(message);
        }
    }
}
