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
