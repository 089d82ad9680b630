package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Smoke test of the whole generated core under Verilator (the full RTL-vs-golden-model
 * regression lives in testbench/): random valid blocks and activations through the three
 * streams, every result row against a plain sum of products computed in the harness, with and
 * without result back-pressure, and the cycle formula of docs/microarchitecture.md section 4.
 */
class CoreStreamSimulationTest {

    @TempDir
    Path work;

    private static final Pattern SUMMARY =
            Pattern.compile("results (\\d+)/(\\d+) errors (\\d+) cycles (-?\\d+) expected_cycles (\\d+)");

    @ParameterizedTest(name = "{0}x{1} termination={2} adder-pipeline={3}")
    @CsvSource({"3, 5, true, 1", "4, 3, false, 0"})
    void resultsAndCyclesMatchTheReference(int rows, int cols, boolean termination, int pipe) throws IOException {
        FineqConfig cfg = new FineqConfig(rows, cols, 8, termination, pipe);
        Path rtl = Generated.into(work, cfg);
        Path tb = work.resolve("core_tb.cpp");
        try (InputStream in = getClass().getResourceAsStream("/core_tb/core_tb.cpp")) {
            Files.copy(in, tb);
        }
        String defines = "-DFQ_R=" + rows + " -DFQ_C=" + cols + " -DFQ_ACT_W=" + cfg.actWidth() + " -DFQ_ACC_W=" + cfg.accWidth();
        ExternalTool.Result build = ExternalTool.run(rtl, 900, List.of("verilator", "--cc", "--exe", "--build", "-j", "2",
                "-Wall", "-F", "fineq.f", "--top-module", ModuleSet.TOP, "-CFLAGS", defines,
                "-Mdir", "obj_dir", tb.toString(), "-o", "core_tb"));
        assertThat(build.exitCode()).as(build.output()).isZero();
        String binary = rtl.resolve("obj_dir/core_tb").toString();
        String term = termination ? "1" : "0";
        for (int seed = 1; seed <= 4; seed++) {
            for (String readyMode : List.of("0", "1")) {
                ExternalTool.Result r = ExternalTool.run(rtl, 120,
                        List.of(binary, Integer.toString(seed), "3", readyMode, term, Integer.toString(cfg.pipeStages())));
                assertThat(r.exitCode()).as(r.output()).isZero();
                Matcher m = SUMMARY.matcher(r.output());
                assertThat(m.find()).as(r.output()).isTrue();
                assertThat(m.group(1)).as(r.output()).isEqualTo(m.group(2));
                assertThat(m.group(3)).as(r.output()).isEqualTo("0");
                if (readyMode.equals("0")) {
                    assertThat(m.group(4)).as("cycle count, seed " + seed).isEqualTo(m.group(5));
                }
            }
        }
    }
}
