package io.fineq.rtl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values every template sees, computed once from one {@link FineqConfig}: widths, MSB
 * indices, sized Verilog constants and the adder-tree plan. Templates never do arithmetic on
 * configuration values; they only place these numbers.
 */
public final class TemplateContext {

    private TemplateContext() {
    }

    public static Map<String, Object> of(FineqConfig cfg, SynthesisOptions synth, List<String> verilogFiles) {
        Map<String, Object> v = new TreeMap<>();
        v.put("name", cfg.name());
        v.put("top", ModuleSet.top(cfg.core()));
        v.put("core", cfg.core().word());
        v.put("arrayModule", ModuleSet.arrayModule(cfg.core()));
        v.put("macTree", cfg.core() == CoreKind.MAC_TREE);
        v.put("shifted", cfg.core().shifted());
        v.put("maxBitTimes", cfg.maxBitTimes());
        v.put("lastBitTimeConst", "2'd" + (cfg.maxBitTimes() - 1));
        // MAC products: |w * a| <= 3 * 2^(ACT_W-1) fits ACT_W + 2 signed bits.
        v.put("prodW", cfg.macLevelWidth(0));
        v.put("prodMsb", cfg.macLevelWidth(0) - 1);
        v.put("prodBeatMsb", cfg.cols() * cfg.macLevelWidth(0) - 1);
        v.put("rows", cfg.rows());
        v.put("cols", cfg.cols());
        v.put("actW", cfg.actWidth());
        v.put("actMsb", cfg.actWidth() - 1);
        v.put("termination", cfg.termination());
        v.put("adderPipeline", cfg.adderPipeline());
        v.put("treeDepth", cfg.treeDepth());
        v.put("pipeStages", cfg.pipeStages());
        v.put("flagStages", flagStages(cfg.pipeStages()));
        v.put("dataStages", flagStages(cfg.pipeStages()).subList(1, cfg.pipeStages() + 1));
        v.put("flagOut", stageName(cfg.pipeStages() + 1));
        v.put("leafW", cfg.leafWidth());
        v.put("leafMsb", cfg.leafWidth() - 1);
        v.put("leafMsbMask", cfg.leafWidth() + "'h" + BigInteger.ONE.shiftLeft(cfg.leafWidth() - 1).toString(16));
        v.put("leafBeatMsb", cfg.cols() * cfg.leafWidth() - 1);
        v.put("treeW", cfg.treeWidth());
        v.put("treeMsb", cfg.treeWidth() - 1);
        v.put("accW", cfg.accWidth());
        v.put("accMsb", cfg.accWidth() - 1);
        v.put("accMsbM1", cfg.accWidth() - 2);
        v.put("accExt", cfg.accWidth() - cfg.treeWidth());
        v.put("negBias", cfg.negativeBias().toString());
        v.put("negBiasConst", cfg.accWidth() + "'d" + cfg.negativeBias());
        v.put("negCountW", cfg.negCountWidth());
        v.put("negCountMsb", cfg.negCountWidth() - 1);
        v.put("negCountPad", zeroPad(cfg.negCountWidth() - 1));
        v.put("negCountExt", zeroPad(cfg.accWidth() - cfg.negCountWidth()));
        v.put("rowW", cfg.rowIndexWidth());
        v.put("rowMsb", cfg.rowIndexWidth() - 1);
        v.put("lastRowConst", cfg.rowIndexWidth() + "'d" + (cfg.rows() - 1));
        v.put("rowOneConst", cfg.rows() + "'d1");
        v.put("colsMsb", cfg.cols() - 1);
        v.put("rowsMsb", cfg.rows() - 1);
        v.put("actBeatMsb", cfg.actBeatWidth() - 1);
        v.put("actBeatW", cfg.actBeatWidth());
        v.put("actRowsMsb", cfg.rows() * cfg.actBeatWidth() - 1);
        v.put("wVecMsb", cfg.cols() * FineqConfig.WEIGHT_BITS - 1);
        v.put("wBeatMsb", cfg.weightBeatWidth() - 1);
        v.put("resBeatMsb", cfg.resultBeatWidth() - 1);
        v.put("blockBits", FineqConfig.BLOCK_BITS);
        v.put("tree", new AdderTreePlan(cfg));
        if (cfg.core().inShell()) {
            v.put("inputPorts", "act_valid_i act_data_i w_valid_i w_data_i w_last_i res_ready_i");
            v.put("outputPorts", "act_ready_o w_ready_o res_valid_o res_data_o");
        } else {
            v.put("inputPorts", "act_we_i act_row_i act_i w_valid_i w_i");
            v.put("outputPorts", "res_valid_o res_o");
            systolic(cfg, v);
        }
        v.put("clockMhz", synth.clockMhz());
        v.put("clockPeriodNs", synth.clockPeriodNs());
        v.put("ioMax", synth.ioDelayNs(30));
        v.put("ioMin", synth.ioDelayNs(5));
        v.put("verilogFiles", verilogFiles);
        v.put("latchModules", latchSelection(cfg.core(), false));
        v.put("latchModulesTcl", latchSelection(cfg.core(), true));
        v.put("header", header(cfg));
        return v;
    }

