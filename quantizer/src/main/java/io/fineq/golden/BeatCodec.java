package io.fineq.golden;

import java.math.BigInteger;

/**
 * Packs and unpacks bus beats. A beat is a non-negative {@link BigInteger} whose bit i is bit i
 * of the bus (bit 0 = LSB); element e of width w sits at {@code [e*w +: w]}, signed elements in
 * two's complement. {@link #hex} prints a beat as the fixed-width hex a {@code $readmemh} line or
 * a Verilator wide signal expects.
 */
public final class BeatCodec {
    /** Bits of one packed weight block. */
    public static final int BLOCK_BITS = 56;

    private BeatCodec() {
    }

    /** Packs signed elements of {@code width} bits each, element 0 in the low bits. */
    public static BigInteger packSigned(long[] values, int width) {
        long lo = -(1L << (width - 1));
        long hi = (1L << (width - 1)) - 1;
        long[] words = new long[(values.length * width + 63) / 64];
        for (int e = 0; e < values.length; e++) {
            long v = values[e];
            if (v < lo || v > hi) throw new IllegalArgumentException("beat element " + e + " = " + v + " does not fit " + width + " signed bits");
            put(words, (long) e * width, width, v);
        }
        return toBigInteger(words);
    }

    /** Writes the low {@code width} (<= 64) bits of v at bit offset {@code at}. */
    private static void put(long[] words, long at, int width, long v) {
        long bits = width == 64 ? v : v & ((1L << width) - 1);
        int w = (int) (at >>> 6);
        int off = (int) (at & 63);
        words[w] |= bits << off;
        if (off + width > 64) words[w + 1] |= bits >>> (64 - off);
    }

    /** Little-endian 64-bit words to a non-negative BigInteger. */
    private static BigInteger toBigInteger(long[] words) {
        byte[] be = new byte[words.length * 8 + 1]; // leading zero byte keeps the value non-negative
        for (int i = 0; i < words.length; i++) {
            long v = words[i];
            for (int b = 0; b < 8; b++) be[be.length - 1 - (8 * i + b)] = (byte) (v >>> (8 * b));
        }
        return new BigInteger(be);
    }

    public static BigInteger packSigned(int[] values, int width) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) l[i] = values[i];
        return packSigned(l, width);
    }

    /** Unpacks {@code count} signed elements of {@code width} bits. */
    public static long[] unpackSigned(BigInteger beat, int count, int width) {
        long[] out = new long[count];
        for (int e = 0; e < count; e++) {
            long raw = beat.shiftRight(e * width).longValue() & ((1L << width) - 1);
            out[e] = AccModel.wrap(raw, width);
        }
        return out;
    }

    /** Packs C 56-bit blocks, column c at {@code [56c +: 56]}. */
    public static BigInteger packBlocks(long[] blocks) {
        long[] words = new long[(blocks.length * BLOCK_BITS + 63) / 64];
        for (int c = 0; c < blocks.length; c++) {
            if ((blocks[c] & ~DecoderModel.BLOCK_MASK) != 0) throw new IllegalArgumentException("block " + c + " has bits above bit 55");
            put(words, (long) c * BLOCK_BITS, BLOCK_BITS, blocks[c]);
        }
        return toBigInteger(words);
    }

    /** Unpacks C 56-bit blocks. */
    public static long[] unpackBlocks(BigInteger beat, int cols) {
        long[] out = new long[cols];
        for (int c = 0; c < cols; c++) out[c] = beat.shiftRight(c * BLOCK_BITS).longValue() & DecoderModel.BLOCK_MASK;
        return out;
    }

    /** The beat as exactly ceil(width / 4) lower-case hex digits, most significant first. */
    public static String hex(BigInteger beat, int width) {
        if (beat.signum() < 0 || beat.bitLength() > width) throw new IllegalArgumentException("beat does not fit " + width + " bits");
        String digits = beat.toString(16);
        int n = (width + 3) / 4;
        return "0".repeat(n - digits.length()) + digits;
    }
}
