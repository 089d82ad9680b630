package io.fineq.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.QuantizerOptions;
import io.fineq.quant.ScaleRule;
import io.fineq.report.ApproximationMethod;
import io.fineq.report.FineqMethod;
import io.fineq.report.RtnAsymmetric;
import io.fineq.report.RtnAsymmetricGrouped;
import io.fineq.report.UniformSymmetric2;
import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * Quality of all-MiniLM-L6-v2 when its 36 linear layers are approximated by FineQ and by the
 * usual low-bit baselines, on real text: mean embedding cosine to the FP32 model, and a retrieval
 * task (the first half of each paragraph must find its own second half among all second halves:
 * top-1 accuracy and mean reciprocal rank).
 */
public final class ModelEval {

    /** One way to run the linear layers: a name, its storage cost and the layers. */
    public record Method(String name, double bitsPerWeight, MiniLm.Linears linears) {
    }

    /** One row of the table. */
    public record Row(String name, double bitsPerWeight, double cosineToFp32, double top1, double mrr) {
    }

    /**
     * One point of the quality-versus-cycles curve: GPTQ images with a long-vector budget
     * ({@code 1} = plain GPTQ), the fraction of weight vectors that hold a 3, the mean vector length
     * of both codings over all 36 layers (vectors weighted equally), and the quality.
     */
    public record CyclePoint(String name, double budget, double longFraction, double meanLUnary, double meanLShifted, double cosineToFp32,
                             double top1) {
    }

    private ModelEval() {
    }

    /** Name of the GPTQ method with long-vector budget {@code f}: {@code fineq-gptq} for 1, else {@code fineq-gptq-lv0.25}. */
    public static String gptqName(double budget) {
        return budget >= 1 ? "fineq-gptq" : String.format(Locale.ROOT, "fineq-gptq-lv%.2f", budget);
    }

    /** The GPTQ method with a long-vector budget below 1 (the curve's points). */
    static Method gptqWithBudget(CalibratedModels calibrated, double budget, double bits) {
        return new Method(gptqName(budget), bits, (layer, w, bias) -> {
            Calibration.Layer l = calibrated.gptq(budget).get(layer);
            return Calibration.dequantized(l.tensor(), l.bias());
        });
    }

    /** Mean L over every weight vector of the images (vectors weighted equally) on an array of {@code kind}. */
    static double meanLength(java.util.Collection<Calibration.Layer> layers, io.fineq.golden.ArrayKind kind) {
        long sum = 0, vectors = 0;
        for (Calibration.Layer l : layers) {
            io.fineq.format.FqwImage img = l.tensor().image();
            sum += io.fineq.golden.GoldenJob.sumLength(img, new io.fineq.golden.CoreParams(64, 8, true, 0, kind));
            vectors += (long) img.header().kTiles() * img.header().paddedRows();
        }
        return (double) sum / vectors;
    }

    /** The curve: one point per budget (1 first), its quality from {@code rows} (the method of the same name). */
    static List<CyclePoint> cycleCurve(CalibratedModels calibrated, List<Double> budgets, List<Row> rows) {
        List<CyclePoint> out = new ArrayList<>();
        for (double f : budgets) {
            if (rows.stream().noneMatch(r -> r.name().equals(gptqName(f)))) continue;
            java.util.Collection<Calibration.Layer> layers = calibrated.gptq(f).values();
            double shifted = meanLength(layers, io.fineq.golden.ArrayKind.SHIFTED);
            Row q = rows.stream().filter(r -> r.name().equals(gptqName(f))).findFirst().orElse(null);
            if (q == null) continue; // not evaluated (--methods)
            out.add(new CyclePoint(gptqName(f), f, shifted - 1, meanLength(layers, io.fineq.golden.ArrayKind.TEMPORAL), shifted, q.cosineToFp32(), q.top1()));
        }
        return out;
    }

