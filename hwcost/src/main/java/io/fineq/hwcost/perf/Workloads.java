package io.fineq.hwcost.perf;

import io.fineq.hwcost.UserError;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workloads of {@code ppa --workload} (docs/hwcost.md, "Equal work"): layers with their
 * quantized images' vector statistics, on a C-column array.
 * <ul>
 * <li>{@code minilm-l6}: the 36 real linear layers of all-MiniLM-L6-v2, FineQ-quantized with the
 * spec's defaults (absmax scales: the images {@code fineq quantize} writes without calibration);</li>
 * <li>{@code minilm-l6-gptq}: the same layers as the calibrated GPTQ images (C = 64 only: the
 * calibrated quantizer's array; a few minutes);</li>
 * <li>{@code minilm-l6-gptq-lvF}: GPTQ images with the cycle-aware long-vector budget F in [0, 1)
 * (at most that fraction of weight vectors hold a 3; docs/quantizer.md, "Long-vector budget"), C = 64;</li>
 * <li>{@code llama2-7b}: the seven linear layers of one LLaMA-2-7B decoder block, llama-like
 * synthetic weights of those shapes (seed 1), the same quantizer.</li>
 * </ul>
 */
public final class Workloads {
    public static final String WORDS = "minilm-l6, minilm-l6-gptq, minilm-l6-gptq-lvF (F in [0, 1), e.g. minilm-l6-gptq-lv0.25), llama2-7b, none";
    private static final String BUDGET_PREFIX = "minilm-l6-gptq-lv";

    /** One named workload. */
    public record Workload(String name, List<LlamaWorkload.Layer> layers) { }

    private Workloads() {
    }

    /** The names of a comma list ({@code none} or empty: no workload); {@code option} names the flag in errors. */
    public static List<String> parse(String option, String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : text.split(",", -1)) {
            String w = t.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) throw new UserError(option + ": empty entry in '" + text + "' (" + WORDS + ", comma separated)");
            if (w.equals("none")) continue;
            if (!w.equals("minilm-l6") && !w.equals("minilm-l6-gptq") && !w.equals("llama2-7b") && budget(w) < 0)
                throw new UserError(option + ": '" + t.strip() + "' is not one of " + WORDS);
            out.add(w);
        }
        return List.copyOf(out);
    }

    /** The long-vector budget of a {@code minilm-l6-gptq-lvF} name, or -1 when the name is not one (F must be in [0, 1)). */
    static double budget(String name) {
        if (!name.startsWith(BUDGET_PREFIX)) return -1;
        try {
            double f = Double.parseDouble(name.substring(BUDGET_PREFIX.length()));
            return f >= 0 && f < 1 ? f : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static Workload build(String name, int arrayCols, PrintStream progress) throws IOException {
        double budget = budget(name);
        if (budget >= 0) {
            if (arrayCols != 64) throw new UserError("--workload " + name + ": the calibrated images are built for C = 64, not " + arrayCols);
            return new Workload(String.format(Locale.ROOT, "minilm-l6 (real weights, GPTQ, long-vector budget %.2f)", budget),
                    MiniLmWorkload.buildGptq(budget, progress));
        }
        return switch (name) {
            case "minilm-l6" -> new Workload("minilm-l6 (real weights, absmax)", MiniLmWorkload.build(arrayCols, progress));
            case "minilm-l6-gptq" -> {
                if (arrayCols != 64) throw new UserError("--workload minilm-l6-gptq: the calibrated images are built for C = 64, not " + arrayCols);
                yield new Workload("minilm-l6 (real weights, GPTQ)", MiniLmWorkload.buildGptq(progress));
            }
            case "llama2-7b" -> new Workload("llama2-7b block (shapes, llama-like weights)",
                    LlamaWorkload.build(LayerShape.llama2_7b(), arrayCols, 1, progress));
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }

    public static List<Workload> build(List<String> names, int arrayCols, PrintStream progress) throws IOException {
        List<Workload> out = new ArrayList<>();
        for (String n : names) out.add(build(n, arrayCols, progress));
        return out;
    }
}
