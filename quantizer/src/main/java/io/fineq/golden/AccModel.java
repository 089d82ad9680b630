package io.fineq.golden;

import java.math.BigInteger;

/**
 * Model of {@code fineq_acc} (one per array row) and of the leaf arithmetic of
 * {@code fineq_pe_row}: the C unsigned leaves, the adder tree, S pipeline registers inside the
 * tree, and the accumulator register {@code acc_q}.
 *
 * <p>Leaf arithmetic (docs/microarchitecture.md section 2): a PE's leaf is its select output
 * with the weight sign applied as a conditional invert ({@code ~sel = -sel - 1}) and the most
 * significant bit flipped ({@code + 2^(ACT_W-1)}), read as an unsigned ACT_W-bit number. So the
 * signed product of column c is {@code leaf_c - 2^(ACT_W-1) + neg_c}, and a row's signed sum of
 * one bit-time is {@code tree + K} with {@code K = (negative columns) - C * 2^(ACT_W-1)}. The
 * accumulator starts a vector from {@code L * K} on its first bit-time, which adds K once per
 * bit-time.
 *
 * <p>The tree is evaluated level by level exactly as the RTL builds it (level l + 1 has
 * {@code ceil(n_l / 2)} nodes, an odd last node passes through) and every node is checked
 * against its declared unsigned width {@code ACT_W + l}: a value that does not fit means the
 * widths in docs/microarchitecture.md are wrong, so it throws rather than silently wrapping. The S
 * pipeline registers are modelled as a delay line on the tree value: where the RTL cuts the tree
 * does not change what reaches the accumulator, only when.
 */
public final class AccModel {
    private final int cols;
    private final int actWidth;
    private final int accWidth;
    private final long[] pipe;
    private long acc;

    public AccModel(int cols, int actWidth, int pipeStages) {
        if (cols < 1) throw new IllegalArgumentException("cols must be >= 1, got " + cols);
        if (pipeStages < 0) throw new IllegalArgumentException("pipeStages must be >= 0, got " + pipeStages);
        this.cols = cols;
        this.actWidth = actWidth;
        this.accWidth = accWidth(cols, actWidth);
        this.pipe = new long[pipeStages];
    }

    /**
     * LEAF_W = ACT_W: leaves are unsigned ACT_W-bit numbers ({@link ArrayKind#SHIFTED}: ACT_W + 1,
     * {@link ArrayKind#leafWidth}). The static helpers below take the leaf width where they say
     * {@code actWidth}: for the temporal array the two are equal.
     */
    public static int leafWidth(int actWidth) {
        return actWidth;
    }

    /** ACC_W = bitlength(3 * C * 2^(ACT_W-1)) + 1, two's complement. */
    public static int accWidth(int cols, int actWidth) {
        return BigInteger.valueOf(3L * cols).shiftLeft(actWidth - 1).bitLength() + 1;
    }

    /**
     * Leaf c: {@code (neg ? ~sel : sel)} in ACT_W bits with the most significant bit flipped, as
     * an unsigned number. {@code sel} is the PE's signed select output.
     */
    public static long leaf(int sel, boolean neg, int actWidth) {
        long mask = (1L << actWidth) - 1;
        long bits = (neg ? ~(long) sel : sel) & mask;
        return bits ^ (1L << (actWidth - 1));
    }

    /** K = (number of negative columns) - C * 2^(ACT_W-1): what a bit-time's tree sum lacks to be the signed sum. */
    public static long correction(boolean[] neg, int actWidth) {
        long negatives = 0;
        for (boolean n : neg) if (n) negatives++;
        return negatives - ((long) neg.length << (actWidth - 1));
    }

    /**
     * The adder tree over the C unsigned leaves of one row. {@code sel[c]} is the PE output of
     * column c, {@code neg[c]} the sign bit of the weight of column c.
     */
    public static long treeSum(int[] sel, boolean[] neg, int actWidth) {
        return treeSum(sel, neg, actWidth, new long[sel.length]);
    }

    /** As {@link #treeSum(int[], boolean[], int)} with a caller-owned scratch array of at least C entries. */
    static long treeSum(int[] sel, boolean[] neg, int actWidth, long[] level) {
        int n = sel.length;
        for (int c = 0; c < n; c++) {
            level[c] = leaf(sel[c], neg[c], actWidth);
            checkWidth(level[c], leafWidth(actWidth), 0);
        }
        int depth = 0;
        while (n > 1) {
            int next = (n + 1) / 2;
            depth++;
            for (int i = 0; i < next; i++) {
                long a = level[2 * i];
                long v = 2 * i + 1 < n ? a + level[2 * i + 1] : a;
                checkWidth(v, leafWidth(actWidth) + depth, depth);
                level[i] = v;
            }
            n = next;
        }
        return level[0];
    }

    private static void checkWidth(long v, int width, int lvl) {
        if (v < 0 || v >= (1L << width))
            throw new IllegalStateException("adder tree level " + lvl + " value " + v + " does not fit " + width + " unsigned bits");
    }

    /** Sign-extends the low {@code width} bits of v: what a {@code width}-bit register holds. */
    static long wrap(long v, int width) {
        int shift = 64 - width;
        return (v << shift) >> shift;
    }

    /**
     * One rising clock edge. {@code tree} is the tree value computed from this cycle's leaves
     * (the stage that reads the PEs); {@code first}, {@code valid} and {@code corr} (L * K of the
     * vector) are the flags at the accumulator stage, already delayed S cycles by the array. With
     * {@code en} low everything holds.
     */
    public void clock(boolean en, long tree, boolean first, boolean valid, long corr) {
        if (!en) return;
        long atAcc = pipe.length == 0 ? tree : pipe[pipe.length - 1];
        if (valid) acc = wrap((first ? corr : acc) + atAcc, accWidth);
        for (int i = pipe.length - 1; i > 0; i--) pipe[i] = pipe[i - 1];
        if (pipe.length > 0) pipe[0] = tree;
    }

    /** {@code y_o = acc_q}, signed. */
    public long y() {
        return acc;
    }

    public int cols() {
        return cols;
    }

    public int accWidth() {
        return accWidth;
    }

    public int pipeStages() {
        return pipe.length;
    }
}
