package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden-vector export: parses back to the golden model's job, is deterministic, runs on the RTL, rejects bad input. */
class VectorsCliTest {
    private static final String[] FILES = {"activations.hex", "weights.hex", "expected.hex", "expected.txt", "cycles.txt",
            "weights.fqw", "activations.txt", "job.json", "README.txt"};

    private static int run(StringWriter err, String... args) {
        return VectorsCli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    }

    @Test
    void exportParsesBackToTheGoldenJobAndIsDeterministic(@TempDir Path tmp) throws IOException {
        String[] args = {"--rows", "4", "--cols", "4", "--termination", "false", "--adder-pipeline", "1",
                "--m", "30", "--k", "7", "--tokens", "5", "--seed", "9"};
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertThat(run(new StringWriter(), concat(args, "--out", a.toString()))).isZero();
        assertThat(run(new StringWriter(), concat(args, "--out", b.toString()))).isZero();
        for (String f : FILES) assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));

        FineqConfig cfg = new FineqConfig(4, 4, 8, false, 1, io.fineq.rtl.CoreKind.DEFAULT); // the CLI's default core
        FqwImage image = JobInputs.syntheticImage(30, 7, 4, 9);
        int[][] x = JobInputs.randomActivations(5, 7, 8, 9);
        CoreVectors golden = GoldenVectors.of(cfg, image, x);
        CoreVectors back = StimulusFiles.read(cfg, a);
        assertThat(back.activationBeats()).isEqualTo(golden.activationBeats());
        assertThat(back.weightBeats()).isEqualTo(golden.weightBeats());
        assertThat(back.expectedCycles()).isEqualTo(golden.expectedCycles());
        assertThat(back.expected()).hasSameSizeAs(golden.expected());
        for (int i = 0; i < golden.expected().size(); i++) {
            var e = golden.expected().get(i);
            var g = back.expected().get(i);
            assertThat(List.of(g.tile(), g.kt(), g.nt(), g.m())).isEqualTo(List.of(e.tile(), e.kt(), e.nt(), e.m()));
            assertThat(g.y()).containsExactly(e.y());
        }
        assertThat(Files.readAllBytes(a.resolve("weights.fqw"))).isEqualTo(image.toBytes());
        List<String> xs = Files.readAllLines(a.resolve("activations.txt"));
        assertThat(xs).hasSize(5);
        for (int t = 0; t < 5; t++)
            assertThat(Stream.of(xs.get(t).split(" ")).mapToInt(Integer::parseInt).toArray()).containsExactly(x[t]);
        assertThat(Files.readString(a.resolve("README.txt"))).contains("C*ACT_W = 32 bits", "R*ACC_W = 48 bits");
        // Different seed, different vectors.
        Path c = tmp.resolve("c");
        args[args.length - 1] = "10";
        assertThat(run(new StringWriter(), concat(args, "--out", c.toString()))).isZero();
        assertThat(Files.readAllBytes(c.resolve("expected.hex"))).isNotEqualTo(Files.readAllBytes(a.resolve("expected.hex")));
    }

    @Test
    void givenImageIsUsedAndTheExportRunsOnTheRtl(@TempDir Path tmp) throws IOException {
        Path syn = tmp.resolve("syn"), given = tmp.resolve("given");
        String[] common = {"--rows", "4", "--cols", "4", "--tokens", "6", "--seed", "3"};
        assertThat(run(new StringWriter(), concat(common, "--m", "50", "--k", "11", "--out", syn.toString()))).isZero();
        // The image brings its own shape: --m/--k beside --fqw contradict it and are refused.
        StringWriter contradiction = new StringWriter();
        assertThat(run(contradiction, concat(common, "--m", "50", "--fqw", syn.resolve("weights.fqw").toString(), "--out", given.toString()))).isEqualTo(2);
        assertThat(contradiction.toString().strip()).isEqualTo("error: --m sets the synthetic weights' shape; --fqw brings its own, give one or the other");
        assertThat(given).doesNotExist();
        assertThat(run(new StringWriter(), concat(common, "--fqw", syn.resolve("weights.fqw").toString(), "--out", given.toString()))).isZero();
        for (String f : FILES) assertThat(Files.readAllBytes(given.resolve(f))).as(f).isEqualTo(Files.readAllBytes(syn.resolve(f)));

        // A user's flow: only the files, no Java objects: the harness reads them as they are.
        FineqConfig cfg = new FineqConfig(4, 4, 8, true, 0, io.fineq.rtl.CoreKind.DEFAULT);
        CoreVectors v = StimulusFiles.read(cfg, given);
        CoreRun run = new CoreSimulator(Rtl.core(cfg).model()).runFiles(v.expected().size(),
                v.expectedCycles(), given, Stalls.NONE, null);
        assertThat(CoreCheck.compare(v, run, true)).isEmpty();
    }

    @Test
    void badInputGivesOneLineAndNoFiles(@TempDir Path tmp) throws IOException {
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("o");
        assertThat(run(err, "--rows", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).doesNotContain("\n").contains("rows").contains("1..1024");
        assertThat(out).doesNotExist();
        StringWriter core = new StringWriter();
        assertThat(run(core, "--core", "mac-systolic", "--out", out.toString())).isEqualTo(2);
        assertThat(core.toString().strip()).isEqualTo("error: --core: 'mac-systolic' has no fineq_core shell; one of fineq-shifted, fineq, mac-tree");
        assertThat(out).doesNotExist();

        Path img = tmp.resolve("img");
        assertThat(run(new StringWriter(), "--rows", "2", "--cols", "3", "--m", "10", "--k", "4", "--out", img.toString())).isZero();
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--cols", "4", "--fqw", img.resolve("weights.fqw").toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err2.toString().trim()).doesNotContain("\n").contains("array_cols = 3").contains("--cols = 4");
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** Long exports are not silent: a line before the golden model and one before writing, on stderr. */
    @Test
    void exportReportsProgress(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--rows", "4", "--cols", "4", "--m", "24", "--k", "4", "--tokens", "4", "--out", tmp.resolve("p").toString())).isZero();
        assertThat(err.toString()).contains("fineq-vectors: golden model of fineq_shifted_4x4 on M=24 K=4 N=4")
                .containsPattern("fineq-vectors: \\d+ result beats, \\d+ cycles \\([0-9.]+ s\\); writing ");
    }
}
