package io.fineq.hwcost.ppa;

import io.fineq.format.FqwImage;
import io.fineq.golden.ArrayKind;
import io.fineq.golden.CoreParams;
import io.fineq.golden.GoldenJob;
import io.fineq.hwcost.perf.LayerShape;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.VectorStats;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.tb.JobInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The equal-work figures: cycles against the golden model, the metrics against hand arithmetic. */
class EqualWorkTest {

    @ParameterizedTest(name = "{0}x{1} P={2} N={3}")
    @CsvSource({"4, 4, 0, 9", "8, 8, 1, 128", "5, 3, 0, 17", "16, 16, 2, 40"})
    void cyclesOfEveryShellCoreEqualTheGoldenModel(int rows, int cols, int pipe, int tokens) {
        FineqConfig cfg = new FineqConfig(rows, cols, 8, true, pipe);
        FqwImage image = JobInputs.syntheticImage(72, 3 * cols - 1, cols, rows);
        List<LlamaWorkload.Layer> layers = List.of(new LlamaWorkload.Layer(new LayerShape("l", 72, 3 * cols - 1), VectorStats.of(image), 0));
        for (CoreKind core : CoreKind.values()) {
            if (!core.inShell()) continue;
            ArrayKind kind = io.fineq.tb.GoldenVectors.arrayKind(core);
            CoreParams p = new CoreParams(rows, 8, true, cfg.pipeStages(), kind);
            assertThat(EqualWork.cycles(cfg, core, layers, tokens)).as(kind.toString()).isEqualTo(GoldenJob.cycles(image, tokens, p));
        }
    }

    @Test
    void metricsFollowFromCyclesAreaAndPower() {
        // 400 MHz, 10 mW of which 2 mW leakage; array blocks: 6 of the 10 mW and 300 of 1000 um^2.
        PpaResult r = new PpaResult("fineq_2x2", "lib", 400, 2.5, 1000, Map.of("PEs", 300.0, "decoders", 700.0), 300, 75, 0,
                10, 10, 0.5, 0, 500, "a", "b", 0.1, 0, 0, 0, 1, 0.1,
                10, 5, 3, 2, Map.of("PEs", 6.0, "decoders", 4.0), 100, 100, 1, "job", 1, "none", 0, -1, 0, 0, 0);
        FineqConfig cfg = new FineqConfig(2, 2, 8, true, 0);
        FqwImage image = JobInputs.syntheticImage(24, 2, 2, 1);
        List<LlamaWorkload.Layer> layers = List.of(new LlamaWorkload.Layer(new LayerShape("l", 24, 2), VectorStats.of(image), 0));
        List<EqualWork> rows = EqualWork.of(r, List.of("PEs"), null, null, cfg, CoreKind.FINEQ, "w", layers, 4);
        EqualWork array = rows.get(0);
        EqualWork core = rows.get(1);
        long cycles = EqualWork.cycles(cfg, CoreKind.FINEQ, layers, 4);
        long macs = 4L * 24 * 2;
        double seconds = cycles / 400e6;
        assertThat(core.macs()).isEqualTo(macs);
        assertThat(core.gmacPerSecond(400)).isCloseTo(macs / seconds / 1e9, within(1e-9));
        assertThat(core.gmacPerSecondPerMm2(400)).isCloseTo(macs / seconds / 1e9 / 1e-3, within(1e-6));
        // Core: 10 mW for the whole run at 400 MHz.
        assertThat(core.pjPerMac(400)).isCloseTo(10e-3 * seconds / macs * 1e12, within(1e-9));
        // At 500 MHz the dynamic 8 mW at 400 MHz is 20 pJ per cycle; leakage 2 mW over the shorter run.
        double at500 = (8e-3 / 400e6 * cycles + 2e-3 * cycles / 500e6) / macs * 1e12;
        assertThat(core.pjPerMac(500)).isCloseTo(at500, within(1e-9));
        assertThat(core.energyDelay(400)).isCloseTo(10e-3 * seconds * 1e6 * seconds * 1e3, within(1e-12));
        // Array: 300 um^2 and 6 mW (leakage share 2/10 of it).
        assertThat(array.areaMm2()).isCloseTo(300e-6, within(1e-15));
        assertThat(array.pjPerMac(400)).isCloseTo(6e-3 * seconds / macs * 1e12, within(1e-9));
        assertThat(array.pes()).isEqualTo(4);
        assertThat(array.utilisation()).isCloseTo(macs / (4.0 * cycles), within(1e-12));
    }
}
