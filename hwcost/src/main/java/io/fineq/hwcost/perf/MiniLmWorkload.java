package io.fineq.hwcost.perf;

import io.fineq.model.MiniLm;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 36 real linear layers of all-MiniLM-L6-v2 (docs/model.md), FineQ-quantized with the spec's
 * defaults on a C-column array, with the {@link VectorStats} of each image: the cycles per weight
 * vector (L) measured on trained weights rather than synthetic ones. Layer names are
 * {@code l<layer>.<role>} in forward order.
 */
public final class MiniLmWorkload {
    private static final String[] ROLE_NAMES = {"query", "key", "value", "attn_out", "ffn_up", "ffn_down"};

    private MiniLmWorkload() {
    }

    public static List<LlamaWorkload.Layer> build(int arrayCols, PrintStream progress) throws IOException {
        OnnxFile onnx = MiniLm.bundledOnnx();
        FineqQuantizer quantizer = new FineqQuantizer(QuantizerOptions.defaults(arrayCols));
        List<LlamaWorkload.Layer> out = new ArrayList<>();
        for (int l = 0; l < MiniLm.LAYERS; l++) {
            for (int r = 0; r < MiniLm.ROLES.size(); r++) {
                long t0 = System.nanoTime();
                Tensor2D w = onnx.tensor("/encoder/layer." + l + "/" + MiniLm.ROLES.get(r) + "/MatMul");
                VectorStats st = VectorStats.of(quantizer.quantize(w).image());
                out.add(new LlamaWorkload.Layer(new LayerShape("l" + l + "." + ROLE_NAMES[r], w.rows(), w.cols()), st, (System.nanoTime() - t0) / 1e9));
            }
            if (progress != null) progress.printf(Locale.ROOT, "quantized MiniLM encoder layer %d/%d%n", l + 1, MiniLm.LAYERS);
        }
        return out;
    }

    /**
     * The same 36 layers as the calibrated GPTQ images users deploy (docs/model.md, "Calibrated
     * quantization"): {@code io.fineq.model.CalibratedModels}' sequential GPTQ on the calibration
     * paragraphs of the bundled text, C = 64 (the calibrated quantizer's array), in forward order.
     */
    public static List<LlamaWorkload.Layer> buildGptq(PrintStream progress) throws IOException {
        return buildGptq(1.0, progress);
    }

    /** As {@link #buildGptq(PrintStream)} with a long-vector budget ({@code 1}: none). */
    public static List<LlamaWorkload.Layer> buildGptq(double longVectors, PrintStream progress) throws IOException {
        OnnxFile onnx = MiniLm.bundledOnnx();
        List<String> calibration = io.fineq.model.TextCorpus.calibration(io.fineq.model.TextCorpus.paragraphs());
        java.util.Map<String, io.fineq.model.Calibration.Layer> gptq;
        try (io.fineq.model.MiniLmTokenizer tok = new io.fineq.model.MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            gptq = new io.fineq.model.CalibratedModels(onnx, calibration.stream().map(tok::ids).toList(), progress).gptq(longVectors);
        }
        List<LlamaWorkload.Layer> out = new ArrayList<>();
        for (var e : gptq.entrySet()) {
            var image = e.getValue().tensor().image();
            String name = e.getKey().replace("/encoder/layer.", "l").replace("/MatMul", "");
            out.add(new LlamaWorkload.Layer(new LayerShape(name, image.header().rows(), image.header().cols()), VectorStats.of(image), 0));
        }
        return out;
    }

    /**
     * Real against synthetic weights of the same shapes: per role, the mean L of the six real
     * layers and of llama-like synthetic weights (seed {@code seed}) quantized the same way.
     */
    public static String lengthComparison(List<LlamaWorkload.Layer> real, int arrayCols, long seed) {
        List<LlamaWorkload.Layer> synthetic = LlamaWorkload.build(LayerShape.miniLmL6(), arrayCols, seed);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Mean cycles per weight vector L (C = %d), real MiniLM weights vs llama-like synthetic ones of the same shape%n",
                arrayCols));
        sb.append(String.format(Locale.ROOT, "%-10s %9s %10s %10s %10s %10s%n", "role", "M x K", "real L", "real L=3 %", "synth L", "synth L=3 %"));
        for (int r = 0; r < ROLE_NAMES.length; r++) {
            long sumL = 0, vectors = 0, three = 0;
            for (LlamaWorkload.Layer l : real) {
                if (!l.shape().name().endsWith("." + ROLE_NAMES[r])) continue;
                sumL += l.stats().sumL();
                vectors += l.stats().vectors();
                three += l.stats().lengthCounts()[3];
            }
            VectorStats s = synthetic.get(r).stats();
            LayerShape shape = synthetic.get(r).shape();
            sb.append(String.format(Locale.ROOT, "%-10s %9s %10.3f %10.1f %10.3f %10.1f%n", ROLE_NAMES[r], shape.outFeatures() + "x" + shape.inFeatures(),
                    (double) sumL / vectors, 100.0 * three / vectors, s.meanLength(), 100.0 * s.lengthCounts()[3] / s.vectors()));
        }
        return sb.toString();
    }
}
