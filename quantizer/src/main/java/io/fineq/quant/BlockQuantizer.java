package io.fineq.quant;

/**
 * Quantises the 24 normalised values u of one block (spec section 2): own code per cluster by the
 * outlier rule, one shared code per pair by the pair rule, then rhaz + clamp per value.
 *
 * <p>All arithmetic is IEEE double. The pair error E(c) is summed over the 6 values in row order
 * (cluster 2i positions 0..2, then cluster 2i+1 positions 0..2) starting from 0.0, so ties are
 * exact and reproducible. Since q always has the sign of u (or is 0), {@code (u - q)^2} equals
 * {@code (|u| - |q|)^2} bit for bit (IEEE negation and rounding are symmetric); the code works on
 * magnitudes. Not thread-safe (scratch arrays); use one instance per thread.
 */
public final class BlockQuantizer {
    private final double threshold;
    private final boolean exhaustive;
    private final double[] a = new double[PackedBlock.VALUES];
    private final int[] m2 = new int[PackedBlock.VALUES];
    private final int[] m3 = new int[PackedBlock.VALUES];
    private final double[] err2 = new double[PackedBlock.VALUES];
    private final double[] err3 = new double[PackedBlock.VALUES];
    private final double[] errZero = new double[PackedBlock.VALUES];
    private final int[] ownCodes = new int[PackedBlock.CLUSTERS];

    public BlockQuantizer(double threshold, Pairing pairing) {
        this.threshold = threshold;
        this.exhaustive = pairing == Pairing.EXHAUSTIVE;
    }

    /** rhaz(a) clamped to 0..3 for a >= 0: exact comparisons with the .5 boundaries. */
    static int magnitude3(double a) {
        return a >= 2.5 ? 3 : a >= 1.5 ? 2 : a >= 0.5 ? 1 : 0;
    }

    /** rhaz(a) clamped to 0..1 for a >= 0. */
    static int magnitude2(double a) {
        return a >= 0.5 ? 1 : 0;
    }

    /**
     * The own code of a cluster from its magnitudes: {@code 1 + argmin} (lowest index on ties)
     * when {@code max > T * min}, else 0.
     */
    public static int ownCode(double a0, double a1, double a2, double threshold) {
        double max = Math.max(a0, Math.max(a1, a2));
        double min = Math.min(a0, Math.min(a1, a2));
        if (!(max > threshold * min)) return 0;
        if (a0 <= a1 && a0 <= a2) return 1;
        return a1 <= a2 ? 2 : 3;
    }

    /**
     * Quantises one block.
     *
     * @param u         the 24 normalised values, row order
     * @param pairCodes out: the 4 pair codes
     * @param q         out: the 24 quantised values
     * @return the block's squared error {@code sum (u - q)^2}, summed in row order
     */
    public double quantize(double[] u, int[] pairCodes, int[] q) {
        for (int r = 0; r < PackedBlock.VALUES; r++) {
            double v = Math.abs(u[r]);
            a[r] = v;
            int k2 = magnitude2(v);
            int k3 = magnitude3(v);
            m2[r] = k2;
            m3[r] = k3;
            double d2 = v - k2;
            double d3 = v - k3;
            err2[r] = d2 * d2;
            err3[r] = d3 * d3;
            errZero[r] = v * v;
        }
        for (int j = 0; j < PackedBlock.CLUSTERS; j++) {
            int b = 3 * j;
            ownCodes[j] = ownCode(a[b], a[b + 1], a[b + 2], threshold);
        }
        double total = 0.0;
        for (int p = 0; p < PackedBlock.PAIRS; p++) {
            int c0 = ownCodes[2 * p];
            int c1 = ownCodes[2 * p + 1];
            int code = (!exhaustive && c0 == c1) ? c0 : bestCode(6 * p);
            pairCodes[p] = code;
            for (int r = 6 * p; r < 6 * p + 6; r++) {
                int m;
                double e;
                if (code == 0) {
                    m = m2[r];
                    e = err2[r];
                } else if (r % 3 == code - 1) {
                    m = 0;
                    e = errZero[r];
                } else {
                    m = m3[r];
                    e = err3[r];
                }
                q[r] = u[r] < 0 ? -m : m;
                total += e;
            }
        }
        return total;
    }

    /** argmin over c = 0..3 of the pair error E(c) for the pair starting at row {@code base}; lowest c on ties. */
    private int bestCode(int base) {
        int best = 0;
        double bestErr = pairError(base, 0);
        for (int c = 1; c <= 3; c++) {
            double e = pairError(base, c);
            if (e < bestErr) {
                bestErr = e;
                best = c;
            }
        }
        return best;
    }

    /** E(c) = sum over the 6 values of the pair, in row order, of (u - q_c(u))^2. */
    double pairError(int base, int code) {
        double sum = 0.0;
        for (int r = base; r < base + 6; r++) {
            double e;
            if (code == 0) e = err2[r];
            else if (r % 3 == code - 1) e = errZero[r];
            else e = err3[r];
            sum += e;
        }
        return sum;
    }
}
