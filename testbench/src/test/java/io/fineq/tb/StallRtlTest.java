package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid/ready stalls on all three streams (activation valid, weight valid, result ready),
 * and random initial values of every register without reset: every beat consumed exactly once,
 * the same result beats in the same order, nothing after the last one, and a job that can only
 * take longer than the stall-free cycle count.
 */
class StallRtlTest {

    @ParameterizedTest(name = "{0}x{1} termination={2} P={3} stall {4}% seed {5}")
    @CsvSource({
            "7, 5, false, 0, 30, 11",
            "7, 5, true, 0, 60, 12",
            "8, 8, true, 1, 30, 13",
            "8, 8, true, 1, 75, 14",
            "64, 64, true, 0, 40, 15"})
    void stallsChangeTimingOnly(int rows, int cols, boolean termination, int pipe, int percent, long seed) throws IOException {
        FineqConfig cfg = Rtl.config(rows, cols, termination, pipe);
        int m = 2 * 24 + 5, k = 2 * cols + 1, n = rows + 3;
        FqwImage image = JobInputs.syntheticImage(m, k, cols, seed);
        CoreVectors v = GoldenVectors.of(cfg, image, JobInputs.randomActivations(n, k, cfg.actWidth(), seed));
        CoreRegression.Outcome o = Rtl.assertRtlMatches("stall-" + cfg.name() + "-p" + pipe + "-s" + percent + "-" + seed, v,
                new Stalls(seed, percent));
        assertThat(o.run().cycles()).as("a stalled job cannot finish earlier than the stall-free count").isGreaterThan(v.expectedCycles());
        // The harness reports its peak resident memory (CoreBenchmark prints it): a few MB, not zero.
        assertThat(o.run().peakRssKb()).isBetween(1L, 1L << 20);
    }
}
