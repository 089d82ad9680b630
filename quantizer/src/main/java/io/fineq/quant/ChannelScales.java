package io.fineq.quant;

import io.fineq.tensor.Tensor2D;

/**
 * Per-channel (per-column) scales, spec section 2.
 *
 * <p>{@code absmax}: {@code s_k = max_m |W[m][k]| / 3} in double; all-zero and padded columns get 1.
 *
 * <p>{@code mse}: a two-stage grid search over {@code s = f * absmax_k / 3}. Stage 1 tries
 * f = 0.500, 0.525, ..., 1.000 (21 points); stage 2 tries the stage-1 winner f1 and
 * f1 - 0.025 ... f1 + 0.025 in steps of 0.005 (11 points). Each candidate is scored by the
 * column's exact squared weight error after full FineQ quantization (own codes, pair rule,
 * threshold) {@code s^2 * sum (u - q)^2}; padded rows contribute 0. The lowest error wins; on
 * an exact tie the candidate tried first wins (stage 1 tries f = 1.0 first, stage 2 tries f1 first),
 * so the search never returns a worse column than absmax. Each stage is one streaming pass over
 * the rows, with partial sums over fixed chunks of row blocks added in chunk order: the result
 * does not depend on the number of threads.
 */
public final class ChannelScales {
    /** Row blocks per chunk of the mse passes (fixed, so the summation order is fixed). */
    private static final int MSE_CHUNK_BLOCKS = 32;
    private static final int ABSMAX_CHUNK_ROWS = 96;

    /** Stage 1 of the mse grid: {@code f = 1.000, 0.975, ..., 0.500}. */
    static final int STAGE1 = 21;
    /** Stage 2 of the mse grid: {@code f1 - 0.025 ... f1 + 0.025} by 0.005. */
    static final int STAGE2 = 11;

    private ChannelScales() {
    }

    /** Factor j (0..20) of stage 1, 1.0 first. */
    static double stage1Factor(int j) {
        return (40 - j) / 40.0;
    }

    /** Factor i (0..10) of stage 2 around the stage-1 winner {@code f1}. */
    static double stage2Factor(double f1, int i) {
        return f1 + (i - 5) / 200.0;
    }

    /**
     * Column absmax of every real column (length K), checking that every weight is finite.
     *
     * @throws NonFiniteWeightException naming the first non-finite weight in row-major order
     */
    public static float[] columnAbsMax(Tensor2D t, boolean parallel) {
        int k = t.cols();
        int chunks = RowBlocks.ceilDiv(t.rows(), ABSMAX_CHUNK_ROWS);
        float[][] partial = new float[chunks][];
        long[] firstBad = new long[chunks];
        RowBlocks.forEachChunk(chunks, parallel, ch -> {
            float[] row = new float[k];
            float[] max = new float[k];
            long bad = -1;
            int end = Math.min(t.rows(), (ch + 1) * ABSMAX_CHUNK_ROWS);
            for (int r = ch * ABSMAX_CHUNK_ROWS; r < end && bad < 0; r++) {
                t.readRow(r, row);
                for (int c = 0; c < k; c++) {
                    float v = Math.abs(row[c]);
                    if (!(v <= Float.MAX_VALUE)) { // NaN or Inf
                        bad = (long) r * k + c;
                        break;
                    }
                    if (v > max[c]) max[c] = v;
                }
            }
            partial[ch] = max;
            firstBad[ch] = bad;
        });
        for (int ch = 0; ch < chunks; ch++) {
            if (firstBad[ch] >= 0) {
                int r = (int) (firstBad[ch] / k);
                int c = (int) (firstBad[ch] % k);
                float[] row = new float[k];
                t.readRow(r, row);
                throw new NonFiniteWeightException(t.name(), r, c, row[c]);
            }
        }
        float[] max = new float[k];
        for (float[] p : partial) for (int c = 0; c < k; c++) max[c] = Math.max(max[c], p[c]);
        return max;
    }

