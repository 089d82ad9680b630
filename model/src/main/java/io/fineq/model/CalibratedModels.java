package io.fineq.model;

import io.fineq.baseline.CalibratedBaselines;
import io.fineq.quant.CalibratedQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.QuantizerOptions;
import io.fineq.quant.SecondMoment;
import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.util.function.BiFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MiniLM's 36 linear layers quantized by the calibrated FineQ modes on the calibration text
 * (docs/model.md, "Calibrated quantization"), each computed once, on first use:
 * {@code output-mse} on the FP32 model's activations, and {@code gptq} calibrated layer after layer
 * on the activations of the partly quantized model.
 */
public final class CalibratedModels {
    /** GPTQ damping (fraction of H's mean diagonal): the best of 0.001 / 0.01 / 0.1 measured on MiniLM (docs/model.md). */
    public static final double DAMPING = 0.1;

    private final OnnxFile onnx;
    private final List<long[]> calibration;
    private final PrintStream progress;
    private Map<String, QuantizedTensor> outputMse;
    private final Map<Double, Map<String, Calibration.Layer>> gptq = new java.util.HashMap<>();
    private final Map<String, Map<String, Calibration.Calibrated<CalibratedBaselines.Result>>> baselines = new java.util.HashMap<>();

    /** {@code calibration}: token sequences of the calibration text; progress lines go to {@code progress} (may be null). */
    public CalibratedModels(OnnxFile onnx, List<long[]> calibration, PrintStream progress) {
        if (calibration.isEmpty()) throw new IllegalArgumentException("calibration text: need at least one paragraph, got none");
        this.onnx = onnx;
        this.calibration = List.copyOf(calibration);
        this.progress = progress;
    }

    /** The calibrated quantizer: FineQ defaults on C = 64, {@link #DAMPING}, act order, two refinement sweeps. */
    public static CalibratedQuantizer quantizer(CalibratedQuantizer.Mode mode) {
        return quantizer(mode, 1.0);
    }

    /** As {@link #quantizer(CalibratedQuantizer.Mode)} with a long-vector budget (the fraction of vectors that may hold a 3; 1 = none). */
    public static CalibratedQuantizer quantizer(CalibratedQuantizer.Mode mode, double longVectors) {
        return new CalibratedQuantizer(QuantizerOptions.defaults(64), new CalibratedQuantizer.Options(mode, DAMPING, true, 2, longVectors));
    }

    public int tokens() {
        return calibration.stream().mapToInt(s -> s.length).sum();
    }

    /** Per-channel scales chosen by output error on the FP32 activations, by node name. */
    public synchronized Map<String, QuantizedTensor> outputMse() {
        if (outputMse == null) {
            long t0 = System.nanoTime();
            try {
                Map<String, SecondMoment> h = Calibration.secondMoments(onnx, calibration);
                Map<String, QuantizedTensor> q = new LinkedHashMap<>();
                for (OnnxFile.Weight wt : onnx.weights())
                    q.put(wt.node(), quantizer(CalibratedQuantizer.Mode.OUTPUT_SCALE).quantize(onnx.toTensor(wt), h.get(wt.node())));
                outputMse = q;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            report("output-mse", t0);
        }
        return outputMse;
    }

    /** GPTQ, layer after layer (sequential calibration), with bias correction, by node name. */
    public Map<String, Calibration.Layer> gptq() {
        return gptq(1.0);
    }

    /** GPTQ with a long-vector budget ({@link CalibratedQuantizer.Options#longVectors}), layer after layer, computed once per budget. */
    public synchronized Map<String, Calibration.Layer> gptq(double longVectors) {
        Map<String, Calibration.Layer> done = gptq.get(longVectors);
        if (done == null) {
            long t0 = System.nanoTime();
            try {
                done = Calibration.sequential(onnx, calibration, (w, h) -> quantizer(CalibratedQuantizer.Mode.GPTQ, longVectors).quantize(w, h), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gptq.put(longVectors, done);
            report(longVectors >= 1 ? "gptq" : String.format(Locale.ROOT, "gptq, long-vector budget %.2f", longVectors), t0);
        }
        return done;
    }

    /**
     * The calibrated baselines of the paper's Table I, by method name: the same calibration text,
     * layer after layer, bias correction and damping as {@link #gptq()}, so only the weight format
     * differs (docs/model.md, "The paper's baselines").
     */
    public static final Map<String, BiFunction<Tensor2D, SecondMoment, CalibratedBaselines.Result>> BASELINES = baselines();

    private static Map<String, BiFunction<Tensor2D, SecondMoment, CalibratedBaselines.Result>> baselines() {
        Map<String, BiFunction<Tensor2D, SecondMoment, CalibratedBaselines.Result>> m = new LinkedHashMap<>();
        m.put("gptq2-asym-row", (w, h) -> CalibratedBaselines.gptq(w, h, 2, 0, DAMPING));
        m.put("gptq2-asym-g128", (w, h) -> CalibratedBaselines.gptq(w, h, 2, 128, DAMPING));
        m.put("pbllm-10", (w, h) -> CalibratedBaselines.pbLlm(w, h, 0.10, DAMPING));
        // OWQ with 0.5 % weak channels: 2 of 384 (8 of 1536), 2.34 bits, FineQ's budget.
        m.put("owq2-g128", (w, h) -> CalibratedBaselines.owq(w, h, 2, 128, 0.005, DAMPING));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The layers of the Table I baseline {@code name} (a key of {@link #BASELINES}), calibrated once. */
    public synchronized Map<String, Calibration.Calibrated<CalibratedBaselines.Result>> baseline(String name) {
        Map<String, Calibration.Calibrated<CalibratedBaselines.Result>> done = baselines.get(name);
        if (done == null) {
            BiFunction<Tensor2D, SecondMoment, CalibratedBaselines.Result> q = BASELINES.get(name);
            if (q == null) throw new IllegalArgumentException("no calibrated baseline '" + name + "'; one of " + BASELINES.keySet());
            long t0 = System.nanoTime();
            try {
                done = Calibration.sequentialOf(onnx, calibration, q, CalibratedModels::floats, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            baselines.put(name, done);
            report(name, t0);
        }
        return done;
    }

    private static float[][] floats(CalibratedBaselines.Result r) {
        double[][] w = r.weights();
        float[][] out = new float[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = new float[w[i].length];
            for (int j = 0; j < w[i].length; j++) out[i][j] = (float) w[i][j];
        }
        return out;
    }

    private void report(String mode, long t0) {
        if (progress != null)
            progress.printf(Locale.ROOT, "calibration: %s on %d sequences (%d tokens), 36 layers in %.1f s%n", mode, calibration.size(), tokens(),
                    (System.nanoTime() - t0) / 1e9);
    }
}
