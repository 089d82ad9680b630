package io.fineq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.format.FqwImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One front door: every tool as a subcommand, one error style, one exit-code rule, --version everywhere. */
class FineqCliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run fineq(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = FineqCli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    private static void assertOneLineError(Run r, int code, String contains) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void versionOnTheCommandAndEverySubcommand() {
        assertThat(fineq("--version").out().strip()).isEqualTo("fineq 0.1.0");
        for (String sub : FineqCli.commandLine().getSubcommands().keySet()) {
            Run r = fineq(sub, "--version");
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out().strip()).as(sub).isEqualTo("fineq 0.1.0");
        }
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertOneLineError(fineq(), 2, "a subcommand is required: quantize, inspect");
        assertOneLineError(fineq("frobnicate"), 2, "Unmatched argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "quantize --in nope.npy --array-cols 8 --out x.fqw|no such file",
            "inspect nope.fqw|nope.fqw",
            "synth --rows 0 --out x.npy|--rows must be >= 1",
            "error-report --in nope.npy|no such file",
            "generate --array=0|array: 0 is out of range 1..1024",
            "vectors --rows 0 --out v|rows",
            "mac --array 0|0",
            "area --sizes 0|size 0 is out of range 1..1024",
            "ppa --sizes 8 --clocks-mhz 0|clock",
            "sweep --sizes 0|size 0 is out of range",
            "perf --clock-mhz 0|--clock-mhz: 0.0 is out of range 1..5000",
            "report --sizes 0 --out r|size 0 is out of range",
            "model-eval --paragraphs -1|--paragraphs must be >= 0",
            "model-eval --corpus bogus|'bogus' is not one of europarl, docs",
            "model-eval --corpus europarl --docs .|--docs goes with --corpus docs, not --corpus europarl",
            "model-eval --paragraphs 3 --methods bogus|--methods: 'bogus' is not one of all, fp32, fineq-absmax-paper"})
    void badInputToEverySubcommandIsOneLineAndExitTwo(String spec) {
        String[] parts = spec.split("\\|");
        Run r = fineq(parts[0].split(" "));
        assertOneLineError(r, 2, parts[1]);
    }

    @Test
    void anOutputThatCannotBeWrittenIsExitOneWithoutClassNames() throws Exception {
        assertThat(fineq("synth", "--rows", "8", "--cols", "8", "--out", dir.resolve("w.npy").toString()).code()).isZero();
        Files.writeString(dir.resolve("file"), "a file, not a folder");
        Run r = fineq("quantize", "--in", dir.resolve("w.npy").toString(), "--array-cols", "8",
                "--out", dir.resolve("file/w.fqw").toString());
        assertOneLineError(r, 1, dir.resolve("file").toString());
    }

    @Test
    void weightsThroughTheFrontDoor() throws Exception {
        Path w = dir.resolve("w.npy");
        assertThat(fineq("synth", "--kind", "llama-like", "--rows", "48", "--cols", "16", "--seed", "2", "--out", w.toString()).code()).isZero();
        Run q = fineq("quantize", "--in", w.toString(), "--array-cols", "16", "--out", dir.resolve("w.fqw").toString(),
                "--hex", dir.resolve("w.hex").toString());
        assertThat(q.code()).as(q.err()).isZero();
        FqwImage img = FqwImage.read(dir.resolve("w.fqw"));
        assertThat(Files.readAllLines(dir.resolve("w.hex"))).hasSize((int) img.header().blockCount());
        Run i = fineq("inspect", dir.resolve("w.fqw").toString());
        assertThat(i.code()).isZero();
        assertThat(i.out()).contains("48");
        assertThat(List.of(fineq("generate", "--array=4", "--out=" + dir.resolve("rtl")).code())).containsExactly(0);
        assertThat(dir.resolve("rtl/fineq_shifted_4x4/fineq_shifted_4x4_core.v")).exists();
    }
}
