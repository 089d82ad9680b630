package io.fineq.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accelerator's file set: the core's modules (from the chosen back end), the shell's modules
 * ({@code templates/accel/}), filelist, synthesis scripts, SDC and FuseSoC core with
 * {@code fineq_accel} as top, and the C header of the register map.
 */
public final class AccelGenerator {

    public static final String C_HEADER = "fineq_accel_regs.h";

    private final RtlGenerator flows;

    public AccelGenerator(TemplateRenderer renderer) {
        this.flows = new RtlGenerator(renderer);
    }

    /** Folder of the accelerator under the output root, e.g. {@code fineq_shifted_64x64_accel}. */
    public static String outputFolder(AccelConfig cfg, RtlBackend backend) {
        return backend.outputFolder(cfg.core()) + "_accel";
    }

    /** The shell's modules alone, standard names, in filelist order. */
    public List<GeneratedFile> shellModules(AccelConfig cfg) {
        Map<String, Object> context = context(cfg, List.of());
        List<GeneratedFile> files = new ArrayList<>();
        for (String module : ModuleSet.ACCEL_MODULES) {
            files.add(GeneratedFile.utf8(module + ".v", flows.renderer().render("accel/" + module + ".v.vm", context)));
        }
        return files;
    }

    public List<GeneratedFile> generate(AccelConfig cfg, SynthesisOptions synth, RtlBackend backend, String prefix) {
        List<GeneratedFile> files = new ArrayList<>(backend.renderModules(cfg.core()));
        files.addAll(shellModules(cfg));
        List<String> verilog = files.stream().map(GeneratedFile::name).toList();
        Map<String, Object> context = context(cfg, verilog);
        Map<String, Object> flow = new TreeMap<>(TemplateContext.of(cfg.core(), synth, verilog));
        flow.putAll(context);
        flow.put("top", ModuleSet.ACCEL_TOP);
        // Every bus input (the _i ports but the clock and reset), every bus output and the interrupt.
        flow.put("inputPorts", "s_axil_*_i m_axi_*_i");
        flow.put("outputPorts", "irq_o s_axil_*_o m_axi_*_o");
        flow.put("vlnvName", prefix.equals(ModulePrefix.STANDARD) ? cfg.name() : prefix.substring(0, prefix.length() - (prefix.endsWith("_") ? 1 : 0)));
        files.addAll(flows.flowFiles(cfg.core(), flow));
        files.add(GeneratedFile.utf8(C_HEADER, AccelRegisters.cHeader(cfg, TemplateContext.header(cfg.core()))));
        return ModulePrefix.apply(files, prefix);
    }

    private static Map<String, Object> context(AccelConfig cfg, List<String> verilog) {
        Map<String, Object> v = new TreeMap<>(cfg.templateValues());
        List<String> header = new ArrayList<>(TemplateContext.header(cfg.core()));
        header.add("Accelerator shell: bus_bits=" + cfg.busBits() + " group_outputs=" + cfg.groupOutputs()
                + " max_outputs=" + cfg.paramOutputs() + " (docs/accelerator.md)");
        v.put("header", header);
        v.put("verilogFiles", verilog);
        return v;
    }
}
