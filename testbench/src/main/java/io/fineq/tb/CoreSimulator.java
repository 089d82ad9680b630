package io.fineq.tb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a compiled fineq_core harness on one job's stimulus files and parses what it wrote. */
public final class CoreSimulator {
    private static final long RUN_TIMEOUT_SECONDS = 20 * 60;

    private final VerilatorBuild.Model model;

    public CoreSimulator(VerilatorBuild.Model model) {
        this.model = model;
    }

    /**
     * Writes the stimulus of {@code v} into {@code work}, simulates it and returns the run.
     *
     * @param trace FST file to dump (the model must be built with tracing), or null
     */
    public CoreRun run(CoreVectors v, Path work, Stalls stalls, Path trace) throws IOException {
        StimulusFiles.write(v, work);
        return runFiles(v.expected().size(), v.expectedCycles(), work, stalls, trace);
    }

    /**
     * Like {@link #run} without stalls on a model built with {@link BuildOptions#activity()}: also
     * writes the toggle-coverage counters of the job to {@code coverage}.
     */
    public CoreRun runWithCoverage(CoreVectors v, Path work, Path coverage) throws IOException {
        StimulusFiles.write(v, work);
        return runFiles(v.expected().size(), v.expectedCycles(), work, Stalls.NONE, null, coverage);
    }

    /** Simulates stimulus files already present in {@code work} (see {@link StimulusFiles}). */
    public CoreRun runFiles(int results, long expectedCycles, Path work, Stalls stalls, Path trace) throws IOException {
        return runFiles(results, expectedCycles, work, stalls, trace, null);
    }

    private CoreRun runFiles(int results, long expectedCycles, Path work, Stalls stalls, Path trace, Path coverage)
            throws IOException {
        Path out = work.resolve("rtl_out.txt");
        Path log = work.resolve("sim.log");
        Files.deleteIfExists(out);
        // Stalls slow the job down by about 1/(1-p) per stream; the bound only stops a hung design.
        long maxCycles = stalls.any() ? 20 * expectedCycles + 10_000 : 2 * expectedCycles + 1_000;
        List<String> cmd = new ArrayList<>(List.of(model.executable().toString(),
                "act=" + work.resolve(StimulusFiles.ACT), "w=" + work.resolve(StimulusFiles.WEIGHTS), "out=" + out,
                "results=" + results, "seed=" + stalls.seed(), "stall=" + stalls.percent(), "max_cycles=" + maxCycles,
                "+verilator+rand+reset+2", "+verilator+seed+" + (stalls.seed() % 1_000_000 + 1)));
        if (trace != null) cmd.add("trace=" + trace);
        if (coverage != null) cmd.add("coverage=" + coverage);
        Files.writeString(log, String.join(" ", cmd) + "\n");
        Processes.run(cmd, work, log, RUN_TIMEOUT_SECONDS);
        return CoreRun.parse(out);
    }
}
