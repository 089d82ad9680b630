package io.fineq.rtl;

import java.util.List;

/**
 * The accelerator's AXI4-Lite register map (docs/accelerator.md, "Register map"): one table for
 * the RTL's decoder ({@code templates/accel/fineq_axil_regs.v.vm} places the same offsets), the
 * generated C header and the Java driver.
 */
public final class AccelRegisters {

    /** One 32-bit register: byte offset, access (RO, RW, W1C, WO), what it holds. */
    public record Register(String name, int offset, String access, String description) { }

    public static final Register ID = new Register("ID", 0x00, "RO", "0x46510100: 'F' 'Q', shell version 1.0");
    public static final Register ARRAY = new Register("ARRAY", 0x04, "RO", "[15:0] rows R, [31:16] columns C");
    public static final Register LIMITS = new Register("LIMITS", 0x08, "RO", "[15:0] output-group blocks, [31:16] largest MB (Mp / 24)");
    public static final Register BUS = new Register("BUS", 0x0C, "RO", "AXI4 data bytes");
    public static final Register CTRL = new Register("CTRL", 0x10, "RW", "[0] START (write 1, reads 0; ignored while busy), [1] IRQ_EN");
    public static final Register STATUS = new Register("STATUS", 0x14, "RO/W1C", "[0] BUSY, [1] DONE (write 1 clears DONE and ERR), [7:4] ERR: 0 none, 1 bad descriptor, 2 read error response, 3 write error response");
    public static final Register W_ADDR = new Register("W_ADDR", 0x18, "RW", "weight blocks (.fqw stream order), bus-aligned");
    public static final Register X_ADDR = new Register("X_ADDR", 0x1C, "RW", "int8 activations X[n][k], C-aligned");
    public static final Register Y_ADDR = new Register("Y_ADDR", 0x20, "RW", "outputs Y[n][m] (int32 or int8), bus-aligned");
    public static final Register BIAS_ADDR = new Register("BIAS_ADDR", 0x24, "RW", "int32 bias per output, Mp entries, bus-aligned");
    public static final Register MULT_ADDR = new Register("MULT_ADDR", 0x28, "RW", "int32 multiplier per output (low 16 bits, signed), Mp entries, bus-aligned");
    public static final Register MB = new Register("MB", 0x2C, "RW", "24-row blocks Mp / 24, 1..LIMITS[31:16]");
    public static final Register KT = new Register("KT", 0x30, "RW", "k-tiles Kp / C, 1..65535");
    public static final Register N = new Register("N", 0x34, "RW", "tokens, 1..65535");
    public static final Register X_STRIDE = new Register("X_STRIDE", 0x38, "RW", "bytes from token n to n + 1 in X, a multiple of C, >= KT * C");
    public static final Register Y_STRIDE = new Register("Y_STRIDE", 0x3C, "RW", "bytes from token n to n + 1 in Y, bus-aligned, >= Mp * output bytes");
    public static final Register VU = new Register("VU", 0x40, "RW", "[0] INT8 output, [3:2] ACT: 0 none, 1 ReLU, 2 table (int8 only), [13:8] SHIFT 0..47");
    public static final Register CYCLES = new Register("CYCLES", 0x44, "RO", "clock cycles of the last job, START to DONE");
    public static final Register LUT = new Register("LUT", 0x100, "RW", "64 words: the activation table, entry e (an int8 value's byte) in byte e % 4 of word e / 4");

    public static final List<Register> ALL = List.of(ID, ARRAY, LIMITS, BUS, CTRL, STATUS, W_ADDR, X_ADDR, Y_ADDR,
            BIAS_ADDR, MULT_ADDR, MB, KT, N, X_STRIDE, Y_STRIDE, VU, CYCLES, LUT);

