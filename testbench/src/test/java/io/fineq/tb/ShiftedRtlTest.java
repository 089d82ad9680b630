package io.fineq.tb;

import io.fineq.golden.JobResult;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FineQ's core with the shifted coding ({@code --core fineq-shifted}) on the crafted corner-case
 * images of {@link ArraySizesRtlTest} (all-negative, all-zero and all-outlier vectors, activations
 * -128 and 127): three answers agree, the test's own matrix product and the cycle formula with
 * L = 1 + [some |w| = 3] counted from the test's own weights, the golden model, and the RTL
 * (results and cycle count, exactly), with and without random stalls on every stream and with
 * early termination off (L = 2).
 */
class ShiftedRtlTest {

    @ParameterizedTest(name = "{0}x{1} P={2} stalls={3}% termination={4}")
    @CsvSource({
            // rows, cols, adder pipeline, stall percent, termination, M, K, N
            "1, 1, 0, 0, true, 48, 1, 3",
            "2, 3, 0, 0, true, 48, 5, 3",
            "7, 5, 0, 0, true, 48, 9, 13",
            "4, 7, 1, 0, true, 48, 13, 7",
            "8, 8, 0, 0, false, 48, 15, 9",
            "8, 8, 1, 30, true, 48, 15, 9",
            "16, 16, 2, 0, true, 48, 31, 16",
            "5, 3, 0, 40, false, 72, 5, 11",
            "4, 64, 0, 0, true, 48, 100, 5"})
    void rtlEqualsGoldenEqualsPlainProduct(int rows, int cols, int pipe, int stallPercent, boolean termination, int m, int k, int n) throws IOException {
        FineqConfig cfg = new FineqConfig(rows, cols, 8, termination, pipe, CoreKind.FINEQ_SHIFTED);
        CraftedJob job = new CraftedJob(m, k, n, cols, cfg.actWidth(), 9000L * rows + cols);
        JobResult golden = GoldenVectors.result(cfg, job.image, job.x);

        job.assertGoldenPartialSums(golden, rows);
        // L per vector from the test's own weights: 2 if any weight of the k-tile's row is +-3, else 1.
        int kTiles = job.q[0].length / cols;
        long sumL = 0;
        for (int kt = 0; kt < kTiles; kt++) {
            for (int[] row : job.q) {
                boolean three = false;
                for (int c = 0; c < cols; c++) three |= Math.abs(row[kt * cols + c]) == 3;
                sumL += !termination || three ? 2 : 1;
            }
        }
        long tokenTiles = (n + rows - 1) / rows;
        long tiles = kTiles * tokenTiles;
        int depth = cols <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(cols - 1);
        int stages = pipe == 0 ? 0 : Math.max(depth - 1, 0) / pipe;
        long formula = tiles * rows + tokenTiles * sumL + stages + 2;
        assertThat(golden.cycles()).as("golden cycle count, shifted coding").isEqualTo(formula);

        Stalls stalls = stallPercent == 0 ? Stalls.NONE : new Stalls(13L * rows + cols, stallPercent);
        CoreRegression.Outcome o = Rtl.assertRtlMatches("shifted-" + cfg.name() + "-p" + pipe + "-s" + stallPercent + (termination ? "" : "-nt"),
                GoldenVectors.of(cfg, job.image, job.x, golden), stalls);
        if (!stalls.any()) assertThat(o.run().cycles()).as("RTL cycles").isEqualTo(formula);
    }
}
