package io.fineq.hwcost.perf;

import io.fineq.format.FqwImage;
import io.fineq.golden.CoreParams;
import io.fineq.golden.GoldenJob;
import io.fineq.golden.JobResult;
import io.fineq.hwcost.mac.MacCycleModel;
import io.fineq.quant.DecodedImage;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.rtl.FineqConfig;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance model on small quantized llama-like layers: FineQ cycles against the golden
 * model's job run (which the Verilator regressions check against the RTL), the L statistics
 * against the quantizer's own decoder, MAC cycles against the hand formula.
 */
class PerfModelTest {

    @ParameterizedTest(name = "{0}x{1} on R={2} C={3}, N={4}")
    @CsvSource({
            "48, 40, 4, 8, 9",
            "72, 64, 8, 8, 8",
            "30, 17, 3, 5, 1",
    })
    void cyclesMatchGoldenModelAndStatisticsMatchQuantizer(int m, int k, int r, int c, int n) {
        FineqConfig cfg = new FineqConfig(r, c, 8, true, 0);
        FqwImage image = new FineqQuantizer(QuantizerOptions.defaults(c).withParallel(false))
                .quantize(new SyntheticTensor("w", SynthKind.LLAMA_LIKE, m, k, 7)).image();
        VectorStats stats = VectorStats.of(image);

        // L per vector from the quantizer's decoder (not the golden model's), padding included.
        DecodedImage dec = new DecodedImage(image);
        int kp = image.header().paddedCols(), mp = image.header().paddedRows();
        long sumL = 0, sumMag = 0;
        long[] counts = new long[4];
        for (int kt = 0; kt < kp / c; kt++) {
            for (int row = 0; row < mp; row++) {
                int max = 0;
                for (int col = 0; col < c; col++) {
                    int mag = Math.abs(dec.q(row, kt * c + col));
                    max = Math.max(max, mag);
                    sumMag += mag;
                }
                sumL += Math.max(1, max);
                counts[Math.max(1, max)]++;
            }
        }
        assertThat(stats.sumL()).isEqualTo(sumL);
        assertThat(stats.sumMagnitude()).isEqualTo(sumMag);
        assertThat(stats.lengthCounts()).containsExactly(0, counts[1], counts[2], counts[3]);
        assertThat(stats.pairCodes()).containsExactly(dec.pairCodeHistogram());

        int[][] x = new int[n][k];
        Random rnd = new Random(11);
        for (int[] row : x) for (int i = 0; i < k; i++) row[i] = rnd.nextInt(256) - 128;
        CoreParams params = new CoreParams(r, 8, true, cfg.pipeStages());
        JobResult golden = GoldenJob.run(image, x, params);

        PerfModel.Result p = new PerfModel(cfg, 400).run(new LayerShape("w", m, k), stats, n);
        assertThat(p.fineqCycles()).isEqualTo(golden.cycles());
        assertThat(p.computeCycles()).isEqualTo(golden.sumLength());
        long tiles = (long) (kp / c) * ((n + r - 1) / r);
        assertThat(p.tiles()).isEqualTo(tiles);
        // Section 4 by hand: T*R + ceil(N/R)*sumL + S + 2 with S = 0.
        assertThat(p.fineqCycles()).isEqualTo(tiles * r + ((n + r - 1) / r) * sumL + 2);
        assertThat(p.macCycles()).isEqualTo(tiles * (r + mp) + (tiles - 1) * Math.max(0, c - 2) + c);
        assertThat(p.macCycles()).isEqualTo(MacCycleModel.cycles(cfg, tiles, mp));
        assertThat(p.fineqSeconds()).isEqualTo(p.fineqCycles() / 400e6);
        assertThat(p.macs()).isEqualTo((long) n * m * k);
    }
}
