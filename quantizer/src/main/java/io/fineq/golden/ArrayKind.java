package io.fineq.golden;

/**
 * The datapath inside the core shell (docs/microarchitecture.md section 7, "Core kinds"): the
 * same decoders, block queue, stream control, activation latches and clock gates, and one of two
 * arrays behind them.
 */
public enum ArrayKind {
    /** FineQ's temporal-coded array: select-only PEs, L = max(1, max|w|) bit-times per vector (or 3). */
    TEMPORAL,
    /**
     * FineQ's array with the shifted coding (docs/microarchitecture.md section 8): in bit-time 0 a PE
     * selects 0, a or 2a (2a for |w| >= 2), in bit-time 1 it selects a for |w| = 3; leaves are
     * ACT_W + 1 bits. L = 1 + [some |w| = 3] (or 2 without early termination).
     */
    SHIFTED,
    /**
     * The MAC baseline built like FineQ's array: one signed ACT_W x 3 product per PE, the same
     * balanced tree (signed), one result register per row; every vector takes one cycle.
     */
    MAC_TREE;

    /** Bits of one unsigned leaf: ACT_W (temporal), ACT_W + 1 (shifted: 2a); the MAC tree has signed products instead. */
    public int leafWidth(int actWidth) {
        return this == SHIFTED ? actWidth + 1 : actWidth;
    }

    /** Bit-times of a vector without early termination: 3 (temporal), 2 (shifted), 1 (MAC tree). */
    public int maxBitTimes() {
        return switch (this) {
            case TEMPORAL -> 3;
            case SHIFTED -> 2;
            case MAC_TREE -> 1;
        };
    }
}
