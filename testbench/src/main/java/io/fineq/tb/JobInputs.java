package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;

import java.util.SplittableRandom;

/** Seeded job inputs: weight images quantised from synthetic llama-like tensors, and activations. */
public final class JobInputs {
    private JobInputs() {
    }

    /** The quantizer's {@code .fqw} image (default options) of an M x K synthetic llama-like tensor, for a C-column array. */
    public static FqwImage syntheticImage(int m, int k, int arrayCols, long seed) {
        SyntheticTensor t = new SyntheticTensor("synthetic-llama-like-" + seed, SynthKind.LLAMA_LIKE, m, k, seed);
        return new FineqQuantizer(QuantizerOptions.defaults(arrayCols)).quantize(t).image();
    }

    /**
     * N x K activations, uniform over the ACT_W-bit range, except that token 0 (when N > 2)
     * alternates the two extremes -2^(ACT_W-1) and 2^(ACT_W-1)-1 so every job sees them.
     */
    public static int[][] randomActivations(int n, int k, int actWidth, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int lo = -(1 << (actWidth - 1)), hi = (1 << (actWidth - 1)) - 1;
        int[][] x = new int[n][k];
        for (int t = 0; t < n; t++)
            for (int c = 0; c < k; c++)
                x[t][c] = (t == 0 && n > 2) ? ((c & 1) == 0 ? lo : hi) : rnd.nextInt(lo, hi + 1);
        return x;
    }

    /**
     * N x K activations shaped like a transformer layer's input, quantised per token as a real
     * deployment does: values ~ N(0, 1) with 1 % outlier channels (x 8, fixed per channel, as the
     * large-magnitude feature channels of LLM activations), each token scaled by its absmax to the
     * signed ACT_W-bit range and rounded (half away from zero). Most codes are small, a few are
     * at the extremes: the switching activity of a real job, not of uniform noise.
     */
    public static int[][] tokenActivations(int n, int k, int actWidth, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        boolean[] outlier = new boolean[k];
        for (int c = 0; c < k; c++) outlier[c] = rnd.nextDouble() < 0.01;
        int max = (1 << (actWidth - 1)) - 1;
        int[][] x = new int[n][k];
        double[] v = new double[k];
        for (int t = 0; t < n; t++) {
            double absmax = 0;
            for (int c = 0; c < k; c++) {
                v[c] = gaussian(rnd) * (outlier[c] ? 8 : 1);
                absmax = Math.max(absmax, Math.abs(v[c]));
            }
            double scale = absmax == 0 ? 1 : absmax / max;
            for (int c = 0; c < k; c++) {
                double q = v[c] / scale;
                x[t][c] = (int) Math.max(-max, Math.min(max, Math.signum(q) * Math.floor(Math.abs(q) + 0.5)));
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }
}
