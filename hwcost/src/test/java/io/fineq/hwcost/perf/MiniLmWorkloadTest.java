package io.fineq.hwcost.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.format.FqwImage;
import io.fineq.golden.CoreParams;
import io.fineq.golden.GoldenJob;
import io.fineq.model.MiniLm;
import io.fineq.quant.DecodedImage;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.rtl.FineqConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The performance model on the real MiniLM weights: the 36 layers with their real shapes, the
 * vector statistics against a count through the quantizer's decoder, and one real layer's cycles
 * against the golden model's job run.
 */
class MiniLmWorkloadTest {

    @Test
    void realLayersHaveTheirShapesAndTheirCyclesAreTheGoldenModels() throws Exception {
        List<LlamaWorkload.Layer> layers = MiniLmWorkload.build(64, null);
        assertThat(layers).hasSize(36);
        assertThat(layers.get(0).shape()).isEqualTo(new LayerShape("l0.query", 384, 384));
        assertThat(layers.get(4).shape()).isEqualTo(new LayerShape("l0.ffn_up", 1536, 384));
        assertThat(layers.get(35).shape()).isEqualTo(new LayerShape("l5.ffn_down", 384, 1536));

        // Layer 5's FFN down projection (the outlier-heavy one): L counted through the decoder.
        FqwImage image = new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(MiniLm.bundledOnnx().tensor("/encoder/layer.5/output/dense/MatMul")).image();
        DecodedImage dec = new DecodedImage(image);
        long sumL = 0;
        for (int kt = 0; kt < 1536 / 64; kt++) {
            for (int row = 0; row < 384; row++) {
                int max = 0;
                for (int c = 0; c < 64; c++) max = Math.max(max, Math.abs(dec.q(row, kt * 64 + c)));
                sumL += Math.max(1, max);
            }
        }
        VectorStats stats = layers.get(35).stats();
        assertThat(stats.sumL()).isEqualTo(sumL);

        int n = 70; // two token tiles
        int[][] x = new int[n][1536];
        for (int t = 0; t < n; t++) for (int k = 0; k < 1536; k++) x[t][k] = ((t * 31 + k * 17) % 255) - 127;
        long golden = GoldenJob.run(image, x, CoreParams.defaults()).cycles();
        FineqConfig cfg = new FineqConfig(64, 64, 8, true, 0);
        assertThat(new PerfModel(cfg, 400).run(layers.get(35).shape(), stats, n).fineqCycles()).isEqualTo(golden);

        String cmp = MiniLmWorkload.lengthComparison(layers, 64, 1);
        assertThat(cmp).contains("ffn_down", "384x1536", "real L", "synth L");
        System.out.print(cmp);
    }
}
