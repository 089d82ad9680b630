package io.fineq.tb;

import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.ModuleSet;
import io.fineq.rtl.RtlBackend;
import io.fineq.rtl.SimulationView;
import io.fineq.rtl.TemplateRenderer;
import io.fineq.rtl.VelocityBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Verilog of a configuration, rendered in memory by a generator back end ({@link RtlBackend}:
 * Velocity by default, or {@code io.fineq.rtl.ChiselRtlBackend}), in filelist order (leaves
 * first). Rendered once per back end and configuration per JVM. The Verilator build cache hashes
 * the file contents, so the forms of two back ends never share a model.
 */
public final class RtlSources {
    private record Key(String backend, FineqConfig config, boolean simulationView) {
    }

    private static final Map<Key, List<SourceFile>> CACHE = new ConcurrentHashMap<>();

    private RtlSources() {
    }

    /** The default back end of the generator (Velocity templates). */
    public static RtlBackend defaultBackend() {
        return DefaultBackend.VELOCITY;
    }

    /**
     * All module files of the core for {@code c} as the Verilator regressions simulate them: the
     * default back end with its simulation view ({@link SimulationView}, proven equivalent to the
     * synthesised modules by the generator tests) in place of the modules it replaces.
     */
    public static List<SourceFile> core(FineqConfig c) {
        // The synthesised form is looked up before, not inside, this key's computeIfAbsent: a
        // ConcurrentHashMap must not be updated from within its own mapping function ("Recursive
        // update" when both keys share a bin, which depends on identity hashes, so it was flaky).
        List<SourceFile> synthesized = synthesized(c);
        return CACHE.computeIfAbsent(new Key(defaultBackend().name(), c, true), k -> {
            Map<String, GeneratedFile> view = SimulationView.render(c, DefaultBackend.RENDERER).stream()
                    .collect(Collectors.toMap(GeneratedFile::name, Function.identity()));
            return synthesized.stream()
                    .map(s -> view.containsKey(s.name()) ? new SourceFile(s.name(), view.get(s.name()).content()) : s)
                    .toList();
        });
    }

    /**
     * The synthesised form of the core (what the synthesis flows read), from the default back end:
     * for flows that name its internal nets, such as the PPA flow's switching activity.
     */
    public static List<SourceFile> synthesized(FineqConfig c) {
        return core(c, defaultBackend());
    }

    /** All module files of the core for {@code c}, from {@code backend}, as the back end writes them. */
    public static List<SourceFile> core(FineqConfig c, RtlBackend backend) {
        return CACHE.computeIfAbsent(new Key(backend.name(), c, false), k -> render(c, backend));
    }

    /**
     * The file of {@code module} (a leaf such as fineq_decoder) from the default back end, after the
     * technology primitives ({@link ModuleSet#PRIMITIVES}) it may instantiate, for a unit harness.
     */
    public static List<SourceFile> module(FineqConfig c, String module) {
        List<String> wanted = new ArrayList<>(ModuleSet.PRIMITIVES);
        if (!wanted.contains(module)) wanted.add(module);
        List<SourceFile> out = new ArrayList<>();
        for (String m : wanted) {
            String file = m + ".v";
            out.add(synthesized(c).stream().filter(s -> s.name().equals(file)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("generator produced no " + file + " for " + c)));
        }
        return List.copyOf(out);
    }

    private static List<SourceFile> render(FineqConfig c, RtlBackend backend) {
        Map<String, GeneratedFile> byName = backend.renderModules(c).stream()
                .collect(Collectors.toMap(GeneratedFile::name, Function.identity()));
        List<SourceFile> out = new ArrayList<>();
        for (String name : ModuleSet.verilogFiles(c.core())) {
            GeneratedFile f = byName.get(name);
            if (f == null) throw new IllegalStateException(backend.name() + " back end produced no " + name + " for " + c);
            out.add(new SourceFile(name, f.content()));
        }
        return List.copyOf(out);
    }

    /** Created on first use only; the Velocity engine renders concurrently. */
    private static final class DefaultBackend {
        static final TemplateRenderer RENDERER = new TemplateRenderer();
        static final RtlBackend VELOCITY = new VelocityBackend(RENDERER);
    }
}
