package io.fineq.tb;

import java.math.BigInteger;

/**
 * Parsing of the hex beats the harness prints (most significant digit first, zero-extended to
 * 32-bit words). Packing, unpacking and printing beats is {@link io.fineq.golden.BeatCodec}'s job.
 */
public final class Beats {
    private Beats() {
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
