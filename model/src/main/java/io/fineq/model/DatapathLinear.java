package io.fineq.model;

import io.fineq.format.FqwImage;
import io.fineq.golden.CoreParams;
import io.fineq.golden.GoldenJob;
import io.fineq.quant.DecodedImage;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.quant.Rounding;
import io.fineq.tensor.Tensor2D;

/**
 * A linear layer computed as the FineQ core computes it (docs/model.md, "Integer datapath"):
 * <ol>
 *   <li>the weights are a FineQ image (C = 64): codes q[m][k] in -3..3 and one scale s_k per input channel;</li>
 *   <li>since y[m] = sum_k q[m][k] * (s_k * x[k]), the channel scales are folded into the activations,
 *       which are then quantized per token to ACT_W = 8 bits, symmetric: a_t = max_k |s_k x[t][k]| / 127,
 *       xq[t][k] = clamp(rhaz(s_k x[t][k] / a_t), -127, 127) (the core has no scale of its own);</li>
 *   <li>the core's exact integer result Y[t][m] = sum_k q[m][k] xq[t][k], k-tile partial sums added
 *       outside the array, as {@link GoldenJob} computes them;</li>
 *   <li>rescaled and biased: y[t][m] = a_t Y[t][m] + b[m].</li>
 * </ol>
 * With {@code golden} the integers come from {@link GoldenJob#run} itself (tile by tile, bit-time by
 * bit-time); otherwise from the equal integer product, which {@code DatapathLinearTest} checks
 * against the golden model on real activations.
 */
public final class DatapathLinear implements MiniLm.Linear {
    public static final int ACT_MAX = 127;

    /** Where the exact integers Y = q xq^T come from: the product here, the golden model, or a simulated RTL. */
    public interface IntegerProduct {
        long[][] integers(FqwImage image, int[][] xq);
    }

    private final FqwImage image;
    private final int[][] qt; // q transposed: K rows of M (the integer product's inner loop runs over M)
    private final float[] channelScale;
    private final float[] bias;
    private final boolean golden;
    private final IntegerProduct product;

    /** The layer with weights {@code w} quantized by the default FineQ quantizer (C = 64). */
    public DatapathLinear(Tensor2D w, float[] bias, boolean golden) {
        this(new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(w).image(), bias, golden);
    }

    /** The layer for a given FineQ image (any quantizer's, e.g. the calibrated one). */
    public DatapathLinear(FqwImage image, float[] bias, boolean golden) {
        this(image, bias, golden, null);
    }

    /** The layer for a given FineQ image whose integers come from {@code product} (e.g. the accelerator in Verilator). */
    public DatapathLinear(FqwImage image, float[] bias, IntegerProduct product) {
        this(image, bias, false, product);
    }

    private DatapathLinear(FqwImage image, float[] bias, boolean golden, IntegerProduct product) {
        this.product = product;
        this.image = image;
        DecodedImage d = new DecodedImage(image);
        int m = image.header().rows(), k = image.header().cols();
        this.qt = new int[k][m];
        for (int r = 0; r < m; r++) for (int c = 0; c < k; c++) qt[c][r] = d.q(r, c);
        this.channelScale = image.scales();
        this.bias = bias;
        this.golden = golden;
    }

    /** The 8-bit activations of {@code x} and their per-token scales a_t. */
    public int[][] quantizeActivations(float[][] x, double[] tokenScale) {
        int k = qt.length;
        int[][] xq = new int[x.length][k];
        for (int t = 0; t < x.length; t++) {
            double max = 0;
            for (int c = 0; c < k; c++) max = Math.max(max, Math.abs((double) channelScale[c] * x[t][c]));
            double a = max == 0 ? 1.0 : max / ACT_MAX;
            tokenScale[t] = a;
            for (int c = 0; c < k; c++) {
                long v = Rounding.rhaz((double) channelScale[c] * x[t][c] / a);
                xq[t][c] = (int) Math.max(-ACT_MAX, Math.min(ACT_MAX, v));
            }
        }
        return xq;
    }

    /** Y = q xq^T exactly: from the golden model, or the equal integer product. */
    public long[][] integers(int[][] xq) {
        if (product != null) return product.integers(image, xq);
        if (golden) return GoldenJob.run(image, xq, CoreParams.defaults()).y();
        // y[t][:] += xq[t][c] * q^T[c][:], in int: |y| <= 3 * 127 * K fits for K < 5.6 M.
        int m = image.header().rows();
        long[][] y = new long[xq.length][m];
        java.util.stream.IntStream.range(0, xq.length).parallel().forEach(t -> {
            int[] xt = xq[t];
            int[] acc = new int[m];
            for (int c = 0; c < qt.length; c++) {
                int xv = xt[c];
                if (xv == 0) continue;
                int[] col = qt[c];
                for (int r = 0; r < m; r++) acc[r] += xv * col[r];
            }
            for (int r = 0; r < m; r++) y[t][r] = acc[r];
        });
        return y;
    }

    @Override
    public float[][] apply(float[][] x) {
        double[] a = new double[x.length];
        long[][] y = integers(quantizeActivations(x, a));
        int m = image.header().rows();
        float[][] out = new float[x.length][m];
        for (int t = 0; t < x.length; t++) {
            for (int r = 0; r < m; r++) out[t][r] = (float) (a[t] * y[t][r] + bias[r]);
        }
        return out;
    }

    public FqwImage image() {
        return image;
    }
}
