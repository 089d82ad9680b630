package io.fineq.hwcost.sram;

import io.fineq.hwcost.energy.EnergyTable;
import io.fineq.hwcost.liberty.Liberty;
import io.fineq.rtl.AccelConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's 45 nm SRAM macro model (docs/accelerator.md, "Memory macros"): one Liberty cell per
 * {@code fineq_sram} configuration of a design, and the Verilog that maps each configuration onto
 * its cell, so the PPA flow synthesises, times and powers the accelerator with its memories as
 * macros, as a real flow would with a memory compiler's output. The figures are a stated model,
 * not a compiler's characterisation:
 * <ul>
 * <li>area: {@link #AREA_UM2_PER_BIT} per bit (Intel's 45 nm 6T cell, 0.346 um², K. Mistry et al.,
 *     IEDM 2007, at 60 % array efficiency for the periphery of small macros);</li>
 * <li>access energy: {@link #accessPjPerBit} per bit read or written (Horowitz, ISSCC 2014: 10 pJ
 *     per 64-bit access of a small 45 nm SRAM); it is charged from a job's exact access counts
 *     (the PPA flow cannot derive how often an enable is high from toggle counts), not from
 *     Liberty {@code internal_power};</li>
 * <li>leakage: {@link #LEAKAGE_PW_PER_BIT} per bit (a low-power 45 nm cell);</li>
 * <li>timing: read access (clock to data) {@link #accessNs}, growing with depth (bit-line length)
 *     and width (word-line length), setup {@link #SETUP_NS} and hold {@link #HOLD_NS} on every
 *     input; the output's delay and transition grow with its load.</li>
 * </ul>
 * A macro's pin {@code p_k} is bit k of the RTL port {@code p} of {@code fineq_sram}.
 */
public final class SramLibrary {
    /** um² per bit: 0.346 um² 6T cell at 60 % array efficiency. */
    public static final double AREA_UM2_PER_BIT = 0.346 / 0.6;
    /** Leakage per stored bit, pW. */
    public static final double LEAKAGE_PW_PER_BIT = 20;
    public static final double SETUP_NS = 0.10;
    public static final double HOLD_NS = 0.02;
    /** Input pin capacitances, fF. */
    public static final double CLOCK_PIN_FF = 4;
    public static final double ADDRESS_PIN_FF = 2;
    public static final double DATA_PIN_FF = 1;
    /** Largest load of a data output, fF. */
    public static final double MAX_OUTPUT_FF = 100;
    /** Output transition: {@code OUT_SLEW_NS + OUT_SLEW_NS_PER_FF x load}; delay adds {@code OUT_DELAY_NS_PER_FF x load}. */
    public static final double OUT_SLEW_NS = 0.02;
    public static final double OUT_SLEW_NS_PER_FF = 0.0015;
    public static final double OUT_DELAY_NS_PER_FF = 0.003;

    private static final double[] LOADS_FF = {0.5, 10, 50, 100};
    private static final double[] SLEWS_NS = {0.01, 0.1, 0.5};
    private static final String DELAY_TEMPLATE = "fineq_sram_delay";

    private SramLibrary() {
    }

    /** Energy per bit read or written, pJ. */
    public static double accessPjPerBit() {
        return EnergyTable.horowitz45nm().sramBit();
    }

    /** Read access time at no load, ns: 0.30 + 0.025 per doubling of the depth + 0.05 per 1,024 bits of width. */
    public static double accessNs(AccelConfig.Memory m) {
        return 0.30 + 0.025 * (32 - Integer.numberOfLeadingZeros(Math.max(1, m.depth() - 1))) + 0.05 * m.width() / 1024.0;
    }

    public static double areaUm2(AccelConfig.Memory m) {
        return m.bits() * AREA_UM2_PER_BIT;
    }

    public static double leakageW(AccelConfig.Memory m) {
        return m.bits() * LEAKAGE_PW_PER_BIT * 1e-12;
    }

    /** The cell of a configuration, e.g. {@code fineq_sram_w512_d24_l16_a5}. */
    public static String cellName(AccelConfig.Memory m) {
        return "fineq_sram_w" + m.width() + "_d" + m.depth() + "_l" + m.lanes() + "_a" + m.addrBits();
    }

    /** The distinct configurations of {@code memories}, by cell name, in order. */
    public static Map<String, AccelConfig.Memory> configurations(List<AccelConfig.Memory> memories) {
        Map<String, AccelConfig.Memory> out = new LinkedHashMap<>();
        for (AccelConfig.Memory m : memories) out.putIfAbsent(cellName(m), m);
        return out;
    }

    /**
     * The Liberty groups (a delay template and one cell per configuration) in {@code target}'s
     * units, to add to that library ({@link Liberty#withGroups}).
     */
    public static String groups(List<AccelConfig.Memory> memories, Liberty target) {
        double t = target.timeUnitNs();
        double c = target.capUnitFf();
        StringBuilder sb = new StringBuilder();
        sb.append("\n  /* Memory macros of io.fineq.hwcost.sram.SramLibrary (docs/accelerator.md, \"Memory macros\"): a stated 45 nm model. */\n");
        sb.append("  lu_table_template (").append(DELAY_TEMPLATE).append(") {\n    variable_1 : input_net_transition;\n")
                .append("    variable_2 : total_output_net_capacitance;\n    index_1 (\"").append(list(SLEWS_NS, t)).append("\");\n")
                .append("    index_2 (\"").append(list(LOADS_FF, c)).append("\");\n  }\n");
        for (AccelConfig.Memory m : configurations(memories).values()) cell(sb, m, target);
        return sb.toString();
    }

    /** A library of the macros alone (units of {@code target}), for Yosys to read as black boxes. */
    public static String standalone(List<AccelConfig.Memory> memories, Liberty target) {
        return "library (fineq_sram_macros) {\n  delay_model : table_lookup;\n" + groups(memories, target) + "}\n";
    }

    private static void cell(StringBuilder sb, AccelConfig.Memory m, Liberty lib) {
        double t = lib.timeUnitNs();
        double c = lib.capUnitFf();
        sb.append("  cell (").append(cellName(m)).append(") {\n");
        sb.append(String.format(Locale.ROOT, "    /* %s: %d x %d bits in %d lanes */%n", m.role(), m.depth(), m.width(), m.lanes()));
        sb.append(String.format(Locale.ROOT, "    area : %.4f;%n", areaUm2(m)));
        sb.append("    is_macro_cell : true;\n    dont_use : true;\n    dont_touch : true;\n");
        sb.append(String.format(Locale.ROOT, "    cell_leakage_power : %.6g;%n", leakageW(m) / lib.leakageUnitW()));
        sb.append(String.format(Locale.ROOT, "    pin (clk_i) {%n      direction : input;%n      clock : true;%n      capacitance : %.4f;%n    }%n", CLOCK_PIN_FF / c));
        inputs(sb, "re_i", m.lanes(), DATA_PIN_FF, lib);
        inputs(sb, "raddr_i", m.addrBits(), ADDRESS_PIN_FF, lib);
        inputs(sb, "we_i", m.lanes(), DATA_PIN_FF, lib);
        inputs(sb, "waddr_i", m.addrBits(), ADDRESS_PIN_FF, lib);
        inputs(sb, "wdata_i", m.width(), DATA_PIN_FF, lib);
        String delay = table(accessNs(m), OUT_DELAY_NS_PER_FF, t);
        String slew = table(OUT_SLEW_NS, OUT_SLEW_NS_PER_FF, t);
        for (int i = 0; i < m.width(); i++) {
            sb.append("    pin (rdata_o_").append(i).append(") {\n      direction : output;\n");
            sb.append(String.format(Locale.ROOT, "      max_capacitance : %.4f;%n", MAX_OUTPUT_FF / c));
            sb.append("      timing () {\n        related_pin : \"clk_i\";\n        timing_type : rising_edge;\n");
            sb.append("        cell_rise (").append(DELAY_TEMPLATE).append(") {").append(delay).append("}\n");
            sb.append("        rise_transition (").append(DELAY_TEMPLATE).append(") {").append(slew).append("}\n");
            sb.append("        cell_fall (").append(DELAY_TEMPLATE).append(") {").append(delay).append("}\n");
            sb.append("        fall_transition (").append(DELAY_TEMPLATE).append(") {").append(slew).append("}\n");
            sb.append("      }\n    }\n");
        }
        sb.append("  }\n");
    }

    private static void inputs(StringBuilder sb, String port, int bits, double capFf, Liberty lib) {
        String setup = String.format(Locale.ROOT, "%.4f", SETUP_NS / lib.timeUnitNs());
        String hold = String.format(Locale.ROOT, "%.4f", HOLD_NS / lib.timeUnitNs());
        for (int i = 0; i < bits; i++) {
            sb.append("    pin (").append(port).append('_').append(i).append(") {\n      direction : input;\n");
            sb.append(String.format(Locale.ROOT, "      capacitance : %.4f;%n", capFf / lib.capUnitFf()));
            check(sb, "setup_rising", setup);
            check(sb, "hold_rising", hold);
            sb.append("    }\n");
        }
    }

    private static void check(StringBuilder sb, String type, String value) {
        sb.append("      timing () {\n        related_pin : \"clk_i\";\n        timing_type : ").append(type).append(";\n")
                .append("        rise_constraint (scalar) { values (\"").append(value).append("\"); }\n")
                .append("        fall_constraint (scalar) { values (\"").append(value).append("\"); }\n      }\n");
    }

    /** A delay/transition table {@code base + perFf x load} (independent of the input transition), in library units. */
    private static String table(double baseNs, double nsPerFf, double timeUnitNs) {
        List<String> rows = new ArrayList<>();
        for (double ignored : SLEWS_NS) {
            StringBuilder r = new StringBuilder();
            for (int j = 0; j < LOADS_FF.length; j++) {
                r.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", (baseNs + nsPerFf * LOADS_FF[j]) / timeUnitNs));
            }
            rows.add("\"" + r + "\"");
        }
        return " values (" + String.join(", ", rows) + "); ";
    }

    private static String list(double[] v, double unit) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5g", v[i] / unit));
        return sb.toString();
    }

    /**
     * The Verilog of {@code fineq_sram} for synthesis: each configuration of {@code memories}
     * instantiates its macro cell; any other configuration instantiates a module that does not
     * exist, so that Yosys' {@code hierarchy -check} names it instead of synthesising flip-flops.
     */
    public static String verilog(List<AccelConfig.Memory> memories) {
        StringBuilder sb = new StringBuilder();
        sb.append("// fineq_sram mapped onto the memory macros of io.fineq.hwcost.sram.SramLibrary (one cell per configuration).\n");
        // The defaults are the first configuration's: Yosys elaborates the module with its defaults too.
        AccelConfig.Memory first = memories.isEmpty() ? new AccelConfig.Memory("", 32, 16, 1, 4, 0) : memories.get(0);
        sb.append(String.format(Locale.ROOT, "module fineq_sram #(%n  parameter integer WIDTH  = %d,%n  parameter integer DEPTH  = %d,%n",
                        first.width(), first.depth()))
                .append(String.format(Locale.ROOT, "  parameter integer LANES  = %d,%n  parameter integer ADDR_W = %d%n) (%n", first.lanes(), first.addrBits()))
                .append("  input  wire              clk_i,\n  input  wire [LANES-1:0]  re_i,\n  input  wire [ADDR_W-1:0] raddr_i,\n")
                .append("  output wire [WIDTH-1:0]  rdata_o,\n  input  wire [LANES-1:0]  we_i,\n  input  wire [ADDR_W-1:0] waddr_i,\n")
                .append("  input  wire [WIDTH-1:0]  wdata_i\n);\n  generate\n");
        int k = 0;
        for (AccelConfig.Memory m : configurations(memories).values()) {
            sb.append(k == 0 ? "    if" : "    end else if").append(String.format(Locale.ROOT,
                    " (WIDTH == %d && DEPTH == %d && LANES == %d && ADDR_W == %d) begin : g_macro%d%n", m.width(), m.depth(), m.lanes(), m.addrBits(), k));
            sb.append("      ").append(cellName(m)).append(" u_macro (\n        .clk_i(clk_i)");
            connect(sb, "re_i", m.lanes());
            connect(sb, "raddr_i", m.addrBits());
            connect(sb, "we_i", m.lanes());
            connect(sb, "waddr_i", m.addrBits());
            connect(sb, "wdata_i", m.width());
            connect(sb, "rdata_o", m.width());
            sb.append("\n      );\n");
            k++;
        }
        sb.append(k == 0 ? "    if (1) begin : g_none\n" : "    end else begin : g_none\n");
        sb.append("      fineq_sram_has_no_macro_for_this_configuration u_missing ();\n    end\n  endgenerate\nendmodule\n");
        return sb.toString();
    }

    private static void connect(StringBuilder sb, String port, int bits) {
        for (int i = 0; i < bits; i++) sb.append(",\n        .").append(port).append('_').append(i).append('(').append(port).append('[').append(i).append("])");
    }
}
