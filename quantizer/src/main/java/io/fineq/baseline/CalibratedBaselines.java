package io.fineq.baseline;

import io.fineq.quant.GptqPass;
import io.fineq.quant.SecondMoment;
import io.fineq.tensor.HalfFloats;
import io.fineq.tensor.Tensor2D;
import java.util.Arrays;

/**
 * The calibrated low-bit baselines of FineQ's Table I, on the same calibration data as calibrated
 * FineQ (the activations' second moment H, {@link SecondMoment}) and the same GPTQ pass
 * ({@link GptqPass}, act order); each returns the dequantized weights it stores (docs/model.md,
 * "The paper's baselines"):
 * <ul>
 *   <li>{@link #gptq}: GPTQ with a b-bit asymmetric grid ({@link AsymmetricGrid}) per output row or
 *       per group of input channels, grids fixed from the original weights ("static groups", so
 *       act order and groups mix);</li>
 *   <li>{@link #pbLlm}: PB-LLM (Shang et al., ICLR 2024) as PB-GPTQ: the fraction r of weights
 *       with the largest magnitude is salient and kept in FP16, every other weight is binarized to
 *       {@code +-alpha_row} (alpha = the mean magnitude of the row's other weights, the L2-optimal
 *       binary scale), with GPTQ compensating each channel's binarization error;</li>
 *   <li>{@link #owq}: OWQ (Lee et al., AAAI 2024): the weak input channels, those with the largest
 *       sensitivity {@code H[j][j] * |W[:, j] - RTN(W)[:, j]|^2}, are kept in FP16 and quantized
 *       last, so GPTQ compensates the other channels' errors into them; the rest is GPTQ b-bit with
 *       groups.</li>
 * </ul>
 */
public final class CalibratedBaselines {
    private CalibratedBaselines() {
    }

    /** A baseline's stored weights (M x K, dequantized) and its storage cost. */
    public record Result(String name, double[][] weights, double bitsPerWeight) {
    }

    /**
     * GPTQ with {@code bits}-bit asymmetric grids, one per output row ({@code group = 0}) or per row
     * and group of {@code group} consecutive input channels. Storage as RTN's
     * ({@code io.fineq.report.RtnAsymmetric}): b bits per weight plus a float32 scale and a b-bit
     * zero point per grid, {@code b + (32 + b) / min(group, K)}.
     */
    public static Result gptq(Tensor2D t, SecondMoment h, int bits, int group, double damping) {
        double[][] w = rows(t, h);
        int m = w.length, k = w[0].length;
        int g = group == 0 ? k : Math.min(group, k);
        AsymmetricGrid[][] grids = grids(w, bits, g, new boolean[k]);
        double[] hm = h.matrix();
        GptqPass.Result r = GptqPass.run(transpose(w), hm, damping, GptqPass.actOrder(hm, k), (ch, col, out) -> {
            for (int row = 0; row < m; row++) out[row] = grids[row][ch / g].apply(col[row]);
        });
        String name = "gptq" + bits + "-asym-" + (group == 0 ? "row" : "g" + group);
        return new Result(name, transpose(r.quantized()), bits + (32.0 + bits) / g);
    }

    /**
     * PB-LLM with salient fraction {@code salient} (0.1 in Table I). Bits per weight as the paper's
     * Table I counts them (2.7 at 10 %): {@code (1 - r) * 1 + r * 8 + 1}, i.e. 1-bit binarized
     * weights, 8 bits per salient weight and a 1-bit salience mask; the salient values here are kept
     * at FP16 precision (the and FineQ's description), which can only help PB-LLM; stored at
     * FP16 with the mask they would count {@code (1 - r) + 16 r + 1} (3.5 at 10 %).
     */
    public static Result pbLlm(Tensor2D t, SecondMoment h, double salient, double damping) {
        if (!(salient >= 0 && salient < 1)) throw new IllegalArgumentException("salient fraction must be in [0, 1), got " + salient);
        double[][] w = rows(t, h);
        int m = w.length, k = w[0].length;
        boolean[][] keep = largestMagnitudes(w, (long) Math.ceil(salient * m * (long) k));
        double[] alpha = new double[m];
        for (int r = 0; r < m; r++) {
            double sum = 0;
            int n = 0;
            for (int c = 0; c < k; c++) {
                if (keep[r][c]) continue;
                sum += Math.abs(w[r][c]);
                n++;
            }
            alpha[r] = n == 0 ? 0 : sum / n;
        }
        double[] hm = h.matrix();
        GptqPass.Result res = GptqPass.run(transpose(w), hm, damping, GptqPass.actOrder(hm, k), (ch, col, out) -> {
            for (int r = 0; r < m; r++) out[r] = keep[r][ch] ? fp16(col[r]) : (col[r] >= 0 ? alpha[r] : -alpha[r]);
        });
        String name = String.format(java.util.Locale.ROOT, "pbllm-%d", Math.round(salient * 100));
        return new Result(name, transpose(res.quantized()), (1 - salient) + 8 * salient + 1);
    }

