package io.fineq.hwcost.util;

import java.math.BigInteger;

/** Packs and unpacks the wide bit vectors exchanged with the Verilator harnesses as hex text. */
public final class Hex {
    private Hex() {
    }

    /** Fields of {@code width} bits each, field i at [i*width +: width], as zero-padded hex (MSB first). */
    public static String pack(long[] fields, int width) {
        BigInteger v = BigInteger.ZERO;
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        for (int i = fields.length - 1; i >= 0; i--) {
            v = v.shiftLeft(width).or(BigInteger.valueOf(fields[i]).and(mask));
        }
        int digits = (fields.length * width + 3) / 4;
        String s = v.toString(16);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }
}
