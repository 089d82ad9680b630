package io.fineq.quant;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;
import io.fineq.tensor.Tensor2D;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * FineQ quantization calibrated on activations (docs/quantizer.md, "Calibrated quantization"):
 * codes and scales are chosen by the error of the layer's <em>output</em> on calibration tokens,
 * {@code sum_m D[m] H D[m]^T} with D = W - Q and H the activations' {@link SecondMoment}, rather
 * than by the weight error alone. The image is an ordinary {@code .fqw}: every block obeys the block
 * rules of spec section 2 for the values it was quantized from, and the decoders, the core and the
 * golden model read it unchanged.
 *
 * <ul>
 *   <li>{@link Mode#OUTPUT_SCALE} ({@code output-mse}): one scale per input channel, chosen by output
 *       error. Starting from the weight-error-optimal ({@code mse}) scales, coordinate descent over the
 *       channels: channel k tries the mse grid and takes the scale whose re-quantized column lowers
 *       {@code sum_m D H D^T} most, given the other channels' current errors (kept as G = D H). The
 *       objective never increases.</li>
 *   <li>{@link Mode#GPTQ} ({@code gptq}): FineQ quantizes one input channel at a time, so the error of
 *       channel k is compensated in the channels not yet quantized through the inverse of H
 *       (Frantar et al., GPTQ, ICLR 2023): with U the upper Cholesky factor of (H + lambda I)^-1,
 *       {@code W[:, j] -= (w_k - q_k) / U[k][k] * U[k][j]} for the later channels j. Each channel's
 *       scale is the mse-grid scale of its updated column. Channels are taken in decreasing order
 *       of H's diagonal ("act order") unless disabled; the image keeps the stream order.</li>
 * </ul>
 * Deterministic: the same weights, H and options give the same bytes.
 */
public final class CalibratedQuantizer {

    /** How the activations are used. */
    public enum Mode {
        OUTPUT_SCALE("output-mse"), GPTQ("gptq");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        /** The name in the {@code .fqw} header's {@code scale} field and on the command line. */
        public String id() {
            return id;
        }

        public static Mode parse(String s) {
            for (Mode m : values()) if (m.id.equals(s)) return m;
            throw new IllegalArgumentException("calibration mode must be output-mse|gptq, got '" + s + "'");
        }
    }

    /**
     * @param mode     how the activations are used
     * @param damping  lambda as a fraction of H's mean diagonal (GPTQ's 0.01), > 0
     * @param actOrder GPTQ: channels in decreasing order of H's diagonal
     * @param sweeps   passes of the output-error scale descent that ends both modes, 0..100 (0: none)
     * @param longVectors the cycle-aware budget: the largest fraction of weight vectors (one output row
     *                 of one k-tile, C weights) that may hold a magnitude 3, 0..1; 1 = no budget (plain
     *                 calibration). The other vectors are quantized with their values clamped to +-2
     *                 ({@link LongVectorBudget}), so each takes one bit-time less on the array.
     */
    public record Options(Mode mode, double damping, boolean actOrder, int sweeps, double longVectors) {
        public Options {
            if (mode == null) throw new IllegalArgumentException("calibration mode is required");
            if (!(damping > 0 && damping <= 1)) throw new IllegalArgumentException("damping must be in (0, 1], got " + damping);
            if (sweeps < 0 || sweeps > 100) throw new IllegalArgumentException("sweeps must be 0..100, got " + sweeps);
            if (!(longVectors >= 0 && longVectors <= 1)) throw new IllegalArgumentException("long-vector budget must be in [0, 1], got " + longVectors);
        }

        /** Plain calibration: no long-vector budget. */
        public Options(Mode mode, double damping, boolean actOrder, int sweeps) {
            this(mode, damping, actOrder, sweeps, 1.0);
        }

        /** The same options with another long-vector budget. */
        public Options withLongVectors(double fraction) {
            return new Options(mode, damping, actOrder, sweeps, fraction);
        }
    }

    /** Channels per lazy-batch block of the GPTQ pass. */
    private final QuantizerOptions quant;
    private final Options options;

    public CalibratedQuantizer(QuantizerOptions quant, Options options) {
        this.quant = quant;
        this.options = options;
    }

    /** Quantizes {@code t} (M x K) for activations with second moment {@code h} (K x K). */
    public QuantizedTensor quantize(Tensor2D t, SecondMoment h) {
        int m = t.rows(), k = t.cols();
        if (h.cols() != k)
            throw new IllegalArgumentException("tensor '" + t.name() + "': calibration activations have " + h.cols() + " channels, the weights K = " + k);
        if (h.tokens() == 0) throw new IllegalArgumentException("tensor '" + t.name() + "': no calibration tokens");
        ChannelScales.columnAbsMax(t, false); // finiteness check with the usual message
        FqwHeader hd = FqwHeader.forShape(m, k, quant.arrayCols(), options.mode().id(), quant.threshold(), quant.pairing().id());
        double[][] w = new double[k][m]; // column-major: w[k] is input channel k
        float[] row = new float[k];
        for (int r = 0; r < m; r++) {
            t.readRow(r, row);
            for (int c = 0; c < k; c++) w[c][r] = row[c];
        }
        int mp = hd.paddedRows();
        int[][] q = new int[k][mp];
        int[][] codes = new int[k][mp / PackedBlock.VALUES * PackedBlock.PAIRS];
        double[] scales = new double[hd.paddedCols()];
        Arrays.fill(scales, 1.0);
        double[][] source = w; // what each channel's candidates are quantized from
        boolean[][] capped = null;
        if (options.longVectors() < 1) {
            // Which vectors stay long is decided on what the calibration would do without a budget:
            // for GPTQ a first, unconstrained pass gives the compensated columns and their scales
            // (measured on MiniLM: cosine 0.8315 at budget 0.3, against 0.8292 when the costs are
            // estimated on the uncompensated weights); output-mse uses the weight-error scales.
            if (options.mode() == Mode.GPTQ) {
                int[][] q0 = new int[k][mp];
                int[][] c0 = new int[k][codes[0].length];
                double[] s0 = new double[hd.paddedCols()];
                double[][] src0 = gptq(w, h, q0, c0, s0, null);
                capped = LongVectorBudget.cappedVectors(src0, diagonal(h), s0, quant.arrayCols(), options.longVectors());
            } else {
                capped = LongVectorBudget.cappedVectors(w, diagonal(h), weightErrorScales(w), quant.arrayCols(), options.longVectors());
            }
        }
        if (options.mode() == Mode.GPTQ) {
            source = gptq(w, h, q, codes, scales, capped);
        } else {
            ColumnQuantizer cq = new ColumnQuantizer(m, quant.threshold(), quant.pairing());
            for (int c = 0; c < k; c++) {
                cq.capRows(capped == null ? null : capped[c / quant.arrayCols()]);
                scales[c] = search(cq, w[c], (s, we, qq) -> we, q[c], codes[c]);
            }
        }
        refineByOutputError(w, source, h, q, codes, scales, capped);

        byte[] blocks = new byte[Math.toIntExact(hd.blockCount() * PackedBlock.BYTES)];
        int[] zeroQ = new int[mp];
        int[] zeroCodes = new int[codes.length == 0 ? 0 : codes[0].length];
        for (int c = 0; c < hd.paddedCols(); c++) {
            boolean real = c < k;
            ColumnQuantizer.pack(c, real ? q[c] : zeroQ, real ? codes[c] : zeroCodes, hd.arrayCols(), hd.rowBlocks(), blocks);
        }
        float[] stored = new float[scales.length];
        for (int c = 0; c < scales.length; c++) stored[c] = (float) scales[c];
        FqwImage image = new FqwImage(hd, stored, blocks);
        return new QuantizedTensor(t.name(), image, scales, new DecodedImage(image).pairCodeHistogram());
    }

    /** The weight-error-optimal (mse grid) scale of every column, without a budget: what the budget's costs are estimated at. */
    private double[] weightErrorScales(double[][] w) {
        ColumnQuantizer cq = new ColumnQuantizer(w[0].length, quant.threshold(), quant.pairing());
        int[] q = new int[cq.paddedRows()];
        int[] codes = new int[cq.paddedRows() / PackedBlock.VALUES * PackedBlock.PAIRS];
        double[] s = new double[w.length];
        for (int c = 0; c < w.length; c++) s[c] = search(cq, w[c], (sc, we, qq) -> we, q, codes);
        return s;
    }

    private static double[] diagonal(SecondMoment h) {
        int k = h.cols();
        double[] hm = h.matrix();
        double[] d = new double[k];
        for (int i = 0; i < k; i++) d[i] = hm[i * k + i];
        return d;
    }

    /** Scale candidates of the mse rule (ChannelScales) for a column whose absmax is {@code absMax}, stored as float. */
    private static double candidate(double absMax, double factor) {
        return Math.max((double) (float) (absMax / 3.0 * factor), Float.MIN_VALUE);
    }

    private static double absMax(double[] col) {
        double a = 0;
        for (double v : col) a = Math.max(a, Math.abs(v));
        return a;
    }

    /** Scores a candidate column: its codes are in the quantizer's scratch; lower is better. */
    private interface Score {
        double of(double s, double weightError, int[] q);
    }

    /**
     * The two-stage grid of the mse rule (f = 1.0, 0.975 .. 0.5, then the winner +-0.025 by 0.005),
     * scored by {@code score}; writes the winner's codes and returns its scale. The first candidate
     * wins ties.
     */
    private static double search(ColumnQuantizer cq, double[] col, Score score, int[] qOut, int[] codesOut) {
        double am = absMax(col);
        if (am == 0) {
            cq.quantize(col, 1.0, qOut, codesOut);
            return 1.0;
        }
        int[] q = new int[qOut.length];
        double bestF = 1.0, best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ChannelScales.STAGE1; j++) {
            double f = ChannelScales.stage1Factor(j);
            double s = candidate(am, f);
            double e = score.of(s, cq.quantize(col, s, q, null), q);
            if (e < best) {
                best = e;
                bestF = f;
            }
        }
        double f1 = bestF;
        for (int i = 0; i < ChannelScales.STAGE2; i++) {
            double f = ChannelScales.stage2Factor(f1, i);
            if (f == f1) continue;
            double s = candidate(am, f);
            double e = score.of(s, cq.quantize(col, s, q, null), q);
            if (e < best) {
                best = e;
                bestF = f;
            }
        }
        double s = candidate(am, bestF);
        cq.quantize(col, s, qOut, codesOut);
        return s;
    }

    /**
     * H + lambda I with lambda = {@code damping} x mean diagonal: the damping GPTQ needs for the
     * inverse also keeps the output-error objective from fitting the calibration tokens alone
     * (it adds lambda x the weight error).
     */
    private static double[] dampedMatrix(SecondMoment h, double damping) {
        int k = h.cols();
        double[] hm = h.matrix();
        double lambda = damping * GptqPass.meanDiagonal(hm, k);
        for (int i = 0; i < k; i++) hm[i * k + i] += lambda;
        return hm;
    }

    /** The GPTQ pass ({@link GptqPass}); returns each channel's column as it was when it was quantized (compensation included). */
    private double[][] gptq(double[][] w, SecondMoment h, int[][] q, int[][] codes, double[] scales, boolean[][] capped) {
        int k = w.length, m = w[0].length;
        double[] hm = h.matrix();
        Integer[] order = options.actOrder() ? GptqPass.actOrder(hm, k) : GptqPass.naturalOrder(k);
        ColumnQuantizer cq = new ColumnQuantizer(m, quant.threshold(), quant.pairing());
        return GptqPass.run(w, hm, options.damping(), order, (ch, col, out) -> {
            cq.capRows(capped == null ? null : capped[ch / quant.arrayCols()]);
            double s = search(cq, col, (sc, we, qq) -> we, q[ch], codes[ch]);
            scales[ch] = s;
            for (int r = 0; r < m; r++) out[r] = s * q[ch][r];
        }).source();
    }

    /**
     * Coordinate descent on the output error {@code sum_m D[m] H D[m]^T}, D = W - Q: channel c tries
     * the mse grid of scales on {@code source[c]} and takes the candidate that lowers the objective
     * most given the other channels' current errors (kept as G = H D^T); the current codes stay
     * when none does, so the objective never increases.
     */
    private void refineByOutputError(double[][] w, double[][] source, SecondMoment h, int[][] q, int[][] codes, double[] scales, boolean[][] capped) {
        if (options.sweeps() == 0) return;
        int k = w.length, m = w[0].length;
        double[] hm = dampedMatrix(h, options.damping());
        ColumnQuantizer cq = new ColumnQuantizer(m, quant.threshold(), quant.pairing());
        double[][] d = new double[k][m];
        for (int c = 0; c < k; c++) for (int r = 0; r < m; r++) d[c][r] = w[c][r] - scales[c] * q[c][r];
        // G[j][r] = sum_c H[j][c] D[c][r]
        double[][] g = new double[k][m];
        IntStream.range(0, k).parallel().forEach(j -> {
            double[] gj = g[j];
            for (int c = 0; c < k; c++) {
                double hjc = hm[j * k + c];
                if (hjc == 0) continue;
                double[] dc = d[c];
                for (int r = 0; r < m; r++) gj[r] += hjc * dc[r];
            }
        });
        int[] cand = new int[q[0].length];
        double[] other = new double[m];
        for (int sweep = 0; sweep < options.sweeps(); sweep++) {
            boolean changed = false;
            for (int c = 0; c < k; c++) {
                double hcc = hm[c * k + c]; // > 0: the damping adds lambda > 0 to every diagonal entry
                double[] dc = d[c];
                double[] wc = w[c];
                for (int r = 0; r < m; r++) other[r] = g[c][r] - hcc * dc[r];
                // Change of sum D H D^T when column c's error goes from dc to wc - s q.
                Score delta = (s, we, qq) -> {
                    double sum = 0;
                    for (int r = 0; r < m; r++) {
                        double dn = wc[r] - s * qq[r];
                        sum += hcc * (dn * dn - dc[r] * dc[r]) + 2 * (dn - dc[r]) * other[r];
                    }
                    return sum;
                };
                int[] newCodes = new int[codes[c].length];
                cq.capRows(capped == null ? null : capped[c / quant.arrayCols()]);
                double s = search(cq, source[c], delta, cand, newCodes);
                if (!(delta.of(s, 0, cand) < 0)) continue;
                changed = true;
                double[] diff = new double[m];
                for (int r = 0; r < m; r++) {
                    double dn = wc[r] - s * cand[r];
                    diff[r] = dn - dc[r];
                    dc[r] = dn;
                }
                final int cc = c;
                IntStream.range(0, k).parallel().forEach(j -> {
                    double hjc = hm[j * k + cc];
                    if (hjc == 0) return;
                    double[] gj = g[j];
                    for (int r = 0; r < m; r++) gj[r] += hjc * diff[r];
                });
                scales[c] = s;
                System.arraycopy(cand, 0, q[c], 0, cand.length);
                codes[c] = newCodes;
            }
            if (!changed) break;
        }
    }
}
