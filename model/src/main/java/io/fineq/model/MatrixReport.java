package io.fineq.model;

import io.fineq.format.FqwImage;
import io.fineq.golden.GoldenJob;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.QuantizerOptions;
import io.fineq.report.ApproximationMethod;
import io.fineq.report.FineqMethod;
import io.fineq.report.RtnAsymmetric;
import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per matrix of MiniLM: weight SQNR and output SQNR on the real activations that reach the layer
 * in the FP32 model (FineQ and RTN 2-bit per row), and the mean vector length L on the core
 * (C = 64, early termination) measured on the real FineQ codes.
 */
public final class MatrixReport {

    /** One matrix. SQNR in dB: 10 log10(sum s^2 / sum (s - s')^2). */
    public record Row(String name, int m, int k, double fineqWeightDb, double fineqOutputDb, double gptqWeightDb, double gptqOutputDb,
                      double rtn2WeightDb, double rtn2OutputDb, double meanL, double gptqMeanL) {
    }

    private MatrixReport() {
    }

    /**
     * {@code inputs}: the FP32 activations (tokens x K) reaching each linear layer, by node name;
     * {@code calibrated}: the calibrated (GPTQ) images by node name.
     */
    public static List<Row> run(OnnxFile onnx, Map<String, float[][]> inputs, Map<String, QuantizedTensor> calibrated) throws IOException {
        List<Row> out = new ArrayList<>();
        for (OnnxFile.Weight wt : onnx.weights()) {
            Tensor2D w = onnx.toTensor(wt);
            int m = w.rows(), k = w.cols();
            float[][] wf = new float[m][k];
            for (int r = 0; r < m; r++) w.readRow(r, wf[r]);
            QuantizedTensor qt = new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(w);
            FqwImage img = qt.image();
            double[][] fq = approximate(wf, new FineqMethod(qt));
            QuantizedTensor cal = calibrated.get(wt.node());
            double[][] gq = approximate(wf, new FineqMethod(cal));
            double[][] r2 = approximate(wf, new RtnAsymmetric(2, k));
            float[][] x = inputs.get(wt.node());
            out.add(new Row(wt.node(), m, k, weightDb(wf, fq), outputDb(wf, fq, x), weightDb(wf, gq), outputDb(wf, gq, x), weightDb(wf, r2),
                    outputDb(wf, r2, x), meanL(img), meanL(cal.image())));
        }
        return out;
    }

    private static double[][] approximate(float[][] w, ApproximationMethod a) {
        double[][] out = new double[w.length][w[0].length];
        for (int r = 0; r < w.length; r++) a.approximateRow(r, w[r], out[r]);
        return out;
    }

    private static double weightDb(float[][] w, double[][] a) {
        double s = 0, e = 0;
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[r].length; c++) {
                s += (double) w[r][c] * w[r][c];
                e += (w[r][c] - a[r][c]) * (w[r][c] - a[r][c]);
            }
        }
        return 10 * Math.log10(s / e);
    }

    private static double outputDb(float[][] w, double[][] a, float[][] x) {
        if (x == null) return Double.NaN;
        double s = 0, e = 0;
        for (float[] xt : x) {
            for (int r = 0; r < w.length; r++) {
                double y = 0, ya = 0;
                for (int c = 0; c < xt.length; c++) {
                    y += (double) w[r][c] * xt[c];
                    ya += a[r][c] * xt[c];
                }
                s += y * y;
                e += (y - ya) * (y - ya);
            }
        }
        return 10 * Math.log10(s / e);
    }

    /** Mean over the image's weight vectors (k-tile, row) of L = max(1, max_c |q|), early termination. */
    static double meanL(FqwImage img) {
        return (double) GoldenJob.sumLength(img, true) / ((long) img.header().kTiles() * img.header().paddedRows());
    }

    /** The FP32 inputs of every linear layer for the given token sequences (all tokens stacked). */
    public static Map<String, float[][]> capture(OnnxFile onnx, List<long[]> sequences) throws IOException {
        Map<String, List<float[]>> rows = new LinkedHashMap<>();
        MiniLm.Linears fp32 = MiniLm.fp32();
        MiniLm model = new MiniLm(onnx, (name, w, b) -> {
            MiniLm.Linear l = fp32.of(name, w, b);
            return x -> {
                synchronized (rows) {
                    rows.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(x));
                }
                return l.apply(x);
            };
        });
        for (long[] ids : sequences) model.hidden(ids);
        Map<String, float[][]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.toArray(new float[0][])));
        return out;
    }

    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("Per matrix: SQNR in dB of the weights (w) and of the layer output on real activations (y)\n");
        sb.append(String.format(Locale.ROOT, "%-46s %9s %9s %9s %9s %9s %9s %9s %7s %7s%n", "matrix", "M x K",
                "fineq w", "fineq y", "gptq w", "gptq y", "rtn2 w", "rtn2 y", "L fineq", "L gptq"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-46s %9s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %7.3f %7.3f%n", r.name(), r.m() + "x" + r.k(),
                    r.fineqWeightDb(), r.fineqOutputDb(), r.gptqWeightDb(), r.gptqOutputDb(), r.rtn2WeightDb(), r.rtn2OutputDb(), r.meanL(),
                    r.gptqMeanL()));
        }
        return sb.toString();
    }
}
