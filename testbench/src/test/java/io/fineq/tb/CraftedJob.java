package io.fineq.tb;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;

import java.util.Arrays;
import java.util.Random;

/**
 * A job built from chosen quantised weights rather than from floats: the test knows every q, so
 * the expected partial sums come from a plain matrix product, independent of the golden model.
 * Row block 0 of every column holds the corner-case weight vectors (rows m of the matrix):
 * <ul>
 *   <li>rows 0, 1, 3, 4: all negative (-3 / -2, pair code 3); rows 6..8: all -1 (code 0);</li>
 *   <li>rows 2, 5, 9..11: all zero;</li>
 *   <li>rows 12..23: all outliers (pair codes 1 and 2, magnitudes 2..3 / 1..3, random signs);</li>
 * </ul>
 * further row blocks are random (random pair codes, random values, zeros sometimes stored as -0).
 * Activations are random ACT_W-bit values; token 0 is all minimum (-128), token 1 all maximum (127).
 */
final class CraftedJob {
    final int m;
    final int k;
    final int arrayCols;
    final int[][] q;   // [Mp][Kp]
    final int[][] x;   // [N][K]
    final FqwImage image;

    CraftedJob(int m, int k, int n, int arrayCols, int actWidth, long seed) {
        this.m = m;
        this.k = k;
        this.arrayCols = arrayCols;
        FqwHeader h = FqwHeader.forShape(m, k, arrayCols, "absmax", 4.0, "paper");
        Random rnd = new Random(seed);
        q = new int[h.paddedRows()][h.paddedCols()];
        byte[] blocks = new byte[Math.toIntExact(h.blockCount() * FqwImage.BLOCK_BYTES)];
        for (int col = 0; col < h.paddedCols(); col++) {
            for (int mb = 0; mb < h.rowBlocks(); mb++) {
                int[] v = new int[24];
                int[] codes = new int[4];
                boolean negZero = false;
                if (col >= k) {
                    Arrays.fill(codes, 0); // padded column: zero weights
                } else if (mb == 0) {
                    cornerCases(v, codes, rnd);
                } else {
                    negZero = rnd.nextBoolean();
                    randomBlock(v, codes, rnd);
                }
                // Rows past M are padding and must be zero (the quantizer pads with zero rows).
                for (int i = 0; i < 24; i++) if (24 * mb + i >= m) v[i] = 0;
                for (int i = 0; i < 24; i++) q[24 * mb + i][col] = v[i];
                long bits = SpecBlocks.pack(v, codes, negZero);
                int kt = col / arrayCols, c = col % arrayCols;
                int off = Math.toIntExact((((long) kt * h.rowBlocks() + mb) * arrayCols + c) * FqwImage.BLOCK_BYTES);
                for (int b = 0; b < FqwImage.BLOCK_BYTES; b++) blocks[off + b] = (byte) (bits >>> (8 * b));
            }
        }
        float[] scales = new float[h.paddedCols()];
        Arrays.fill(scales, 1.0f);
        image = new FqwImage(h, scales, blocks);
        int lo = -(1 << (actWidth - 1)), hi = (1 << (actWidth - 1)) - 1;
        x = new int[n][k];
        for (int t = 0; t < n; t++) {
            for (int ch = 0; ch < k; ch++) {
                x[t][ch] = t == 0 ? lo : t == 1 ? hi : lo + rnd.nextInt(hi - lo + 1);
            }
        }
    }

    private static void cornerCases(int[] v, int[] codes, Random rnd) {
        codes[0] = 3; // zero position 2: rows 0,1 / 3,4 kept
        v[0] = -3; v[1] = -2; v[2] = 0;
        v[3] = -3; v[4] = -2; v[5] = 0;
        codes[1] = 0;
        v[6] = -1; v[7] = -1; v[8] = -1;
        v[9] = 0; v[10] = 0; v[11] = 0;
        codes[2] = 1; // zero position 0
        for (int i = 12; i < 18; i++) v[i] = (i - 12) % 3 == 0 ? 0 : (rnd.nextBoolean() ? 3 : -3);
        codes[3] = 2; // zero position 1
        for (int i = 18; i < 24; i++) v[i] = (i - 18) % 3 == 1 ? 0 : (1 + rnd.nextInt(3)) * (rnd.nextBoolean() ? 1 : -1);
    }

    private static void randomBlock(int[] v, int[] codes, Random rnd) {
        for (int p = 0; p < 4; p++) {
            codes[p] = rnd.nextInt(4);
            for (int i = 6 * p; i < 6 * p + 6; i++) {
                int pos = i % 3;
                if (codes[p] == 0) v[i] = rnd.nextInt(3) - 1;
                else v[i] = pos == codes[p] - 1 ? 0 : rnd.nextInt(7) - 3;
            }
        }
    }

    /**
     * Independent expected partial sums: {@code partial[kt][token][row]} over the channels of
     * k-tile kt, for tokens 0..N-1 and rows 0..Mp-1.
     */
    long[][][] partialSums() {
        int kTiles = q[0].length / arrayCols;
        long[][][] p = new long[kTiles][x.length][q.length];
        for (int kt = 0; kt < kTiles; kt++)
            for (int t = 0; t < x.length; t++)
                for (int row = 0; row < q.length; row++) {
                    long s = 0;
                    for (int c = 0; c < arrayCols; c++) {
                        int ch = kt * arrayCols + c;
                        if (ch < k) s += (long) q[row][ch] * x[t][ch];
                    }
                    p[kt][t][row] = s;
                }
        return p;
    }

    /** Every golden per-tile partial sum equals {@link #partialSums} (zero for tokens past N), on an R-row core. */
    void assertGoldenPartialSums(io.fineq.golden.JobResult golden, int rows) {
        long[][][] partial = partialSums();
        for (io.fineq.golden.TileResult t : golden.tiles()) {
            for (int row = 0; row < t.beats().length; row++) {
                for (int r = 0; r < rows; r++) {
                    int token = t.nt() * rows + r;
                    long expected = token < x.length ? partial[t.kt()][token][row] : 0;
                    org.assertj.core.api.Assertions.assertThat((long) t.beats()[row][r])
                            .as("golden partial sum kt %d token %d row %d", t.kt(), token, row).isEqualTo(expected);
                }
            }
        }
    }

    /** Independent bit-time count: sum over tiles and weight vectors of L (spec section 5). */
    long sumL(int rows, boolean termination) {
        int kTiles = q[0].length / arrayCols;
        int tokenTiles = (x.length + rows - 1) / rows;
        long sum = 0;
        for (int kt = 0; kt < kTiles; kt++)
            for (int row = 0; row < q.length; row++) {
                int max = 0;
                for (int c = 0; c < arrayCols; c++) max = Math.max(max, Math.abs(q[row][kt * arrayCols + c]));
                sum += (long) tokenTiles * (termination ? Math.max(1, max) : 3);
            }
        return sum;
    }
}
