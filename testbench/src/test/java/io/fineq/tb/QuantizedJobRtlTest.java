package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.golden.JobResult;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-core jobs on real {@code .fqw} images made by the quantizer from seeded synthetic
 * llama-like tensors, M not a multiple of 24 and K not a multiple of C, with early termination on
 * and off and with adder-tree pipelining. The image is decoded by the test's own reading of the
 * spec to check the golden model's summed Y; the RTL must then equal the golden beats and cycles.
 */
class QuantizedJobRtlTest {

    @ParameterizedTest(name = "{0}x{1} termination={2} P={3}: M={4} K={5} N={6}")
    @CsvSource({
            "7, 5, true, 0, 50, 23, 16",
            "7, 5, false, 0, 50, 23, 16",
            "8, 8, true, 1, 70, 20, 9",
            "64, 64, true, 0, 100, 100, 70"})
    void quantizedSyntheticLlamaJob(int rows, int cols, boolean termination, int pipe, int m, int k, int n) throws IOException {
        assertThat(m % 24).isNotZero();
        assertThat(k % cols).isNotZero();
        FineqConfig cfg = Rtl.config(rows, cols, termination, pipe);
        long seed = 31L * m + k;
        FqwImage image = JobInputs.syntheticImage(m, k, cols, seed);
        assertThat(image.header().rows()).isEqualTo(m);
        assertThat(image.header().cols()).isEqualTo(k);
        int[][] x = JobInputs.randomActivations(n, k, cfg.actWidth(), seed);
        JobResult golden = GoldenVectors.result(cfg, image, x);

        int[][] q = decode(image);
        assertThat(countOutlierPairs(image)).as("the llama-like image uses outlier pair codes").isPositive();
        for (int t = 0; t < n; t++) {
            for (int row = 0; row < m; row++) {
                long y = 0;
                for (int ch = 0; ch < k; ch++) y += (long) q[row][ch] * x[t][ch];
                assertThat(golden.y()[t][row]).as("golden Y[%d][%d]", t, row).isEqualTo(y);
            }
        }
        Rtl.assertRtlMatches("quantized-" + cfg.name() + "-term" + termination + "-p" + pipe,
                GoldenVectors.of(cfg, image, x, golden), Stalls.NONE);
    }

    /** q[row][channel] for rows < Mp, channels < Kp, unpacked with {@link SpecBlocks}. */
    static int[][] decode(FqwImage image) {
        var h = image.header();
        int[][] q = new int[h.paddedRows()][h.paddedCols()];
        for (int kt = 0; kt < h.kTiles(); kt++)
            for (int mb = 0; mb < h.rowBlocks(); mb++)
                for (int c = 0; c < h.arrayCols(); c++) {
                    int[] v = SpecBlocks.unpack(image.blockBits(kt, mb, c));
                    for (int i = 0; i < 24; i++) q[24 * mb + i][kt * h.arrayCols() + c] = v[i];
                }
        return q;
    }

    static int countOutlierPairs(FqwImage image) {
        int count = 0;
        byte[] b = image.blocks();
        for (int off = 0; off < b.length; off += FqwImage.BLOCK_BYTES)
            for (int p = 0; p < 4; p++) if (((b[off] >> (2 * p)) & 3) != 0) count++;
        return count;
    }
}
