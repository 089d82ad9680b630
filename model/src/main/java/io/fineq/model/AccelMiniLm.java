package io.fineq.model;

import io.fineq.format.FqwImage;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.OnnxFile;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 with every one of its 36 linear layers computed by the simulated accelerator
 * (docs/accelerator.md, "MiniLM on the RTL"): attention softmax, GELU and LayerNorm stay on the
 * host, as do the per-token activation scales (docs/model.md, "Integer datapath"). The embeddings
 * are compared bit for bit with the same pipeline whose integers come from the Java product
 * ({@link DatapathLinear}), and by cosine with FP32.
 */
public final class AccelMiniLm {

    /** One text: its tokens, whether the RTL's embedding equals the Java datapath's bit for bit, its cosine to FP32. */
    public record Text(int tokens, boolean bitIdentical, double cosineToFp32) { }

    /** The run: the texts and every accelerator job, in order. */
    public record Result(List<Text> texts, List<AccelRunner.Job> jobs, double wallSeconds) {
        public long cycles() {
            return jobs.stream().mapToLong(AccelRunner.Job::cycles).sum();
        }

        public boolean allBitIdentical() {
            return texts.stream().allMatch(Text::bitIdentical);
        }

        public double meanCosine() {
            return texts.stream().mapToDouble(Text::cosineToFp32).average().orElse(Double.NaN);
        }
    }

    private AccelMiniLm() {
    }

    /** A layer's FineQ image and the bias that goes with it. */
    public record Layer(FqwImage image, float[] bias) { }

    /** Where each layer's image comes from: the layer's name (the ONNX MatMul node), FP32 weight and bias. */
    public interface Images {
        Layer of(String name, io.fineq.tensor.Tensor2D weight, float[] bias);
    }

    /** The default quantizer's images (C = 64, absmax, no calibration) with the model's biases. */
    public static Images defaultImages() {
        Map<String, FqwImage> cache = new HashMap<>();
        return (name, w, bias) -> {
            synchronized (cache) {
                return new Layer(cache.computeIfAbsent(name, n -> new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(w).image()), bias);
            }
        };
    }

    /** The calibrated images of {@code fineq quantize --calibration} (GPTQ, long-vector budget 0.3) with their corrected biases. */
    public static Images calibratedImages(CalibratedModels calibrated) {
        return (name, w, bias) -> {
            Calibration.Layer l = calibrated.gptq(io.fineq.quant.LongVectorBudget.DEFAULT_FRACTION).get(name);
            return new Layer(l.tensor().image(), l.bias());
        };
    }

    /** Embeds {@code texts} on the accelerator ({@code runner}), on the Java datapath and in FP32, with the default images. */
    public static Result run(OnnxFile onnx, MiniLmTokenizer tokenizer, List<String> texts, AccelRunner runner, PrintStream progress)
            throws IOException {
        return run(onnx, tokenizer, texts, defaultImages(), runner, progress);
    }

    /** Embeds {@code texts} on the accelerator ({@code runner}), on the Java datapath and in FP32. */
    public static Result run(OnnxFile onnx, MiniLmTokenizer tokenizer, List<String> texts, Images images, AccelRunner runner, PrintStream progress)
            throws IOException {
        long t0 = System.nanoTime();
        // One FineQ image per layer, shared by both datapaths.
        MiniLm.Linears rtl = (name, w, bias) -> {
            Layer l = images.of(name, w, bias);
            return new DatapathLinear(l.image(), l.bias(), runner);
        };
        MiniLm.Linears java = (name, w, bias) -> {
            Layer l = images.of(name, w, bias);
            return new DatapathLinear(l.image(), l.bias(), false);
        };
        MiniLm onRtl = new MiniLm(onnx, rtl);
        MiniLm onJava = new MiniLm(onnx, java);
        MiniLm fp32 = new MiniLm(onnx, MiniLm.fp32());
        List<Text> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            long[] ids = tokenizer.ids(texts.get(i));
            int before = runner.jobs().size();
            float[] a = onRtl.embed(ids);
            float[] b = onJava.embed(ids);
            float[] f = fp32.embed(ids);
            boolean same = Arrays.equals(a, b);
            double cos = ModelEval.dot(a, f); // unit-length embeddings: the dot product is the cosine (as in ModelEval)
            out.add(new Text(ids.length, same, cos));
            List<AccelRunner.Job> jobs = runner.jobs().subList(before, runner.jobs().size());
            long cycles = jobs.stream().mapToLong(AccelRunner.Job::cycles).sum();
            progress.printf(Locale.ROOT, "accel-minilm: [%d/%d] %d tokens, %d layers on the RTL, %,d cycles, %s, cosine to FP32 %.4f (%.0f s so far)%n",
                    i + 1, texts.size(), ids.length, jobs.size(), cycles, same ? "bit-identical to the Java datapath" : "DIFFERS from the Java datapath",
                    cos, (System.nanoTime() - t0) / 1e9);
        }
        return new Result(out, runner.jobs(), (System.nanoTime() - t0) / 1e9);
    }
}
