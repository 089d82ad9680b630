package io.fineq.quant;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the per-channel scale s_k is chosen (spec section 2). */
public enum ScaleRule {
    /** s_k = max|W[:, k]| / 3 (paper Eq. 1, b = 3); the spec's default. */
    ABSMAX("absmax"),
    /** The grid-searched scale minimising the column's squared error after FineQ quantization. */
    MSE("mse");

    private final String id;

    ScaleRule(String id) {
        this.id = id;
    }

    /** The name written to the {@code .fqw} header and accepted on the command line. */
    public String id() {
        return id;
    }

    public static ScaleRule parse(String s) {
        for (ScaleRule r : values()) if (r.id.equals(s)) return r;
        throw new IllegalArgumentException("scale must be one of " + names() + ", got '" + s + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(ScaleRule::id).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return id;
    }
}
