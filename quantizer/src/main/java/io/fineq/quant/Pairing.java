package io.fineq.quant;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the shared code of a cluster pair is chosen (spec section 2, pair rule). */
public enum Pairing {
    /** Agreeing own codes are kept; otherwise the code with the least pair error. */
    PAPER("paper"),
    /** Always the code with the least pair error. */
    EXHAUSTIVE("exhaustive");

    private final String id;

    Pairing(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Pairing parse(String s) {
        for (Pairing p : values()) if (p.id.equals(s)) return p;
        throw new IllegalArgumentException("pairing must be one of " + names() + ", got '" + s + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(Pairing::id).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return id;
    }
}
