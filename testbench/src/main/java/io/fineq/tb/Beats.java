package io.fineq.tb;

import java.math.BigInteger;

/**
 * Bit-level packing of stream beats: fixed-width hex text (most significant digit first, as
 * {@code $readmemh} reads it) and signed fields at {@code [i*width +: width]}.
 */
public final class Beats {
    private Beats() {
    }

    /** Hex digits needed for {@code bits} bits. */
    public static int hexDigits(int bits) {
        return (bits + 3) / 4;
    }

    /** {@code value} (non-negative, below 2^bits) as exactly {@link #hexDigits(int)} lowercase digits. */
    public static String hex(BigInteger value, int bits) {
        if (value.signum() < 0 || value.bitLength() > bits)
            throw new IllegalArgumentException("beat value needs " + value.bitLength() + " bits, port is " + bits);
        String s = value.toString(16);
        int pad = hexDigits(bits) - s.length();
        return pad > 0 ? "0".repeat(pad) + s : s;
    }

    /** Parses a hex beat; bits above {@code bits} must be zero (the harness zero-extends to 32-bit words). */
    public static BigInteger parseHex(String text, int bits, String where) {
        BigInteger v;
        try {
            v = new BigInteger(text.trim(), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not a hex number");
        }
        if (v.bitLength() > bits) throw new IllegalArgumentException(where + ": value has " + v.bitLength() + " bits, beat is " + bits);
        return v;
    }

    /** Packs {@code values[i]} as two's complement at bits {@code [i*width +: width]}; each must fit. */
    public static BigInteger packSigned(long[] values, int width) {
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        long lo = -(1L << (width - 1)), hi = (1L << (width - 1)) - 1;
        BigInteger v = BigInteger.ZERO;
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] < lo || values[i] > hi)
                throw new IllegalArgumentException("field " + i + " = " + values[i] + " does not fit " + width + " signed bits");
            v = v.shiftLeft(width).or(BigInteger.valueOf(values[i]).and(mask));
        }
        return v;
    }

    /** Unpacks {@code count} signed fields of {@code width} bits, field i at {@code [i*width +: width]}. */
    public static long[] unpackSigned(BigInteger beat, int width, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long raw = 0;
            for (int b = width - 1; b >= 0; b--) raw = (raw << 1) | (beat.testBit(i * width + b) ? 1 : 0);
            out[i] = (raw << (64 - width)) >> (64 - width);
        }
        return out;
    }
}
