package io.fineq.quant;

import java.util.stream.IntStream;

/**
 * The second-moment matrix {@code H = sum_t x_t x_t^T} (K x K, double) of the activations that
 * reach one linear layer, accumulated over calibration tokens. It is everything the calibrated
 * quantizer needs to know about the data: for any weight error matrix D (M x K) the squared
 * output error over the calibration tokens is {@code sum_m D[m] H D[m]^T}.
 */
public final class SecondMoment {
    private final int k;
    private final double[] h;
    private final double[] sum;
    private long tokens;

    public SecondMoment(int k) {
        if (k < 1) throw new IllegalArgumentException("K must be >= 1, got " + k);
        this.k = k;
        this.h = new double[k * k];
        this.sum = new double[k];
    }

    /** Rows of H per task of {@link #add}: each token row is read once per block (cache reuse). */
    private static final int ROW_BLOCK = 8;

    /** Tokens per float partial sum: H depends only on the token sequence, not on how it is split into add calls. */
    static final int GROUP = 256;
    private final float[][] pending = new float[GROUP][];
    private int pendingCount;

    /** Adds the tokens {@code x[t][0..K-1]} (copied). */
    public synchronized void add(float[][] x) {
        for (float[] xt : x)
            if (xt.length != k) throw new IllegalArgumentException("activation width must be K = " + k + ", got " + xt.length);
        for (float[] xt : x) {
            for (int i = 0; i < k; i++) sum[i] += xt[i];
            pending[pendingCount++] = xt.clone();
            if (pendingCount == GROUP) flush();
        }
        tokens += x.length;
    }

    /**
     * Adds the pending group's X^T X to H: formed in float as a sum of outer products (row updates
     * the JIT turns into SIMD), a block of 8 rows of H per task, then added in double; the result
     * does not depend on the number of threads.
     */
    private void flush() {
        if (pendingCount == 0) return;
        float[][] x = java.util.Arrays.copyOf(pending, pendingCount);
        pendingCount = 0;
        java.util.Arrays.fill(pending, null);
        int blocks = (k + ROW_BLOCK - 1) / ROW_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int i0 = b * ROW_BLOCK, i1 = Math.min(k, i0 + ROW_BLOCK);
            float[][] acc = new float[i1 - i0][k - i0];
            for (float[] xt : x) {
                int i = i0;
                for (; i + 3 < i1; i += 4) axpy4(xt[i], xt[i + 1], xt[i + 2], xt[i + 3], xt, i0, acc[i - i0], acc[i - i0 + 1], acc[i - i0 + 2], acc[i - i0 + 3]);
                for (; i < i1; i++) axpy(xt[i], xt, i0, acc[i - i0]);
            }
            for (int i = i0; i < i1; i++) {
                int row = i * k;
                float[] a = acc[i - i0];
                for (int j = i; j < k; j++) h[row + j] += a[j - i0];
            }
        });
    }

    /** a[j] += v * x[off + j] for every j of a (the canonical form the JIT vectorises). */
    private static void axpy(float v, float[] x, int off, float[] a) {
        for (int j = 0; j < a.length; j++) a[j] += v * x[off + j];
    }

    /** Four rows at once: each x[off + j] is loaded once for four updates. */
    private static void axpy4(float v0, float v1, float v2, float v3, float[] x, int off, float[] a0, float[] a1, float[] a2, float[] a3) {
        int n = a0.length;
        for (int j = 0; j < n; j++) {
            float xj = x[off + j];
            a0[j] += v0 * xj;
            a1[j] += v1 * xj;
            a2[j] += v2 * xj;
            a3[j] += v3 * xj;
        }
    }

    public int cols() {
        return k;
    }

    /** The mean activation per channel over the tokens added (zeros before any). */
    public synchronized double[] mean() {
        double[] m = new double[k];
        if (tokens > 0) for (int i = 0; i < k; i++) m[i] = sum[i] / tokens;
        return m;
    }

    public synchronized long tokens() {
        return tokens;
    }

    /** H[i][j] (symmetric; the upper triangle is accumulated). */
    public synchronized double get(int i, int j) {
        flush();
        return i <= j ? h[i * k + j] : h[j * k + i];
    }

    /** The full symmetric matrix, row-major, as a new array. */
    public synchronized double[] matrix() {
        flush();
        double[] out = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                out[i * k + j] = h[i * k + j];
                out[j * k + i] = h[i * k + j];
            }
        }
        return out;
    }
}