    public static final int CTRL_START = 1;
    public static final int CTRL_IRQ_EN = 2;
    public static final int STATUS_BUSY = 1;
    public static final int STATUS_DONE = 2;
    public static final int STATUS_ERR_SHIFT = 4;
    public static final int ERR_NONE = 0;
    public static final int ERR_DESCRIPTOR = 1;
    public static final int ERR_READ = 2;
    public static final int ERR_WRITE = 3;
    public static final int VU_INT8 = 1;
    public static final int VU_ACT_SHIFT = 2;
    public static final int VU_SHIFT_SHIFT = 8;
    public static final int ACT_NONE = 0;
    public static final int ACT_RELU = 1;
    public static final int ACT_TABLE = 2;

    private AccelRegisters() {
    }

    /** The C header of {@code cfg}'s register map and sizes. */
    public static String cHeader(AccelConfig cfg, List<String> header) {
        StringBuilder sb = new StringBuilder();
        sb.append("/*\n");
        for (String line : header) sb.append(" * ").append(line).append('\n');
        sb.append(" *\n * The FineQ accelerator's AXI4-Lite register map and sizes (docs/accelerator.md).\n */\n");
        sb.append("#ifndef FINEQ_ACCEL_REGS_H\n#define FINEQ_ACCEL_REGS_H\n\n");
        define(sb, "FINEQ_ACCEL_ID_VALUE", hex(AccelConfig.ID));
        define(sb, "FINEQ_ACCEL_ROWS", cfg.core().rows() + "u");
        define(sb, "FINEQ_ACCEL_COLS", cfg.core().cols() + "u");
        define(sb, "FINEQ_ACCEL_BUS_BYTES", cfg.busBytes() + "u");
        define(sb, "FINEQ_ACCEL_GROUP_OUTPUTS", cfg.groupOutputs() + "u");
        define(sb, "FINEQ_ACCEL_MAX_MB", cfg.paramBlocks() + "u");
        sb.append('\n');
        for (Register r : ALL) {
            sb.append("/* ").append(r.access()).append(": ").append(r.description()).append(" */\n");
            define(sb, "FINEQ_ACCEL_REG_" + r.name(), hex(r.offset()));
        }
        sb.append('\n');
        define(sb, "FINEQ_ACCEL_CTRL_START", CTRL_START + "u");
        define(sb, "FINEQ_ACCEL_CTRL_IRQ_EN", CTRL_IRQ_EN + "u");
        define(sb, "FINEQ_ACCEL_STATUS_BUSY", STATUS_BUSY + "u");
        define(sb, "FINEQ_ACCEL_STATUS_DONE", STATUS_DONE + "u");
        define(sb, "FINEQ_ACCEL_STATUS_ERR_SHIFT", STATUS_ERR_SHIFT + "u");
        define(sb, "FINEQ_ACCEL_ERR_NONE", ERR_NONE + "u");
        define(sb, "FINEQ_ACCEL_ERR_DESCRIPTOR", ERR_DESCRIPTOR + "u");
        define(sb, "FINEQ_ACCEL_ERR_READ", ERR_READ + "u");
        define(sb, "FINEQ_ACCEL_ERR_WRITE", ERR_WRITE + "u");
        define(sb, "FINEQ_ACCEL_VU_INT8", VU_INT8 + "u");
        define(sb, "FINEQ_ACCEL_VU_ACT_SHIFT", VU_ACT_SHIFT + "u");
        define(sb, "FINEQ_ACCEL_VU_SHIFT_SHIFT", VU_SHIFT_SHIFT + "u");
        define(sb, "FINEQ_ACCEL_ACT_NONE", ACT_NONE + "u");
        define(sb, "FINEQ_ACCEL_ACT_RELU", ACT_RELU + "u");
        define(sb, "FINEQ_ACCEL_ACT_TABLE", ACT_TABLE + "u");
        sb.append("\n#endif /* FINEQ_ACCEL_REGS_H */\n");
        return sb.toString();
    }

    private static String hex(int v) {
        return String.format("0x%08xu", v);
    }

    private static void define(StringBuilder sb, String name, String value) {
        sb.append("#define ").append(name).append(' ').append(value).append('\n');
    }
}
