package io.fineq.report;

import io.fineq.baseline.AsymmetricGrid;

/**
 * Round-to-nearest, asymmetric (scale + zero point), one group per output row (min/max), b bits.
 * The range is widened to include 0 (as GPTQ's RTN does) so that zero stays exact:
 * {@code lo = min(min w, 0)}, {@code hi = max(max w, 0)}, {@code delta = (float)((hi - lo) / (2^b - 1))},
 * {@code z = rhaz(-lo / delta)}, {@code q = clamp(rhaz(w / delta) + z, 0, 2^b - 1)},
 * {@code w' = (q - z) * delta}. An all-zero row gives w' = 0.
 * Storage: b bits per weight plus a float32 scale and a b-bit zero point per row:
 * {@code b + (32 + b) / K}.
 */
public final class RtnAsymmetric implements ApproximationMethod {
    private final int bits;
    private final int cols;

    public RtnAsymmetric(int bits, int cols) {
        this.bits = bits;
        this.cols = cols;
    }

    @Override
    public String name() {
        return "rtn" + bits + "-asym-row";
    }

    @Override
    public double bitsPerWeight() {
        return bits + (32.0 + bits) / cols;
    }

    @Override
    public void approximateRow(int r, float[] w, double[] out) {
        double lo = 0;
        double hi = 0;
        for (int k = 0; k < cols; k++) {
            lo = Math.min(lo, w[k]);
            hi = Math.max(hi, w[k]);
        }
        AsymmetricGrid grid = AsymmetricGrid.of(lo, hi, bits);
        for (int k = 0; k < cols; k++) out[k] = grid.apply(w[k]);
    }
}
