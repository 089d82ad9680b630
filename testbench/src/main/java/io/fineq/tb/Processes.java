package io.fineq.tb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command with its output appended to a log file and a hard time limit. */
final class Processes {
    private Processes() {
    }

    /** Runs {@code cmd} in {@code dir} (null: current folder); throws with the log's tail when it fails. */
    static void run(List<String> cmd, Path dir, Path log, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (dir != null) pb.directory(dir.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s; log " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + "\nexited with " + p.exitValue() + ", log " + log + ":\n"
                    + VerilatorBuild.tail(log, 30));
        }
    }

}
