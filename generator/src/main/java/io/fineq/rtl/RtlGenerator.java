package io.fineq.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Produces the complete, in-memory file set of one configuration: the back end's Verilog, the
 * filelist, Yosys / Design Compiler / SDC / FuseSoC files and, last, the manifest over all of them.
 */
public final class RtlGenerator {

    /** A flow file: its template under templates/ and its output name for a configuration. */
    private record FlowTemplate(String template, Function<FineqConfig, String> fileName) { }

    private static final List<FlowTemplate> FLOW_FILES = List.of(
            new FlowTemplate("fineq.f.vm", cfg -> "fineq.f"),
            new FlowTemplate("synth.ys.vm", cfg -> "synth.ys"),
            new FlowTemplate("synth.tcl.vm", cfg -> "synth.tcl"),
            new FlowTemplate("constraints.sdc.vm", cfg -> "constraints.sdc"),
            new FlowTemplate("dc_synth.tcl.vm", cfg -> "dc_synth.tcl"),
            new FlowTemplate("fineq.core.vm", RtlGenerator::coreFileName));

    private final TemplateRenderer renderer;
    private final ManifestWriter manifest = new ManifestWriter();

    public RtlGenerator(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    public RtlGenerator() {
        this(new TemplateRenderer());
    }

    public TemplateRenderer renderer() {
        return renderer;
    }

    /** FuseSoC core file name, unique per configuration so several can sit in one library. */
    public static String coreFileName(FineqConfig cfg) {
        return cfg.name() + ".core";
    }

    /** The file set with the project's standard module names ({@link ModulePrefix#STANDARD}), as its own flows use it. */
    public List<GeneratedFile> generate(FineqConfig cfg, SynthesisOptions synth, RtlBackend backend) {
        return generate(cfg, synth, backend, ModulePrefix.STANDARD);
    }

    /** The file set with every module named {@code <prefix><module>} (docs/rtl-generator.md, "Module names"). */
    public List<GeneratedFile> generate(FineqConfig cfg, SynthesisOptions synth, RtlBackend backend, String prefix) {
        List<GeneratedFile> files = new ArrayList<>(backend.renderModules(cfg));
        Map<String, Object> context = new java.util.TreeMap<>(TemplateContext.of(cfg, synth, ModuleSet.verilogFiles(cfg.core())));
        // FuseSoC VLNV name: one per module set (configuration, back end and prefix).
        context.put("vlnvName", prefix.equals(ModulePrefix.STANDARD)
                ? cfg.name() + (backend.name().equals(VelocityBackend.NAME) ? "" : "_" + backend.name())
                : prefix.substring(0, prefix.length() - (prefix.endsWith("_") ? 1 : 0)));
        files.addAll(flowFiles(cfg, context));
        files = new ArrayList<>(ModulePrefix.apply(files, prefix));
        // The manifest's "top" and file names follow the prefix too.
        files.add(ModulePrefix.apply(List.of(manifest.write(cfg, synth, backend.name(), files)), prefix).get(0));
        return files;
    }

    /** The filelist, synthesis scripts, SDC and FuseSoC core for a template context (the accelerator's too). */
    List<GeneratedFile> flowFiles(FineqConfig cfg, Map<String, Object> context) {
        List<GeneratedFile> files = new ArrayList<>();
        for (FlowTemplate flow : FLOW_FILES) {
            files.add(GeneratedFile.utf8(flow.fileName().apply(cfg), renderer.render(flow.template(), context)));
        }
        return files;
    }

    public List<GeneratedFile> generate(FineqConfig cfg) {
        return generate(cfg, SynthesisOptions.defaults(), new VelocityBackend(renderer));
    }
}
