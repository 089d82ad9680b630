package io.fineq.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The default back end: one Velocity template per module, {@code templates/<module>.v.vm}. */
public final class VelocityBackend implements RtlBackend {

    public static final String NAME = "velocity";
    private final TemplateRenderer renderer;

    public VelocityBackend(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The text of a technology primitive ({@link ModuleSet#PRIMITIVES}) for {@code cfg} without the
     * generated-file header, for back ends that take the primitives verbatim (they add their own header).
     */
    public static String primitiveBody(FineqConfig cfg, String module) {
        if (!ModuleSet.PRIMITIVES.contains(module)) {
            throw new IllegalArgumentException(module + " is not a primitive (" + ModuleSet.PRIMITIVES + ")");
        }
        Map<String, Object> context = new java.util.TreeMap<>(
                TemplateContext.of(cfg, SynthesisOptions.defaults(), ModuleSet.verilogFiles()));
        context.put("header", List.of());
        return Shared.RENDERER.render(module + ".v.vm", context);
    }

    /** One renderer for {@link #primitiveBody} callers (the engine caches templates and renders concurrently). */
    private static final class Shared {
        static final TemplateRenderer RENDERER = new TemplateRenderer();
    }

    @Override
    public List<GeneratedFile> renderModules(FineqConfig cfg) {
        Map<String, Object> context = TemplateContext.of(cfg, SynthesisOptions.defaults(), ModuleSet.verilogFiles(cfg.core()));
        List<GeneratedFile> files = new ArrayList<>();
        for (String module : ModuleSet.modules(cfg.core())) {
            files.add(GeneratedFile.utf8(module + ".v", renderer.render(template(module), context)));
        }
        return files;
    }

    /**
     * The template of a module: {@code <module>.v.vm}; the systolic baseline's under {@code mac/};
     * fineq_mac_array shares fineq_array's template (the control is the same, the datapath differs).
     */
    static String template(String module) {
        if (module.equals("fineq_mac_array")) return "fineq_array.v.vm";
        return module.startsWith("mac_") ? "mac/" + module + ".v.vm" : module + ".v.vm";
    }
}
