package io.fineq.golden.accel;

/**
 * The vector unit's arithmetic for one output (docs/accelerator.md, "Vector unit"), as
 * {@code fineq_vector_unit} computes it:
 * <pre>
 *   s = acc + bias                                  (int32, wrapping)
 *   int32 output: s, or max(s, 0) with ReLU
 *   int8 output:  v = clamp((s * (int16) mult + 2^(shift-1)) >> shift, -128, 127)  (no rounding term when shift = 0)
 *                 then ReLU: max(v, 0), or the table: lut[v & 255]
 * </pre>
 */
public final class VectorUnitModel {
    private VectorUnitModel() {
    }

    /** The output value: an int32, or an int8 in -128..127. */
    public static int apply(int acc, int bias, int mult, int shift, boolean int8, int act, byte[] lut) {
        int s = acc + bias;
        if (!int8) return act == AccelDescriptor.ACT_RELU && s < 0 ? 0 : s;
        long p = (long) s * (short) mult;
        long q = (p + (shift == 0 ? 0 : 1L << (shift - 1))) >> shift;
        int v = (int) Math.max(-128, Math.min(127, q));
        if (act == AccelDescriptor.ACT_RELU) return Math.max(v, 0);
        if (act == AccelDescriptor.ACT_TABLE) return lut[v & 0xFF];
        return v;
    }
}