    /**
     * OWQ: {@code max(1, round(weak * K))} weak input channels in FP16, the others GPTQ with
     * {@code bits}-bit grids per row and group of {@code group} channels (the weak channels left out
     * of their group's range). Storage, counted exactly: per row, b bits for each dense weight, a
     * float32 scale and a b-bit zero point per group, 16 bits per weak weight; per layer a 16-bit
     * index per weak channel.
     */
    public static Result owq(Tensor2D t, SecondMoment h, int bits, int group, double weak, double damping) {
        if (!(weak >= 0 && weak < 1)) throw new IllegalArgumentException("weak-column fraction must be in [0, 1), got " + weak);
        double[][] w = rows(t, h);
        int m = w.length, k = w[0].length;
        int g = Math.min(group, k);
        double[] hm = h.matrix();
        // Sensitivity of each channel: H[j][j] times the squared error RTN with the same groups makes in it.
        AsymmetricGrid[][] rtn = grids(w, bits, g, new boolean[k]);
        double[] sensitivity = new double[k];
        for (int c = 0; c < k; c++) {
            double e = 0;
            for (int r = 0; r < m; r++) {
                double d = w[r][c] - rtn[r][c / g].apply(w[r][c]);
                e += d * d;
            }
            sensitivity[c] = hm[c * k + c] * e;
        }
        int n = Math.max(1, (int) Math.round(weak * k));
        Integer[] bySensitivity = GptqPass.naturalOrder(k);
        Arrays.sort(bySensitivity, java.util.Comparator.comparingDouble((Integer c) -> -sensitivity[c]).thenComparingInt(c -> c));
        boolean[] isWeak = new boolean[k];
        for (int i = 0; i < n; i++) isWeak[bySensitivity[i]] = true;
        AsymmetricGrid[][] grids = grids(w, bits, g, isWeak);
        // Act order over the dense channels, the weak channels last (they absorb the compensation).
        Integer[] act = GptqPass.actOrder(hm, k);
        Integer[] order = new Integer[k];
        int p = 0;
        for (Integer c : act) if (!isWeak[c]) order[p++] = c;
        for (Integer c : act) if (isWeak[c]) order[p++] = c;
        GptqPass.Result res = GptqPass.run(transpose(w), hm, damping, order, (ch, col, out) -> {
            for (int r = 0; r < m; r++) out[r] = isWeak[ch] ? fp16(col[r]) : grids[r][ch / g].apply(col[r]);
        });
        double rowBits = (double) (k - n) * bits + Math.ceil((double) k / g) * (32 + bits) + 16.0 * n;
        double bitsPerWeight = rowBits / k + 16.0 * n / ((double) m * k);
        return new Result("owq" + bits + "-g" + group, transpose(res.quantized()), bitsPerWeight);
    }

    /** {@code v} rounded to the nearest FP16 value. */
    static double fp16(double v) {
        return HalfFloats.halfToFloat(HalfFloats.floatToHalf((float) v));
    }

    /** Grids per row and group of {@code g} channels, each over the group's channels that are not {@code excluded}. */
    static AsymmetricGrid[][] grids(double[][] w, int bits, int g, boolean[] excluded) {
        int m = w.length, k = w[0].length;
        int groups = (k + g - 1) / g;
        AsymmetricGrid[][] out = new AsymmetricGrid[m][groups];
        for (int r = 0; r < m; r++) {
            for (int gi = 0; gi < groups; gi++) {
                double lo = 0, hi = 0;
                for (int c = gi * g; c < Math.min(k, (gi + 1) * g); c++) {
                    if (excluded[c]) continue;
                    lo = Math.min(lo, w[r][c]);
                    hi = Math.max(hi, w[r][c]);
                }
                out[r][gi] = AsymmetricGrid.of(lo, hi, bits);
            }
        }
        return out;
    }

    /** The {@code count} entries of largest magnitude (ties at the threshold: lower row, then lower column). */
    static boolean[][] largestMagnitudes(double[][] w, long count) {
        int m = w.length, k = w[0].length;
        boolean[][] out = new boolean[m][k];
        if (count <= 0) return out;
        double[] mags = new double[m * k];
        for (int r = 0; r < m; r++) for (int c = 0; c < k; c++) mags[r * k + c] = Math.abs(w[r][c]);
        double[] sorted = mags.clone();
        Arrays.sort(sorted);
        double threshold = sorted[(int) Math.max(0, sorted.length - Math.min(count, sorted.length))];
        long left = count;
        for (int i = 0; i < mags.length; i++) {
            if (mags[i] > threshold) {
                out[i / k][i % k] = true;
                left--;
            }
        }
        for (int i = 0; i < mags.length && left > 0; i++) {
            if (mags[i] == threshold) {
                out[i / k][i % k] = true;
                left--;
            }
        }
        return out;
    }

    private static double[][] rows(Tensor2D t, SecondMoment h) {
        int m = t.rows(), k = t.cols();
        if (h.cols() != k)
            throw new IllegalArgumentException("tensor '" + t.name() + "': calibration activations have " + h.cols() + " channels, the weights K = " + k);
        if (h.tokens() == 0) throw new IllegalArgumentException("tensor '" + t.name() + "': no calibration tokens");
        double[][] w = new double[m][k];
        float[] row = new float[k];
        for (int r = 0; r < m; r++) {
            t.readRow(r, row);
            for (int c = 0; c < k; c++) {
                if (!Float.isFinite(row[c])) throw new IllegalArgumentException("tensor '" + t.name() + "': weight [" + r + "][" + c + "] is " + row[c]);
                w[r][c] = row[c];
            }
        }
        return w;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }
}
