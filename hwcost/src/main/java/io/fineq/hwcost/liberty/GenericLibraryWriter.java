package io.fineq.hwcost.liberty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the project's own Liberty library, {@code fineq_generic} (hwcost/src/main/resources/cells/):
 * a small generic 45 nm-like library with areas, timing and power, so that the PPA flow (Yosys,
 * OpenSTA, power) runs in tests without a user's library. Every number is derived here from a few
 * public figures, documented in docs/hwcost.md ("The project's cell library"):
 * <ul>
 * <li>areas: the X1 cells of the Nangate 45 nm Open Cell Library (FreePDK45), in um^2;</li>
 * <li>delay by logical effort (Sutherland, Sproull, Harris): {@code d = TAU (p + g h) + 0.15 s},
 *     h = load / input capacitance, s = input transition, TAU = 5 ps (a fan-out-of-4 inverter
 *     delay of 25 ps, the usual figure for a 45 nm process at nominal voltage);
 *     output transition {@code t = TAU (0.5 p + 1.2 g h) + 0.1 s};</li>
 * <li>input capacitance {@code g x size x 1.5 fF} (a unit inverter input, as Nangate45's X1);
 *     max_capacitance 40 fF x size (where the transition reaches max_transition); max_transition 0.2 ns;</li>
 * <li>internal energy per output transition {@code 0.75 p x size fJ} (the parasitic capacitance
 *     p x size fF charged at 1.1 V, plus short-circuit), per clock-pin transition 4 fJ for a
 *     flip-flop and 2 fJ for a latch or clock gate; leakage 20 nW per um^2 of area.</li>
 * </ul>
 * Every table is 2 x 2 and the model is linear in both indices, so a tool's interpolation is
 * exact. {@code main} rewrites the resource; a test checks that the committed file is this
 * writer's output.
 */
public final class GenericLibraryWriter {
    public static final double TAU = 0.005;
    public static final double C_UNIT = 1.5;
    public static final double VOLTAGE = 1.1;
    public static final double MAX_TRANSITION = 0.2;
    public static final double MAX_CAP_X1 = 40.0;
    public static final double LEAKAGE_NW_PER_UM2 = 20.0;
    public static final double INTERNAL_FJ_PER_P = 0.75;
    public static final double FLOP_CLOCK_FJ = 4.0;
    public static final double LATCH_CLOCK_FJ = 2.0;
    public static final double[] SLEWS = {0.01, 0.4};
    public static final double[] LOADS = {0.5, 80.0};

    private final StringBuilder out = new StringBuilder(1 << 16);

    /** A combinational cell: inputs with their logical effort, outputs with function and parasitic delay. */
    private record Comb(String name, double area, int size, String[] inputs, double[] effort, String[] outputs, String[] functions,
                        double[] parasitic) { }

    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Path.of("hwcost/src/main/resources/cells/fineq_generic.lib");
        Files.writeString(file, new GenericLibraryWriter().text(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    public String text() {
        out.setLength(0);
        header();
        for (Comb c : combinational()) comb(c);
        dff("DFF_X1", 4.522, false);
        dff("DFFR_X1", 5.320, true);
        latch();
        clockGate();
        tie("LOGIC0_X1", "0");
        tie("LOGIC1_X1", "1");
        out.append("}\n");
        return out.toString();
    }

    private static List<Comb> combinational() {
        List<Comb> cells = new ArrayList<>();
        for (int size : new int[] {1, 2, 4}) {
            cells.add(new Comb("INV_X" + size, new double[] {0, 0.532, 0.798, 0, 1.330}[size], size, new String[] {"A"},
                    new double[] {1}, new String[] {"Y"}, new String[] {"!A"}, new double[] {1}));
        }
        for (int size : new int[] {1, 2, 4, 8}) {
            cells.add(new Comb("BUF_X" + size, new double[] {0, 0.798, 1.064, 0, 1.862, 0, 0, 0, 3.458}[size], size, new String[] {"A"},
                    new double[] {1}, new String[] {"Y"}, new String[] {"A"}, new double[] {2}));
        }
        cells.add(gate("NAND2_X1", 0.798, new String[] {"A", "B"}, 4.0 / 3, "!(A & B)", 2));
        cells.add(gate("NOR2_X1", 0.798, new String[] {"A", "B"}, 5.0 / 3, "!(A | B)", 2));
        cells.add(gate("AND2_X1", 1.064, new String[] {"A", "B"}, 1, "(A & B)", 3));
        cells.add(gate("OR2_X1", 1.064, new String[] {"A", "B"}, 1, "(A | B)", 3));
        cells.add(gate("NAND3_X1", 1.064, new String[] {"A", "B", "C"}, 5.0 / 3, "!(A & B & C)", 3));
        cells.add(gate("NOR3_X1", 1.064, new String[] {"A", "B", "C"}, 7.0 / 3, "!(A | B | C)", 3));
        cells.add(gate("AOI21_X1", 1.064, new String[] {"A", "B", "C"}, 2, "!((A & B) | C)", 3));
        cells.add(gate("OAI21_X1", 1.064, new String[] {"A", "B", "C"}, 2, "!((A | B) & C)", 3));
        cells.add(gate("AOI22_X1", 1.330, new String[] {"A", "B", "C", "D"}, 2, "!((A & B) | (C & D))", 4));
        cells.add(gate("OAI22_X1", 1.330, new String[] {"A", "B", "C", "D"}, 2, "!((A | B) & (C | D))", 4));
        cells.add(gate("XOR2_X1", 1.596, new String[] {"A", "B"}, 4, "(A ^ B)", 4));
        cells.add(gate("XNOR2_X1", 1.596, new String[] {"A", "B"}, 4, "!(A ^ B)", 4));
        cells.add(new Comb("MUX2_X1", 1.862, 1, new String[] {"A", "B", "S"}, new double[] {2, 2, 2}, new String[] {"Y"},
                new String[] {"((A & !S) | (B & S))"}, new double[] {4}));
        cells.add(new Comb("FA_X1", 4.256, 1, new String[] {"A", "B", "CI"}, new double[] {4, 4, 3}, new String[] {"CO", "S"},
                new String[] {"((A & B) | (CI & (A | B)))", "(A ^ B ^ CI)"}, new double[] {6, 8}));
        return cells;
    }

    private static Comb gate(String name, double area, String[] inputs, double g, String function, double p) {
        double[] effort = new double[inputs.length];
        java.util.Arrays.fill(effort, g);
        return new Comb(name, area, 1, inputs, effort, new String[] {"Y"}, new String[] {function}, new double[] {p});
    }

    private void header() {
        out.append("""
                /*
                 * fineq_generic: the FineQ project's own generic 45 nm-like standard-cell library, written by
                 * io.fineq.hwcost.liberty.GenericLibraryWriter (do not edit: run its main to regenerate).
                 * Areas: the X1 cells of the Nangate 45 nm Open Cell Library, in um^2. Timing: logical effort
                 * with tau = 5 ps. Power: internal energy from the parasitic delay, fixed clock-pin energies,
                 * leakage 20 nW/um^2. The derivation is in docs/hwcost.md ("The project's cell library").
                 * Not a real process: for exercising and comparing designs, not for sign-off.
                 */
                library (fineq_generic) {
                  delay_model : table_lookup;
                  time_unit : "1ns";
                  voltage_unit : "1V";
                  current_unit : "1mA";
                  pulling_resistance_unit : "1kohm";
                  leakage_power_unit : "1nW";
                  capacitive_load_unit (1, ff);
                  nom_process : 1.0;
                  nom_temperature : 25.0;
                  nom_voltage : 1.1;
                  voltage_map (VDD, 1.1);
                  voltage_map (VSS, 0.0);
                  default_max_transition : 0.2;
                  default_fanout_load : 1.0;
                  default_inout_pin_cap : 1.0;
                  default_input_pin_cap : 1.0;
                  default_output_pin_cap : 0.0;
                  default_cell_leakage_power : 0.0;
                  default_leakage_power_density : 0.0;
                  slew_lower_threshold_pct_rise : 30.0;
                  slew_upper_threshold_pct_rise : 70.0;
                  slew_lower_threshold_pct_fall : 30.0;
                  slew_upper_threshold_pct_fall : 70.0;
                  input_threshold_pct_rise : 50.0;
                  input_threshold_pct_fall : 50.0;
                  output_threshold_pct_rise : 50.0;
                  output_threshold_pct_fall : 50.0;
                  operating_conditions (typical) {
                    process : 1.0;
                    voltage : 1.1;
                    temperature : 25.0;
                  }
                  default_operating_conditions : typical;
                  /* Wires for --wires on (docs/hwcost.md, "Wires"): 2 length units of 0.2 fF per sink,
                     0.4 fF per sink, about 40 % of an X1 input; not a measured process. */
                  wire_load ("fineq_generic_wires") {
                    capacitance : 0.2;
                    resistance : 0.0;
                    slope : 2.0;
                    fanout_length (1, 2.0);
                    fanout_length (2, 4.0);
                    fanout_length (4, 8.0);
                    fanout_length (8, 16.0);
                    fanout_length (16, 32.0);
                  }
                  default_wire_load : "fineq_generic_wires";
                  lu_table_template (delay_2x2) {
                    variable_1 : input_net_transition;
                    variable_2 : total_output_net_capacitance;
                    index_1 ("0.01, 0.4");
                    index_2 ("0.5, 80");
                  }
                  power_lut_template (energy_2x2) {
                    variable_1 : input_transition_time;
                    variable_2 : total_output_net_capacitance;
                    index_1 ("0.01, 0.4");
                    index_2 ("0.5, 80");
                  }
                  power_lut_template (energy_2) {
                    variable_1 : input_transition_time;
                    index_1 ("0.01, 0.4");
                  }
                """);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** d = TAU (p + g h) + 0.15 s at the two slews and loads; h = load / (g size C_UNIT). */
    private static double delay(double p, double cin, double g, double load, double slew) {
        return TAU * (p + g * load / cin) + 0.15 * slew;
    }

    private static double transition(double p, double cin, double g, double load, double slew) {
        return TAU * (0.5 * p + 1.2 * g * load / cin) + 0.1 * slew;
    }

    private void table(String indent, String kind, double p, double cin, double g, boolean isDelay) {
        out.append(indent).append(kind).append(" (delay_2x2) {\n").append(indent).append("  values (");
        for (int i = 0; i < SLEWS.length; i++) {
            out.append(i == 0 ? "\"" : ", \\\n" + indent + "          \"");
            for (int j = 0; j < LOADS.length; j++) {
                double v = isDelay ? delay(p, cin, g, LOADS[j], SLEWS[i]) : transition(p, cin, g, LOADS[j], SLEWS[i]);
                out.append(j == 0 ? "" : ", ").append(f(v));
            }
            out.append('"');
        }
        out.append(");\n").append(indent).append("}\n");
    }

    private void energyTable(String indent, String kind, double fj) {
        out.append(indent).append(kind).append(" (energy_2x2) {\n").append(indent).append("  values (");
        for (int i = 0; i < SLEWS.length; i++) {
            out.append(i == 0 ? "\"" : ", \"");
            for (int j = 0; j < LOADS.length; j++) out.append(j == 0 ? "" : ", ").append(f(fj));
            out.append('"');
        }
        out.append(");\n").append(indent).append("}\n");
    }

    private void pinEnergy(String indent, double fj) {
        out.append(indent).append("internal_power () {\n");
        for (String kind : new String[] {"rise_power", "fall_power"}) {
            out.append(indent).append("  ").append(kind).append(" (energy_2) {\n").append(indent).append("    values (\"")
                    .append(f(fj)).append(", ").append(f(fj)).append("\");\n").append(indent).append("  }\n");
        }
        out.append(indent).append("}\n");
    }

    private void cellHeader(String name, double area) {
        out.append("  cell (").append(name).append(") {\n");
        out.append("    area : ").append(f(area)).append(";\n");
        out.append("    cell_leakage_power : ").append(f(LEAKAGE_NW_PER_UM2 * area)).append(";\n");
    }

    private void inputPin(String name, double cap, boolean clock) {
        out.append("    pin (").append(name).append(") {\n      direction : input;\n      capacitance : ").append(f(cap)).append(";\n");
        if (clock) out.append("      clock : true;\n");
    }

    private void comb(Comb c) {
        cellHeader(c.name(), c.area());
        for (int i = 0; i < c.inputs().length; i++) {
            inputPin(c.inputs()[i], c.effort()[i] * c.size() * C_UNIT, false);
            out.append("    }\n");
        }
        for (int o = 0; o < c.outputs().length; o++) {
            out.append("    pin (").append(c.outputs()[o]).append(") {\n      direction : output;\n");
            out.append("      function : \"").append(c.functions()[o]).append("\";\n");
            out.append("      max_capacitance : ").append(f(MAX_CAP_X1 * c.size())).append(";\n");
            out.append("      max_transition : ").append(f(MAX_TRANSITION)).append(";\n");
            BoolFunction fn = BoolFunction.parse(c.functions()[o]);
            List<String> in = List.of(c.inputs());
            for (int i = 0; i < c.inputs().length; i++) {
                double cin = c.effort()[i] * c.size() * C_UNIT;
                out.append("      timing () {\n        related_pin : \"").append(c.inputs()[i]).append("\";\n");
                out.append("        timing_sense : ").append(sense(fn, in, i)).append(";\n");
                table("        ", "cell_rise", c.parasitic()[o], cin, c.effort()[i], true);
                table("        ", "cell_fall", c.parasitic()[o], cin, c.effort()[i], true);
                table("        ", "rise_transition", c.parasitic()[o], cin, c.effort()[i], false);
                table("        ", "fall_transition", c.parasitic()[o], cin, c.effort()[i], false);
                out.append("      }\n");
                out.append("      internal_power () {\n        related_pin : \"").append(c.inputs()[i]).append("\";\n");
                energyTable("        ", "rise_power", INTERNAL_FJ_PER_P * c.parasitic()[o] * c.size());
                energyTable("        ", "fall_power", INTERNAL_FJ_PER_P * c.parasitic()[o] * c.size());
                out.append("      }\n");
            }
            out.append("    }\n");
        }
        out.append("  }\n");
    }

    /** positive_unate, negative_unate or non_unate, from the truth table. */
    static String sense(BoolFunction fn, List<String> inputs, int i) {
        long t = fn.truthTable(inputs);
        boolean rises = false;
        boolean falls = false;
        for (int a = 0; a < (1 << inputs.size()); a++) {
            if (((a >> i) & 1) != 0) continue;
            long lo = (t >> a) & 1;
            long hi = (t >> (a | (1 << i))) & 1;
            if (hi > lo) rises = true;
            if (hi < lo) falls = true;
        }
        return rises && falls ? "non_unate" : falls ? "negative_unate" : "positive_unate";
    }

    private void constraint(String related, String type, double value) {
        out.append("      timing () {\n        related_pin : \"").append(related).append("\";\n        timing_type : ").append(type).append(";\n");
        out.append("        rise_constraint (scalar) { values (\"").append(f(value)).append("\"); }\n");
        out.append("        fall_constraint (scalar) { values (\"").append(f(value)).append("\"); }\n");
        out.append("      }\n");
    }

    private void clockedOutput(String pin, String function, String related, String type, String sense, double p) {
        out.append("    pin (").append(pin).append(") {\n      direction : output;\n      function : \"").append(function).append("\";\n");
        out.append("      max_capacitance : ").append(f(MAX_CAP_X1)).append(";\n      max_transition : ").append(f(MAX_TRANSITION)).append(";\n");
        out.append("      timing () {\n        related_pin : \"").append(related).append("\";\n        timing_type : ").append(type).append(";\n");
        if (sense != null) out.append("        timing_sense : ").append(sense).append(";\n");
        table("        ", "cell_rise", p, C_UNIT, 1, true);
        table("        ", "cell_fall", p, C_UNIT, 1, true);
        table("        ", "rise_transition", p, C_UNIT, 1, false);
        table("        ", "fall_transition", p, C_UNIT, 1, false);
        out.append("      }\n");
        out.append("      internal_power () {\n        related_pin : \"").append(related).append("\";\n");
        energyTable("        ", "rise_power", INTERNAL_FJ_PER_P * p);
        energyTable("        ", "fall_power", INTERNAL_FJ_PER_P * p);
        out.append("      }\n    }\n");
    }

    private void dff(String name, double area, boolean reset) {
        cellHeader(name, area);
        out.append("    ff (IQ, IQN) {\n      next_state : \"D\";\n      clocked_on : \"CK\";\n");
        if (reset) out.append("      clear : \"!RN\";\n");
        out.append("    }\n");
        inputPin("D", C_UNIT, false);
        constraint("CK", "setup_rising", 0.04);
        constraint("CK", "hold_rising", 0.01);
        out.append("    }\n");
        if (reset) {
            inputPin("RN", C_UNIT, false);
            constraint("CK", "recovery_rising", 0.05);
            constraint("CK", "removal_rising", 0.02);
            out.append("    }\n");
        }
        inputPin("CK", C_UNIT, true);
        pinEnergy("      ", FLOP_CLOCK_FJ);
        out.append("    }\n");
        // Clock-to-Q: a parasitic delay of 13 tau (65 ps) before the load term.
        clockedOutput("Q", "IQ", "CK", "rising_edge", "non_unate", 13);
        clockedOutput("QN", "IQN", "CK", "rising_edge", "non_unate", 13);
        out.append("  }\n");
    }

    private void latch() {
        cellHeader("DLH_X1", 2.660);
        out.append("    latch (IQ, IQN) {\n      enable : \"G\";\n      data_in : \"D\";\n    }\n");
        inputPin("D", C_UNIT, false);
        constraint("G", "setup_falling", 0.04);
        constraint("G", "hold_falling", 0.01);
        out.append("    }\n");
        inputPin("G", C_UNIT, false);
        pinEnergy("      ", LATCH_CLOCK_FJ);
        out.append("    }\n");
        out.append("    pin (Q) {\n      direction : output;\n      function : \"IQ\";\n");
        out.append("      max_capacitance : ").append(f(MAX_CAP_X1)).append(";\n      max_transition : ").append(f(MAX_TRANSITION)).append(";\n");
        out.append("      timing () {\n        related_pin : \"D\";\n        timing_sense : positive_unate;\n");
        table("        ", "cell_rise", 8, C_UNIT, 1, true);
        table("        ", "cell_fall", 8, C_UNIT, 1, true);
        table("        ", "rise_transition", 8, C_UNIT, 1, false);
        table("        ", "fall_transition", 8, C_UNIT, 1, false);
        out.append("      }\n");
        out.append("      timing () {\n        related_pin : \"G\";\n        timing_type : rising_edge;\n");
        table("        ", "cell_rise", 10, C_UNIT, 1, true);
        table("        ", "cell_fall", 10, C_UNIT, 1, true);
        table("        ", "rise_transition", 10, C_UNIT, 1, false);
        table("        ", "fall_transition", 10, C_UNIT, 1, false);
        out.append("      }\n");
        out.append("      internal_power () {\n        related_pin : \"G\";\n");
        energyTable("        ", "rise_power", INTERNAL_FJ_PER_P * 8);
        energyTable("        ", "fall_power", INTERNAL_FJ_PER_P * 8);
        out.append("      }\n    }\n  }\n");
    }

    private void clockGate() {
        cellHeader("CLKGATETST_X1", 3.990);
        out.append("    clock_gating_integrated_cell : \"latch_posedge_precontrol\";\n");
        out.append("    statetable (\"CK E SE\", \"IQ\") {\n      table : \"L L L : - : L, L L H : - : H, L H L : - : H, L H H : - : H, H - - : - : N\";\n    }\n");
        out.append("    pin (IQ) {\n      direction : internal;\n      internal_node : \"IQ\";\n    }\n");
        inputPin("CK", C_UNIT * 2, false);
        out.append("      clock_gate_clock_pin : true;\n");
        pinEnergy("      ", LATCH_CLOCK_FJ);
        out.append("    }\n");
        inputPin("E", C_UNIT, false);
        out.append("      clock_gate_enable_pin : true;\n");
        constraint("CK", "setup_rising", 0.05);
        constraint("CK", "hold_rising", 0.01);
        out.append("    }\n");
        inputPin("SE", C_UNIT, false);
        out.append("      clock_gate_test_pin : true;\n");
        constraint("CK", "setup_rising", 0.05);
        constraint("CK", "hold_rising", 0.01);
        out.append("    }\n");
        out.append("    pin (GCK) {\n      direction : output;\n      clock_gate_out_pin : true;\n      state_function : \"(CK & IQ)\";\n");
        out.append("      max_capacitance : ").append(f(MAX_CAP_X1 * 2)).append(";\n      max_transition : ").append(f(MAX_TRANSITION)).append(";\n");
        out.append("      timing () {\n        related_pin : \"CK\";\n        timing_sense : positive_unate;\n");
        table("        ", "cell_rise", 4, 2 * C_UNIT, 1, true);
        table("        ", "cell_fall", 4, 2 * C_UNIT, 1, true);
        table("        ", "rise_transition", 4, 2 * C_UNIT, 1, false);
        table("        ", "fall_transition", 4, 2 * C_UNIT, 1, false);
        out.append("      }\n");
        out.append("      internal_power () {\n        related_pin : \"CK\";\n");
        energyTable("        ", "rise_power", INTERNAL_FJ_PER_P * 4);
        energyTable("        ", "fall_power", INTERNAL_FJ_PER_P * 4);
        out.append("      }\n    }\n  }\n");
    }

    private void tie(String name, String value) {
        cellHeader(name, 0.532);
        out.append("    pin (Y) {\n      direction : output;\n      function : \"").append(value).append("\";\n    }\n  }\n");
    }
}