    /**
     * FP32, FineQ (default options, C = 64; the mse scale rule; the two calibrated modes of
     * {@code calibrated}) on dequantized weights and on the integer datapath, and the baselines of the issue: RTN 2/3/4-bit per row, RTN 2-bit g128,
     * uniform 2-bit. Calibrated quantization runs when a method is first used.
     */
    public static List<Method> methods(CalibratedModels calibrated) {
        List<Method> out = new ArrayList<>();
        out.add(new Method("fp32", 32, MiniLm.fp32()));
        out.add(approximated("fineq-absmax-paper", (w, k) -> new FineqMethod(new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(w))));
        double fineqBits = out.get(1).bitsPerWeight();
        out.add(new Method("fineq-int8-datapath", fineqBits, (layer, w, bias) -> new DatapathLinear(w, bias, false)));
        out.add(approximated("fineq-mse", (w, k) -> new FineqMethod(new FineqQuantizer(QuantizerOptions.defaults(64).withScale(ScaleRule.MSE)).quantize(w))));
        out.add(new Method("fineq-output-mse", fineqBits, (layer, w, bias) -> Calibration.dequantized(calibrated.outputMse().get(layer), bias)));
        out.add(new Method("fineq-gptq", fineqBits, (layer, w, bias) -> {
            Calibration.Layer l = calibrated.gptq().get(layer);
            return Calibration.dequantized(l.tensor(), l.bias());
        }));
        out.add(new Method("fineq-gptq-int8-datapath", fineqBits, (layer, w, bias) -> {
            Calibration.Layer l = calibrated.gptq().get(layer);
            return new DatapathLinear(l.tensor().image(), l.bias(), false);
        }));
        // The default images of `fineq quantize --calibration`: GPTQ with the default long-vector budget.
        out.add(gptqWithBudget(calibrated, io.fineq.quant.LongVectorBudget.DEFAULT_FRACTION, fineqBits));
        out.add(approximated("rtn2-asym-row", (w, k) -> new RtnAsymmetric(2, k)));
        out.add(approximated("rtn2-asym-g128", (w, k) -> new RtnAsymmetricGrouped(2, k, 128)));
        out.add(approximated("uniform2-sym-row", (w, k) -> new UniformSymmetric2(k)));
        out.add(approximated("rtn3-asym-row", (w, k) -> new RtnAsymmetric(3, k)));
        out.add(approximated("rtn4-asym-row", (w, k) -> new RtnAsymmetric(4, k)));
        return out;
    }

    /**
     * Linear layers whose weights are replaced by an approximation's dequantized values. The
     * bits per weight are those of the 384 x 384 layers (the FFN layers differ only in the per-row
     * overhead of the row-wise methods).
     */
    static Method approximated(String name, BiFunction<Tensor2D, Integer, ApproximationMethod> method) {
        double bits = method.apply(new io.fineq.tensor.ArrayTensor("probe", 384, 384, new float[384 * 384]), 384).bitsPerWeight();
        return new Method(name, bits, (layer, w, bias) -> {
            ApproximationMethod a = method.apply(w, w.cols());
            int m = w.rows(), k = w.cols();
            float[] row = new float[k];
            double[] approx = new double[k];
            float[][] wq = new float[m][k];
            for (int r = 0; r < m; r++) {
                w.readRow(r, row);
                a.approximateRow(r, row, approx);
                for (int c = 0; c < k; c++) wq[r][c] = (float) approx[c];
            }
            return MiniLm.fp32Linear(wq, bias);
        });
    }

