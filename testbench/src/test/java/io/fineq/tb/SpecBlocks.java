package io.fineq.tb;

/**
 * The test's own implementation of spec section 3 (packing and unpacking one 7-byte block),
 * written from the spec text and independent of the quantizer and the golden model.
 */
final class SpecBlocks {
    private SpecBlocks() {
    }

    /**
     * Packs 24 quantised values of one column with the 4 pair codes. For pair code 0 every value
     * of the pair must be in -1..1; for code c > 0 position c-1 of both clusters must be 0 and the
     * others in -3..3.
     *
     * @return the block as the 56-bit number {byte6, ..., byte1, byte0}
     */
    static long pack(int[] q, int[] pairCodes) {
        return pack(q, pairCodes, false);
    }

    /** As {@link #pack(int[], int[])}; with {@code negativeZeros} every stored zero gets s = 1 (which decoders read as zero). */
    static long pack(int[] q, int[] pairCodes, boolean negativeZeros) {
        long index = 0;
        long d = 0;
        for (int p = 0; p < 4; p++) index |= (long) pairCodes[p] << (2 * p);
        for (int j = 0; j < 8; j++) {
            int code = pairCodes[j >> 1];
            long f = 0;
            if (code == 0) {
                for (int i = 0; i < 3; i++) {
                    int v = q[3 * j + i];
                    if (Math.abs(v) > 1) throw new IllegalArgumentException("code 0 holds only -1..1, got " + v);
                    f |= (long) (((v < 0 || (v == 0 && negativeZeros) ? 1 : 0) << 1) | Math.abs(v)) << (2 * i);
                }
            } else {
                int z = code - 1;
                if (q[3 * j + z] != 0) throw new IllegalArgumentException("position " + z + " of cluster " + j + " must be 0 under code " + code);
                int slot = 0;
                for (int i = 0; i < 3; i++) {
                    if (i == z) continue;
                    int v = q[3 * j + i];
                    if (Math.abs(v) > 3) throw new IllegalArgumentException("3-bit values are -3..3, got " + v);
                    f |= (long) (((v < 0 || (v == 0 && negativeZeros) ? 1 : 0) << 2) | Math.abs(v)) << (3 * slot++);
                }
            }
            d |= f << (6 * j);
        }
        return (d << 8) | index;
    }

    /** 3-bit code {s, m1, m0} as a signed value (s = 1, m = 0 reads as zero). */
    static int value(int code) {
        int m = code & 3;
        return (code & 4) != 0 ? -m : m;
    }

    /**
     * The 24 decoded 3-bit codes {s, m1, m0} of a block, as microarchitecture section 2 defines
     * w_o: code 00 gives {F[2i+1], 0, F[2i]}; codes 1..3 give 000 at the zero position and
     * F[2:0], F[5:3] at the kept positions in increasing order.
     */
    static int[] codes(long block) {
        int[] w = new int[24];
        long d = block >>> 8;
        for (int j = 0; j < 8; j++) {
            int code = (int) (block >>> (2 * (j >> 1))) & 3;
            int f = (int) (d >>> (6 * j)) & 63;
            if (code == 0) {
                for (int i = 0; i < 3; i++) w[3 * j + i] = (((f >>> (2 * i + 1)) & 1) << 2) | ((f >>> (2 * i)) & 1);
            } else {
                int z = code - 1;
                int slot = 0;
                for (int i = 0; i < 3; i++) w[3 * j + i] = i == z ? 0 : (f >>> (3 * slot++)) & 7;
            }
        }
        return w;
    }

    /** The 24 signed values of a block. */
    static int[] unpack(long block) {
        int[] w = codes(block);
        int[] q = new int[24];
        for (int i = 0; i < 24; i++) q[i] = value(w[i]);
        return q;
    }
}
