package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.golden.CoreParams;
import io.fineq.golden.GoldenJob;
import io.fineq.rtl.FineqConfig;
import io.fineq.tb.CoreRegression;
import io.fineq.tb.CoreVectors;
import io.fineq.tb.GoldenVectors;
import io.fineq.tb.Stalls;
import io.fineq.tb.StimulusFiles;
import io.fineq.tensor.OnnxFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RTL on real data: MiniLM layer 0's query projection (384 x 384, FineQ, C = 64) on 64 real
 * tokens (the layer's 8-bit activations for real sentences), simulated on the 64 x 64 core under
 * Verilator: bit-exact with the golden model, with the golden model's cycle count; the vectors are
 * exported for other simulators (model/target/minilm-layer0-query-vectors/).
 */
class RealLayerRtlTest {

    @Test
    void layerZeroQueryOnSixtyFourRealTokensRunsBitExactOnTheCore() throws Exception {
        OnnxFile onnx = MiniLm.bundledOnnx();
        String node = "/encoder/layer.0/attention/self/query/MatMul";
        List<String> text = TextCorpus.paragraphs(Path.of(System.getProperty("fineq.root", ".."), "docs"));
        List<long[]> seqs = new ArrayList<>();
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            for (int i = 0, tokens = 0; tokens < 64; i++) {
                seqs.add(tok.ids(text.get(i)));
                tokens += seqs.get(i).length;
            }
        }
        float[][] x = java.util.Arrays.copyOf(MatrixReport.capture(onnx, seqs).get(node), 64);
        DatapathLinear layer = new DatapathLinear(onnx.tensor(node), onnx.floats("encoder.layer.0.attention.self.query.bias"), true);
        int[][] xq = layer.quantizeActivations(x, new double[64]);

        FineqConfig cfg = new FineqConfig(64, 64, 8, true, 0);
        CoreVectors v = GoldenVectors.of(cfg, layer.image(), xq);
        assertThat(v.expectedCycles()).isEqualTo(GoldenJob.cycles(layer.image(), 64, CoreParams.defaults()));
        CoreRegression.Outcome o = new CoreRegression(cfg).check("minilm-layer0-query", v, Stalls.NONE);
        assertThat(o.differences()).as(o.report("minilm-layer0-query")).isEmpty();
        assertThat(o.run().cycles()).isEqualTo(v.expectedCycles());
        StimulusFiles.write(v, Path.of("target", "minilm-layer0-query-vectors"));
        System.out.printf("RealLayerRtlTest: MiniLM layer 0 query, 384x384 on 64 real tokens: %d result beats, %d cycles, RTL bit-exact%n",
                v.expected().size(), o.run().cycles());
    }
}
