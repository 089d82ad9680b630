package io.fineq.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Per-tensor progress lines on stderr for multi-tensor inputs:
 * {@code [3/7] model.layers.0.mlp.up_proj.weight 11008x4096 ... 1.2 s}. A line left open by a
 * failure is ended by {@link #close()} so that the error message starts on its own line.
 */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final int total;
    private final boolean always;
    private int done;
    private long start;
    private boolean open;

    Progress(PrintWriter err, int total) {
        this(err, total, false);
    }

    /** @param always a line for a single tensor too (work that takes a while, like a calibrated pass) */
    Progress(PrintWriter err, int total, boolean always) {
        this.err = err;
        this.total = total;
        this.always = always;
    }

    void begin(String name, String shape) {
        start = System.nanoTime();
        if (total > 1 || always) {
            err.printf(Locale.ROOT, "[%d/%d] %s %s ...", done + 1, total, name, shape);
            err.flush();
            open = true;
        }
    }

    void end() {
        done++;
        if (open) {
            err.printf(Locale.ROOT, " %.1f s%n", (System.nanoTime() - start) / 1e9);
            err.flush();
            open = false;
        }
    }

    @Override
    public void close() {
        if (open) {
            err.println(" failed");
            err.flush();
            open = false;
        }
    }
}
