package io.fineq.golden;

/**
 * Model of {@code fineq_temporal_encoder}: turns a magnitude 0..3 into a unary bit train over
 * bit-times t = 0..2 (spec section 5), and votes for early termination.
 */
public final class TemporalEncoderModel {
    private TemporalEncoderModel() {
    }

    /** {@code bit_o = t < |w|}. */
    public static boolean bit(int magnitude, int t) {
        return t < magnitude;
    }

    /** {@code done_o = t + 1 >= |w|}: no further 1 bits after this bit-time. */
    public static boolean done(int magnitude, int t) {
        return t + 1 >= magnitude;
    }

    /**
     * What the PEs of a column multiply their activation by in bit-time t: the unary bit (0 or 1)
     * for {@link ArrayKind#TEMPORAL}; for {@link ArrayKind#SHIFTED} {@code min(|w|, 2)} in bit-time 0
     * (a or the shifted 2a) and {@code [|w| = 3]} in bit-time 1, so the two bit-times add |w| * a.
     */
    public static int factor(ArrayKind kind, int magnitude, int t) {
        if (kind != ArrayKind.SHIFTED) return bit(magnitude, t) ? 1 : 0;
        return t == 0 ? Math.min(magnitude, 2) : (t == 1 && magnitude == 3 ? 1 : 0);
    }

    /** The column's early-termination vote after bit-time t: nothing further to add. */
    public static boolean done(ArrayKind kind, int magnitude, int t) {
        return kind == ArrayKind.SHIFTED ? t >= 1 || magnitude < 3 : done(magnitude, t);
    }
}
