package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command-line behaviour: parameter resolution, and one clear line + exit 2 for every bad value. */
class GeneratorCliTest {

    @TempDir
    Path out;

    private record Run(int code, String stdout, String stderr) { }

    private Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out=" + out);
        int code = GeneratorCli.run(all.toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.count();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--rows=0                   | --rows: 0 is out of range 1..1024",
        "--cols=-3                  | --cols: -3 is out of range 1..1024",
        "--array=abc                | --array: 'abc' is not an integer (range 1..1024)",
        "--array=2.5                | --array: '2.5' is not an integer (range 1..1024)",
        "--rows=99999999999999999999 | --rows: 99999999999999999999 is out of range 1..1024",
        "--cols=1025                | --cols: 1025 is out of range 1..1024",
        "--act-width=1              | --act-width: 1 is out of range 2..16",
        "--act-width=17             | --act-width: 17 is out of range 2..16",
        "--act-width=eight          | --act-width: 'eight' is not an integer (range 2..16)",
        "--adder-pipeline=17        | --adder-pipeline: 17 is out of range 0..16",
        "--adder-pipeline=-1        | --adder-pipeline: -1 is out of range 0..16",
        "--termination=maybe        | --termination: 'maybe' is not one of on, off, true, false, 1, 0",
        "--clock-mhz=0              | --clock-mhz: 0 is out of range 1..5000",
        "--backend=verilog          | --backend: 'verilog' is not one of velocity",
    })
    void badValueGivesOneLineNamingTheParameter(String arg, String message) throws IOException {
        Run r = run(arg.trim());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.stderr().lines().toList()).hasSize(1);
        assertThat(r.stderr()).startsWith("error: ").contains(message.trim()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(entries()).as("nothing written").isZero();
    }

    /** Under Maven (mvn generate-rtl) a bad parameter ends the build with no Java stack trace. */
    @Test
    void mavenEntryFailsWithoutAStackTrace() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RuntimeException thrown = null;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            MavenGenerateRtl.main(new String[] {"--array=0", "--out=" + out.resolve("m")});
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            System.setErr(oldErr);
        }
        assertThat(thrown).isNotNull();
        assertThat(thrown.getStackTrace()).isEmpty();
        assertThat(thrown.getMessage()).contains("bad parameter").doesNotContain("\n");
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("error: -Darray: 0 is out of range 1..1024");
        assertThat(out.resolve("m")).doesNotExist();
    }

    /**
     * Module names per configuration: two configurations and both back ends elaborate together in
     * one design (Verilator and Yosys see no duplicate module); --prefix overrides, and a prefix that
     * cannot start a Verilog identifier is one line naming the parameter.
     */
    @Test
    void theDefaultCoreIsTheShiftedCodingAndThePapersUnaryCoreStaysSelectable() throws Exception {
        assertThat(run("--array=4").code()).isZero();
        assertThat(run("--array=4", "--core=fineq").code()).isZero();
        // The shifted array broadcasts x2 (select 2a) and has ACT_W + 1 = 9-bit leaves; the unary one neither.
        String shifted = Files.readString(out.resolve("fineq_shifted_4x4/fineq_shifted_4x4_pe_row.v"));
        String unary = Files.readString(out.resolve("fineq_4x4/fineq_4x4_pe_row.v"));
        assertThat(shifted).contains("x2_i").contains("[35:0] leaf_o");
        assertThat(unary).doesNotContain("x2_i").contains("[31:0] leaf_o");
    }

    @Test
    void twoConfigurationsAndBothBackEndsLiveInOneDesign() throws Exception {
        assertThat(run("--array=4").code()).isZero();
        assertThat(run("--rows=2", "--cols=3", "--adder-pipeline=1").code()).isZero();
        assertThat(run("--array=4", "--backend=chisel").code()).isZero();
        assertThat(run("--array=2", "--prefix=soc_npu_").code()).isZero();
        List<String> top = new ArrayList<>(List.of(
                "module fineq_top (input wire clk_i, input wire rst_ni);",
                "endmodule"));
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wno-fatal", "-Wno-PINMISSING", "-Wno-UNUSEDSIGNAL",
                "--top-module", "fineq_top"));
        for (String[] d : new String[][] {{"fineq_shifted_4x4", "fineq_shifted_4x4_core"}, {"fineq_shifted_2x3", "fineq_shifted_2x3_p1_core"},
                {"fineq_shifted_4x4_chisel", "fineq_shifted_4x4_chisel_core"}, {"fineq_shifted_2x2", "soc_npu_core"}}) {
            top.add(top.size() - 1, "  " + d[1] + " u_" + d[1] + " (.clk_i(clk_i), .rst_ni(rst_ni));");
            cmd.addAll(List.of("-F", out.resolve(d[0]).resolve("fineq.f").toString()));
        }
        Path topFile = Files.write(out.resolve("fineq_top.v"), top);
        cmd.add(topFile.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        assertThat(log).doesNotContain("Duplicate declaration").doesNotContain("%Error");
        // FuseSoC names: one VLNV per module set.
        assertThat(Files.readString(out.resolve("fineq_shifted_4x4/fineq_shifted_4x4.core"))).contains("name: fineq:rtl:fineq_shifted_4x4:0.1.0");
        assertThat(Files.readString(out.resolve("fineq_shifted_4x4_chisel/fineq_shifted_4x4.core"))).contains("name: fineq:rtl:fineq_shifted_4x4_chisel:0.1.0");
        assertThat(Files.readString(out.resolve("fineq_shifted_2x2/fineq_shifted_2x2.core"))).contains("name: fineq:rtl:soc_npu:0.1.0");
        Run bad = run("--array=2", "--prefix=9x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.stderr().strip()).startsWith("error: --prefix: '9x' is not the start of a Verilog identifier");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("--colums=4");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.stderr().lines().toList()).hasSize(1);
        assertThat(r.stderr()).startsWith("error: ").contains("--colums=4");
    }

    @Test
    void arraySetsBothSidesAndExcludesRowsCols() throws IOException {
        Run both = run("--array=3", "--cols=5");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.stderr().strip()).isEqualTo("error: --array: sets rows and cols; give it or --rows/--cols, not both");
        assertThat(run("--rows=3", "--cols=5").code()).isZero();
        assertThat(run("--array=4").code()).isZero();
        assertThat(run("--array=", "--rows=2", "--cols=").code()).isZero(); // empty = not given: cols defaults to 64
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("fineq_shifted_2x64", "fineq_shifted_3x5", "fineq_shifted_4x4");
        }
    }

    @Test
    void emptyValuesMeanDefaults() throws IOException {
        Run r = run("--array=", "--rows=", "--cols=", "--act-width=", "--termination=", "--adder-pipeline=", "--backend=");
        assertThat(r.code()).as(r.stderr()).isZero();
        String manifest = Files.readString(out.resolve("fineq_shifted_64x64/manifest.json"));
        assertThat(manifest).contains("\"act_width\" : 8").contains("\"termination\" : true").contains("\"adder_pipeline\" : 0");
        assertThat(r.stdout()).contains("fineq_shifted_64x64").contains("fineq_shifted_64x64_array.v").contains("bytes");
    }

    @ParameterizedTest
    @CsvSource({"on, true", "OFF, false", "true, true", "false, false", "1, true", "0, false"})
    void terminationSpellings(String value, boolean expected) throws IOException {
        assertThat(run("--array=1", "--termination=" + value).code()).isZero();
        assertThat(Files.readString(out.resolve("fineq_shifted_1x1/manifest.json"))).contains("\"termination\" : " + expected);
    }

    @Test
    void unwritableOutputIsAnIoErrorNotAStackTrace() throws IOException {
        Path blocker = out.resolve("file");
        Files.writeString(blocker, "not a folder");
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = GeneratorCli.run(new String[] {"--array=1", "--out=" + blocker},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(e.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(1);
        assertThat(e.toString(StandardCharsets.UTF_8).strip()).isEqualTo("error: --out " + blocker + ": is not a folder");
    }
}
