package io.fineq.report;

import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.Pairing;
import io.fineq.quant.QuantizerOptions;
import io.fineq.quant.ScaleRule;
import io.fineq.tensor.Tensor2D;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Builds the error report of a tensor: FineQ in all four variants (absmax/mse x paper/exhaustive)
 * and the baselines RTN 2-bit, symmetric uniform 2-bit and RTN 3-bit. Streams over rows; per-row
 * sums are kept per row and added in row order, so the figures do not depend on threads.
 */
public final class ErrorReporter {
    private final int arrayCols;
    private final double threshold;
    private final int tokens;
    private final long seed;
    private final boolean parallel;

    public ErrorReporter(int arrayCols, double threshold, int tokens, long seed, boolean parallel) {
        this.arrayCols = arrayCols;
        this.threshold = threshold;
        this.tokens = tokens;
        this.seed = seed;
        this.parallel = parallel;
    }

    /** The methods compared, FineQ variants first. */
    public List<ApproximationMethod> methods(Tensor2D t) {
        List<ApproximationMethod> list = new ArrayList<>();
        for (ScaleRule s : ScaleRule.values()) {
            for (Pairing p : Pairing.values()) {
                QuantizerOptions o = new QuantizerOptions(arrayCols, s, p, threshold, parallel);
                list.add(new FineqMethod(new FineqQuantizer(o).quantize(t)));
            }
        }
        list.add(new RtnAsymmetric(2, t.cols()));
        list.add(new UniformSymmetric2(t.cols()));
        list.add(new RtnAsymmetric(3, t.cols()));
        return list;
    }

    public TensorReport report(Tensor2D t) {
        return report(t, methods(t));
    }

    /** Evaluates the given methods on {@code t}. */
    public TensorReport report(Tensor2D t, List<ApproximationMethod> methods) {
        int m = t.rows();
        int k = t.cols();
        int nm = methods.size();
        Activations x = new Activations(k, tokens, seed);
        // Per row: [method][4] = sum w^2, sum (w-w')^2, sum y^2, sum (y-y')^2.
        double[][] rowSums = new double[m][];
        IntStream rows = IntStream.range(0, m);
        (parallel ? rows.parallel() : rows).forEach(r -> {
            float[] w = new float[k];
            double[] wd = new double[k];
            double[] approx = new double[k];
            double[] diff = new double[k];
            double[] y = new double[tokens];
            double[] dy = new double[tokens];
            t.readRow(r, w);
            double sw = 0;
            for (int i = 0; i < k; i++) {
                wd[i] = w[i];
                sw += wd[i] * wd[i];
            }
            x.multiply(wd, y);
            double sy = 0;
            for (double v : y) sy += v * v;
            double[] sums = new double[4 * nm];
            for (int j = 0; j < nm; j++) {
                methods.get(j).approximateRow(r, w, approx);
                double se = 0;
                for (int i = 0; i < k; i++) {
                    diff[i] = wd[i] - approx[i];
                    se += diff[i] * diff[i];
                }
                x.multiply(diff, dy);
                double sdy = 0;
                for (double v : dy) sdy += v * v;
                sums[4 * j] = sw;
                sums[4 * j + 1] = se;
                sums[4 * j + 2] = sy;
                sums[4 * j + 3] = sdy;
            }
            rowSums[r] = sums;
        });
        List<MethodResult> results = new ArrayList<>();
        for (int j = 0; j < nm; j++) {
            ErrorSums e = new ErrorSums();
            for (int r = 0; r < m; r++) {
                e.addWeights(rowSums[r][4 * j], rowSums[r][4 * j + 1]);
                e.addOutputs(rowSums[r][4 * j + 2], rowSums[r][4 * j + 3]);
            }
            results.add(MethodResult.of(methods.get(j).name(), methods.get(j).bitsPerWeight(), e));
        }
        return new TensorReport(t.name(), m, k, arrayCols, threshold, tokens, seed, List.copyOf(results));
    }
}
