package io.fineq.golden.accel;

import io.fineq.golden.ArrayKind;
import io.fineq.golden.CycleFormula;
import io.fineq.golden.DecoderModel;

/**
 * The golden model of one accelerator job: the memory image in, the memory image out, bit-exact
 * (docs/accelerator.md). It reads the descriptor's regions exactly as the DMA does (weight blocks
 * in .fqw stream order, int8 activations, int32 bias and multipliers), computes every output with
 * plain integer dot products (independent of the RTL's tile order: the sums are exact) and the
 * vector unit, and writes the outputs of tokens 0..N-1, outputs 0..Mp-1; nothing else changes.
 * A descriptor the RTL rejects leaves the memory as it is and returns error 1.
 */
public final class AccelModel {

    public static final int ERR_NONE = 0;
    public static final int ERR_DESCRIPTOR = 1;

    /** The job's outcome: its error code and the cycle estimate of {@link #cycleEstimate}. */
    public record Result(int error, long cycleEstimate) { }

    private AccelModel() {
    }

    /** Why the RTL rejects {@code d} (the rules of fineq_accel_ctrl), or null when it accepts it. */
    public static String descriptorProblem(AccelShape shape, AccelDescriptor d) {
        long bus = shape.busBytes() - 1L;
        long col = shape.cols() - 1L;
        if (d.n() == 0 || d.n() > 0xFFFF) return "N must be 1..65535";
        if (d.mb() == 0 || d.mb() > shape.paramBlocks()) return "MB must be 1.." + shape.paramBlocks();
        if (d.kt() == 0 || d.kt() > 0xFFFF) return "KT must be 1..65535";
        if ((d.wAddr() & bus) != 0 || (d.yAddr() & bus) != 0 || (d.biasAddr() & bus) != 0 || (d.multAddr() & bus) != 0
                || (d.yStride() & bus) != 0) return "W_ADDR, Y_ADDR, BIAS_ADDR, MULT_ADDR and Y_STRIDE must be multiples of " + shape.busBytes();
        if ((d.xAddr() & col) != 0 || (d.xStride() & col) != 0) return "X_ADDR and X_STRIDE must be multiples of " + shape.cols();
        if (d.xStride() < d.kt() * shape.cols()) return "X_STRIDE must be >= KT * " + shape.cols();
        if (d.yStride() < d.mb() * 24 * d.outputBytes()) return "Y_STRIDE must be >= Mp * " + d.outputBytes();
        if (d.act() == 3 || (d.act() == AccelDescriptor.ACT_TABLE && !d.int8()) || d.shift() > 47)
            return "VU: ACT must be 0..2 (2 with int8 output only), SHIFT 0..47";
        return null;
    }

    /** Runs the job on {@code mem} (addresses are byte offsets into it). */
    public static Result run(AccelShape shape, AccelDescriptor d, byte[] mem, ArrayKind kind) {
        if (descriptorProblem(shape, d) != null) return new Result(ERR_DESCRIPTOR, 0);
        int c = shape.cols();
        int mp = (int) d.mb() * 24;
        int kp = (int) d.kt() * c;
        int n = (int) d.n();
        int[][] qt = weights(shape, d, mem);
        byte[] lut = d.lut();
        for (int t = 0; t < n; t++) {
            int[] acc = new int[mp];
            long xrow = d.xAddr() + t * d.xStride();
            for (int k = 0; k < kp; k++) {
                int x = mem[(int) (xrow + k)];
                if (x == 0) continue;
                int[] col = qt[k];
                for (int m = 0; m < mp; m++) acc[m] += x * col[m];
            }
            long yrow = d.yAddr() + t * d.yStride();
            for (int m = 0; m < mp; m++) {
                int v = VectorUnitModel.apply(acc[m], word(mem, d.biasAddr() + 4L * m), word(mem, d.multAddr() + 4L * m),
                        d.shift(), d.int8(), d.act(), lut);
                if (d.int8()) {
                    mem[(int) (yrow + m)] = (byte) v;
                } else {
                    for (int b = 0; b < 4; b++) mem[(int) (yrow + 4L * m + b)] = (byte) (v >>> (8 * b));
                }
            }
        }
        return new Result(ERR_NONE, cycleEstimate(shape, d, qt, kind));
    }

