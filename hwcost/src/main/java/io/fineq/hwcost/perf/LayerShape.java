package io.fineq.hwcost.perf;

import java.util.List;

/**
 * One linear layer, nn.Linear layout: {@code outFeatures} x {@code inFeatures} (M x K).
 *
 * @param name        e.g. "q_proj"
 * @param outFeatures M
 * @param inFeatures  K
 */
public record LayerShape(String name, int outFeatures, int inFeatures) {
    public LayerShape {
        if (outFeatures < 1 || inFeatures < 1) throw new IllegalArgumentException(name + ": shape must be positive, got " + outFeatures + "x" + inFeatures);
    }

    /** The seven linear layers of one LLaMA-2-7B decoder block (hidden 4096, MLP 11008). */
    public static List<LayerShape> llama2_7b() {
        return List.of(
                new LayerShape("q_proj", 4096, 4096),
                new LayerShape("k_proj", 4096, 4096),
                new LayerShape("v_proj", 4096, 4096),
                new LayerShape("o_proj", 4096, 4096),
                new LayerShape("gate_proj", 11008, 4096),
                new LayerShape("up_proj", 11008, 4096),
                new LayerShape("down_proj", 4096, 11008));
    }

    /**
     * The six linear layers of one all-MiniLM-L6-v2 encoder layer (a BERT encoder: hidden 384,
     * FFN 1536): query, key, value, attention output 384x384, FFN up 1536x384, FFN down 384x1536.
     */
    public static List<LayerShape> miniLmL6() {
        return List.of(
                new LayerShape("query", 384, 384),
                new LayerShape("key", 384, 384),
                new LayerShape("value", 384, 384),
                new LayerShape("attn_out", 384, 384),
                new LayerShape("ffn_up", 1536, 384),
                new LayerShape("ffn_down", 384, 1536));
    }

    /** The same layers with both dimensions divided by {@code divisor} (quick runs, tests). */
    public static List<LayerShape> llama2_7bScaled(int divisor) {
        return llama2_7b().stream().map(l -> new LayerShape(l.name(), Math.max(1, l.outFeatures / divisor),
                Math.max(1, l.inFeatures / divisor))).toList();
    }

    public long macs(long tokens) {
        return tokens * outFeatures * (long) inFeatures;
    }
}
