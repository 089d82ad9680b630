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

    /** Embeds {@code texts} on the accelerator ({@code runner}), on the Java datapath and in FP32. */
    public static Result run(OnnxFile onnx, MiniLmTokenizer tokenizer, List<String> texts, AccelRunner runner, PrintStream progress)
            throws IOException {
        long t0 = System.nanoTime();
        // One FineQ image per layer (default quantizer, C = 64), shared by both datapaths.
        Map<String, FqwImage> images = new HashMap<>();
        MiniLm.Linears rtl = (name, w, bias) -> new DatapathLinear(image(images, name, w), bias, runner);
        MiniLm.Linears java = (name, w, bias) -> new DatapathLinear(image(images, name, w), bias, false);
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

    private static synchronized FqwImage image(Map<String, FqwImage> images, String name, io.fineq.tensor.Tensor2D w) {
        return images.computeIfAbsent(name, n -> new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(w).image());
    }
}
