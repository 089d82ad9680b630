package io.fineq.chisel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.SimulationView;
import io.fineq.rtl.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulation view (docs/microarchitecture.md, "Simulation view") is proven equivalent to the
 * synthesised modules with Yosys, module by module: fineq_decoder has no parameters (proven in
 * every configuration all the same); fineq_pe_row and fineq_acc depend on the
 * column count C, ACT_W and P only, so every C from 1 to 17 and 32, 33, 64 at ACT_W = 8 covers
 * every configuration the Verilator regressions run (testbench: 1x1 .. 16x16, 7x5, 2x3 and 64x64;
 * P = 1 keeps the synthesised fineq_acc), and other widths exercise the chunking rules (ACT_W = 2
 * and 3: lanes limit the chunk; 16: four leaves per word). Negative controls show that the
 * same proof rejects a view whose tree differs in one lane and a decoder view that reads one
 * weight from the wrong position.
 */
class SimulationViewEquivalenceTest {

    @BeforeAll
    static void tools() {
        ExternalTools.require("yosys");
    }

    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        for (int c = 1; c <= 17; c++) out.add(Arguments.of(new FineqConfig(1, c, 8, true, 0)));
        for (int c : new int[] {32, 33, 64}) out.add(Arguments.of(new FineqConfig(1, c, 8, true, 0)));
        out.add(Arguments.of(new FineqConfig(1, 8, 8, true, 1)));
        out.add(Arguments.of(new FineqConfig(1, 12, 2, true, 0)));
        out.add(Arguments.of(new FineqConfig(1, 9, 3, true, 0)));
        out.add(Arguments.of(new FineqConfig(1, 33, 4, true, 0)));
        out.add(Arguments.of(new FineqConfig(1, 16, 16, false, 0)));
        // The shifted coding's tree view (LEAF_W = ACT_W + 1 lanes; C = 5 and 17 have a tree as wide as ACC_W).
        for (int c : new int[] {1, 2, 5, 8, 9, 17, 33, 64})
            out.add(Arguments.of(new FineqConfig(1, c, 8, true, 0, io.fineq.rtl.CoreKind.FINEQ_SHIFTED)));
        out.add(Arguments.of(new FineqConfig(1, 12, 2, true, 0, io.fineq.rtl.CoreKind.FINEQ_SHIFTED)));
        out.add(Arguments.of(new FineqConfig(1, 16, 16, false, 0, io.fineq.rtl.CoreKind.FINEQ_SHIFTED)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void viewModulesAreEquivalentToTheSynthesisedOnes(FineqConfig cfg) throws Exception {
        for (GeneratedFile view : SimulationView.render(cfg, new TemplateRenderer())) {
            String module = view.name().replace(".v", "");
            YosysEquivalence.Result r = prove(cfg, module, new String(view.content(), StandardCharsets.UTF_8));
            assertThat(r.proven()).as("%s of %s: %d $equiv cells, %d unproven%n%s", module, cfg, r.equivCells(),
                    r.unprovenCells(), r.tail()).isTrue();
        }
    }

    @Test
    void aViewWithOneWrongLaneIsRejected() throws Exception {
        // Step 2 of chunk 1 shifted by one lane too many: nodes of that chunk pair the wrong leaves.
        assertBrokenViewRejected(new FineqConfig(1, 16, 8, true, 0), "fineq_acc",
                "c1_s1 + (c1_s1 >> 16)", "c1_s1 + (c1_s1 >> 32)");
    }

    @Test
    void aDecoderViewWithTheWrongSecondPositionIsRejected() throws Exception {
        // Code 11 (zero at position 2) keeps positions 0 and 1; the broken view puts F[5:3] at 2 always.
        assertBrokenViewRejected(new FineqConfig(1, 2, 8, true, 0), "fineq_decoder",
                "((zero == 2'd2) ? 2'd1 : 2'd2)", "2'd2");
    }

    /** The view of {@code module} with {@code from} replaced by {@code to} must not be proven. */
    private static void assertBrokenViewRejected(FineqConfig cfg, String module, String from, String to) throws Exception {
        GeneratedFile view = SimulationView.render(cfg, new TemplateRenderer()).stream()
                .filter(f -> f.name().equals(module + ".v")).findFirst().orElseThrow();
        String text = new String(view.content(), StandardCharsets.UTF_8);
        String broken = text.replace(from, to);
        assertThat(broken).isNotEqualTo(text);
        YosysEquivalence.Result r = prove(cfg, module, broken);
        assertThat(r.proven()).as("a wrong %s view must not be proven", module).isFalse();
    }

    private static YosysEquivalence.Result prove(FineqConfig cfg, String module, String viewText) throws Exception {
        List<Path> gold = ModuleSets.velocity(cfg);
        Path work = Files.createDirectories(ModuleSets.root().resolve("simview-" + module + "-" + cfg.name() + "-a" + cfg.actWidth()
                + "-p" + cfg.adderPipeline() + "-" + System.nanoTime()));
        Path view = Files.writeString(work.resolve(module + ".v"), viewText, StandardCharsets.UTF_8);
        List<Path> gate = new ArrayList<>();
        for (Path p : gold) gate.add(p.getFileName().toString().equals(module + ".v") ? view : p);
        return YosysEquivalence.prove(new YosysEquivalence.Design(gold, List.of()), new YosysEquivalence.Design(gate, List.of()), module, work);
    }
}
