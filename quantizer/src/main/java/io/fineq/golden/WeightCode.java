package io.fineq.golden;

/**
 * The 3-bit sign-magnitude weight code {@code {s, m1, m0}} of spec section 1, as the decoder
 * emits it on {@code w_o}. Held in an int 0..7: bit 2 = sign, bits 1:0 = magnitude.
 * {@code s = 1, m = 0} is a legal code and reads as zero.
 */
public final class WeightCode {
    private WeightCode() {
    }

    public static boolean negative(int code) {
        return (code & 0b100) != 0;
    }

    public static int magnitude(int code) {
        return code & 0b011;
    }

    /** The signed weight value, -3..3; negative zero reads as 0. */
    public static int value(int code) {
        int m = magnitude(code);
        return negative(code) ? -m : m;
    }
}
