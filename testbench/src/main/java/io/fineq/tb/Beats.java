package io.fineq.tb;

import java.math.BigInteger;

/**
 * Parsing of the hex beats the harness prints (most significant digit first, zero-extended to
 * 32-bit words). Packing, unpacking and printing beats is {@link io.fineq.golden.BeatCodec}'s job.
 */
public final class Beats {
    private Beats() {
    }

    /**
     * The {@code count} signed {@code width}-bit lanes of a hex beat (lane e at bits
     * [e*width +: width]), straight from the digits: the hot path of a regression's result check,
     * with no big-number object per beat. Bits above {@code count * width} must be zero.
     */
    public static long[] unpackSignedHex(String hex, int count, int width, String where) {
        if (width < 1 || width > 63) throw new IllegalArgumentException("lane width must be 1..63, got " + width);
        long[] out = new long[count];
        long total = (long) count * width;
        long bit = 0;
        for (int i = hex.length() - 1; i >= 0; i--, bit += 4) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0) throw new IllegalArgumentException(where + ": '" + hex + "' is not a hex number");
            for (int b = 0; b < 4 && d != 0; b++, d >>>= 1) {
                if ((d & 1) == 0) continue;
                long pos = bit + b;
                if (pos >= total) throw new IllegalArgumentException(where + ": value has bits above bit " + (total - 1) + ", beat is " + total + " bits");
                out[(int) (pos / width)] |= 1L << (pos % width);
            }
        }
        for (int e = 0; e < count; e++) {
            out[e] = (out[e] << (64 - width)) >> (64 - width);
        }
        return out;
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
}
