package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.golden.accel.AccelDescriptor;
import io.fineq.golden.accel.AccelShape;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.AccelRegisters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The driver's view of one accelerator job (docs/accelerator.md, "Driver"): it lays the job out in
 * memory - weight blocks (the .fqw stream as it is), int8 activations X[n][k] (row stride Kp),
 * int32 bias and multipliers, the output region - each region on its own 4 KB page, and gives the
 * descriptor and the register writes that start it. The output region is filled with
 * {@link #FILL} so that a missing or stray write shows.
 *
 * @param memory     the whole memory image, from address 0
 * @param descriptor the job's registers
 * @param yBytes     size of the output region (N rows of Y_STRIDE bytes)
 */
public record AccelJobImage(byte[] memory, AccelDescriptor descriptor, long yBytes) {

    public static final byte FILL = (byte) 0xA5;
    private static final int PAGE = 4096;

    /** The golden model's array kind of the accelerator's core. */
    public static io.fineq.golden.ArrayKind arrayKind(AccelConfig cfg) {
        return switch (cfg.core().core()) {
            case FINEQ -> io.fineq.golden.ArrayKind.TEMPORAL;
            case FINEQ_SHIFTED -> io.fineq.golden.ArrayKind.SHIFTED;
            case MAC_TREE -> io.fineq.golden.ArrayKind.MAC_TREE;
            case MAC_SYSTOLIC -> throw new IllegalArgumentException("the systolic array has no accelerator shell");
        };
    }

    public static AccelShape shape(AccelConfig cfg) {
        return new AccelShape(cfg.core().rows(), cfg.core().cols(), cfg.busBytes(), cfg.groupBlocks(), cfg.paramBlocks());
    }

    /**
     * The job: Y = vector_unit(q X^T) for the image's weights and the int8 activations {@code x}
     * (N x K, K = the image's columns; padded with zeros to Kp).
     *
     * @param bias per output, Mp entries (null: zeros)
     * @param mult per output, Mp entries, -32768..32767 (null: ones)
     */
    public static AccelJobImage of(AccelConfig cfg, FqwImage image, int[][] x, int[] bias, int[] mult,
                                   boolean int8, int act, int shift, byte[] lut) {
        int c = cfg.core().cols();
        if (image.header().arrayCols() != c) throw new IllegalArgumentException("image is for C = " + image.header().arrayCols() + ", the accelerator has C = " + c);
        int mp = image.header().paddedRows();
        int kp = image.header().paddedCols();
        int k = image.header().cols();
        int n = x.length;
        int bus = cfg.busBytes();
        long yStride = roundUp((long) mp * (int8 ? 1 : 4), bus);
        long paramBytes = roundUp(4L * mp, bus);
        long w = 0;
        long xa = roundUp(w + image.blocks().length, PAGE);
        long ba = roundUp(xa + (long) n * kp, PAGE);
        long ma = roundUp(ba + paramBytes, PAGE);
        long ya = roundUp(ma + paramBytes, PAGE);
        long end = roundUp(ya + (long) n * yStride, PAGE);
        if (end > Integer.MAX_VALUE) throw new IllegalArgumentException("job needs " + end + " bytes of memory");
        byte[] mem = new byte[(int) end];
        System.arraycopy(image.blocks(), 0, mem, (int) w, image.blocks().length);
        for (int t = 0; t < n; t++) {
            if (x[t].length != k) throw new IllegalArgumentException("token " + t + " has " + x[t].length + " channels, the image " + k);
            for (int i = 0; i < k; i++) {
                if (x[t][i] < -128 || x[t][i] > 127) throw new IllegalArgumentException("activation " + x[t][i] + " is not int8");
                mem[(int) (xa + (long) t * kp + i)] = (byte) x[t][i];
            }
        }
        for (int m = 0; m < mp; m++) {
            putWord(mem, ba + 4L * m, bias == null ? 0 : bias[m]);
            putWord(mem, ma + 4L * m, mult == null ? 1 : mult[m]);
        }
        Arrays.fill(mem, (int) ya, (int) end, FILL);
        AccelDescriptor d = new AccelDescriptor(w, xa, ya, ba, ma, mp / 24, kp / c, n, kp, yStride,
                AccelDescriptor.vu(int8, act, shift), lut == null ? new byte[256] : lut);
        return new AccelJobImage(mem, d, (long) n * yStride);
    }

    static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }

    static void putWord(byte[] mem, long a, int v) {
        for (int b = 0; b < 4; b++) mem[(int) a + b] = (byte) (v >>> (8 * b));
    }

    /** The register writes that load the descriptor and the table and start the job with its interrupt. */
    public static List<long[]> startWrites(AccelDescriptor d) {
        List<long[]> w = new ArrayList<>();
        w.add(new long[] {AccelRegisters.W_ADDR.offset(), d.wAddr()});
        w.add(new long[] {AccelRegisters.X_ADDR.offset(), d.xAddr()});
        w.add(new long[] {AccelRegisters.Y_ADDR.offset(), d.yAddr()});
        w.add(new long[] {AccelRegisters.BIAS_ADDR.offset(), d.biasAddr()});
        w.add(new long[] {AccelRegisters.MULT_ADDR.offset(), d.multAddr()});
        w.add(new long[] {AccelRegisters.MB.offset(), d.mb()});
        w.add(new long[] {AccelRegisters.KT.offset(), d.kt()});
        w.add(new long[] {AccelRegisters.N.offset(), d.n()});
        w.add(new long[] {AccelRegisters.X_STRIDE.offset(), d.xStride()});
        w.add(new long[] {AccelRegisters.Y_STRIDE.offset(), d.yStride()});
        w.add(new long[] {AccelRegisters.VU.offset(), d.vu()});
        byte[] lut = d.lut();
        for (int i = 0; i < 64; i++) {
            long v = (lut[4 * i] & 0xFFL) | (lut[4 * i + 1] & 0xFFL) << 8 | (lut[4 * i + 2] & 0xFFL) << 16 | (lut[4 * i + 3] & 0xFFL) << 24;
            w.add(new long[] {AccelRegisters.LUT.offset() + 4L * i, v});
        }
        w.add(new long[] {AccelRegisters.CTRL.offset(), AccelRegisters.CTRL_START | AccelRegisters.CTRL_IRQ_EN});
        return w;
    }

    /**
     * The harness's register script: identify the block, load and start the job, wait for the
     * interrupt, read STATUS and CYCLES, clear DONE and read STATUS again.
     */
    public String script() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("r %x%n", AccelRegisters.ID.offset()));
        for (long[] w : startWrites(descriptor)) sb.append(String.format("w %x %x%n", w[0], w[1]));
        sb.append("wait\n");
        sb.append(String.format("r %x%n", AccelRegisters.STATUS.offset()));
        sb.append(String.format("r %x%n", AccelRegisters.CYCLES.offset()));
        sb.append(String.format("w %x %x%n", AccelRegisters.STATUS.offset(), AccelRegisters.STATUS_DONE));
        sb.append(String.format("r %x%n", AccelRegisters.STATUS.offset()));
        return sb.toString();
    }
}
