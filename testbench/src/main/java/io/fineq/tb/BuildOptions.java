package io.fineq.tb;

import java.util.ArrayList;
import java.util.List;

/**
 * How a Verilator model is compiled. Everything here is part of the build-cache key.
 *
 * @param cxxOpt  optimisation flag of the C++ compiler for the model's evaluation code (Verilator's
 *                OPT_FAST), e.g. {@code -O0}; initialisation code (OPT_SLOW) runs once and is always
 *                compiled at -O0, the Verilator runtime (OPT_GLOBAL) at -O1 and only once per cache
 * @param threads Verilator {@code --threads} (1 = single-threaded model)
 * @param trace   compile FST tracing in ({@code --trace-fst})
 * @param coverage compile toggle coverage in ({@code --coverage-toggle}, every signal bit, however
 *                wide): the PPA flow's switching activity
 */
public record BuildOptions(String cxxOpt, int threads, boolean trace, boolean coverage) {
    /**
     * The regressions' level, chosen from measurements (docs/testbench.md, "Timings"): the
     * testbench suite from a cold cache takes the same time at -O1, -O2 and -O3 (44-45 s: builds
     * dominate), the 64 x 64 model builds as fast at -O3 as at -O1 (8.8-9.0 s) and simulates
     * fastest (360k against 297k cycles/s at -O1, 337-353k at -O2).
     */
    public static final String DEFAULT_OPT = "-O3";

    public BuildOptions {
        if (!cxxOpt.matches("-O[0-3s]")) throw new IllegalArgumentException("cxx-opt must be one of -O0 -O1 -O2 -O3 -Os, got " + cxxOpt);
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads must be in 1..64, got " + threads);
    }

    /** The options the regressions use: {@link #DEFAULT_OPT}, single thread, tracing when {@code -Dwaves=true}. */
    public static BuildOptions regression() {
        return new BuildOptions(DEFAULT_OPT, 1, wavesRequested(), false);
    }

    /** Toggle coverage for switching activity (-O1: the activity jobs run tens of thousands of cycles). */
    public static BuildOptions activity() {
        return new BuildOptions("-O1", 1, false, true);
    }

    public BuildOptions(String cxxOpt, int threads, boolean trace) {
        this(cxxOpt, threads, trace, false);
    }

    /** True when the user asked for waveforms of failing cases ({@code -Dwaves=true}). */
    public static boolean wavesRequested() {
        return Boolean.parseBoolean(System.getProperty("waves", "false"));
    }

    public BuildOptions withTrace(boolean on) {
        return new BuildOptions(cxxOpt, threads, on, coverage);
    }

    /** Verilator command-line flags implied by these options (besides sources, top and harness). */
    List<String> verilatorFlags() {
        List<String> f = new ArrayList<>();
        f.add("-O3");
        f.add("--x-assign");
        f.add("unique");
        f.add("--x-initial");
        f.add("unique");
        if (threads > 1) {
            f.add("--threads");
            f.add(Integer.toString(threads));
        }
        if (trace) f.add("--trace-fst");
        if (coverage) {
            // Not inlined: Verilator 5.006 then sums a module's toggles over the instances of a
            // generate array (scope g_row[*]); inlined, it reports wrong counts for them.
            f.add("-fno-inline");
            f.add("--coverage-toggle");
            f.add("--coverage-max-width");
            f.add("1048576");
        }
        return f;
    }

    /** Variables for the make step that compiles the generated C++. */
    List<String> makeVariables() {
        return List.of("OPT_FAST=" + cxxOpt, "OPT_SLOW=-O0", "OPT_GLOBAL=-O1");
    }

    /** A short tag for folder names, e.g. {@code O1-t1} or {@code O3-t2-fst}. */
    String tag() {
        return cxxOpt.substring(1) + "-t" + threads + (trace ? "-fst" : "") + (coverage ? "-cov" : "");
    }
}
