package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure path, end to end on real RTL: a deliberately wrong expected value and cycle count
 * must be reported with their position, and a model built with tracing (what -Dwaves=true
 * selects) must leave an FST of the failing case.
 */
class WavesAndMismatchRtlTest {

    @Test
    void aWrongExpectationIsLocatedAndDumpedAsFst() throws IOException {
        FineqConfig cfg = Rtl.config(2, 3, true, 0);
        FqwImage image = JobInputs.syntheticImage(30, 5, 3, 77);
        CoreVectors good = GoldenVectors.of(cfg, image, JobInputs.randomActivations(3, 5, 8, 77));
        List<CoreVectors.ResultBeat> beats = new ArrayList<>(good.expected());
        // N = 3 tokens on R = 2 rows: tiles (kt 0, nt 0), (0, 1), (1, 0), (1, 1). Corrupt the beat of
        // (kt 1, nt 0), m = 5, array row r = 1 (token 1).
        int idx = beats.indexOf(beats.stream().filter(b -> b.kt() == 1 && b.nt() == 0 && b.m() == 5).findFirst().orElseThrow());
        CoreVectors.ResultBeat b = beats.get(idx);
        long[] y = b.y().clone();
        y[1] += 1;
        beats.set(idx, new CoreVectors.ResultBeat(b.tile(), b.kt(), b.nt(), b.m(), y));
        CoreVectors bad = new CoreVectors(cfg, good.activationBeats(), good.weightBeats(), beats, good.expectedCycles() + 1);

        CoreRegression traced = new CoreRegression(cfg, BuildOptions.regression().withTrace(true), Rtl.BUILD);
        CoreRegression.Outcome o = traced.check("waves-demo-" + cfg.name(), bad, Stalls.NONE);

        assertThat(o.passed()).isFalse();
        assertThat(o.differences()).containsExactly(
                "tile 2 (kt 1, nt 0), result beat " + idx + " (output row m = 5), array row r = 1 (token 1): expected "
                        + y[1] + ", actual " + (y[1] - 1),
                "cycles: expected " + (good.expectedCycles() + 1) + " (golden model, microarchitecture section 4), actual "
                        + good.expectedCycles());
        assertThat(o.waves()).isNotNull();
        assertThat(Files.size(o.waves())).isGreaterThan(100);
        assertThat(o.report("demo")).contains("waveform: " + o.waves());
    }
}
