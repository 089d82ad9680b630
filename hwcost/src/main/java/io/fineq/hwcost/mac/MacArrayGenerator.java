package io.fineq.hwcost.mac;

import io.fineq.format.AtomicFiles;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.ModuleSet;
import io.fineq.rtl.TemplateRenderer;
import io.fineq.rtl.VelocityBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the systolic MAC baseline's modules, as the RTL generator renders them
 * ({@code --core mac-systolic}, templates/mac/), into {@code <out>/mac_systolic_<R>x<C>/} with
 * {@code mac.f} (file list, top last), for the cost flows and {@code fineq mac}.
 */
public final class MacArrayGenerator {
    /** The generic clock gate, the same primitive as in fineq_core. */
    public static final String CLOCK_GATE = "fineq_clock_gate";
    /** Module files in dependency order; the top, mac_array, comes last. */
    public static final List<String> MODULES = ModuleSet.modules(CoreKind.MAC_SYSTOLIC);
    public static final String TOP = ModuleSet.top(CoreKind.MAC_SYSTOLIC);

    private static final TemplateRenderer RENDERER = new TemplateRenderer();

    /** The systolic configuration of the same sizes. */
    public static FineqConfig systolic(FineqConfig cfg) {
        return cfg.withCore(CoreKind.MAC_SYSTOLIC);
    }

    /** Folder name for a configuration, e.g. {@code mac_systolic_8x8}. */
    public static String name(FineqConfig cfg) {
        return systolic(cfg).name();
    }

    /** Renders every module into {@code outRoot/mac_systolic_RxC/} and returns that folder. */
    public Path generate(FineqConfig cfg, Path outRoot) throws IOException {
        Path dir = outRoot.resolve(name(cfg));
        Files.createDirectories(dir);
        StringBuilder filelist = new StringBuilder();
        for (GeneratedFile f : new VelocityBackend(RENDERER).renderModules(systolic(cfg))) {
            AtomicFiles.write(dir.resolve(f.name()), out -> out.write(f.content()));
            filelist.append(f.name()).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("mac.f"), filelist.toString());
        return dir;
    }

    /** Paths of the Verilog files of a generated folder, top last. */
    public static List<Path> sources(Path dir) {
        List<Path> files = new ArrayList<>();
        for (String m : MODULES) files.add(dir.resolve(m + ".v"));
        return files;
    }
}
