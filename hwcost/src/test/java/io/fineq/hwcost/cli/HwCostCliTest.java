package io.fineq.hwcost.cli;

import io.fineq.hwcost.HwCostCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: the report's files, determinism, and one-line errors for bad input. */
class HwCostCliTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    @Test
    void reportWritesHtmlAndReadablePngsDeterministically() throws Exception {
        String[] args = {"report", "--sizes", "none", "--array", "16", "--scale-down", "64", "--seq", "32,256", "--out", tmp.resolve("a").toString()};
        assertThat(run(args).code).isZero();
        args[args.length - 1] = tmp.resolve("b").toString();
        assertThat(run(args).code).isZero();
        String html = Files.readString(tmp.resolve("a/index.html"));
        assertThat(html).contains("<img src=\"cycles.png\"", "<img src=\"energy.png\"", "<img src=\"codes.png\"", "0.388", "1.79");
        for (String png : new String[] {"cycles.png", "energy.png", "codes.png", "pairs.png", "lengths.png"}) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(png));
            assertThat(a).startsWith(PNG_MAGIC);
            assertThat(a.length).isGreaterThan(2000);
            assertThat(a).as(png + " is deterministic").isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(png)));
        }
        assertThat(html).isEqualTo(Files.readString(tmp.resolve("b/index.html")));
    }

    @Test
    void badSizeIsOneLineError() {
        Result r = run("area", "--sizes", "8,0", "--work", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: --sizes: size 0 is out of range 1..1024");
    }

    @Test
    void missingLibertyIsOneLineErrorAndWritesNothing() {
        Path out = tmp.resolve("rep");
        Result r = run("report", "--sizes", "8", "--liberty", tmp.resolve("nope.lib").toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).startsWith("error: liberty: cannot read").doesNotContain("\n").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void reportWithAMissingSweepIsOneLineError() {
        Result r = run("report", "--sizes", "none", "--sweep", tmp.resolve("nosweep").toString(), "--out", tmp.resolve("rep").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).startsWith("error: sweep: no sweep.json in").doesNotContain("\n");
        assertThat(tmp.resolve("rep")).doesNotExist();
    }

    @Test
    void perfClockOutOfRangeIsOneLineError() {
        for (String clock : new String[] {"0", "-5", "NaN", "1e9"}) {
            Result r = run("perf", "--clock-mhz", clock);
            assertThat(r.code).as(clock).isEqualTo(2);
            assertThat(r.err.strip()).as(clock).startsWith("error: --clock-mhz: ").endsWith("is out of range 1..5000");
            assertThat(r.out).doesNotContain("Infinity");
        }
    }

    @Test
    void badArrayIsOneLineError() {
        Result r = run("mac", "--array", "0", "--out", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).doesNotContain("\n").contains("rows").contains("1..1024");
    }

    private record Result(int code, String err, String out) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = HwCostCli.run(args);
            return new Result(code, err.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
