package io.fineq.rtl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cores the generator builds (docs/microarchitecture.md section 7, "Core kinds";
 * {@code --core}, {@code -Dcore}). FineQ and the two MAC baselines it is measured against live
 * here, in one generator, so that every core goes through the same flows.
 */
public enum CoreKind {
    /** FineQ's core: decoders, temporal encoders, select-only PEs, adder trees, accumulators. */
    FINEQ("fineq", "fineq"),
    /**
     * FineQ's core with the shifted coding (docs/microarchitecture.md section 8): the same shell and
     * modules; in bit-time 0 a PE selects 0, a or 2a, in bit-time 1 a for |w| = 3, so a vector takes
     * L = 1 + [some |w| = 3] bit-times instead of max|w|.
     */
    FINEQ_SHIFTED("fineq-shifted", "fineq_shifted"),
    /**
     * The MAC baseline built like FineQ's core: the same shell (decoders, block queue, streams,
     * activation latches, clock gates), the weight vector broadcast down the columns, one signed
     * ACT_W x 3 product per PE, the same balanced tree per row (signed), one cycle per vector.
     */
    MAC_TREE("mac-tree", "mac_tree"),
    /**
     * The systolic MAC baseline: partial sums move one column per cycle along each row, weights
     * skewed per column; decoded weights in, no decoders or streams (docs/hwcost.md).
     */
    MAC_SYSTOLIC("mac-systolic", "mac_systolic");

    /**
     * The core the generator and the golden vectors build when none is named: the shifted coding,
     * which wins the equal-work comparison on real weights (docs/hwcost.md, "A FineQ core that wins").
     * The paper's unary core stays selectable as {@code fineq}.
     */
    public static final CoreKind DEFAULT = FINEQ_SHIFTED;

    private final String word;
    private final String folder;

    CoreKind(String word, String folder) {
        this.word = word;
        this.folder = folder;
    }

    /** The word of {@code --core} / {@code -Dcore}. */
    public String word() {
        return word;
    }

    /** Start of the configuration's name and output folder, e.g. {@code mac_tree} in {@code mac_tree_64x64}. */
    public String folderPrefix() {
        return folder;
    }

    /** True for FineQ's own cores (select-only PEs and bit-times), false for the MAC baselines. */
    public boolean fineq() {
        return this == FINEQ || this == FINEQ_SHIFTED;
    }

    /** True for the shifted coding (2a selects, leaves ACT_W + 1 bits, at most two bit-times). */
    public boolean shifted() {
        return this == FINEQ_SHIFTED;
    }

    /** True for the cores inside the FineQ shell (fineq_core: decoders and valid/ready streams). */
    public boolean inShell() {
        return this != MAC_SYSTOLIC;
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(CoreKind::word).toList();
    }

    /** The kind called {@code word} (case-insensitive); a ConfigException naming {@code option} otherwise. */
    public static CoreKind byWord(String option, String word) {
        String key = word.trim().toLowerCase(Locale.ROOT);
        for (CoreKind k : values()) if (k.word.equals(key)) return k;
        throw new ConfigException(option, "'" + word + "' is not one of " + String.join(", ", words()));
    }
}
