package io.fineq.quant;

/**
 * The 7-byte packed block of spec section 3: 24 weights of one column (8 clusters of 3 rows,
 * 4 pairs of clusters) in 56 bits. Byte 0 holds the four 2-bit pair codes; bytes 1..6 hold the
 * 48-bit little-endian field D with one 6-bit field F_j per cluster.
 *
 * <p>Code 0 stores three 2-bit values {@code e2(q) = {s, |q|}}; codes 1..3 zero position
 * {@code code-1} and store the two kept positions as 3-bit values {@code e3(q) = {s, |q|[1:0]}}.
 * Zero is always written with s = 0; a decoder reads s = 1, m = 0 as zero.
 */
public final class PackedBlock {
    public static final int BYTES = 7;
    public static final int VALUES = 24;
    public static final int CLUSTERS = 8;
    public static final int PAIRS = 4;

    private PackedBlock() {
    }

    /** Encodes into a new 7-byte array; see {@link #encode(int[], int[], byte[], int)}. */
    public static byte[] encode(int[] pairCodes, int[] q) {
        byte[] out = new byte[BYTES];
        encode(pairCodes, q, out, 0);
        return out;
    }

    /**
     * Writes the block for pair codes {@code pairCodes[0..3]} and values {@code q[0..23]}
     * (row order: cluster j, position i is {@code q[3j + i]}) to {@code out[off..off+6]}.
     *
     * @throws IllegalArgumentException if a value does not fit its pair's code: code 0 allows
     *                                  |q| <= 1; code c allows |q| <= 3 with q at position c-1 zero
     */
    public static void encode(int[] pairCodes, int[] q, byte[] out, int off) {
        check(pairCodes, q);
        pack(pairCodes, q, out, off);
    }

    /** Rejects codes and values that the block cannot represent (see {@link #encode(int[], int[], byte[], int)}). */
    static void check(int[] pairCodes, int[] q) {
        for (int p = 0; p < PAIRS; p++) {
            int code = pairCodes[p];
            if (code < 0 || code > 3) throw new IllegalArgumentException("pair " + p + ": code must be 0..3, got " + code);
            for (int j = 2 * p; j < 2 * p + 2; j++) {
                for (int i = 0; i < 3; i++) {
                    int v = q[3 * j + i];
                    if (code == 0 && (v < -1 || v > 1))
                        throw new IllegalArgumentException("cluster " + j + " position " + i + ": code 0 allows -1..1, got " + v);
                    if (code != 0 && i == code - 1 && v != 0)
                        throw new IllegalArgumentException("cluster " + j + " position " + i + ": code " + code + " requires 0 here, got " + v);
                    if (v < -3 || v > 3)
                        throw new IllegalArgumentException("cluster " + j + " position " + i + ": code " + code + " allows -3..3, got " + v);
                }
            }
        }
    }

    /**
     * Packs codes and values that obey the code rules (the quantizer's output), without checks.
     * Branch-free selection, since codes are data dependent.
     */
    static void pack(int[] pairCodes, int[] q, byte[] out, int off) {
        int index = pairCodes[0] | pairCodes[1] << 2 | pairCodes[2] << 4 | pairCodes[3] << 6;
        long d = 0;
        for (int j = 0; j < CLUSTERS; j++) {
            int code = pairCodes[j >> 1];
            int q0 = q[3 * j], q1 = q[3 * j + 1], q2 = q[3 * j + 2];
            int f2 = e2(q0) | e2(q1) << 2 | e2(q2) << 4;
            int first = code == 1 ? q1 : q0;   // kept positions in increasing order
            int second = code == 3 ? q1 : q2;
            int f3 = e3(first) | e3(second) << 3;
            d |= (long) (code == 0 ? f2 : f3) << (6 * j);
        }
        out[off] = (byte) index;
        for (int b = 0; b < 6; b++) out[off + 1 + b] = (byte) (d >>> (8 * b));
    }

    /** 2-bit sign-magnitude {s, |q|}; zero has s = 0. */
    static int e2(int q) {
        return (q >>> 31) << 1 | Math.abs(q);
    }

    /** 3-bit sign-magnitude {s, |q|[1:0]}; zero has s = 0. */
    static int e3(int q) {
        return (q >>> 31) << 2 | Math.abs(q);
    }

    /** The 2-bit code of pair {@code p} (0..3) of the block at {@code b[off]}. */
    public static int pairCode(byte[] b, int off, int p) {
        return (b[off] >>> (2 * p)) & 3;
    }

    /** The 48-bit field D of the block at {@code b[off]}. */
    static long field(byte[] b, int off) {
        long d = 0;
        for (int i = 6; i >= 1; i--) d = (d << 8) | (b[off + i] & 0xFF);
        return d;
    }

    /** Decodes all 24 values of the block at {@code b[off]} into {@code q[0..23]}. */
    public static void decode(byte[] b, int off, int[] q) {
        long d = field(b, off);
        for (int j = 0; j < CLUSTERS; j++) {
            int code = pairCode(b, off, j >> 1);
            int f = (int) (d >>> (6 * j)) & 0x3F;
            for (int i = 0; i < 3; i++) q[3 * j + i] = value(code, f, i);
        }
    }

    /** Decodes one value: row {@code row} (0..23) of the block at {@code b[off]}. */
    public static int decode(byte[] b, int off, int row) {
        int j = row / 3;
        int code = pairCode(b, off, j >> 1);
        int f = (int) (field(b, off) >>> (6 * j)) & 0x3F;
        return value(code, f, row - 3 * j);
    }

    /** Position {@code i} of a cluster with 6-bit field {@code f} under {@code code}. */
    static int value(int code, int f, int i) {
        if (code == 0) {
            int m = (f >>> (2 * i)) & 1;
            int s = (f >>> (2 * i + 1)) & 1;
            return s == 1 ? -m : m;
        }
        int zero = code - 1;
        if (i == zero) return 0;
        int slot = (i < zero) ? i : i - 1; // kept positions in increasing order: slot 0 = F[2:0], slot 1 = F[5:3]
        int e = (f >>> (3 * slot)) & 7;
        int m = e & 3;
        return (e & 4) != 0 ? -m : m;
    }
}
