package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code verilator --lint-only -Wall} on the whole core: no warning at all (the RTL has no waivers). */
class RtlLintTest {

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}x{1} termination={2} adder-pipeline={3}")
    @CsvSource({
        "1, 1, true, 0",
        "1, 1, false, 1",
        "3, 5, true, 0",
        "3, 5, false, 2",
        "8, 8, true, 0",
        "8, 8, false, 1",
        "8, 8, true, 2",
        "24, 7, true, 0",
        "24, 7, false, 1",
        "64, 64, true, 0",
        "64, 64, false, 3",
    })
    void lintClean(int rows, int cols, boolean termination, int pipe) {
        Path dir = Generated.into(out, new FineqConfig(rows, cols, 8, termination, pipe));
        assertLintClean(dir, ModuleSet.TOP);
    }

    /** The simulation view (the files Verilator simulates in the regressions) is -Wall clean too. */
    @ParameterizedTest(name = "{4} {0}x{1} act-width={2} adder-pipeline={3}")
    @CsvSource({"1, 1, 8, 0, fineq", "7, 5, 8, 0, fineq", "8, 8, 8, 1, fineq", "64, 64, 8, 0, fineq", "3, 12, 2, 0, fineq", "2, 16, 16, 0, fineq",
            "1, 1, 8, 0, fineq-shifted", "7, 5, 8, 0, fineq-shifted", "64, 64, 8, 0, fineq-shifted", "3, 12, 2, 0, fineq-shifted", "2, 16, 16, 0, fineq-shifted"})
    void simulationViewLintsClean(int rows, int cols, int actW, int pipe, String core) throws java.io.IOException {
        FineqConfig cfg = new FineqConfig(rows, cols, actW, true, pipe, CoreKind.byWord("core", core));
        Path dir = Generated.into(out, cfg);
        List<GeneratedFile> views = SimulationView.render(cfg, new TemplateRenderer());
        assertThat(views).isNotEmpty();
        for (GeneratedFile view : views) java.nio.file.Files.write(dir.resolve(view.name()), view.content());
        assertLintClean(dir, ModuleSet.TOP);
    }

    @ParameterizedTest(name = "{0}x{1} act-width={2}")
    @CsvSource({"2, 3, 2", "5, 2, 16"})
    void lintCleanAtTheActivationWidthLimits(int rows, int cols, int actW) {
        Path dir = Generated.into(out, new FineqConfig(rows, cols, actW, true, 1));
        assertLintClean(dir, ModuleSet.TOP);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fineq_clock_gate", "fineq_act_latch", "fineq_decoder", "fineq_temporal_encoder", "fineq_pe_row",
            "fineq_acc", "fineq_array"})
    void everyModuleLintsAsItsOwnTop(String module) {
        Path dir = Generated.into(out, new FineqConfig(4, 6, 8, true, 1));
        assertLintClean(dir, module);
    }

    /** The shifted coding ({@code --core fineq-shifted}): tree as wide as ACC_W (C = 5), C = 1, termination off, pipelined trees, ACT_W limits. */
    @ParameterizedTest(name = "fineq-shifted {0}x{1} act-width={2} adder-pipeline={3} termination={4}")
    @CsvSource({
        "1, 1, 8, 0, true", "4, 5, 8, 0, true", "4, 5, 8, 0, false", "3, 8, 8, 1, true", "8, 8, 2, 2, true",
        "2, 16, 16, 0, true", "5, 17, 8, 2, false", "64, 64, 8, 0, true", "64, 64, 8, 3, true"})
    void shiftedCodingLintsClean(int rows, int cols, int actW, int pipe, boolean termination) {
        Path dir = Generated.into(out, new FineqConfig(rows, cols, actW, termination, pipe, CoreKind.FINEQ_SHIFTED));
        assertLintClean(dir, ModuleSet.top(CoreKind.FINEQ_SHIFTED));
    }

    /** The MAC baselines ({@code --core mac-tree|mac-systolic}) at the corners: widths with and without sign extension, pipelined trees, ACT_W limits. */
    @ParameterizedTest(name = "{0} {1}x{2} act-width={3} adder-pipeline={4}")
    @CsvSource({
        "mac-tree, 1, 1, 8, 0", "mac-tree, 3, 5, 8, 0", "mac-tree, 4, 7, 8, 1", "mac-tree, 8, 8, 2, 2",
        "mac-tree, 2, 16, 16, 0", "mac-tree, 64, 64, 8, 0", "mac-tree, 64, 64, 8, 3",
        "mac-systolic, 1, 1, 8, 0", "mac-systolic, 2, 2, 8, 0", "mac-systolic, 3, 5, 8, 0", "mac-systolic, 8, 8, 4, 0",
        "mac-systolic, 64, 64, 8, 0"})
    void macBaselinesLintClean(String core, int rows, int cols, int actW, int pipe) {
        CoreKind kind = CoreKind.byWord("core", core);
        Path dir = Generated.into(out, new FineqConfig(rows, cols, actW, true, pipe, kind));
        assertLintClean(dir, ModuleSet.top(kind));
    }

    /** {@code verilator --lint-only -Wall} of the folder's filelist with {@code top}: exit 0, no warning, no error. */
    private static void assertLintClean(Path dir, String top) {
        ExternalTool.Result r = ExternalTool.run(dir, 600,
                List.of("verilator", "--lint-only", "-Wall", "-F", "fineq.f", "--top-module", top));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as("Verilator output").doesNotContain("%Warning").doesNotContain("%Error");
    }
}
