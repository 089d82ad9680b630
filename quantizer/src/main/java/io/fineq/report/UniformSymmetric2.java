package io.fineq.report;

/**
 * Symmetric uniform 2-bit quantizer, one scale per output row, no zero point. A symmetric 2-bit
 * grid has the four mid-rise levels {@code (-1.5, -0.5, 0.5, 1.5) * delta}; the outer levels sit on
 * the row's absmax: {@code delta = (float)(absmax / 1.5)}, {@code i = clamp(floor(w / delta), -2, 1)},
 * {@code w' = (i + 0.5) * delta}. An all-zero row gives w' = 0.
 * Storage: {@code 2 + 32 / K} bits per weight (a float32 scale per row).
 */
public final class UniformSymmetric2 implements ApproximationMethod {
    private final int cols;

    public UniformSymmetric2(int cols) {
        this.cols = cols;
    }

    @Override
    public String name() {
        return "uniform2-sym-row";
    }

    @Override
    public double bitsPerWeight() {
        return 2.0 + 32.0 / cols;
    }

    @Override
    public void approximateRow(int r, float[] w, double[] out) {
        double absmax = 0;
        for (int k = 0; k < cols; k++) absmax = Math.max(absmax, Math.abs(w[k]));
        if (absmax == 0) {
            java.util.Arrays.fill(out, 0, cols, 0.0);
            return;
        }
        double delta = (float) (absmax / 1.5);
        for (int k = 0; k < cols; k++) {
            double i = Math.max(-2, Math.min(1, Math.floor(w[k] / delta)));
            out[k] = (i + 0.5) * delta;
        }
    }
}
