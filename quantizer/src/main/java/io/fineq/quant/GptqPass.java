package io.fineq.quant;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The GPTQ pass (Frantar et al., ICLR 2023) with the per-channel quantizer left to the caller:
 * input channels are quantized one at a time in a given order, and the error of each is
 * compensated in the channels not yet quantized through the inverse of H: with U the upper
 * Cholesky factor of (P (H + lambda I) P^T)^-1, {@code W[:, j] -= (w_k - q_k) / U[k][k] * U[k][j]}
 * for the later channels j. One implementation for FineQ's calibrated quantizer and for the scalar
 * baselines of {@code io.fineq.baseline} (GPTQ 2-bit, PB-LLM, OWQ).
 */
public final class GptqPass {
    /** Channels per lazy batch update (GPTQ section 3.2). */
    private static final int BLOCK = 32;

    private GptqPass() {
    }

    /** Quantizes one input channel. */
    public interface ChannelRule {
        /**
         * Writes to {@code out[0..M-1]} the stored (dequantized) values of input channel
         * {@code channel}, whose current, compensated values are {@code column[0..M-1]}.
         */
        void quantize(int channel, double[] column, double[] out);
    }

    /** Per channel (K x M): its stored values, and its column as it was when it was quantized. */
    public record Result(double[][] quantized, double[][] source) {
    }

    /**
     * Runs the pass on {@code columns} (K x M, input channel k = {@code columns[k]}, not modified)
     * for activations with second moment {@code h} (K x K, row-major), damping
     * {@code damping} x H's mean diagonal, channels taken in {@code order} (a permutation of 0..K-1).
     */
    public static Result run(double[][] columns, double[] h, double damping, Integer[] order, ChannelRule rule) {
        int k = columns.length, m = columns[0].length;
        if (h.length != (long) k * k) throw new IllegalArgumentException("H is not " + k + " x " + k);
        if (order.length != k) throw new IllegalArgumentException("the channel order names " + order.length + " channels, the weights have " + k);
        double[] u = upperFactorOfInverse(h, order, damping * meanDiagonal(h, k));
        double[][] work = new double[k][];
        for (int i = 0; i < k; i++) work[i] = columns[order[i]].clone();
        double[][] quantized = new double[k][m];
        // Lazy batch updates: the compensation of a block of channels is applied inside the block at
        // once and to the later channels in one pass per column, so each later column is read once
        // per block instead of once per channel.
        double[][] err = new double[BLOCK][m];
        for (int b0 = 0; b0 < k; b0 += BLOCK) {
            int b1 = Math.min(k, b0 + BLOCK);
            for (int i = b0; i < b1; i++) {
                int ch = order[i];
                double[] col = work[i];
                double[] q = quantized[ch];
                rule.quantize(ch, col, q);
                double d = u[i * k + i];
                double[] e = err[i - b0];
                for (int r = 0; r < m; r++) e[r] = (col[r] - q[r]) / d;
                for (int j = i + 1; j < b1; j++) {
                    double uij = u[i * k + j];
                    if (uij == 0) continue;
                    double[] cj = work[j];
                    for (int r = 0; r < m; r++) cj[r] -= e[r] * uij;
                }
            }
            final int from = b0, to = b1;
            IntStream.range(b1, k).parallel().forEach(j -> {
                double[] cj = work[j];
                for (int i = from; i < to; i++) {
                    double uij = u[i * k + j];
                    if (uij == 0) continue;
                    double[] e = err[i - from];
                    for (int r = 0; r < m; r++) cj[r] -= e[r] * uij;
                }
            });
        }
        double[][] source = new double[k][];
        for (int i = 0; i < k; i++) source[order[i]] = work[i];
        return new Result(quantized, source);
    }

    /** The order of decreasing H diagonal ("act order"), ties by channel index. */
    public static Integer[] actOrder(double[] h, int k) {
        Integer[] order = naturalOrder(k);
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer i) -> -h[i * k + i]).thenComparingInt(i -> i));
        return order;
    }

    /** 0, 1, ..., k-1. */
    public static Integer[] naturalOrder(int k) {
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        return order;
    }

    /** The mean of H's diagonal (1 for an all-zero H): the unit of the damping. */
    static double meanDiagonal(double[] hm, int k) {
        double mean = 0;
        for (int i = 0; i < k; i++) mean += hm[i * k + i];
        return mean == 0 ? 1 : mean / k;
    }

    /**
     * U with (P (H + lambda I) P^T)^-1 = U^T U, row-major K x K, P the channel order. A channel
     * no token reaches (H[k][k] = 0) gets 1 on the diagonal, as in GPTQ. If the factorisation
     * fails, lambda grows tenfold (up to three times).
     */
    static double[] upperFactorOfInverse(double[] hm, Integer[] order, double lambda) {
        int k = order.length;
        for (int attempt = 0; attempt < 4; attempt++, lambda *= 10) {
            DMatrixRMaj a = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) a.set(i, j, hm[order[i] * k + order[j]]);
                if (a.get(i, i) == 0) a.set(i, i, 1);
                a.add(i, i, lambda);
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(k);
            if (!solver.setA(a)) continue;
            DMatrixRMaj inv = new DMatrixRMaj(k, k);
            solver.invert(inv);
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(k, false);
            if (!chol.decompose(inv)) continue;
            DMatrixRMaj t = chol.getT(null);
            double[] out = new double[k * k];
            for (int i = 0; i < k; i++) for (int j = i; j < k; j++) out[i * k + j] = t.get(i, j);
            return out;
        }
        throw new IllegalArgumentException("calibration activations: the second-moment matrix is not positive definite even with damping " + lambda);
    }
}
