package io.fineq.chisel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.ModuleSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link FineqCoreBlackBox} inside a small Chisel design ({@code CoreHarness}): it elaborates, its
 * ports connect to the Velocity {@code fineq_core} without a missing pin or width mismatch, and the
 * design built on it is formally equivalent to the same design built on the native Chisel core.
 */
class FineqCoreBlackBoxTest {

    private static final FineqConfig CFG = new FineqConfig(2, 3, 6, true, 0);

    @Test
    void elaboratesAsAnInstanceOfTheVelocityModule() {
        SortedMap<String, String> out = CoreHarness.verilog(CFG, true);
        // A black box has no body: the harness is the only module (firtool's extern_modules.sv, which only
        // names the black box in a comment, is not part of the output).
        assertThat(out.keySet()).containsExactly("core_harness");
        String v = out.get("core_harness");
        assertThat(v).contains("fineq_core u_core (");
        for (String port : List.of("clk_i", "rst_ni", "act_valid_i", "act_ready_o", "act_data_i", "w_valid_i",
                "w_ready_o", "w_data_i", "w_last_i", "res_valid_o", "res_ready_i", "res_data_o")) {
            assertThat(v).contains("." + port + " ");
        }
        // Harness ports carry the widths of FineqConfig: 3 columns x 6 bits, 3 x 56, 2 rows x ACC_W.
        assertThat(v).contains("[" + (3 * 6 - 1) + ":0]").contains("[" + (3 * 56 - 1) + ":0]")
                .contains("[" + (2 * CFG.accWidth() - 1) + ":0]");
    }

    @Test
    void portsMatchTheVelocityCoreUnderVerilatorLint() throws Exception {
        ExternalTools.require("verilator");
        Path dir = Files.createTempDirectory(ModuleSets.root(), "blackbox-lint");
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", "core_harness"));
        cmd.add(Files.writeString(dir.resolve("core_harness.v"), CoreHarness.verilog(CFG, true).get("core_harness"))
                .toString());
        ModuleSets.velocity(CFG).forEach(p -> cmd.add(p.toString()));
        Path log = dir.resolve("lint.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void designOnTheBlackBoxIsEquivalentToDesignOnTheChiselCore() throws Exception {
        ExternalTools.require("yosys");
        Path dir = Files.createTempDirectory(ModuleSets.root(), "blackbox-equiv");
        Path gold = Files.createDirectories(dir.resolve("native"));
        List<Path> goldFiles = new ArrayList<>();
        for (var e : CoreHarness.verilog(CFG, false).entrySet()) {
            goldFiles.add(Files.writeString(gold.resolve(e.getKey() + ".v"), e.getValue()));
        }
        List<Path> gateFiles = new ArrayList<>(ModuleSets.velocity(CFG));
        gateFiles.add(Files.writeString(dir.resolve("core_harness_bb.v"), CoreHarness.verilog(CFG, true).get("core_harness")));

        YosysEquivalence.Result r = YosysEquivalence.prove(
                new YosysEquivalence.Design(goldFiles, List.of()),
                new YosysEquivalence.Design(gateFiles, VelocityInstanceNames.renames(CFG, true)),
                "core_harness", dir);
        assertThat(r.proven()).as("%d $equiv cells, %d unproven%n%s", r.equivCells(), r.unprovenCells(), r.tail())
                .isTrue();
    }

    @Test
    void attachesTheGeneratedVerilogWhenGivenItsFolder() throws Exception {
        Path dir = ModuleSets.velocity(CFG).get(0).getParent();
        SortedMap<String, String> out = CoreHarness.verilogWithFiles(CFG, dir);
        assertThat(out.keySet()).contains("core_harness").containsAll(ModuleSet.MODULES);
        assertThat(out.get("fineq_core")).isEqualTo(Files.readString(dir.resolve("fineq_core.v")));
    }
}
