package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical parameters give identical bytes, and the manifest describes exactly what was written. */
class DeterminismTest {

    @TempDir
    Path tmp;

    private static Path cli(Path out, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--out=" + out);
        int code = GeneratorCli.run(all.toArray(String[]::new),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        return out;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void twoRunsAreByteIdentical() throws IOException {
        Path a = cli(tmp.resolve("a"), "--rows=24", "--cols=7", "--adder-pipeline=1").resolve("fineq_shifted_24x7");
        Path b = cli(tmp.resolve("b"), "--rows=24", "--cols=7", "--adder-pipeline=1").resolve("fineq_shifted_24x7");
        assertThat(names(a)).isEqualTo(names(b)).hasSize(15);
        for (String name : names(a)) {
            assertThat(Files.readAllBytes(a.resolve(name))).as(name).isEqualTo(Files.readAllBytes(b.resolve(name)));
        }
    }

    @Test
    void regeneratingOverAnExistingFolderGivesTheSameBytes() throws IOException {
        Path out = tmp.resolve("same");
        Path dir = cli(out, "--array=5").resolve("fineq_shifted_5x5");
        byte[] first = Files.readAllBytes(dir.resolve("manifest.json"));
        Files.writeString(dir.resolve("user.txt"), "a file the generator did not write");
        cli(out, "--array=5");
        assertThat(Files.readAllBytes(dir.resolve("manifest.json"))).isEqualTo(first);
        // The user's file survives (issue 11: regeneration must not delete what it did not write).
        assertThat(Files.readString(dir.resolve("user.txt"))).isEqualTo("a file the generator did not write");
        assertThat(names(out)).containsExactly("fineq_shifted_5x5"); // no temporary or backup folder left behind
    }

    @Test
    void manifestListsEveryFileWithItsSha256AndTheParameters() throws Exception {
        Path dir = cli(tmp.resolve("m"), "--rows=3", "--cols=5", "--termination=off", "--adder-pipeline=2").resolve("fineq_shifted_3x5");
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        Set<String> listed = new TreeSet<>();
        for (JsonNode f : m.get("files")) {
            String name = f.get("name").asText();
            listed.add(name);
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(f.get("sha256").asText()).as(name).isEqualTo(sha);
            assertThat(f.get("bytes").asInt()).as(name).isEqualTo(bytes.length);
        }
        Set<String> onDisk = names(dir);
        onDisk.remove("manifest.json");
        assertThat(listed).isEqualTo(onDisk);
        assertThat(listed).contains("fineq_shifted_3x5_nt_p2_clock_gate.v", "fineq_shifted_3x5_nt_p2_act_latch.v", "fineq_shifted_3x5_nt_p2_decoder.v",
                "fineq_shifted_3x5_nt_p2_temporal_encoder.v", "fineq_shifted_3x5_nt_p2_pe_row.v", "fineq_shifted_3x5_nt_p2_acc.v",
                "fineq_shifted_3x5_nt_p2_array.v", "fineq_shifted_3x5_nt_p2_core.v", "fineq.f", "synth.ys", "synth.tcl", "dc_synth.tcl", "constraints.sdc", "fineq_shifted_3x5.core");
        JsonNode p = m.get("parameters");
        assertThat(p.get("rows").asInt()).isEqualTo(3);
        assertThat(p.get("cols").asInt()).isEqualTo(5);
        assertThat(p.get("termination").asBoolean()).isFalse();
        assertThat(p.get("adder_pipeline").asInt()).isEqualTo(2);
        // 3*5*128 = 1920 -> 11 bits + sign; D = ceil(log2 5) = 3; S = floor(2/2) = 1.
        assertThat(m.get("derived").get("acc_width").asInt()).isEqualTo(12);
        assertThat(m.get("derived").get("tree_depth").asInt()).isEqualTo(3);
        assertThat(m.get("derived").get("pipe_stages").asInt()).isEqualTo(1);
        assertThat(m.get("synthesis").get("clock_period_ns").asText()).isEqualTo("2.500");
    }

    @Test
    void filelistAndConstraintsFollowTheParameters() throws IOException {
        Path dir = cli(tmp.resolve("f"), "--array=2", "--clock-mhz=250").resolve("fineq_shifted_2x2");
        assertThat(Files.readAllLines(dir.resolve("fineq.f"))).containsExactly("fineq_shifted_2x2_clock_gate.v", "fineq_shifted_2x2_act_latch.v",
                "fineq_shifted_2x2_decoder.v", "fineq_shifted_2x2_temporal_encoder.v", "fineq_shifted_2x2_pe_row.v", "fineq_shifted_2x2_acc.v", "fineq_shifted_2x2_array.v", "fineq_shifted_2x2_core.v");
        assertThat(Files.readString(dir.resolve("constraints.sdc"))).contains("create_clock -name clk -period 4.000 [get_ports clk_i]");
        assertThat(Files.readString(dir.resolve("fineq_shifted_2x2.core"))).startsWith("CAPI=2:").contains("toplevel: fineq_shifted_2x2_core");
    }

    /**
     * What a Design Compiler user expects of dc_synth.tcl (DC itself is not available here): sources
     * and constraints read relative to the script, DC's placeholder target_library refused, no
     * obsolete uniquify, Verilog-legal names before the netlist is written, the prefixed top.
     */
    @Test
    void dcScriptIsRunnableFromAnyFolderAndWritesALegalNetlist() throws IOException {
        Path dir = cli(tmp.resolve("dc"), "--array=2").resolve("fineq_shifted_2x2");
        String dc = Files.readString(dir.resolve("dc_synth.tcl"));
        assertThat(dc).contains("set FINEQ_DIR [file dirname [file normalize [info script]]]")
                .contains("lappend FINEQ_PATHS [file join $FINEQ_DIR $f]")
                .contains("source [file join $FINEQ_DIR constraints.sdc]")
                .contains("your_library*").contains("set FINEQ_TOP fineq_shifted_2x2_core")
                .doesNotContainPattern("(?m)^uniquify");
        assertThat(dc.indexOf("change_names -rules verilog -hierarchy")).isPositive()
                .isLessThan(dc.indexOf("write -format verilog"));
        String sdc = Files.readString(dir.resolve("constraints.sdc"));
        assertThat(sdc).contains("set_input_delay  -clock clk -min").contains("set_output_delay -clock clk -min")
                .contains("set_driving_cell -lib_cell $FINEQ_DRIVING_CELL").contains("set_load $FINEQ_OUTPUT_LOAD");
    }
}
