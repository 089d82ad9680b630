package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated synth.ys runs clean on 8x8: latches only in the two latch primitives (clock-gate
 * enable, PE activation latches), nothing undriven, and the logic is really there.
 */
class YosysSynthTest {

    @TempDir
    Path out;

    @Test
    void synthesises8x8WithLatchesOnlyInThePrimitivesAndNothingUndriven() throws Exception {
        FineqConfig cfg = new FineqConfig(8, 8, 8, true, 0);
        Path dir = Generated.into(out, cfg);
        String script = Files.readString(dir.resolve("synth.ys"));
        assertThat(script).contains("synth -top fineq_core").contains("check -assert").contains("stat");

        String log = synthesiseClean(dir);
        assertThat(latchModules(log)).containsExactlyInAnyOrderElementsOf(ModuleSet.LATCH_PRIMITIVES);
        // Every CHECK pass (the two in synth.ys and synth's own) found nothing.
        Matcher problems = Pattern.compile("Found and reported (\\d+) problems").matcher(log);
        int checks = 0;
        while (problems.find()) {
            assertThat(Integer.parseInt(problems.group(1))).isZero();
            checks++;
        }
        assertThat(checks).isGreaterThanOrEqualTo(2);

        // Not optimised away: the PE activation latches (R*C*ACT_W), the two block buffers per decoder
        // (C*2*56) and the accumulators (R*ACC_W) survive in the hierarchy totals.
        String totals = log.substring(log.lastIndexOf("=== design hierarchy ==="));
        assertThat(count(totals, "\\$_DLATCH_P_\\s+(\\d+)")).isEqualTo(cfg.rows() * cfg.cols() * cfg.actWidth());
        // One enable latch (transparent low) per clock gate: one per PE row (the bank in
        // fineq_act_latch), and one each shared by all rows or columns: the accumulators, the
        // decoders' cur and nxt buffers, array stage 1 and the activation register.
        assertThat(count(totals, "\\$_DLATCH_N_\\s+(\\d+)")).isEqualTo(cfg.rows() + 5);
        int flops = count(totals, "\\$_(?:S?DFFE?|ADFFE?|DFF)[A-Z0-9_]*\\s+(\\d+)");
        assertThat(flops).isGreaterThanOrEqualTo(cfg.cols() * 2 * FineqConfig.BLOCK_BITS + cfg.rows() * cfg.accWidth());
    }

    /** synth.tcl and fineq.f (with Verilator's -F) work from any folder, e.g. the repository root. */
    @Test
    void scriptAndFilelistWorkFromAnotherFolder() throws Exception {
        Path dir = Generated.into(out, new FineqConfig(4, 4, 8, true, 0));
        Path elsewhere = java.nio.file.Files.createDirectories(out.resolve("elsewhere"));
        ExternalTool.Result y = ExternalTool.run(elsewhere, 600, List.of("yosys", "-q", "-l", "y.log", "-c", dir.resolve("synth.tcl").toString()));
        assertThat(y.exitCode()).as(tail(Files.readString(elsewhere.resolve("y.log")))).isZero();
        assertThat(Files.readString(elsewhere.resolve("y.log"))).contains("fineq_core");
        ExternalTool.Result v = ExternalTool.run(elsewhere, 600, List.of("verilator", "--lint-only", "-Wall", "--top-module", "fineq_core",
                "-F", dir.resolve("fineq.f").toString()));
        assertThat(v.exitCode()).isZero();
        // The same from inside the folder with the plain filelist and script (the other usual way).
        assertThat(ExternalTool.run(dir, 600, List.of("yosys", "-q", "-s", "synth.ys")).exitCode()).isZero();
    }

