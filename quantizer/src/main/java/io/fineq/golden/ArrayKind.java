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
     * The MAC baseline built like FineQ's array: one signed ACT_W x 3 product per PE, the same
     * balanced tree (signed), one result register per row; every vector takes one cycle.
     */
    MAC_TREE
}
