package io.fineq.report;

import java.util.Random;

/**
 * The seeded random activations X (K x N) of the output-error metric: N tokens, i.i.d. standard
 * normal entries drawn from {@code new java.util.Random(seed).nextGaussian()} in the order
 * token 0 channels 0..K-1, token 1, ... Stored channel-major ({@code x[k * N + n]}) so that a row
 * times X is a run of vectorisable axpy steps.
 */
public final class Activations {
    private final int channels;
    private final int tokens;
    private final double[] x;

    public Activations(int channels, int tokens, long seed) {
        if (tokens < 1) throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        this.channels = channels;
        this.tokens = tokens;
        this.x = new double[Math.multiplyExact(channels, tokens)];
        Random r = new Random(seed);
        for (int n = 0; n < tokens; n++)
            for (int k = 0; k < channels; k++) x[k * tokens + n] = r.nextGaussian();
    }

    public int tokens() {
        return tokens;
    }

    public double get(int k, int n) {
        return x[k * tokens + n];
    }

    /** y[n] = sum_k v[k] * X[k][n], n = 0..N-1. */
    public void multiply(double[] v, double[] y) {
        java.util.Arrays.fill(y, 0, tokens, 0.0);
        for (int k = 0; k < channels; k++) {
            double vk = v[k];
            if (vk == 0) continue;
            int base = k * tokens;
            for (int n = 0; n < tokens; n++) y[n] += vk * x[base + n];
        }
    }
}
