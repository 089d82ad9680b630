package io.fineq.quant;

/**
 * Quantises the 24 normalised values u of one block (spec section 2): own code per cluster by the
 * outlier rule, one shared code per pair by the pair rule, then rhaz + clamp per value.
 *
 * <p>All arithmetic is IEEE double. The pair error E(c) is summed over the 6 values in row order
 * (cluster 2i positions 0..2, then cluster 2i+1 positions 0..2) starting from 0.0, so ties are
 * exact and reproducible. Since q always has the sign of u (or is 0), {@code (u - q)^2} equals
 * {@code (|u| - |q|)^2} bit for bit (IEEE negation and rounding are symmetric); the code works on
 * magnitudes. The rounding comparisons are branch-free (see {@link #atLeast}) because on real
 * weights they are coin flips that a branch predictor cannot learn.
 * Not thread-safe (scratch arrays); use one instance per thread.
 */
public final class BlockQuantizer {
    private final double threshold;
    private final boolean exhaustive;
    private final double[] a = new double[PackedBlock.VALUES];
    private final int[] m2 = new int[PackedBlock.VALUES];
    private final int[] m3 = new int[PackedBlock.VALUES];
    private final int[] ownCodes = new int[PackedBlock.CLUSTERS];

    public BlockQuantizer(double threshold, Pairing pairing) {
        this.threshold = threshold;
        this.exhaustive = pairing == Pairing.EXHAUSTIVE;
    }

    /**
     * 1 if {@code a >= b}, else 0, for finite a, b >= 0, without a branch: {@code a - b} is +0.0
     * when they are equal and otherwise has the sign of the exact difference (IEEE subtraction
     * never rounds a non-zero difference to zero).
     */
    static int atLeast(double a, double b) {
        return 1 - (int) (Double.doubleToRawLongBits(a - b) >>> 63);
    }

    /** rhaz(a) clamped to 0..3, for a >= 0. */
    static int magnitude3(double a) {
        return atLeast(a, 0.5) + atLeast(a, 1.5) + atLeast(a, 2.5);
    }

    /** rhaz(a) clamped to 0..1, for a >= 0. */
    static int magnitude2(double a) {
        return atLeast(a, 0.5);
    }

    /**
     * The own code of a cluster from its magnitudes: {@code 1 + argmin} (lowest index on ties)
     * when {@code max > T * min}, else 0. Branch-free: the outcome is data dependent.
     */
    public static int ownCode(double a0, double a1, double a2, double threshold) {
        double max = Math.max(a0, Math.max(a1, a2));
        double min = Math.min(a0, Math.min(a1, a2));
        int outlier = 1 - atLeast(threshold * min, max); // max > T * min
        int first = atLeast(a1, a0) & atLeast(a2, a0);    // a0 is the (first) minimum
        int argmin = 1 + (1 - first) * (2 - atLeast(a2, a1)); // 1, else 2 if a1 <= a2, else 3
        return outlier * argmin;
    }

    /**
     * Quantises one block and returns its squared error.
     *
     * @param u         the 24 normalised values, row order
     * @param pairCodes out: the 4 pair codes
     * @param q         out: the 24 quantised values
     * @return {@code sum (u - q)^2} over the block, summed in row order
     */
    public double quantize(double[] u, int[] pairCodes, int[] q) {
        quantizeCodes(u, pairCodes, q);
        double total = 0.0;
        for (int r = 0; r < PackedBlock.VALUES; r++) {
            double d = a[r] - Math.abs(q[r]);
            total += d * d;
        }
        return total;
    }

    /** Quantises one block: pair codes and values, no error sum. */
    public void quantizeCodes(double[] u, int[] pairCodes, int[] q) {
        quantizeCodes(u, 0, pairCodes, q);
    }

