package io.fineq.quant;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The cycle-aware part of calibration (docs/quantizer.md, "Long-vector budget"). On the array a
 * weight vector (output row m of k-tile kt: the C weights {@code q[m][kt*C .. kt*C+C-1]}) takes
 * one bit-time more when any of its weights has magnitude 3 (both codings of docs/microarchitecture.md
 * section 5: unary L = max|w|, shifted L = 1 + [any |w| = 3]). The budget keeps at most a fraction
 * f of the vectors "long": the others are quantized with their normalised values clamped to +-2,
 * so the calibration's error compensation (GPTQ) and scale search see the clamp and work around it.
 *
 * <p>Which vectors stay long: those that would lose most by the clamp. The cost of clamping vector
 * (kt, m) is estimated on the columns and scales s_c the calibration gives without a budget (GPTQ:
 * a first, unconstrained pass, its compensated columns; output-mse: the weights at their
 * weight-error-optimal scales), weighted by the activations' energy H[c][c] (the output error of a
 * diagonal H): {@code sum_c H[c][c] s_c^2 (2|u| - 5)} over its values with {@code |u| = |w[c][m]| / s_c >= 2.5}
 * (the squared error rises by {@code (|u|-2)^2 - (|u|-3)^2} when 3 becomes 2). Vectors of cost 0 are
 * clamped for free; of the rest, the floor(f x vectors) most costly stay long (ties: lower kt, then
 * lower m, stay long).
 */
public final class LongVectorBudget {
    /**
     * The budget {@code fineq quantize --calibration} uses unless told otherwise: on MiniLM's GPTQ
     * images it keeps the embedding cosine at 0.83 or above (0.8315, against 0.8350 without a budget)
     * and takes the shifted core past 1.5x the MAC tree's GMAC/s per mm^2 (docs/hwcost.md, "A FineQ
     * core that wins"). 1 is plain calibration.
     */
    public static final double DEFAULT_FRACTION = 0.3;

    /** The largest magnitude a clamped vector may hold. */
    public static final double CAP = 2.0;

    private LongVectorBudget() {
    }

    /**
     * @param w        the columns the costs are estimated on, column-major, {@code w[c][m]} (K x M)
     * @param energy   H's diagonal per input channel (K)
     * @param scales   per input channel, the scale the costs are estimated at (K)
     * @param arrayCols C, the vector width
     * @param fraction the budget f in [0, 1]
     * @return {@code capped[kt][m]}: vector (kt, m) is clamped
     */
    public static boolean[][] cappedVectors(double[][] w, double[] energy, double[] scales, int arrayCols, double fraction) {
        int k = w.length, m = w[0].length;
        int tiles = (k + arrayCols - 1) / arrayCols;
        double[] cost = new double[tiles * m];
        for (int c = 0; c < k; c++) {
            double s = scales[c], e = energy[c] * s * s;
            int base = (c / arrayCols) * m;
            for (int r = 0; r < m; r++) {
                double a = Math.abs(w[c][r]) / s;
                if (a >= 2.5) cost[base + r] += e * (2 * a - 5);
            }
        }
        int vectors = tiles * m;
        int longBudget = (int) Math.floor(fraction * vectors);
        Integer[] order = new Integer[vectors];
        for (int i = 0; i < vectors; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -cost[i]).thenComparingInt(i -> i));
        boolean[][] capped = new boolean[tiles][m];
        for (boolean[] t : capped) Arrays.fill(t, true);
        for (int j = 0; j < longBudget && j < vectors; j++) {
            int v = order[j];
            if (cost[v] <= 0) break;
            capped[v / m][v % m] = false;
        }
        return capped;
    }
}
