package io.fineq.tb;

import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared regression set-up of the test classes: one cached core build per configuration per JVM. */
final class Rtl {
    private static final Map<FineqConfig, CoreRegression> CORES = new ConcurrentHashMap<>();
    static final VerilatorBuild BUILD = new VerilatorBuild();

    private Rtl() {
    }

    static CoreRegression core(FineqConfig c) {
        return CORES.computeIfAbsent(c, CoreRegression::new);
    }

    static FineqConfig config(int rows, int cols, boolean termination, int pipe) {
        return new FineqConfig(rows, cols, 8, termination, pipe);
    }

    /** Simulates {@code v} on the RTL of its configuration and fails with the located differences. */
    static CoreRegression.Outcome assertRtlMatches(String name, CoreVectors v, Stalls stalls) throws IOException {
        return assertRtlMatches(core(v.config()), name, v, stalls);
    }

    /** As {@link #assertRtlMatches(String, CoreVectors, Stalls)}, on the RTL of a given regression (e.g. another back end). */
    static CoreRegression.Outcome assertRtlMatches(CoreRegression core, String name, CoreVectors v, Stalls stalls) throws IOException {
        CoreRegression.Outcome o = core.check(name, v, stalls);
        assertThat(o.differences()).as(o.report(name)).isEmpty();
        return o;
    }

    /** A unit-level model (leaf module + its harness) built from the RTL of {@code c}. */
    static VerilatorBuild.Model unit(FineqConfig c, String top, String harness) {
        return BUILD.build(top, RtlSources.module(c, top), harness, BuildOptions.regression());
    }
}
