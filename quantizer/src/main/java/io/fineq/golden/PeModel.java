package io.fineq.golden;

/**
 * Model of {@code fineq_pe}: one activation register and a select (no multiplier).
 */
public final class PeModel {
    private int act;

    /** {@code act_we_i}: the register takes {@code act_i} (a signed ACT_W-bit value) at the clock edge. */
    public void write(int activation) {
        act = activation;
    }

    public int activation() {
        return act;
    }

    /** {@code sel_o = bit_i ? act_q : 0}. */
    public int select(boolean bit) {
        return select(bit, act);
    }

    public static int select(boolean bit, int activation) {
        return bit ? activation : 0;
    }

    /** The shifted coding's select: 0, a or 2a ({@code factor} 0, 1, 2; 2a is a wire shift, no multiplier). */
    public static int select(int factor, int activation) {
        if (factor < 0 || factor > 2) throw new IllegalArgumentException("select factor must be 0..2, got " + factor);
        return factor * activation;
    }
}
