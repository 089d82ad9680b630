package io.fineq.tb;

import io.fineq.golden.JobResult;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arrays of every size the issue names, on crafted weight images (all-negative, all-zero and
 * all-outlier weight vectors plus random blocks) and random int8 activations including -128 and
 * 127. Three answers must agree: the test's own matrix product and cycle formula, the golden
 * model, and the RTL (results and cycle count, exactly).
 */
class ArraySizesRtlTest {

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({
            // rows, cols, M, K, N  -- K = 2C - 1 (two k-tiles, the last one padded) except for
            // 64 x 64, which keeps to one tile so that the suite stays within its time budget
            "1, 1, 48, 1, 3",
            "2, 3, 48, 5, 3",
            "4, 4, 72, 7, 7",
            "7, 5, 48, 9, 13",
            "8, 8, 48, 15, 9",
            "16, 16, 48, 31, 16",
            "64, 64, 48, 64, 64"})
    void rtlEqualsGoldenEqualsPlainProduct(int rows, int cols, int m, int k, int n) throws IOException {
        crafted(rows, cols, true, 0, m, k, n);
    }

    /**
     * Termination off (L = 3 for every vector, including the all-zero ones) and adder-tree
     * pipelining (S registers) on the same corner-case vectors: the cycle count changes exactly as
     * the formula says, the results do not.
     */
    @ParameterizedTest(name = "{0}x{1} termination={2} P={3}")
    @CsvSource({
            "7, 5, false, 0, 48, 9, 13",
            "8, 8, true, 1, 48, 15, 9"})
    void terminationOffAndPipelinedTree(int rows, int cols, boolean termination, int pipe, int m, int k, int n) throws IOException {
        crafted(rows, cols, termination, pipe, m, k, n);
    }

    private static void crafted(int rows, int cols, boolean termination, int pipe, int m, int k, int n) throws IOException {
        FineqConfig cfg = Rtl.config(rows, cols, termination, pipe);
        CraftedJob job = new CraftedJob(m, k, n, cols, cfg.actWidth(), 1000L * rows + cols);
        JobResult golden = GoldenVectors.result(cfg, job.image, job.x);

        job.assertGoldenPartialSums(golden, rows);
        long tiles = (long) job.q[0].length / cols * ((n + rows - 1) / rows);
        int depth = cols <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(cols - 1);
        int stages = pipe == 0 ? 0 : Math.max(depth - 1, 0) / pipe;  // microarchitecture section 1
        long formula = tiles * rows + job.sumL(rows, termination) + stages + 2;
        assertThat(golden.cycles()).as("golden cycle count vs microarchitecture section 4").isEqualTo(formula);

        Rtl.assertRtlMatches("array-" + cfg.name() + "-term" + termination + "-p" + pipe, GoldenVectors.of(cfg, job.image, job.x, golden), Stalls.NONE);
    }
}
