package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.golden.JobResult;
import io.fineq.rtl.ChiselRtlBackend;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Verilator regression once against the Chisel back end's Verilog ({@link ChiselRtlBackend},
 * firtool output) instead of the Velocity templates: per configuration, a quantized llama-like
 * {@code .fqw} job (M not a multiple of 24, K not a multiple of C, several token tiles) whose
 * results and cycle count must equal the golden model exactly, then a random-stall job on the same
 * model. The Chisel form is proven equivalent to the Velocity form only on small arrays (docs/chisel.md);
 * this runs it through the same harness, stimulus and checks as {@link QuantizedJobRtlTest} and
 * {@link StallRtlTest}. A missing Verilator or firtool fails the test, as in every RTL test.
 */
class ChiselRtlRegressionTest {

    @ParameterizedTest(name = "Chisel {8} {0}x{1} termination={2} P={3}: M={4} K={5} N={6}, then stall {7}%")
    @CsvSource({
            "7, 5, true, 0, 50, 23, 16, 60, fineq",
            "7, 5, false, 1, 50, 23, 16, 30, fineq",
            "8, 8, true, 1, 70, 20, 9, 75, fineq",
            "7, 5, true, 0, 50, 23, 16, 60, fineq-shifted",
            "8, 8, false, 1, 70, 20, 9, 40, fineq-shifted"})
    void chiselRtlEqualsGoldenModel(int rows, int cols, boolean termination, int pipe, int m, int k, int n, int stallPercent, String core)
            throws IOException {
        assertThat(m % 24).isNotZero();
        assertThat(k % cols).isNotZero();
        assertThat(n).as("several token tiles, the last one partial").isGreaterThan(rows);
        assertThat(n % rows).isNotZero();
        FineqConfig cfg = Rtl.config(rows, cols, termination, pipe).withCore(io.fineq.rtl.CoreKind.byWord("core", core));
        CoreRegression chisel = new CoreRegression(cfg, new ChiselRtlBackend());
        assertChiselSources(cfg);
        String name = "chisel-" + cfg.name() + "-term" + termination + "-p" + pipe;

        long seed = 31L * m + k;
        FqwImage image = JobInputs.syntheticImage(m, k, cols, seed);
        assertThat(QuantizedJobRtlTest.countOutlierPairs(image)).as("the llama-like image uses outlier pair codes").isPositive();
        int[][] x = JobInputs.randomActivations(n, k, cfg.actWidth(), seed);
        JobResult golden = GoldenVectors.result(cfg, image, x);
        assertGoldenIsPlainProduct(image, x, golden);
        CoreVectors job = GoldenVectors.of(cfg, image, x, golden);

        CoreRegression.Outcome o = Rtl.assertRtlMatches(chisel, name, job, Stalls.NONE);
        assertThat(o.run().cycles()).as("cycle count of the Chisel RTL").isEqualTo(job.expectedCycles());

        long stallSeed = seed + stallPercent;
        int sm = 2 * 24 + 5, sk = 2 * cols + 1, sn = rows + 3;
        FqwImage stallImage = JobInputs.syntheticImage(sm, sk, cols, stallSeed);
        CoreVectors stalled = GoldenVectors.of(cfg, stallImage, JobInputs.randomActivations(sn, sk, cfg.actWidth(), stallSeed));
        CoreRegression.Outcome s = Rtl.assertRtlMatches(chisel, name + "-stall" + stallPercent, stalled, new Stalls(stallSeed, stallPercent));
        assertThat(s.run().cycles()).as("a stalled job cannot finish earlier than the stall-free count")
                .isGreaterThan(stalled.expectedCycles());
    }

    /** Guards against the back end being ignored: the simulated files are the Chisel form, not the Velocity one. */
    private static void assertChiselSources(FineqConfig cfg) {
        List<SourceFile> chisel = RtlSources.core(cfg, new ChiselRtlBackend());
        List<SourceFile> velocity = RtlSources.core(cfg);
        assertThat(chisel).extracting(SourceFile::name).isEqualTo(velocity.stream().map(SourceFile::name).toList());
        for (int i = 0; i < chisel.size(); i++) {
            String text = new String(chisel.get(i).content(), StandardCharsets.UTF_8);
            assertThat(text).as(chisel.get(i).name()).contains("FineQ Chisel back end");
            assertThat(chisel.get(i).content()).as(chisel.get(i).name() + " differs from the Velocity file")
                    .isNotEqualTo(velocity.get(i).content());
        }
    }

    /** Golden Y equals a plain product of the image decoded by the test's own reading of the spec. */
    private static void assertGoldenIsPlainProduct(FqwImage image, int[][] x, JobResult golden) {
        int[][] q = QuantizedJobRtlTest.decode(image);
        int m = image.header().rows(), k = image.header().cols();
        for (int t = 0; t < x.length; t++) {
            for (int row = 0; row < m; row++) {
                long y = 0;
                for (int ch = 0; ch < k; ch++) y += (long) q[row][ch] * x[t][ch];
                assertThat(golden.y()[t][row]).as("golden Y[%d][%d]", t, row).isEqualTo(y);
            }
        }
    }
}
