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
}
