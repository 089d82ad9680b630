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
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger beat = BigInteger.ZERO;
        for (int e = values.length - 1; e >= 0; e--) {
            long v = values[e];
            long lo = -(1L << (width - 1));
            long hi = (1L << (width - 1)) - 1;
            if (v < lo || v > hi) throw new IllegalArgumentException("beat element " + e + " = " + v + " does not fit " + width + " signed bits");
            beat = beat.shiftLeft(width).or(BigInteger.valueOf(v).and(mask));
        }
        return beat;
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
        BigInteger beat = BigInteger.ZERO;
        for (int c = blocks.length - 1; c >= 0; c--) {
            if ((blocks[c] & ~DecoderModel.BLOCK_MASK) != 0) throw new IllegalArgumentException("block " + c + " has bits above bit 55");
            beat = beat.shiftLeft(BLOCK_BITS).or(BigInteger.valueOf(blocks[c]));
        }
        return beat;
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