    /**
     * The systolic MAC array's values (templates/mac/): its names follow the array's own
     * convention (R, C, ACT_W, the per-column partial-sum widths sumW).
     */
    private static void systolic(FineqConfig cfg, Map<String, Object> v) {
        v.put("R", cfg.rows());
        v.put("C", cfg.cols());
        v.put("R_1", cfg.rows() - 1);
        v.put("C_1", cfg.cols() - 1);
        v.put("C_2", cfg.cols() - 2);
        v.put("ACT_W", cfg.actWidth());
        v.put("ACC_W", cfg.accWidth());
        v.put("ROW_W", cfg.rowIndexWidth());
        v.put("ROW_W_1", cfg.rowIndexWidth() - 1);
        v.put("ACT_BEAT_1", cfg.actBeatWidth() - 1);
        v.put("W_BEAT_1", 3 * cfg.cols() - 1);
        v.put("RES_BEAT_1", cfg.resultBeatWidth() - 1);
        List<Integer> sumW = new ArrayList<>(cfg.cols());
        // The partial sum leaving column c adds c + 1 products.
        for (int c = 0; c < cfg.cols(); c++) sumW.add(cfg.sumWidth(c + 1));
        v.put("sumW", List.copyOf(sumW));
        v.put("math", new Arith());
    }

    /** Integer arithmetic for the systolic templates (Velocity references cannot subtract). */
    public static final class Arith {
        public int sub(int a, int b) {
            return a - b;
        }

        public int add(int a, int b) {
            return a + b;
        }
    }

    /** Comment lines at the top of every generated file: what produced it and for which parameters. */
    static List<String> header(FineqConfig cfg) {
        return List.of(
                "Generated by the FineQ RTL generator (io.fineq.rtl) for " + cfg.name() + ". Do not edit.",
                "Parameters: " + (cfg.core() == CoreKind.FINEQ ? "" : "core=" + cfg.core().word() + " ")
                        + "rows=" + cfg.rows() + " cols=" + cfg.cols() + " act_width=" + cfg.actWidth()
                        + " termination=" + (cfg.termination() ? "on" : "off")
                        + " adder_pipeline=" + cfg.adderPipeline(),
                "Derived: tree_depth=" + cfg.treeDepth() + " pipe_stages=" + cfg.pipeStages()
                        + " leaf_width=" + cfg.leafWidth() + " tree_width=" + cfg.treeWidth()
                        + " acc_width=" + cfg.accWidth() + " row_index_width=" + cfg.rowIndexWidth());
    }

    /** {@code {n{1'b0}}, } to zero-extend inside a concatenation, or nothing for n = 0. */
    private static String zeroPad(int n) {
        return n == 0 ? "" : "{" + n + "{1'b0}}, ";
    }

    /**
     * One stage of the array's flag delay line (valid/first/last travel beside the column register
     * and the adder-tree pipeline): {@code <flag>_<q> <= <source>}. Stage 1 (the column register)
     * loads from the encoders, stage k > 1 from stage k - 1.
     */
    public record FlagStage(int index, String q, String d, String vldD, String firstD, String lastD) { }

    /** Stages 1..S+1. */
    private static List<FlagStage> flagStages(int pipeStages) {
        List<FlagStage> out = new ArrayList<>();
        for (int i = 1; i <= pipeStages + 1; i++) {
            String d = i == 1 ? "s0" : stageName(i - 1);
            if (i == 1) {
                out.add(new FlagStage(i, stageName(i), d, "w_valid_i", "(t_q == 2'd0)", "last"));
            } else {
                out.add(new FlagStage(i, stageName(i), d, "vld_" + d, "first_" + d, "last_" + d));
            }
        }
        return out;
    }

    /** Suffix of a register of stage {@code stage} (1 = column register), e.g. {@code s1_q}. */
    private static String stageName(int stage) {
        return "s" + stage + "_q";
    }

    /**
     * A Yosys selection of everything inside the latch primitives, as plain modules and as
     * parameterised ones ({@code $paramod\fineq_clock_gate\N=...}: the PE rows' bank of gates),
     * united into one set ({@code %u}) for the synthesis scripts' latch check; {@code tcl} braces
     * each pattern (a Tcl word would read {@code $paramod} as a variable).
     */
    static String latchSelection(CoreKind core, boolean tcl) {
        StringBuilder sb = new StringBuilder();
        for (String m : ModuleSet.latchModules(core)) {
            for (String pattern : List.of(m + "/*", "$paramod*" + m + "*/*")) {
                boolean first = sb.isEmpty();
                if (!first) sb.append(' ');
                sb.append(tcl ? "{" + pattern + "}" : pattern);
                if (!first) sb.append(" %u");
            }
        }
        return sb.toString();
    }
}