    /**
     * Negative control of the latch check: a latch inferred outside the primitives (here in
     * fineq_pe_row, feeding a leaf so that it survives optimisation) fails synth.ys and synth.tcl,
     * while the primitives' own latches, the parameterised row-gate bank included, pass.
     */
    @Test
    void aLatchOutsideThePrimitivesFailsBothScripts() throws Exception {
        Path dir = Generated.into(out, new FineqConfig(4, 4, 8, true, 0));
        Path peRow = dir.resolve("fineq_pe_row.v");
        String clean = Files.readString(peRow);
        String stray = clean.replace("  genvar c;", "  reg stray_q;\n  always @(x0_i or x1_i) if (x0_i[0]) stray_q = x1_i[0];\n  genvar c;")
                .replace("^ 8'h80;", "^ {7'd0, stray_q} ^ 8'h80;");
        assertThat(stray).contains("stray_q;").contains("{7'd0, stray_q}");
        Files.writeString(peRow, stray);
        ExternalTool.Result ys = ExternalTool.run(dir, 600, List.of("yosys", "-q", "-s", "synth.ys"));
        assertThat(ys.exitCode()).as(ys.output()).isNotZero();
        assertThat(ys.output()).contains("Assertion failed: selection is not empty");
        ExternalTool.Result tcl = ExternalTool.run(dir, 600, List.of("yosys", "-q", "-c", "synth.tcl"));
        assertThat(tcl.exitCode()).as(tcl.output()).isNotZero();
        assertThat(tcl.output()).contains("Assertion failed: selection is not empty");
    }

    /** Runs the folder's synth.ys; exit 0, no error, nothing undriven, no conflicting drivers; returns the log. */
    private static String synthesiseClean(Path dir) throws java.io.IOException {
        ExternalTool.Result r = ExternalTool.run(dir, 600, List.of("yosys", "-l", "yosys.log", "-s", "synth.ys"));
        String log = Files.readString(dir.resolve("yosys.log"), StandardCharsets.UTF_8);
        assertThat(r.exitCode()).as(tail(log)).isZero();
        assertThat(log).doesNotContain("ERROR").doesNotContain("has no driver").doesNotContain("multiple conflicting drivers");
        return log;
    }

    /** The modules Yosys inferred a latch in. */
    private static java.util.Set<String> latchModules(String log) {
        Matcher latch = Pattern.compile("Latch inferred for signal `\\\\([a-z_]+)\\.").matcher(log);
        java.util.Set<String> modules = new java.util.TreeSet<>();
        while (latch.find()) modules.add(latch.group(1));
        return modules;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    private static String tail(String log) {
        return log.length() < 4000 ? log : log.substring(log.length() - 4000);
    }

    /**
     * The shifted coding's and the MAC baselines' synth.ys run clean too: nothing undriven, latches only in the modules
     * {@link ModuleSet#latchModules} names, and their registers survive (the MAC tree's decoder
     * buffers, weight broadcast and result registers; the systolic array's partial sums).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"fineq-shifted", "mac-tree", "mac-systolic"})
    void otherCoresSynthesiseCleanly(String core) throws Exception {
        CoreKind kind = CoreKind.byWord("core", core);
        FineqConfig cfg = new FineqConfig(8, 8, 8, true, 0, kind);
        Path dir = Generated.into(out, cfg);
        assertThat(Files.readString(dir.resolve("synth.ys"))).contains("synth -top " + ModuleSet.top(kind));
        String log = synthesiseClean(dir);
        assertThat(ModuleSet.latchModules(kind)).containsAll(latchModules(log));
        String totals = log.substring(log.lastIndexOf("=== design hierarchy ==="));
        assertThat(count(totals, "\\$_DLATCH_P_\\s+(\\d+)")).isEqualTo(cfg.rows() * cfg.cols() * cfg.actWidth());
        int flops = count(totals, "\\$_(?:S?DFFE?|ADFFE?|DFF)[A-Z0-9_]*\\s+(\\d+)");
        int expected = switch (kind) {
            case MAC_TREE -> cfg.cols() * 2 * FineqConfig.BLOCK_BITS + 3 * cfg.cols() + cfg.rows() * cfg.accWidth();
            // Decoder buffers, the three broadcast bits of every column, the accumulators.
            case FINEQ_SHIFTED -> cfg.cols() * 2 * FineqConfig.BLOCK_BITS + 3 * cfg.cols() + cfg.rows() * cfg.accWidth();
            default -> cfg.rows() * (cfg.actWidth() + 2);  // at least column 0's partial sums
        };
        assertThat(flops).isGreaterThanOrEqualTo(expected);
    }
}
