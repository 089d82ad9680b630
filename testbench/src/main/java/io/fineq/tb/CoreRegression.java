package io.fineq.tb;

import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.RtlBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One regression step on the whole core: render the RTL of a configuration with a generator back
 * end (Velocity by default, see {@link RtlSources}), build it (cached),
 * simulate a job's golden vectors and compare exactly. With {@code -Dwaves=true} the model is
 * built with FST tracing and a failing case is simulated again with a dump.
 */
public final class CoreRegression {
    public static final String TOP = "fineq_core";
    public static final String HARNESS = "harness/fineq_core_tb.cpp";

    /**
     * @param differences empty when the RTL matched
     * @param run         what the RTL did
     * @param work        folder with the stimulus, the RTL output and the simulation log
     * @param waves       FST of the failing case (only with -Dwaves=true and a failure), else null
     */
    public record Outcome(List<String> differences, CoreRun run, Path work, Path waves) {
        public boolean passed() {
            return differences.isEmpty();
        }

        /** Multi-line report for an assertion message. */
        public String report(String caseName) {
            StringBuilder sb = new StringBuilder(caseName).append(": RTL differs from the golden model (stimulus in ")
                    .append(work).append(")\n");
            for (String d : differences) sb.append("  ").append(d).append('\n');
            if (waves != null) sb.append("  waveform: ").append(waves).append('\n');
            else sb.append("  (run with -Dwaves=true for an FST of this case)\n");
            return sb.toString();
        }
    }

    private final FineqConfig config;
    private final RtlBackend backend;
    private final BuildOptions options;
    private final VerilatorBuild builder;
    private VerilatorBuild.Model model;

    public CoreRegression(FineqConfig config, RtlBackend backend, BuildOptions options, VerilatorBuild builder) {
        this.config = config;
        this.backend = backend;
        this.options = options;
        this.builder = builder;
    }

    public CoreRegression(FineqConfig config, BuildOptions options, VerilatorBuild builder) {
        this(config, RtlSources.defaultBackend(), options, builder);
    }

    /** The regression set-up on the RTL of {@code backend}: {@link BuildOptions#regression()}, default cache. */
    public CoreRegression(FineqConfig config, RtlBackend backend) {
        this(config, backend, BuildOptions.regression(), new VerilatorBuild());
    }

    /** The regression set-up on the default (Velocity) RTL. */
    public CoreRegression(FineqConfig config) {
        this(config, RtlSources.defaultBackend());
    }

    public FineqConfig config() {
        return config;
    }

    /** Builds (or fetches from the cache) the Verilator model of the core. */
    public synchronized VerilatorBuild.Model model() {
        if (model == null) model = builder.build(TOP, sources(), HARNESS, options);
        return model;
    }

    /**
     * The default back end is simulated in its simulation view (proven equivalent to the synthesised
     * modules), except for toggle coverage, whose signal names must be the synthesised nets; another
     * back end is simulated as it writes its modules.
     */
    private java.util.List<SourceFile> sources() {
        boolean defaultBackend = backend.name().equals(RtlSources.defaultBackend().name());
        return defaultBackend && !options.coverage() ? RtlSources.core(config) : RtlSources.core(config, backend);
    }

    /** Root folder of per-case work folders; surefire passes {@code fineq.tb.work}. */
    public static Path workRoot() {
        return Path.of(System.getProperty("fineq.tb.work", "target/tb-runs")).toAbsolutePath();
    }

    /**
     * Simulates {@code v} and compares results, stream accounting and (without stalls) the cycle
     * count with the golden vectors.
     */
    public Outcome check(String caseName, CoreVectors v, Stalls stalls) throws IOException {
        if (!v.config().equals(config)) throw new IllegalArgumentException("vectors are for " + v.config() + ", regression is for " + config);
        Path work = workRoot().resolve(caseName.replaceAll("[^A-Za-z0-9_.-]", "_"));
        CoreSimulator sim = new CoreSimulator(model());
        CoreRun run = null;
        List<String> diffs;
        try {
            run = sim.run(v, work, stalls, null);
            diffs = CoreCheck.compare(v, run, !stalls.any());
        } catch (IOException e) {
            // A hang (cycle limit) or a crash of the simulation is a failure of the case, with waves.
            diffs = List.of("simulation failed: " + e.getMessage());
        }
        Path fst = null;
        if (!diffs.isEmpty() && options.trace()) {
            fst = work.resolve("failure.fst");
            try {
                sim.runFiles(v.expected().size(), v.expectedCycles(), work, stalls, fst);
            } catch (IOException e) {
                // The harness closes the dump before it reports a timeout, so the FST is still complete.
            }
            System.err.println("[fineq-tb] " + caseName + ": waveform of the failing case: " + fst);
        }
        return new Outcome(diffs, run, work, fst);
    }
}
