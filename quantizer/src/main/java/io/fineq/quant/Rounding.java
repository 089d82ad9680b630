package io.fineq.quant;

/** Round half away from zero (spec section 1). */
public final class Rounding {
    private Rounding() {
    }

    /** rhaz(v) for finite v with |v| < 2^62. */
    public static long rhaz(double v) {
        double a = Math.abs(v);
        double f = Math.floor(a);
        long m = (long) f + (a - f >= 0.5 ? 1 : 0); // a - floor(a) is exact in double
        return v < 0 ? -m : m;
    }
}
