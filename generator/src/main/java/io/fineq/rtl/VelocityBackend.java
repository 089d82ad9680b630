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

    @Override
    public List<GeneratedFile> renderModules(FineqConfig cfg) {
        Map<String, Object> context = TemplateContext.of(cfg, SynthesisOptions.defaults(), ModuleSet.verilogFiles());
        List<GeneratedFile> files = new ArrayList<>();
        for (String module : ModuleSet.MODULES) {
            files.add(GeneratedFile.utf8(module + ".v", renderer.render(module + ".v.vm", context)));
        }
        return files;
    }
}
