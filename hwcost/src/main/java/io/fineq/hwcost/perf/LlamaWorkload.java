package io.fineq.hwcost.perf;

import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * FineQ-quantized llama-like weights (io.fineq.tensor.SyntheticTensor, kind llama-like) for a
 * list of layer shapes, quantized in full with the spec's defaults on a C-column array, and the
 * {@link VectorStats} of each image. Layer i uses seed {@code seed + i}.
 */
public final class LlamaWorkload {

    /** One quantized layer. */
    public record Layer(LayerShape shape, VectorStats stats, double quantizeSeconds) {
    }

    private LlamaWorkload() {
    }

    public static List<Layer> build(List<LayerShape> shapes, int arrayCols, long seed) {
        return build(shapes, arrayCols, seed, null);
    }

    /**
     * As {@link #build(List, int, long)}, printing one line per layer to {@code progress} (null: silent)
     * with an estimate of the time left from the layers done so far (time grows with M x K).
     */
    public static List<Layer> build(List<LayerShape> shapes, int arrayCols, long seed, java.io.PrintStream progress) {
        long totalWork = shapes.stream().mapToLong(s -> (long) s.outFeatures() * s.inFeatures()).sum();
        long doneWork = 0;
        long start = System.nanoTime();
        FineqQuantizer quantizer = new FineqQuantizer(QuantizerOptions.defaults(arrayCols));
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            LayerShape s = shapes.get(i);
            long t0 = System.nanoTime();
            SyntheticTensor t = new SyntheticTensor(s.name(), SynthKind.LLAMA_LIKE, s.outFeatures(), s.inFeatures(), seed + i);
            QuantizedTensor q = quantizer.quantize(t);
            VectorStats st = VectorStats.of(q.image());
            out.add(new Layer(s, st, (System.nanoTime() - t0) / 1e9));
            doneWork += (long) s.outFeatures() * s.inFeatures();
            if (progress != null) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.printf(java.util.Locale.ROOT, "quantized layer %d/%d %s (%dx%d), %.1f s elapsed, about %.0f s left%n",
                        i + 1, shapes.size(), s.name(), s.outFeatures(), s.inFeatures(), elapsed,
                        elapsed * (totalWork - doneWork) / Math.max(1, doneWork));
            }
        }
        return out;
    }
}
