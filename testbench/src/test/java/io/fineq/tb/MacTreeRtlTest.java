package io.fineq.tb;

import io.fineq.golden.JobResult;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MAC baseline in the FineQ shell ({@code --core mac-tree}, fineq_mac_array) on the crafted
 * corner-case images of {@link ArraySizesRtlTest} (all-negative, all-zero and all-outlier vectors,
 * activations -128 and 127): three answers agree, the test's own matrix product and the cycle
 * formula with one cycle per vector, the golden model, and the RTL (results and cycle count,
 * exactly), with and without random stalls on every stream.
 */
class MacTreeRtlTest {

    @ParameterizedTest(name = "{0}x{1} P={2} stalls={3}%")
    @CsvSource({
            // rows, cols, adder pipeline, stall percent, M, K, N
            "1, 1, 0, 0, 48, 1, 3",
            "2, 3, 0, 0, 48, 5, 3",
            "7, 5, 0, 0, 48, 9, 13",
            "4, 7, 1, 0, 48, 13, 7",
            "8, 8, 0, 0, 48, 15, 9",
            "8, 8, 1, 30, 48, 15, 9",
            "16, 16, 2, 0, 48, 31, 16",
            "5, 3, 0, 40, 72, 5, 11"})
    void rtlEqualsGoldenEqualsPlainProduct(int rows, int cols, int pipe, int stallPercent, int m, int k, int n) throws IOException {
        FineqConfig cfg = new FineqConfig(rows, cols, 8, true, pipe, CoreKind.MAC_TREE);
        CraftedJob job = new CraftedJob(m, k, n, cols, cfg.actWidth(), 7000L * rows + cols);
        JobResult golden = GoldenVectors.result(cfg, job.image, job.x);

        job.assertGoldenPartialSums(golden, rows);
        // One cycle per weight vector: cycles = T*R + T*Mp + S + 2 (docs/microarchitecture.md section 7).
        int kTiles = job.q[0].length / cols;
        long tiles = (long) kTiles * ((n + rows - 1) / rows);
        int depth = cols <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(cols - 1);
        int stages = pipe == 0 ? 0 : Math.max(depth - 1, 0) / pipe;
        long formula = tiles * rows + tiles * job.q.length + stages + 2;
        assertThat(golden.cycles()).as("golden cycle count, one cycle per vector").isEqualTo(formula);

        Stalls stalls = stallPercent == 0 ? Stalls.NONE : new Stalls(11L * rows + cols, stallPercent);
        CoreRegression.Outcome o = Rtl.assertRtlMatches("mactree-" + cfg.name() + "-p" + pipe + "-s" + stallPercent,
                GoldenVectors.of(cfg, job.image, job.x, golden), stalls);
        if (!stalls.any()) assertThat(o.run().cycles()).as("RTL cycles").isEqualTo(formula);
    }
}
