package io.fineq.rtl;

import java.util.List;

/**
 * The Verilog modules of one FineQ core, leaves first (the order of the filelist). Every back end
 * produces exactly these modules, one file each, named after the module.
 */
public final class ModuleSet {

    public static final String TOP = "fineq_core";

    /**
     * Technology primitives: modules that the synthesis flows map onto library cells (integrated
     * clock gate, level-sensitive latch) and that every back end takes verbatim from the Velocity
     * templates, like lowRISC's prim_* modules.
     */
    public static final List<String> PRIMITIVES = List.of("fineq_clock_gate", "fineq_act_latch");

    /** The modules whose descriptions hold latches: the clock gate's enable and the PE rows' activations. */
    public static final List<String> LATCH_PRIMITIVES = PRIMITIVES;

    public static final List<String> MODULES = List.of(
            "fineq_clock_gate",
            "fineq_act_latch",
            "fineq_decoder",
            "fineq_temporal_encoder",
            "fineq_pe_row",
            "fineq_acc",
            "fineq_array",
            "fineq_core");

    /**
     * The MAC baseline in the FineQ shell ({@link CoreKind#MAC_TREE}): the same primitives,
     * decoders and fineq_core; its own PE rows, trees and array.
     */
    public static final List<String> MAC_TREE_MODULES = List.of(
            "fineq_clock_gate",
            "fineq_act_latch",
            "fineq_decoder",
            "fineq_mac_pe_row",
            "fineq_mac_acc",
            "fineq_mac_array",
            "fineq_core");

    /** The systolic MAC baseline ({@link CoreKind#MAC_SYSTOLIC}): no shell; its top is mac_array. */
    public static final List<String> MAC_SYSTOLIC_MODULES = List.of(
            "fineq_clock_gate", "mac_pe_head", "mac_pe", "mac_wfeed", "mac_wskew", "mac_array");

    /**
     * The accelerator shell around a core with stream ports (docs/accelerator.md), leaves first,
     * its top last; rendered from {@code templates/accel/}.
     */
    public static final List<String> ACCEL_MODULES = List.of(
            "fineq_sram",
            "fineq_fifo",
            "fineq_reg_fifo",
            "fineq_burst_len",
            "fineq_tile_loop",
            "fineq_gather",
            "fineq_vector_unit",
            "fineq_axil_regs",
            "fineq_accel_ctrl",
            "fineq_dma_rd",
            "fineq_dma_wr",
            "fineq_param_fetch",
            "fineq_act_fetch",
            "fineq_w_fetch",
            "fineq_act_feed",
            "fineq_w_feed",
            "fineq_psum",
            "fineq_accel");

    public static final String ACCEL_TOP = "fineq_accel";

    /** Every module name any core or the shell uses (for renaming under a prefix). */
    public static final List<String> ALL_MODULES = java.util.stream.Stream.of(MODULES, MAC_TREE_MODULES, MAC_SYSTOLIC_MODULES, ACCEL_MODULES)
            .flatMap(List::stream).distinct().toList();

    private ModuleSet() {
    }

    /** The modules of {@code core}, leaves first, top last. */
    public static List<String> modules(CoreKind core) {
        return switch (core) {
            case FINEQ, FINEQ_SHIFTED -> MODULES;
            case MAC_TREE -> MAC_TREE_MODULES;
            case MAC_SYSTOLIC -> MAC_SYSTOLIC_MODULES;
        };
    }

    /** The top module of {@code core}. */
    public static String top(CoreKind core) {
        List<String> m = modules(core);
        return m.get(m.size() - 1);
    }

    /** The array module inside fineq_core: fineq_array or fineq_mac_array. */
    public static String arrayModule(CoreKind core) {
        return core == CoreKind.MAC_TREE ? "fineq_mac_array" : "fineq_array";
    }

    /** The modules whose descriptions hold latches, for the synthesis scripts' latch check. */
    public static List<String> latchModules(CoreKind core) {
        return core == CoreKind.MAC_SYSTOLIC ? List.of("fineq_clock_gate", "mac_pe_head", "mac_pe") : LATCH_PRIMITIVES;
    }

    public static List<String> verilogFiles() {
        return MODULES.stream().map(m -> m + ".v").toList();
    }

    public static List<String> verilogFiles(CoreKind core) {
        return modules(core).stream().map(m -> m + ".v").toList();
    }
}
