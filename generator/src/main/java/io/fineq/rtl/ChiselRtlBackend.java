package io.fineq.rtl;

import io.fineq.chisel.ChiselBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code --backend chisel}: the same module set as {@link VelocityBackend}, produced by the Chisel
 * implementation in {@code io.fineq.chisel} and CIRCT firtool. Files keep the {@code .v} names of
 * {@link ModuleSet} (firtool's output is restricted to Verilog-2005, see ChiselBackend.FirtoolOptions),
 * so the filelist and synthesis scripts are shared and the folder is a drop-in replacement.
 */
public final class ChiselRtlBackend implements RtlBackend {

    public static final String NAME = "chisel";

    @Override
    public String name() {
        return NAME;
    }

    /** {@code fineq_<R>x<C>_chisel}, beside the Velocity folder {@code fineq_<R>x<C>}. */
    @Override
    public String outputFolder(FineqConfig cfg) {
        return cfg.name() + "_" + NAME;
    }

    @Override
    public List<GeneratedFile> renderModules(FineqConfig cfg) {
        if (!cfg.core().fineq()) {
            throw new ConfigException("backend", "chisel builds FineQ's cores only (fineq, fineq-shifted); the " + cfg.core().word()
                    + " baseline comes from the velocity back end");
        }
        SortedMap<String, String> modules = ChiselBackend.coreModules(cfg);
        if (!modules.keySet().equals(new TreeSet<>(ModuleSet.MODULES))) {
            throw new IllegalStateException("the Chisel back end produced modules " + modules.keySet()
                    + ", expected exactly " + new TreeSet<>(ModuleSet.MODULES));
        }
        StringBuilder header = new StringBuilder();
        for (String line : TemplateContext.header(cfg)) {
            header.append("// ").append(line.replace("FineQ RTL generator (io.fineq.rtl)",
                    "FineQ Chisel back end (io.fineq.chisel)")).append('\n');
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (String module : ModuleSet.MODULES) {
            files.add(GeneratedFile.utf8(module + ".v", header + modules.get(module)));
        }
        return files;
    }
}
