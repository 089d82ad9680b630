package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.tb.AccelSimulator;
import io.fineq.tb.VerilatorBuild;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of {@code fineq accel-minilm}: one Europarl paragraph through MiniLM with all
 * 36 linear layers on the simulated 64 x 64 accelerator (512-bit AXI4, random latency and
 * back-pressure on every channel). The embedding must equal, bit for bit, the same pipeline with
 * the integers from the Java product, and every job must be one of MiniLM's three layer shapes.
 */
class AccelMiniLmTest {

    @Test
    void allThirtySixLayersOnTheSimulatedAcceleratorAreBitIdenticalToTheJavaDatapath(@TempDir Path work) throws Exception {
        AccelConfig cfg = AccelConfig.defaults(FineqConfig.defaults().withCore(CoreKind.FINEQ_SHIFTED));
        AccelRunner runner = new AccelRunner(cfg, new VerilatorBuild(), AccelSimulator.Memory.stressed(3), work);
        List<String> text = List.of(EuroparlCorpus.split().evaluation().get(0));
        AccelMiniLm.Result r;
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            r = AccelMiniLm.run(MiniLm.bundledOnnx(), tok, text, runner, System.out);
        }
        assertThat(r.jobs()).hasSize(36);
        assertThat(r.jobs()).allSatisfy(j -> assertThat(List.of(List.of(384, 384), List.of(1536, 384), List.of(384, 1536)))
                .contains(List.of(j.outputs(), j.inputs())));
        assertThat(r.allBitIdentical()).as("RTL embedding == Java integer datapath embedding").isTrue();
        // FineQ's default (uncalibrated) images on the integer datapath: docs/model.md's fineq-int8-datapath row.
        assertThat(r.meanCosine()).isBetween(0.2, 0.99);
        System.out.print(AccelMiniLmCommand.table(cfg, r));
    }
}