    /** As {@link #quantizeCodes(double[], int[], int[])} for the 24 values {@code u[off..off+23]}. */
    public void quantizeCodes(double[] u, int off, int[] pairCodes, int[] q) {
        for (int r = 0; r < PackedBlock.VALUES; r++) {
            double v = Math.abs(u[off + r]);
            a[r] = v;
            m2[r] = magnitude2(v);
            m3[r] = magnitude3(v);
        }
        for (int j = 0; j < PackedBlock.CLUSTERS; j++) {
            int b = 3 * j;
            ownCodes[j] = ownCode(a[b], a[b + 1], a[b + 2], threshold);
        }
        for (int p = 0; p < PackedBlock.PAIRS; p++) {
            int c0 = ownCodes[2 * p];
            int c1 = ownCodes[2 * p + 1];
            // Own codes disagree on about half the pairs of real weights: computing the argmin
            // always and selecting is cheaper than a mispredicted branch.
            int best = bestCode(6 * p);
            int agree = (!exhaustive && c0 == c1) ? 1 : 0;
            int code = agree * c0 + (1 - agree) * best;
            pairCodes[p] = code;
            int twoBit = code == 0 ? 1 : 0;
            int zero = code - 1;
            for (int r = 6 * p, pos = 0; pos < 6; r++, pos++) {
                int i = pos < 3 ? pos : pos - 3;
                int kept = ((i - zero) | (zero - i)) >>> 31; // 1 unless i is the zeroed position
                int m = twoBit * m2[r] + (1 - twoBit) * kept * m3[r];
                int neg = (int) (Double.doubleToRawLongBits(u[off + r]) >>> 63);
                q[r] = (m ^ -neg) + neg; // -m when u < 0
            }
        }
    }

    /**
     * argmin over c = 0..3 of the pair error E(c) for the pair starting at row {@code base};
     * lowest c on ties. Unrolled form of {@link #pairError}: the same terms added in the same order.
     */
    private int bestCode(int base) {
        double a0 = a[base], a1 = a[base + 1], a2 = a[base + 2], a3 = a[base + 3], a4 = a[base + 4], a5 = a[base + 5];
        double t0 = a0 - m3[base], t1 = a1 - m3[base + 1], t2 = a2 - m3[base + 2];
        double t3 = a3 - m3[base + 3], t4 = a4 - m3[base + 4], t5 = a5 - m3[base + 5];
        double e0 = t0 * t0, e1 = t1 * t1, e2 = t2 * t2, e3 = t3 * t3, e4 = t4 * t4, e5 = t5 * t5;
        double z0 = a0 * a0, z1 = a1 * a1, z2 = a2 * a2, z3 = a3 * a3, z4 = a4 * a4, z5 = a5 * a5;
        double s0 = a0 - m2[base], s1 = a1 - m2[base + 1], s2 = a2 - m2[base + 2];
        double s3 = a3 - m2[base + 3], s4 = a4 - m2[base + 4], s5 = a5 - m2[base + 5];
        double err0 = s0 * s0 + s1 * s1 + s2 * s2 + s3 * s3 + s4 * s4 + s5 * s5;
        double err1 = z0 + e1 + e2 + z3 + e4 + e5;
        double err2 = e0 + z1 + e2 + e3 + z4 + e5;
        double err3 = e0 + e1 + z2 + e3 + e4 + z5;
        int best = 0;
        double bestErr = err0;
        if (err1 < bestErr) {
            bestErr = err1;
            best = 1;
        }
        if (err2 < bestErr) {
            bestErr = err2;
            best = 2;
        }
        if (err3 < bestErr) best = 3;
        return best;
    }

    /** E(c) = sum over the 6 values of the pair, in row order, of (u - q_c(u))^2 (uses the magnitudes of the last block). */
    double pairError(int base, int code) {
        double sum = 0.0;
        for (int r = base; r < base + 6; r++) {
            double v = a[r];
            double d;
            if (code == 0) d = v - magnitude2(v);
            else if (r % 3 == code - 1) d = v;
            else d = v - magnitude3(v);
            sum += d * d;
        }
        return sum;
    }
}
