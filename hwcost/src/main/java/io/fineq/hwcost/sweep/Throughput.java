package io.fineq.hwcost.sweep;

import io.fineq.hwcost.perf.LayerShape;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.ppa.PpaResult;
import io.fineq.rtl.FineqConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throughput of a swept design on model shapes: the performance model's cycles for one decoder
 * block of LLaMA-2-7B (its shapes divided by {@code llamaScaleDown}) and one encoder layer of
 * all-MiniLM-L6-v2, with llama-like weights quantized to FineQ (the same image feeds the MAC
 * baseline), {@value #TOKENS} tokens, at the design's clock (the target, or fmax when timing is
 * missed). Reported as useful GMAC/s and GMAC/s per mm² of cell area.
 */
public final class Throughput {
    public static final int TOKENS = 128;

    private Throughput() {
    }

    /** Quantized workloads per (array columns, scale), shared by the points of one sweep. */
    private static final Map<String, List<LlamaWorkload.Layer>> CACHE = new ConcurrentHashMap<>();

    public static Map<String, Double> of(SweepPoint p, PpaResult r, int llamaScaleDown) {
        FineqConfig cfg = p.config();
        double clock = Math.min(p.clockMhz(), r.fmaxMhz());
        Map<String, Double> out = new LinkedHashMap<>();
        for (String w : List.of("llama2_7b", "minilm_l6")) {
            List<LlamaWorkload.Layer> layers = CACHE.computeIfAbsent(w + "/" + cfg.cols() + "/" + llamaScaleDown,
                    k -> LlamaWorkload.build(w.equals("llama2_7b") ? (llamaScaleDown == 1 ? LayerShape.llama2_7b()
                            : LayerShape.llama2_7bScaled(llamaScaleDown)) : LayerShape.miniLmL6(), cfg.cols(), 1));
            PerfModel perf = new PerfModel(cfg, clock);
            double seconds = 0;
            long macs = 0;
            for (LlamaWorkload.Layer l : layers) {
                PerfModel.Result res = perf.run(l.shape(), l.stats(), TOKENS);
                seconds += p.design().equals("fineq") ? res.fineqSeconds() : res.macSeconds();
                macs += res.macs();
            }
            double gmacs = macs / seconds / 1e9;
            out.put(w + "_gmacs", gmacs);
            out.put(w + "_gmacs_per_mm2", gmacs / (r.area() * 1e-6));
        }
        return out;
    }
}