    /** Embeds every text with every method and scores them against the FP32 embeddings. */
    public static List<Row> run(OnnxFile onnx, MiniLmTokenizer tokenizer, List<String> paragraphs, List<Method> methods, PrintStream progress)
            throws IOException {
        int n = paragraphs.size();
        long[][] first = new long[n][];
        long[][] second = new long[n][];
        for (int i = 0; i < n; i++) {
            String[] h = TextCorpus.halves(paragraphs.get(i));
            first[i] = tokenizer.ids(h[0]);
            second[i] = tokenizer.ids(h[1]);
        }
        float[][][] fp32 = null;
        List<Row> rows = new ArrayList<>();
        for (Method m : methods) {
            long t0 = System.nanoTime();
            MiniLm model = new MiniLm(onnx, m.linears());
            float[][] a = embedAll(model, first);
            float[][] b = embedAll(model, second);
            if (fp32 == null) fp32 = new float[][][] {a, b};
            double cos = 0;
            for (int i = 0; i < n; i++) cos += dot(a[i], fp32[0][i]) + dot(b[i], fp32[1][i]);
            cos /= 2.0 * n;
            int top1 = 0;
            double mrr = 0;
            for (int i = 0; i < n; i++) {
                double own = dot(a[i], b[i]);
                int rank = 1;
                for (int j = 0; j < n; j++) if (j != i && dot(a[i], b[j]) > own) rank++;
                if (rank == 1) top1++;
                mrr += 1.0 / rank;
            }
            Row row = new Row(m.name(), m.bitsPerWeight(), cos, (double) top1 / n, mrr / n);
            rows.add(row);
            if (progress != null) {
                progress.printf(Locale.ROOT, "model-eval: %-26s cosine %.4f top-1 %.3f MRR %.3f (%.1f s)%n", m.name(), cos, row.top1(), row.mrr(),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        return rows;
    }

    private static float[][] embedAll(MiniLm model, long[][] ids) {
        float[][] out = new float[ids.length][];
        IntStream.range(0, ids.length).parallel().forEach(i -> out[i] = model.embed(ids[i]));
        return out;
    }

    private static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (double) x[i] * y[i];
        return s;
    }

    /** Everything one evaluation measured. */
    public record Report(List<Row> methods, List<MatrixReport.Row> matrices, int paragraphs, int calibrationParagraphs, int calibrationTokens,
                         List<CyclePoint> cycleCurve) {
        public String table() {
            return ModelEval.table(methods, paragraphs) + String.format(Locale.ROOT, "(calibrated methods: %d calibration paragraphs, %d tokens, never evaluated on)%n%n",
                    calibrationParagraphs, calibrationTokens) + cycleTable(cycleCurve) + MatrixReport.table(matrices);
        }

        public String json() throws IOException {
            return ModelEval.json(methods, paragraphs, calibrationParagraphs, calibrationTokens, matrices, cycleCurve);
        }
    }

    /** The quality-versus-cycles table (empty when no budget was asked for). */
    static String cycleTable(List<CyclePoint> curve) {
        if (curve.size() < 2) return "";
        StringBuilder sb = new StringBuilder("quality versus cycles (GPTQ with a long-vector budget; L per weight vector, 36 layers)\n");
        sb.append(String.format(Locale.ROOT, "%-20s %7s %12s %12s %13s %14s %8s%n", "images", "budget", "long vectors", "L unary", "L shifted", "cosine_to_fp32", "top1"));
        for (CyclePoint p : curve)
            sb.append(String.format(Locale.ROOT, "%-20s %7.2f %12.4f %12.4f %13.4f %14.4f %8.3f%n", p.name(), p.budget(), p.longFraction(), p.meanLUnary(),
                    p.meanLShifted(), p.cosineToFp32(), p.top1()));
        return sb.append('\n').toString();
    }

    /** Paragraphs of the evaluation text whose activations the per-matrix SQNR is measured on. */
    public static final int MATRIX_PARAGRAPHS = 8;

    /**
     * The whole evaluation: every method on the {@code evaluation} paragraphs (the calibrated
     * ones calibrated on {@code calibration}), then the per-matrix table on the activations of the
     * first {@link #MATRIX_PARAGRAPHS} evaluation paragraphs.
     */
    public static Report evaluate(List<String> evaluation, List<String> calibration, PrintStream progress) throws IOException {
        return evaluate(evaluation, calibration, List.of(), List.of(), progress);
    }

    /**
     * As {@link #evaluate(List, List, PrintStream)}, plus a GPTQ method per long-vector budget in
     * {@code budgets} (each in [0, 1)) and the quality-versus-cycles curve over them.
     */
    public static Report evaluate(List<String> evaluation, List<String> calibration, List<Double> budgets, List<String> only, PrintStream progress)
            throws IOException {
        OnnxFile onnx = MiniLm.bundledOnnx();
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            CalibratedModels cal = new CalibratedModels(onnx, calibration.stream().map(tok::ids).toList(), progress);
            List<Method> methods = methods(cal);
            double bits = methods.get(1).bitsPerWeight();
            for (double f : budgets)
                if (methods.stream().noneMatch(m -> m.name().equals(gptqName(f)))) methods.add(gptqWithBudget(cal, f, bits));
            if (!only.isEmpty()) {
                List<String> known = methods.stream().map(Method::name).toList();
                for (String n : only)
                    if (!known.contains(n)) throw new IllegalArgumentException("--methods: '" + n + "' is not one of " + String.join(", ", known));
                methods.removeIf(m -> !m.name().equals("fp32") && !only.contains(m.name()));
            }
            List<Row> rows = run(onnx, tok, evaluation, methods, progress);
            List<Double> curve = new ArrayList<>();
            if (!budgets.isEmpty()) {
                curve.add(1.0);
                curve.addAll(budgets);
            }
            List<long[]> seqs = evaluation.subList(0, Math.min(MATRIX_PARAGRAPHS, evaluation.size())).stream().map(tok::ids).toList();
            // The per-matrix table compares the plain GPTQ images; skipped when --methods leaves them out.
            List<MatrixReport.Row> matrices = List.of();
            if (rows.stream().anyMatch(r -> r.name().equals(gptqName(1.0)))) {
                Map<String, QuantizedTensor> gptq = new LinkedHashMap<>();
                cal.gptq().forEach((k, v) -> gptq.put(k, v.tensor()));
                matrices = MatrixReport.run(onnx, MatrixReport.capture(onnx, seqs), gptq);
            }
            return new Report(rows, matrices, evaluation.size(), calibration.size(), cal.tokens(), cycleCurve(cal, curve, rows));
        }
    }

    /** The table as text. */
    public static String table(List<Row> rows, int paragraphs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "all-MiniLM-L6-v2, %d paragraphs (retrieval: first half -> own second half among %d)%n",
                paragraphs, paragraphs));
        sb.append(String.format(Locale.ROOT, "%-26s %8s %14s %8s %8s%n", "method", "bits/w", "cosine_to_fp32", "top1", "mrr"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-26s %8.4f %14.4f %8.3f %8.3f%n", r.name(), r.bitsPerWeight(), r.cosineToFp32(), r.top1(), r.mrr()));
        }
        return sb.toString();
    }