    /** absmax scales for Kp columns: {@code absmax / 3}, 1 for zero and padded columns. */
    public static double[] absmax(float[] colAbsMax, int paddedCols) {
        double[] s = new double[paddedCols];
        for (int c = 0; c < paddedCols; c++) {
            double m = c < colAbsMax.length ? colAbsMax[c] : 0.0;
            s[c] = m == 0.0 ? 1.0 : m / 3.0;
        }
        return s;
    }

    /** mse scales for Kp columns (see class comment). */
    public static double[] mse(Tensor2D t, float[] colAbsMax, int paddedCols, QuantizerOptions opt) {
        int k = t.cols();
        double[] base = absmax(colAbsMax, paddedCols);
        // Stage 1: the same 21 factors for every column, f = 1.0 first.
        int j1 = STAGE1;
        double[] cand1 = new double[k * j1];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < j1; j++) cand1[c * j1 + j] = base[c] * stage1Factor(j);
        double[] err1 = columnErrors(t, cand1, j1, opt);
        double[] f1 = new double[k];
        for (int c = 0; c < k; c++) f1[c] = stage1Factor(argmin(err1, c * j1, j1));
        // Stage 2: f1 first, then f1 - 0.025 .. f1 + 0.025 by 0.005.
        int j2 = 1 + STAGE2;
        double[] cand2 = new double[k * j2];
        for (int c = 0; c < k; c++) {
            cand2[c * j2] = base[c] * f1[c];
            for (int i = 0; i < STAGE2; i++) cand2[c * j2 + 1 + i] = base[c] * stage2Factor(f1[c], i);
        }
        double[] err2 = columnErrors(t, cand2, j2, opt);
        double[] s = base.clone();
        for (int c = 0; c < k; c++) {
            if (colAbsMax[c] == 0f) continue; // all-zero column keeps s = 1
            s[c] = cand2[c * j2 + argmin(err2, c * j2, j2)];
        }
        return s;
    }

    private static int argmin(double[] e, int off, int n) {
        int best = 0;
        for (int j = 1; j < n; j++) if (e[off + j] < e[off + best]) best = j;
        return best;
    }

    /** For each column c and candidate j, the squared weight error s_j^2 * sum (u - q)^2 of the whole column. */
    private static double[] columnErrors(Tensor2D t, double[] cand, int perCol, QuantizerOptions opt) {
        int k = t.cols();
        int rowBlocks = RowBlocks.ceilDiv(t.rows(), PackedBlock.VALUES);
        int chunks = RowBlocks.ceilDiv(rowBlocks, MSE_CHUNK_BLOCKS);
        double[][] partial = new double[chunks][];
        RowBlocks.forEachChunk(chunks, opt.parallel(), ch -> {
            float[][] rows = new float[PackedBlock.VALUES][k];
            double[] u = new double[PackedBlock.VALUES];
            int[] codes = new int[PackedBlock.PAIRS];
            int[] q = new int[PackedBlock.VALUES];
            BlockQuantizer bq = new BlockQuantizer(opt.threshold(), opt.pairing());
            double[] sums = new double[k * perCol];
            int end = Math.min(rowBlocks, (ch + 1) * MSE_CHUNK_BLOCKS);
            for (int mb = ch * MSE_CHUNK_BLOCKS; mb < end; mb++) {
                RowBlocks.read(t, mb, rows);
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < perCol; j++) {
                        double s = cand[c * perCol + j];
                        for (int i = 0; i < PackedBlock.VALUES; i++) u[i] = (double) rows[i][c] / s;
                        sums[c * perCol + j] += bq.quantize(u, codes, q);
                    }
                }
            }
            partial[ch] = sums;
        });
        double[] total = new double[k * perCol];
        for (double[] p : partial) for (int i = 0; i < total.length; i++) total[i] += p[i];
        for (int i = 0; i < total.length; i++) total[i] *= cand[i] * cand[i];
        return total;
    }
}
