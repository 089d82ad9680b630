package io.fineq.chisel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.rtl.FineqConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Chisel back end (gold) and the Velocity templates (gate) are proven equivalent with Yosys
 * for every module kind, module by module and as whole arrays and cores, over configurations that
 * exercise odd column counts (pass-through nodes), adder-tree pipelining, both termination modes
 * and other activation widths. Two negative controls show that the same flow rejects designs that
 * differ in cycle behaviour.
 */
class ChiselVelocityEquivalenceTest {

    @BeforeAll
    static void tools() {
        ExternalTools.require("yosys");
    }

    private static FineqConfig cfg(int rows, int cols, int actW, boolean termination, int pipe) {
        return new FineqConfig(rows, cols, actW, termination, pipe);
    }

    /** The shifted coding (docs/microarchitecture.md section 8). */
    private static FineqConfig shifted(int rows, int cols, int actW, boolean termination, int pipe) {
        return new FineqConfig(rows, cols, actW, termination, pipe, io.fineq.rtl.CoreKind.FINEQ_SHIFTED);
    }

    private static YosysEquivalence.Result prove(FineqConfig chiselCfg, FineqConfig velocityCfg, String top) throws Exception {
        boolean array = top.equals("fineq_array") || top.equals("fineq_core");
        List<String> renames = array ? VelocityInstanceNames.renames(velocityCfg, top.equals("fineq_core")) : List.of();
        Path work = Files.createDirectories(ModuleSets.root().resolve("proof-" + top + "-" + chiselCfg.name()
                + "-vs-" + velocityCfg.name() + "-" + System.nanoTime()));
        return YosysEquivalence.prove(
                new YosysEquivalence.Design(ModuleSets.chisel(chiselCfg), List.of()),
                new YosysEquivalence.Design(ModuleSets.velocity(velocityCfg), renames),
                top, work);
    }

    private static void assertProven(FineqConfig cfg, String top) throws Exception {
        YosysEquivalence.Result r = prove(cfg, cfg, top);
        assertThat(r.proven()).as("%s of %s: %d $equiv cells, %d unproven%n%s", top, cfg, r.equivCells(),
                r.unprovenCells(), r.tail()).isTrue();
    }

    @Test
    void decoderIsEquivalent() throws Exception {
        // fineq_decoder has no parameters; every configuration renders the same module.
        assertProven(cfg(2, 2, 8, true, 0), "fineq_decoder");
    }

    @Test
    void temporalEncoderIsEquivalent() throws Exception {
        assertProven(cfg(2, 2, 8, true, 0), "fineq_temporal_encoder");
        assertProven(shifted(2, 2, 8, true, 0), "fineq_temporal_encoder");
    }

    static Stream<Arguments> accConfigs() {
        return Stream.of(
                Arguments.of(cfg(1, 1, 8, true, 0)),   // one column: the tree is a single leaf
                Arguments.of(cfg(1, 2, 8, true, 0)),
                Arguments.of(cfg(1, 5, 8, true, 1)),   // odd count: pass-through nodes, 2 pipeline stages
                Arguments.of(cfg(1, 8, 4, true, 2)),   // 4-bit activations, register after level 2
                Arguments.of(cfg(1, 7, 16, false, 1)),  // 16-bit activations
                Arguments.of(shifted(1, 1, 8, true, 0)),
                Arguments.of(shifted(1, 5, 8, true, 1)), // tree as wide as ACC_W
                Arguments.of(shifted(1, 8, 4, true, 2)),
                Arguments.of(shifted(1, 7, 16, false, 1)));
    }

    @ParameterizedTest
    @MethodSource("accConfigs")
    void peAndAccAreEquivalent(FineqConfig cfg) throws Exception {
        assertProven(cfg, "fineq_pe_row");
        assertProven(cfg, "fineq_acc");
    }

    static Stream<Arguments> arrayConfigs() {
        return Stream.of(
                Arguments.of(cfg(2, 2, 8, true, 0)),
                Arguments.of(cfg(4, 4, 8, true, 1)),
                Arguments.of(cfg(4, 4, 8, false, 0)),
                Arguments.of(cfg(3, 5, 4, true, 1)),
                Arguments.of(shifted(2, 2, 8, true, 0)),
                Arguments.of(shifted(4, 4, 8, false, 0)),
                Arguments.of(shifted(3, 5, 4, true, 1)));
    }

    @ParameterizedTest
    @MethodSource("arrayConfigs")
    void arraysAreEquivalent(FineqConfig cfg) throws Exception {
        assertProven(cfg, "fineq_array");
    }

    static Stream<Arguments> coreConfigs() {
        return Stream.of(
                Arguments.of(cfg(2, 2, 8, true, 0)),
                Arguments.of(cfg(3, 2, 4, false, 1)),
                Arguments.of(cfg(4, 4, 8, true, 1)),
                Arguments.of(shifted(3, 2, 4, false, 1)),
                Arguments.of(shifted(4, 4, 8, true, 1)));
    }

    @ParameterizedTest
    @MethodSource("coreConfigs")
    void coresAreEquivalent(FineqConfig cfg) throws Exception {
        assertProven(cfg, "fineq_core");
    }

    @Test
    void flowRejectsADifferentTerminationMode() throws Exception {
        // Early termination shortens vectors whose magnitudes are all <= 1: vec_done_o differs at t = 0.
        YosysEquivalence.Result r = prove(cfg(2, 2, 8, true, 0), cfg(2, 2, 8, false, 0), "fineq_array");
        assertThat(r.proven()).as("termination on vs off must not be provable%n%s", r.tail()).isFalse();
        assertThat(r.log()).contains("unproven $equiv cells in 'equiv_status -assert'");
    }

    @Test
    void flowRejectsTheOtherCoding() throws Exception {
        // The shifted coding ends a vector of 2s after one bit-time, the unary one after two.
        YosysEquivalence.Result r = prove(shifted(2, 2, 8, true, 0), cfg(2, 2, 8, true, 0), "fineq_array");
        assertThat(r.proven()).as("shifted vs unary must not be provable%n%s", r.tail()).isFalse();
    }

    @Test
    void flowRejectsADifferentPipelineDepth() throws Exception {
        // One adder-tree register stage more delays the results by one cycle.
        YosysEquivalence.Result r = prove(cfg(2, 4, 8, true, 1), cfg(2, 4, 8, true, 0), "fineq_array");
        assertThat(r.proven()).as("pipelined vs unpipelined must not be provable%n%s", r.tail()).isFalse();
        assertThat(r.log()).contains("unproven $equiv cells in 'equiv_status -assert'");
    }
}
