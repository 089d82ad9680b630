package io.fineq.rtl;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Verilator / Yosys / a built simulation. A missing tool fails the test (never skips it): the
 * regressions are only meaningful when they actually run.
 */
final class ExternalTool {

    /** Exit code and merged stdout/stderr of one run. */
    record Result(int exitCode, String output) { }

    private ExternalTool() {
    }

    static Result run(Path workDir, long timeoutSeconds, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return fail("cannot run '" + command.get(0) + "' (is it installed and on PATH? "
                    + ".ci/run installs Verilator and Yosys): " + e.getMessage());
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("reading the output of " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command);
        }
    }
}
