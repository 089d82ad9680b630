package io.fineq.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Distributions of the synthetic weight generator; see {@link SyntheticTensor}. */
public enum SynthKind {
    GAUSSIAN("gaussian"),
    STUDENT_T("student-t"),
    LLAMA_LIKE("llama-like");

    private final String id;

    SynthKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SynthKind parse(String s) {
        for (SynthKind k : values()) if (k.id.equals(s)) return k;
        throw new IllegalArgumentException("kind must be one of " + names() + ", got '" + s + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(SynthKind::id).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return id;
    }
}
