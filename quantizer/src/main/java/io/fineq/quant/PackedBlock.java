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
        int index = 0;
        long d = 0;
        for (int p = 0; p < PAIRS; p++) {
            int code = pairCodes[p];
            if (code < 0 || code > 3) throw new IllegalArgumentException("pair " + p + ": code must be 0..3, got " + code);
            index |= code << (2 * p);
            for (int half = 0; half < 2; half++) {
                int j = 2 * p + half;
                d |= (long) clusterField(code, q, j) << (6 * j);
            }
        }
        out[off] = (byte) index;
        for (int b = 0; b < 6; b++) out[off + 1 + b] = (byte) (d >>> (8 * b));
    }

    private static int clusterField(int code, int[] q, int j) {
        int base = 3 * j;
        if (code == 0) {
            int f = 0;
            for (int i = 0; i < 3; i++) {
                int v = q[base + i];
                if (v < -1 || v > 1)
                    throw new IllegalArgumentException("cluster " + j + " position " + i + ": code 0 allows -1..1, got " + v);
                f |= e2(v) << (2 * i);
            }
            return f;
        }
        int zero = code - 1;
        int f = 0;
        int shift = 0;
        for (int i = 0; i < 3; i++) {
            int v = q[base + i];
            if (i == zero) {
                if (v != 0)
                    throw new IllegalArgumentException("cluster " + j + " position " + i + ": code " + code + " requires 0 here, got " + v);
                continue;
            }
            if (v < -3 || v > 3)
                throw new IllegalArgumentException("cluster " + j + " position " + i + ": code " + code + " allows -3..3, got " + v);
            f |= e3(v) << shift;
            shift += 3;
        }
        return f;
    }

    /** 2-bit sign-magnitude {s, |q|}; zero has s = 0. */
    static int e2(int q) {
        return q < 0 ? 0b10 | -q : q;
    }

    /** 3-bit sign-magnitude {s, |q|[1:0]}; zero has s = 0. */
    static int e3(int q) {
        return q < 0 ? 0b100 | -q : q;
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