    /** The little-endian int32 at byte address {@code a} of {@code mem}. */
    public static int word(byte[] mem, long a) {
        return (mem[(int) a] & 0xFF) | (mem[(int) a + 1] & 0xFF) << 8 | (mem[(int) a + 2] & 0xFF) << 16 | mem[(int) a + 3] << 24;
    }

    /**
     * The cycles of the job when memory keeps up (docs/accelerator.md, "Cycle model"): loading the
     * two parameter arrays (a bus word per cycle), then per tile the core's R activation loads plus
     * the tile's sum of vector lengths L, then per output group the write-back (a bus word per
     * cycle). Decode, activation prefetch and weight fetch overlap these; the pipeline fill and
     * the hand-overs between units are not counted, so the RTL takes somewhat more (the Verilator
     * regression reports the ratio).
     */
    public static long cycleEstimate(AccelShape shape, AccelDescriptor d, int[][] qt, ArrayKind kind) {
        int mp = (int) d.mb() * 24;
        long paramWords = 2 * ((96L * d.mb() + shape.busBytes() - 1) / shape.busBytes());
        long perToken = d.int8() ? (mp + shape.busBytes() - 1) / shape.busBytes() : (mp + shape.lanes() - 1) / shape.lanes();
        long writeBack = d.n() * perToken * (d.int8() ? 4 : 1);
        return paramWords + coreCycles(shape, d, qt, kind) + writeBack;
    }

    /**
     * The cycles the core works in a job: per tile its R activation loads and the sum of its
     * vectors' L (the core's own cycle formula, microarchitecture.md section 4, without its
     * two-cycle drain); the rest of a job's cycles the core waits with its clocks gated.
     */
    public static long coreCycles(AccelShape shape, AccelDescriptor d, int[][] qt, ArrayKind kind) {
        int c = shape.cols();
        int r = shape.rows();
        int mp = (int) d.mb() * 24;
        long tokenTiles = (d.n() + r - 1) / r;
        long sumL = 0;
        for (int kt = 0; kt < d.kt(); kt++) {
            for (int m = 0; m < mp; m++) {
                int max = 0;
                for (int col = 0; col < c; col++) max = Math.max(max, Math.abs(qt[kt * c + col][m]));
                sumL += CycleFormula.vectorLength(max, true, kind);
            }
        }
        long tiles = tokenTiles * d.kt() * ((d.mb() + shape.groupBlocks() - 1) / shape.groupBlocks());
        return tiles * r + tokenTiles * sumL;
    }

    /** {@link #coreCycles} of a job whose weights are in {@code mem} at the descriptor's W_ADDR. */
    public static long coreCycles(AccelShape shape, AccelDescriptor d, byte[] mem, ArrayKind kind) {
        return coreCycles(shape, d, weights(shape, d, mem), kind);
    }

    /** q transposed, qt[k][m], decoded from the blocks in memory in stream order (kt, mb, c). */
    static int[][] weights(AccelShape shape, AccelDescriptor d, byte[] mem) {
        int c = shape.cols();
        int[][] qt = new int[(int) d.kt() * c][(int) d.mb() * 24];
        for (int kt = 0; kt < d.kt(); kt++) {
            for (int mb = 0; mb < d.mb(); mb++) {
                for (int col = 0; col < c; col++) {
                    long off = d.wAddr() + ((long) (kt * d.mb() + mb) * c + col) * 7;
                    long block = 0;
                    for (int b = 6; b >= 0; b--) block = (block << 8) | (mem[(int) (off + b)] & 0xFF);
                    int[] v = DecoderModel.decodeValues(block);
                    for (int i = 0; i < 24; i++) qt[kt * c + col][24 * mb + i] = v[i];
                }
            }
        }
        return qt;
    }
}
