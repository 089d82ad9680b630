package io.fineq.tb;

import java.util.ArrayList;
import java.util.List;

/**
 * How a Verilator model is compiled. Everything here is part of the build-cache key.
 *
 * @param cxxOpt  optimisation flag of the C++ compiler for the model (Verilator's OPT_FAST and
 *                OPT_GLOBAL), e.g. {@code -O1}; the 64x64 core builds far faster at -O1 than at -O3
 * @param threads Verilator {@code --threads} (1 = single-threaded model)
 * @param trace   compile FST tracing in ({@code --trace-fst})
 */
public record BuildOptions(String cxxOpt, int threads, boolean trace) {
    public static final String DEFAULT_OPT = "-O1";

    public BuildOptions {
        if (!cxxOpt.matches("-O[0-3s]")) throw new IllegalArgumentException("cxx-opt must be one of -O0 -O1 -O2 -O3 -Os, got " + cxxOpt);
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads must be in 1..64, got " + threads);
    }

    /** The options the regressions use: {@code -O1}, single thread, tracing when {@code -Dwaves=true}. */
    public static BuildOptions regression() {
        return new BuildOptions(DEFAULT_OPT, 1, wavesRequested());
    }

    /** True when the user asked for waveforms of failing cases ({@code -Dwaves=true}). */
    public static boolean wavesRequested() {
        return Boolean.parseBoolean(System.getProperty("waves", "false"));
    }

    public BuildOptions withTrace(boolean on) {
        return new BuildOptions(cxxOpt, threads, on);
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
        f.add("-MAKEFLAGS");
        f.add("OPT_FAST=" + cxxOpt + " OPT_GLOBAL=" + cxxOpt + " OPT_SLOW=" + (cxxOpt.equals("-O0") ? "-O0" : "-O1"));
        return f;
    }

    /** A short tag for folder names, e.g. {@code O1-t1} or {@code O3-t2-fst}. */
    String tag() {
        return cxxOpt.substring(1) + "-t" + threads + (trace ? "-fst" : "");
    }
}
