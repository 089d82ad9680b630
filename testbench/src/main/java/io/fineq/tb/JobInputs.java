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
}
