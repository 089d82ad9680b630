package io.fineq.hwcost.sweep;

import java.io.IOException;
import java.util.List;

/** Runs the unfinished points of a sweep plan. */
public interface SweepExecutor {
    /** A point that still failed after every retry, with the log that says why. */
    record Failure(SweepPlan.Entry entry, String reason, java.nio.file.Path log) { }

    /** Runs every point of {@code plan} that has no result yet; returns the points that still failed. */
    List<Failure> run(SweepPlan plan) throws IOException;
}
