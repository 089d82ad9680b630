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

    private ModuleSet() {
    }

    public static List<String> verilogFiles() {
        return MODULES.stream().map(m -> m + ".v").toList();
    }
}
