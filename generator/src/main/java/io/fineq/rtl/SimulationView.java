package io.fineq.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulation view of a configuration (docs/microarchitecture.md, "Simulation view"): the
 * modules that Verilator simulates in place of their synthesised forms, rendered from
 * {@code templates/sim/}. Same file names, ports, registers, latches and clock gates; only the
 * combinational datapath is written for a simulator ({@link SimulationViewPlan}).
 */
public final class SimulationView {

    private SimulationView() {
    }

    /**
     * The modules this view replaces for {@code cfg}: fineq_decoder and fineq_pe_row always,
     * fineq_acc without tree pipelining; for the MAC tree only fineq_decoder, for the systolic array none.
     */
    public static List<String> replacedModules(FineqConfig cfg) {
        // The MAC tree shares the shell's decoders; its products and signed tree stay as they are.
        if (cfg.core() == CoreKind.MAC_TREE) return List.of("fineq_decoder");
        // The shifted coding's PE rows (ACT_W-bit activations into ACT_W + 1-bit leaves) have no
        // chunked view: they are simulated as synthesised; its tree has one (LEAF_W-bit lanes).
        if (cfg.core() == CoreKind.FINEQ_SHIFTED)
            return new SimulationViewPlan(cfg).treeView() ? List.of("fineq_decoder", "fineq_acc") : List.of("fineq_decoder");
        if (cfg.core() == CoreKind.MAC_SYSTOLIC) return List.of();
        return new SimulationViewPlan(cfg).treeView()
                ? List.of("fineq_decoder", "fineq_pe_row", "fineq_acc")
                : List.of("fineq_decoder", "fineq_pe_row");
    }

    /** The replacement files ({@code <module>.v}) for {@code cfg}. */
    public static List<GeneratedFile> render(FineqConfig cfg, TemplateRenderer renderer) {
        Map<String, Object> context = new java.util.TreeMap<>(TemplateContext.of(cfg, SynthesisOptions.defaults(), ModuleSet.verilogFiles(cfg.core())));
        context.put("sim", new SimulationViewPlan(cfg));
        List<GeneratedFile> out = new ArrayList<>();
        for (String m : replacedModules(cfg)) {
            out.add(GeneratedFile.utf8(m + ".v", renderer.render("sim/" + m + ".v.vm", context)));
        }
        return out;
    }
}
