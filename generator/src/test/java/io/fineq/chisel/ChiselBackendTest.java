package io.fineq.chisel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.GeneratorCli;
import io.fineq.rtl.ModuleSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chisel back end as a user meets it: the Java entry point, the CLI, the output folder and its tool compatibility. */
class ChiselBackendTest {

    private static final FineqConfig ODD = new FineqConfig(3, 5, 8, true, 1);

    @TempDir
    Path tmp;

    @Test
    void firtoolComesFromTheClasspathJarInTheVersionChiselWasBuiltFor() throws Exception {
        Path firtool = FirtoolLocator.firtool();
        assertThat(Files.isExecutable(firtool)).isTrue();
        Process p = new ProcessBuilder(firtool.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("CIRCT firtool-" + chisel3.BuildInfo.firtoolVersion().get());
    }

    @Test
    void emitWritesTheModuleSetAndTheSharedFlowFiles() throws Exception {
        Path out = tmp.resolve("fineq_3x5_chisel");
        List<GeneratedFile> files = ChiselBackend.emit(ODD, out);

        List<String> expected = new ArrayList<>(ModuleSet.verilogFiles());
        expected.addAll(List.of("fineq.f", "synth.ys", "synth.tcl", "constraints.sdc", "dc_synth.tcl", "fineq_3x5.core", "manifest.json"));
        assertThat(files).extracting(GeneratedFile::name).containsExactlyInAnyOrderElementsOf(expected);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(expected);
        }
        for (String module : ModuleSet.MODULES) {
            String text = Files.readString(out.resolve(module + ".v"));
            // firtool writes "module m(", the primitives (taken verbatim from the templates) "module m (" or,
            // with a parameter, "module m #(".
            String head = ModuleSet.PRIMITIVES.contains(module) ? "module " + module + " " : "module " + module + "(";
            assertThat(text).contains("FineQ Chisel back end").contains(head).contains("endmodule");
        }
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"backend\"").contains("\"chisel\"");
        // The core's ports are those of docs/microarchitecture.md, widths from FineqConfig.
        assertThat(Files.readString(out.resolve("fineq_core.v")))
                .contains("input  [" + (ODD.actBeatWidth() - 1) + ":0]  act_data_i")
                .contains("input  [" + (ODD.weightBeatWidth() - 1) + ":0] w_data_i")
                .contains("output [" + (ODD.resultBeatWidth() - 1) + ":0]  res_data_o");
    }

    @Test
    void outputIsByteIdenticalAcrossRuns() throws Exception {
        Path root = tmp;
        FineqConfig cfg = new FineqConfig(2, 3, 4, false, 0);
        ChiselBackend.emit(cfg, root.resolve("a"));
        ChiselBackend.emit(cfg, root.resolve("b"));
        try (Stream<Path> s = Files.list(root.resolve("a"))) {
            for (Path a : s.toList()) {
                assertThat(Files.readAllBytes(root.resolve("b").resolve(a.getFileName()))).as(a.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(a));
            }
        }
    }

    @Test
    void cliBackendChiselWritesItsOwnFolder() throws Exception {
        Path root = tmp;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GeneratorCli.run(new String[] {"--array=2", "--backend=chisel", "--out=" + root},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(root.resolve("fineq_shifted_2x2_chisel/fineq_shifted_2x2_chisel_core.v")).exists();
        assertThat(Files.readString(root.resolve("fineq_shifted_2x2_chisel/fineq_shifted_2x2.core"))).contains("name: fineq:rtl:fineq_shifted_2x2_chisel:0.1.0");
        assertThat(root.resolve("fineq_2x2")).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("chisel back end");
    }

    @Test
    void cliNamesBothBackEndsForAnUnknownOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GeneratorCli.run(new String[] {"--backend=verilog", "--out=" + tmp},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(GeneratorCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: --backend: 'verilog' is not one of velocity, chisel" + System.lineSeparator());
    }

    @Test
    void outputIsPlainVerilogThatVerilatorLintsCleanAndYosysSynthesises() throws Exception {
        ExternalTools.require("verilator");
        ExternalTools.require("yosys");
        Path dir = tmp.resolve(ODD.name() + "_chisel");
        ChiselBackend.emit(ODD, dir);
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--default-language", "1364-2005",
                "--top-module", ModuleSet.TOP));
        ModuleSet.verilogFiles().forEach(f -> lint.add(dir.resolve(f).toString()));
        assertThat(run(lint, dir)).isZero();
        // The shared synth.ys reads the files without -sv: Verilog-2005 is all firtool may emit here.
        assertThat(run(List.of("yosys", "-q", "-s", "synth.ys"), dir)).isZero();
    }

    private static int run(List<String> cmd, Path dir) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(cmd.toString()).isTrue();
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(log));
        }
        return p.exitValue();
    }
}