    /**
     * The table as JSON: {"model", "paragraphs", "calibration_paragraphs", "calibration_tokens",
     * "methods": [{name, bits_per_weight, cosine_to_fp32, top1, mrr}], "matrices": [per matrix]}.
     */
    public static String json(List<Row> rows, int paragraphs, int calibrationParagraphs, int calibrationTokens, List<MatrixReport.Row> matrices,
                              List<CyclePoint> curve) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", "all-MiniLM-L6-v2");
        root.put("paragraphs", paragraphs);
        root.put("calibration_paragraphs", calibrationParagraphs);
        root.put("calibration_tokens", calibrationTokens);
        ArrayNode methods = root.putArray("methods");
        for (Row r : rows) {
            methods.addObject().put("name", r.name()).put("bits_per_weight", r.bitsPerWeight()).put("cosine_to_fp32", r.cosineToFp32())
                    .put("top1", r.top1()).put("mrr", r.mrr());
        }
        if (!curve.isEmpty()) {
            ArrayNode cc = root.putArray("cycle_curve");
            for (CyclePoint p : curve)
                cc.addObject().put("name", p.name()).put("long_vector_budget", p.budget()).put("long_vector_fraction", p.longFraction())
                        .put("mean_length_unary", p.meanLUnary()).put("mean_length_shifted", p.meanLShifted()).put("cosine_to_fp32", p.cosineToFp32())
                        .put("top1", p.top1());
        }
        ArrayNode mats = root.putArray("matrices");
        for (MatrixReport.Row r : matrices) {
            mats.addObject().put("name", r.name()).put("rows", r.m()).put("cols", r.k())
                    .put("fineq_weight_sqnr_db", r.fineqWeightDb()).put("fineq_output_sqnr_db", r.fineqOutputDb())
                    .put("gptq_weight_sqnr_db", r.gptqWeightDb()).put("gptq_output_sqnr_db", r.gptqOutputDb())
                    .put("rtn2_weight_sqnr_db", r.rtn2WeightDb()).put("rtn2_output_sqnr_db", r.rtn2OutputDb())
                    .put("mean_vector_length", r.meanL()).put("gptq_mean_vector_length", r.gptqMeanL());
        }
        return json.writeValueAsString(root) + "\n";
    }
}
