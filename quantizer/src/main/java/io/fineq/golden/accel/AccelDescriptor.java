package io.fineq.golden.accel;

/**
 * One job as the register file holds it (docs/accelerator.md, "Descriptor"); every field is the
 * 32-bit register value (unsigned, held in a long).
 *
 * @param vu  [0] int8 output, [3:2] activation (0 none, 1 ReLU, 2 table), [13:8] shift
 * @param lut the 256-entry activation table, entry e = the int8 value with byte e
 */
public record AccelDescriptor(long wAddr, long xAddr, long yAddr, long biasAddr, long multAddr,
                              long mb, long kt, long n, long xStride, long yStride, long vu, byte[] lut) {

    public static final int ACT_NONE = 0;
    public static final int ACT_RELU = 1;
    public static final int ACT_TABLE = 2;

    public AccelDescriptor {
        if (lut == null || lut.length != 256) throw new IllegalArgumentException("lut must have 256 entries");
        lut = lut.clone();
    }

    public boolean int8() {
        return (vu & 1) != 0;
    }

    public int act() {
        return (int) ((vu >>> 2) & 3);
    }

    public int shift() {
        return (int) ((vu >>> 8) & 63);
    }

    public int outputBytes() {
        return int8() ? 1 : 4;
    }

    /** The VU register for an output format, activation and shift. */
    public static long vu(boolean int8, int act, int shift) {
        return (int8 ? 1L : 0L) | ((long) act << 2) | ((long) shift << 8);
    }

    @Override
    public byte[] lut() {
        return lut.clone();
    }
}
