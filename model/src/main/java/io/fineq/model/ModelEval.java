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

    /**
     * One way to run the linear layers: a name, its storage cost and the layers; {@code dense} when
     * the layers are plain FP32 weights (dequantized images), which then run on ONNX Runtime
     * ({@link OrtEncoder}), else null (the integer datapath, run in Java).
     */
    public record Method(String name, double bitsPerWeight, MiniLm.Linears linears, OrtEncoder.DenseLayers dense) {
        public Method(String name, double bitsPerWeight, MiniLm.Linears linears) {
            this(name, bitsPerWeight, linears, null);
        }

        /** A method whose layers are the FP32 weights and biases {@code dense} gives. */
        static Method ofDense(String name, double bitsPerWeight, OrtEncoder.DenseLayers dense) {
            return new Method(name, bitsPerWeight, (layer, w, bias) -> {
                OrtEncoder.Dense d = dense.of(layer, w, bias);
                return MiniLm.fp32Linear(d.weights(), d.bias());
            }, dense);
        }
    }

    /**
     * One row of the table: the means over the evaluation paragraphs with their 95 % bootstrap
     * intervals, and the paired differences against the reference methods ({@link #REFERENCES}).
     */
    public record Row(String name, double bitsPerWeight, PairedBootstrap.Interval cosine, PairedBootstrap.Interval top1Interval,
                      PairedBootstrap.Interval mrrInterval, List<Paired> paired) {
        public double cosineToFp32() {
            return cosine.mean();
        }

        public double top1() {
            return top1Interval.mean();
        }

        public double mrr() {
            return mrrInterval.mean();
        }

        /** The paired comparison against {@code reference}, if this run has one. */
        public java.util.Optional<Paired> against(String reference) {
            return paired.stream().filter(p -> p.cosine().against().equals(reference)).findFirst();
        }
    }

    /** This method minus a reference, paired over the same paragraphs: cosine, top-1 and MRR. */
    public record Paired(PairedBootstrap.Difference cosine, PairedBootstrap.Difference top1, PairedBootstrap.Difference mrr) {
    }

    /** Per paragraph: the cosine to FP32 (mean of its two halves), top-1 hit (0/1) and reciprocal rank. */
    record Scores(String name, double bitsPerWeight, double[] cosine, double[] top1, double[] reciprocalRank) {
    }

    /**
     * The methods every other one is compared with, pairwise: FP32, and FineQ's default images (the
     * images {@code fineq quantize --calibration} writes).
     */
    public static final List<String> REFERENCES = List.of("fp32", gptqName(io.fineq.quant.LongVectorBudget.DEFAULT_FRACTION));

    /** Seed of the bootstrap's resamples (the same for every run, so the intervals are reproducible). */
    static final long BOOTSTRAP_SEED = 20250427L;

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
        return Method.ofDense(gptqName(budget), bits, (layer, w, bias) -> {
            Calibration.Layer l = calibrated.gptq(budget).get(layer);
            return new OrtEncoder.Dense(Calibration.weights(l.tensor()), l.bias());
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
        out.add(Method.ofDense("fp32", 32, (layer, w, bias) -> new OrtEncoder.Dense(rows(w), bias)));
        out.add(approximated("fineq-absmax-paper", (w, k) -> new FineqMethod(new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(w))));
        double fineqBits = out.get(1).bitsPerWeight();
        out.add(new Method("fineq-int8-datapath", fineqBits, (layer, w, bias) -> new DatapathLinear(w, bias, false)));
        out.add(approximated("fineq-mse", (w, k) -> new FineqMethod(new FineqQuantizer(QuantizerOptions.defaults(64).withScale(ScaleRule.MSE)).quantize(w))));
        out.add(Method.ofDense("fineq-output-mse", fineqBits, (layer, w, bias) -> new OrtEncoder.Dense(Calibration.weights(calibrated.outputMse().get(layer)), bias)));
        out.add(gptqWithBudget(calibrated, 1.0, fineqBits));
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
        // The paper's Table I baselines, calibrated as fineq-gptq is (same text, layer after layer, bias correction).
        for (String b : CalibratedModels.BASELINES.keySet()) {
            out.add(Method.ofDense(b, baselineBits(b), (layer, w, bias) -> {
                Calibration.Calibrated<io.fineq.baseline.CalibratedBaselines.Result> l = calibrated.baseline(b).get(layer);
                return new OrtEncoder.Dense(l.weights(), l.bias());
            }));
        }
        return out;
    }

    /**
     * Linear layers whose weights are replaced by an approximation's dequantized values. The
     * bits per weight are those of the 384 x 384 layers (the FFN layers differ only in the per-row
     * overhead of the row-wise methods).
     */
    static Method approximated(String name, BiFunction<Tensor2D, Integer, ApproximationMethod> method) {
        double bits = method.apply(new io.fineq.tensor.ArrayTensor("probe", 384, 384, new float[384 * 384]), 384).bitsPerWeight();
        return Method.ofDense(name, bits, (layer, w, bias) -> {
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
            return new OrtEncoder.Dense(wq, bias);
        });
    }

    /** The rows of {@code w} (M x K) as float arrays. */
    static float[][] rows(Tensor2D w) {
        float[][] out = new float[w.rows()][w.cols()];
        for (int r = 0; r < w.rows(); r++) w.readRow(r, out[r]);
        return out;
    }

    /** A baseline's bits per weight on a 384 x 384 layer (the table's convention), from its own count on a probe. */
    static double baselineBits(String name) {
        int k = MiniLm.WIDTH;
        io.fineq.quant.SecondMoment h = new io.fineq.quant.SecondMoment(k);
        float[][] unit = new float[k][k];
        for (int i = 0; i < k; i++) unit[i][i] = 1;
        h.add(unit);
        return CalibratedModels.BASELINES.get(name).apply(new io.fineq.tensor.ArrayTensor("probe", k, k, new float[k * k]), h).bitsPerWeight();
    }

    /** Embeds every text with every method and scores them against the FP32 embeddings, with {@link PairedBootstrap#DEFAULT_RESAMPLES}. */
    public static List<Row> run(OnnxFile onnx, MiniLmTokenizer tokenizer, List<String> paragraphs, List<Method> methods, PrintStream progress)
            throws IOException {
        return rows(scores(onnx, tokenizer, paragraphs, methods, progress), PairedBootstrap.DEFAULT_RESAMPLES);
    }

    /** Per method, the per-paragraph scores (the first method is the FP32 reference of the cosine). */
    static List<Scores> scores(OnnxFile onnx, MiniLmTokenizer tokenizer, List<String> paragraphs, List<Method> methods, PrintStream progress)
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
        List<Scores> out = new ArrayList<>();
        int done = 0;
        long start = System.nanoTime();
        for (Method m : methods) {
            long t0 = System.nanoTime();
            float[][] a, b;
            long t1;
            if (m.dense() != null) {
                try (OrtEncoder enc = new OrtEncoder(onnx, m.dense())) {
                    t1 = System.nanoTime();
                    a = embedAll(enc, first);
                    b = embedAll(enc, second);
                }
            } else {
                MiniLm model = new MiniLm(onnx, m.linears());
                t1 = System.nanoTime();
                a = embedAll(model, first);
                b = embedAll(model, second);
            }
            if (fp32 == null) fp32 = new float[][][] {a, b};
            double[] cos = new double[n], top1 = new double[n], rr = new double[n];
            for (int i = 0; i < n; i++) cos[i] = (dot(a[i], fp32[0][i]) + dot(b[i], fp32[1][i])) / 2;
            final float[][] qa = a, qb = b;
            IntStream.range(0, n).parallel().forEach(i -> {
                double own = dot(qa[i], qb[i]);
                int rank = 1;
                for (int j = 0; j < n; j++) if (j != i && dot(qa[i], qb[j]) > own) rank++;
                top1[i] = rank == 1 ? 1 : 0;
                rr[i] = 1.0 / rank;
            });
            Scores sc = new Scores(m.name(), m.bitsPerWeight(), cos, top1, rr);
            out.add(sc);
            done++;
            if (progress != null) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.printf(Locale.ROOT, "model-eval: [%d/%d] %-24s cosine %.4f top-1 %.3f MRR %.3f (calibration %.1f s, embedding %.1f s; %.0f s so far)%n",
                        done, methods.size(), m.name(), mean(cos), mean(top1), mean(rr), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, elapsed);
            }
        }
        return out;
    }

    /** The rows: every mean with its interval, every method paired with each reference that ran. */
    static List<Row> rows(List<Scores> scores, int resamples) {
        PairedBootstrap boot = new PairedBootstrap(scores.get(0).cosine().length, resamples, BOOTSTRAP_SEED);
        List<Row> rows = new ArrayList<>();
        for (Scores s : scores) {
            List<Paired> paired = new ArrayList<>();
            for (String ref : REFERENCES) {
                Scores r = scores.stream().filter(x -> x.name().equals(ref)).findFirst().orElse(null);
                if (r == null || r == s) continue;
                paired.add(new Paired(boot.difference(s.cosine(), r.cosine(), ref), boot.difference(s.top1(), r.top1(), ref),
                        boot.difference(s.reciprocalRank(), r.reciprocalRank(), ref)));
            }
            rows.add(new Row(s.name(), s.bitsPerWeight(), boot.mean(s.cosine()), boot.mean(s.top1()), boot.mean(s.reciprocalRank()), List.copyOf(paired)));
        }
        return rows;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static float[][] embedAll(OrtEncoder enc, long[][] ids) {
        float[][] out = new float[ids.length][];
        for (int i = 0; i < ids.length; i++) out[i] = enc.embed(ids[i]); // ONNX Runtime runs each on every core
        return out;
    }

    private static float[][] embedAll(MiniLm model, long[][] ids) {
        float[][] out = new float[ids.length][];
        IntStream.range(0, ids.length).parallel().forEach(i -> out[i] = model.embed(ids[i]));
        return out;
    }

    static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (double) x[i] * y[i];
        return s;
    }

    /** Everything one evaluation measured, on the text named {@code corpus}. */
    public record Report(String corpus, List<Row> methods, List<MatrixReport.Row> matrices, int paragraphs, int calibrationParagraphs,
                         int calibrationTokens, List<CyclePoint> cycleCurve) {
        public String table() {
            return ModelEval.table(corpus, methods, paragraphs) + String.format(Locale.ROOT, "(calibrated methods: %d calibration paragraphs, %d tokens, never evaluated on)%n%n",
                    calibrationParagraphs, calibrationTokens) + cycleTable(cycleCurve) + MatrixReport.table(matrices);
        }

        public String json() throws IOException {
            return ModelEval.json(this);
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

    /**
     * The methods of a run without {@code --methods}: FineQ (the paper's absmax images, mse scales,
     * calibrated GPTQ and the default images) against every baseline of the paper's Table I and
     * RTN 2/3/4-bit. The integer-datapath methods (Java forward pass, ten times slower here) and
     * output-mse run when named, or with {@code --methods all}.
     */
    public static final List<String> DEFAULT_METHODS = List.of("fineq-absmax-paper", "fineq-mse", "fineq-gptq",
            gptqName(io.fineq.quant.LongVectorBudget.DEFAULT_FRACTION), "uniform2-sym-row", "rtn2-asym-row", "rtn2-asym-g128", "gptq2-asym-row",
            "gptq2-asym-g128", "owq2-g128", "pbllm-10", "rtn3-asym-row", "rtn4-asym-row");

    /** Paragraphs of the evaluation text whose activations the per-matrix SQNR is measured on. */
    public static final int MATRIX_PARAGRAPHS = 8;

    /**
     * The whole evaluation: every method on the {@code evaluation} paragraphs (the calibrated
     * ones calibrated on {@code calibration}), then the per-matrix table on the activations of the
     * first {@link #MATRIX_PARAGRAPHS} evaluation paragraphs.
     */
    public static Report evaluate(List<String> evaluation, List<String> calibration, PrintStream progress) throws IOException {
        return evaluate("text", evaluation, calibration, List.of(), List.of(), progress);
    }

    /**
     * As {@link #evaluate(List, List, PrintStream)}, plus a GPTQ method per long-vector budget in
     * {@code budgets} (each in [0, 1)) and the quality-versus-cycles curve over them.
     */
    public static Report evaluate(String corpus, List<String> evaluation, List<String> calibration, List<Double> budgets, List<String> only,
                                  PrintStream progress)
            throws IOException {
        OnnxFile onnx = MiniLm.bundledOnnx();
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            CalibratedModels cal = new CalibratedModels(onnx, calibration.stream().map(tok::ids).toList(), progress);
            List<Method> methods = methods(cal);
            double bits = methods.get(1).bitsPerWeight();
            for (double f : budgets)
                if (methods.stream().noneMatch(m -> m.name().equals(gptqName(f)))) methods.add(gptqWithBudget(cal, f, bits));
            List<String> selected = new ArrayList<>(only.isEmpty() ? DEFAULT_METHODS : only);
            if (only.isEmpty()) for (double f : budgets) selected.add(gptqName(f));
            if (!selected.equals(List.of("all"))) {
                List<String> known = methods.stream().map(Method::name).toList();
                for (String n : selected)
                    if (!known.contains(n)) throw new IllegalArgumentException("--methods: '" + n + "' is not one of all, " + String.join(", ", known));
                methods.removeIf(m -> !m.name().equals("fp32") && !selected.contains(m.name()));
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
            return new Report(corpus, rows, matrices, evaluation.size(), calibration.size(), cal.tokens(), cycleCurve(cal, curve, rows));
        }
    }

    /** The table as text: means with 95 % intervals, and the paired differences against the references ({@code *}: significant at 5 %). */
    public static String table(String corpus, List<Row> rows, int paragraphs) {
        String ref = REFERENCES.get(1);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "all-MiniLM-L6-v2 on %s, %d paragraphs (retrieval: first half -> own second half among %d); 95%% bootstrap intervals, paired differences (* = significant at 5%%)%n",
                corpus, paragraphs, paragraphs));
        sb.append(String.format(Locale.ROOT, "%-26s %7s %-24s %-22s %-22s %-18s %-18s %-18s%n", "method", "bits/w", "cosine_to_fp32", "top1", "mrr",
                "d_cosine vs " + shortName(ref), "d_top1 vs " + shortName(ref), "d_top1 vs fp32"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-26s %7.4f %-24s %-22s %-22s %-18s %-18s %-18s%n", r.name(), r.bitsPerWeight(), interval(r.cosine(), 4),
                    interval(r.top1Interval(), 3), interval(r.mrrInterval(), 3), r.against(ref).map(p -> difference(p.cosine(), 4)).orElse("-"),
                    r.against(ref).map(p -> difference(p.top1(), 3)).orElse("-"), r.against("fp32").map(p -> difference(p.top1(), 3)).orElse("-")));
        }
        return sb.toString();
    }

    private static String shortName(String method) {
        return method.replace("fineq-gptq-lv", "lv");
    }

    static String interval(PairedBootstrap.Interval i, int digits) {
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", i.mean(), i.lo(), i.hi());
    }

    static String difference(PairedBootstrap.Difference d, int digits) {
        return String.format(Locale.ROOT, "%+." + digits + "f%s", d.mean(), d.significant() ? "*" : "");
    }

    /**
     * The report as JSON: {"model", "corpus", "paragraphs", "calibration_paragraphs",
     * "calibration_tokens", "bootstrap_resamples", "methods": [{name, bits_per_weight, cosine_to_fp32,
     * top1, mrr, cosine_ci, top1_ci, mrr_ci, paired: [{against, cosine, top1, mrr: {diff, lo, hi, p,
     * significant}}]}], "cycle_curve", "matrices"}.
     */
    static String json(Report report) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", "all-MiniLM-L6-v2");
        root.put("corpus", report.corpus());
        root.put("paragraphs", report.paragraphs());
        root.put("calibration_paragraphs", report.calibrationParagraphs());
        root.put("calibration_tokens", report.calibrationTokens());
        root.put("bootstrap_resamples", PairedBootstrap.DEFAULT_RESAMPLES);
        ArrayNode methods = root.putArray("methods");
        for (Row r : report.methods()) {
            ObjectNode m = methods.addObject().put("name", r.name()).put("bits_per_weight", r.bitsPerWeight()).put("cosine_to_fp32", r.cosineToFp32())
                    .put("top1", r.top1()).put("mrr", r.mrr());
            m.putArray("cosine_ci").add(r.cosine().lo()).add(r.cosine().hi());
            m.putArray("top1_ci").add(r.top1Interval().lo()).add(r.top1Interval().hi());
            m.putArray("mrr_ci").add(r.mrrInterval().lo()).add(r.mrrInterval().hi());
            ArrayNode paired = m.putArray("paired");
            for (Paired p : r.paired()) {
                ObjectNode o = paired.addObject().put("against", p.cosine().against());
                for (Object[] f : new Object[][] {{"cosine", p.cosine()}, {"top1", p.top1()}, {"mrr", p.mrr()}}) {
                    PairedBootstrap.Difference d = (PairedBootstrap.Difference) f[1];
                    o.putObject((String) f[0]).put("diff", d.mean()).put("lo", d.lo()).put("hi", d.hi()).put("p", d.p()).put("significant", d.significant());
                }
            }
        }
        List<CyclePoint> curve = report.cycleCurve();
        if (!curve.isEmpty()) {
            ArrayNode cc = root.putArray("cycle_curve");
            for (CyclePoint p : curve)
                cc.addObject().put("name", p.name()).put("long_vector_budget", p.budget()).put("long_vector_fraction", p.longFraction())
                        .put("mean_length_unary", p.meanLUnary()).put("mean_length_shifted", p.meanLShifted()).put("cosine_to_fp32", p.cosineToFp32())
                        .put("top1", p.top1());
        }
        ArrayNode mats = root.putArray("matrices");
        for (MatrixReport.Row r : report.matrices()) {
            mats.addObject().put("name", r.name()).put("rows", r.m()).put("cols", r.k())
                    .put("fineq_weight_sqnr_db", r.fineqWeightDb()).put("fineq_output_sqnr_db", r.fineqOutputDb())
                    .put("gptq_weight_sqnr_db", r.gptqWeightDb()).put("gptq_output_sqnr_db", r.gptqOutputDb())
                    .put("rtn2_weight_sqnr_db", r.rtn2WeightDb()).put("rtn2_output_sqnr_db", r.rtn2OutputDb())
                    .put("mean_vector_length", r.meanL()).put("gptq_mean_vector_length", r.gptqMeanL());
        }
        return json.writeValueAsString(root) + "\n";
    }
}
