package io.fineq.tb;

import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.ModuleSet;
import io.fineq.rtl.RtlGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Verilog of a configuration, rendered in memory through the generator's Java API
 * ({@link RtlGenerator}), in filelist order (leaves first). Rendered once per configuration per JVM.
 */
public final class RtlSources {
    private static final Map<FineqConfig, List<SourceFile>> CACHE = new ConcurrentHashMap<>();

    private RtlSources() {
    }

    /** All module files of the core for {@code c}. */
    public static List<SourceFile> core(FineqConfig c) {
        return CACHE.computeIfAbsent(c, RtlSources::render);
    }

    /** Only the file of {@code module} (a leaf such as fineq_decoder), for a unit harness. */
    public static List<SourceFile> module(FineqConfig c, String module) {
        String file = module + ".v";
        return core(c).stream().filter(s -> s.name().equals(file)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalStateException("generator produced no " + file + " for " + c));
    }

    private static List<SourceFile> render(FineqConfig c) {
        Map<String, GeneratedFile> byName = new RtlGenerator().generate(c).stream()
                .collect(Collectors.toMap(GeneratedFile::name, Function.identity()));
        List<SourceFile> out = new ArrayList<>();
        for (String name : ModuleSet.verilogFiles()) {
            GeneratedFile f = byName.get(name);
            if (f == null) throw new IllegalStateException("generator produced no " + name + " for " + c);
            out.add(new SourceFile(name, f.content()));
        }
        return List.copyOf(out);
    }
}
