package io.fineq.golden;

/**
 * The core configuration the golden model needs besides the image (whose {@code array_cols}
 * gives C).
 *
 * @param rows        R, array rows = tokens per activation tile, 1..1024
 * @param actWidth    ACT_W, signed activation width, 2..16
 * @param termination early termination on (L = max(1, max|w|)) or off (L = 3)
 * @param pipeStages  S, adder-tree pipeline registers of the RTL, 0..64; the caller takes it from
 *                    {@code io.fineq.rtl.FineqConfig.pipeStages()} (this module does not depend on the generator)
 * @param array       the array behind the shell: FineQ's temporal-coded one or the MAC tree
 *                    ({@code termination} only matters for the temporal one)
 */
public record CoreParams(int rows, int actWidth, boolean termination, int pipeStages, ArrayKind array) {
    public static final int MAX_ROWS = 1024;
    public static final int MIN_ACT_W = 2;
    public static final int MAX_ACT_W = 16;
    public static final int MAX_PIPE_STAGES = 64;

    public CoreParams {
        check("rows", rows, 1, MAX_ROWS);
        check("actWidth", actWidth, MIN_ACT_W, MAX_ACT_W);
        check("pipeStages", pipeStages, 0, MAX_PIPE_STAGES);
        if (array == null) throw new IllegalArgumentException("core parameter array must be one of TEMPORAL, MAC_TREE, got null");
    }

    /** FineQ's temporal-coded array. */
    public CoreParams(int rows, int actWidth, boolean termination, int pipeStages) {
        this(rows, actWidth, termination, pipeStages, ArrayKind.TEMPORAL);
    }

    /** The paper's configuration: R = 64, 8-bit activations, early termination, no adder pipelining. */
    public static CoreParams defaults() {
        return new CoreParams(64, 8, true, 0);
    }

    private static void check(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) throw new IllegalArgumentException("core parameter " + name + " must be " + lo + ".." + hi + ", got " + v);
    }

    /** Smallest activation value, -2^(ACT_W-1). */
    public int actMin() {
        return -(1 << (actWidth - 1));
    }

    /** Largest activation value, 2^(ACT_W-1) - 1. */
    public int actMax() {
        return (1 << (actWidth - 1)) - 1;
    }
}
