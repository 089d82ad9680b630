package io.fineq.golden;

/**
 * Model of {@code fineq_decoder} (one per array column): the combinational block decode of spec
 * section 3 / microarchitecture section 2, plus the two block registers {@code cur_q} and
 * {@code nxt_q} of the double buffer. A block is the 56-bit number {@code {byte6, ..., byte0}}:
 * bits 7:0 are the index byte, bits 55:8 the field D.
 */
public final class DecoderModel {
    /** Clusters per block. */
    public static final int CLUSTERS = 8;
    /** Positions per cluster. */
    public static final int POSITIONS = 3;
    /** Mask of a 56-bit block. */
    public static final long BLOCK_MASK = (1L << 56) - 1;

    private long cur;
    private long nxt;

    /**
     * Decodes weight {@code pos} of cluster {@code clu} of a block to its 3-bit code
     * {@code {s, m1, m0}} (see {@link WeightCode}).
     */
    public static int decode(long block, int clu, int pos) {
        if (clu < 0 || clu >= CLUSTERS) throw new IllegalArgumentException("cluster must be 0..7, got " + clu);
        if (pos < 0 || pos >= POSITIONS) throw new IllegalArgumentException("position must be 0..2, got " + pos);
        int index = (int) (block & 0xFF);
        int pairCode = (index >>> (2 * (clu >>> 1))) & 0b11;
        int field = (int) ((block >>> (8 + 6 * clu)) & 0x3F);
        if (pairCode == 0) {
            // 2-bit value {s, m0} widened to {s, 0, m0}.
            int s = (field >>> (2 * pos + 1)) & 1;
            int m0 = (field >>> (2 * pos)) & 1;
            return (s << 2) | m0;
        }
        int zeroPos = pairCode - 1;
        if (pos == zeroPos) return 0;
        int kept = pos < zeroPos ? pos : pos - 1; // 0 = first kept position (F[2:0]), 1 = second (F[5:3])
        return (field >>> (3 * kept)) & 0b111;
    }

    /** Decodes all 24 weights of a block to signed values, row order 3j + i. */
    public static int[] decodeValues(long block) {
        int[] q = new int[CLUSTERS * POSITIONS];
        for (int j = 0; j < CLUSTERS; j++) {
            for (int i = 0; i < POSITIONS; i++) q[POSITIONS * j + i] = WeightCode.value(decode(block, j, i));
        }
        return q;
    }

    /** {@code w_o}: the code of (clu, pos) decoded from {@code cur_q}. */
    public int weight(int clu, int pos) {
        return decode(cur, clu, pos);
    }

    /**
     * One rising clock edge: {@code load_cur_i} writes {@code cur_q <= blk_i}, {@code load_nxt_i}
     * writes {@code nxt_q <= blk_i}, {@code swap_i} writes {@code cur_q <= nxt_q} (old value).
     */
    public void clock(long blk, boolean loadCur, boolean loadNxt, boolean swap) {
        if (loadCur && swap) throw new IllegalStateException("fineq_decoder: load_cur_i and swap_i asserted together");
        long oldNxt = nxt;
        if (loadCur) cur = blk & BLOCK_MASK;
        if (swap) cur = oldNxt;
        if (loadNxt) nxt = blk & BLOCK_MASK;
    }

    public long cur() {
        return cur;
    }

    public long nxt() {
        return nxt;
    }
}
