package io.fineq.baseline;

import io.fineq.quant.Rounding;

/**
 * The b-bit asymmetric uniform grid of round-to-nearest and GPTQ: the range is widened to include
 * 0 so that zero stays exact, {@code lo = min(min w, 0)}, {@code hi = max(max w, 0)},
 * {@code delta = (float)((hi - lo) / (2^b - 1))}, {@code z = rhaz(-lo / delta)},
 * {@code q = clamp(rhaz(w / delta) + z, 0, 2^b - 1)}, {@code w' = (q - z) * delta}. An all-zero
 * range maps every value to 0. One definition for {@code io.fineq.report.RtnAsymmetric} and the
 * GPTQ baselines, so that GPTQ without compensation is exactly RTN.
 */
public record AsymmetricGrid(double delta, long zero, int levels) {

    /** The grid of {@code bits} bits covering {@code [min(lo, 0), max(hi, 0)]}. */
    public static AsymmetricGrid of(double lo, double hi, int bits) {
        if (bits < 1 || bits > 16) throw new IllegalArgumentException("bits must be in 1..16, got " + bits);
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
        int levels = (1 << bits) - 1;
        if (hi == lo) return new AsymmetricGrid(0, 0, levels);
        double delta = (float) ((hi - lo) / levels);
        return new AsymmetricGrid(delta, Rounding.rhaz(-lo / delta), levels);
    }

    /** The grid of {@code bits} bits for the values {@code w[from..to-1]}. */
    public static AsymmetricGrid of(double[] w, int from, int to, int bits) {
        double lo = 0, hi = 0;
        for (int i = from; i < to; i++) {
            lo = Math.min(lo, w[i]);
            hi = Math.max(hi, w[i]);
        }
        return of(lo, hi, bits);
    }

    /** The grid value nearest to {@code w} (clamped to the range). */
    public double apply(double w) {
        if (delta == 0) return 0;
        long q = Math.max(0, Math.min(levels, Rounding.rhaz(w / delta) + zero));
        return (q - zero) * delta;
    }
}
