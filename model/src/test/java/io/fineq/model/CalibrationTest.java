package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.quant.CalibratedQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.SecondMoment;
import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Calibration on the real model: the second moments are those of the activations the layers
 * really receive, layer 0 of the sequential calibration sees exactly the FP32 activations, and
 * bias correction keeps a layer's mean output on the calibration tokens.
 */
class CalibrationTest {
    private static final String QUERY0 = "/encoder/layer.0/attention/self/query/MatMul";

    @Test
    void secondMomentsSequentialLayerZeroAndBiasCorrection() throws Exception {
        OnnxFile onnx = MiniLm.bundledOnnx();
        List<String> cal = TextCorpus.calibration(TextCorpus.paragraphs(Path.of(System.getProperty("fineq.root", ".."), "docs"))).subList(0, 3);
        List<long[]> seqs;
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            seqs = cal.stream().map(tok::ids).toList();
        }
        // The activations reaching layer 0's query, recorded independently of Calibration.
        float[][] x = MatrixReport.capture(onnx, seqs).get(QUERY0);
        MiniLm.Linears fp32 = MiniLm.fp32();

        Map<String, SecondMoment> h = Calibration.secondMoments(onnx, seqs);
        assertThat(h).hasSize(36);
        SecondMoment hq = h.get(QUERY0);
        assertThat(hq.tokens()).isEqualTo(x.length);
        assertThat(h.get("/encoder/layer.0/attention/self/key/MatMul")).as("key shares the query's input").isSameAs(hq);
        for (int[] ij : new int[][] {{0, 0}, {5, 300}, {383, 17}}) {
            double s = 0;
            for (float[] xt : x) s += (double) xt[ij[0]] * xt[ij[1]];
            assertThat(hq.get(ij[0], ij[1])).isCloseTo(s, Offset.offset(1e-4 * Math.max(1, Math.abs(s))));
        }

        // Layer 0 is calibrated on the FP32 activations in both ways.
        CalibratedQuantizer gptq = CalibratedModels.quantizer(CalibratedQuantizer.Mode.GPTQ);
        Map<String, Calibration.Layer> seq = Calibration.sequential(onnx, seqs, gptq::quantize, true);
        assertThat(seq).hasSize(36);
        Tensor2D w = onnx.tensor(QUERY0);
        QuantizedTensor direct = gptq.quantize(w, hq);
        assertThat(seq.get(QUERY0).tensor().image().toBytes()).isEqualTo(direct.image().toBytes());

        // Bias correction: mean over the calibration tokens of W x + b equals that of W' x + b'.
        float[] bias = onnx.floats("encoder.layer.0.attention.self.query.bias");
        float[] corrected = seq.get(QUERY0).bias();
        float[][] y = fp32.of(QUERY0, w, bias).apply(x);
        float[][] yq = Calibration.dequantized(seq.get(QUERY0).tensor(), corrected).apply(x);
        float[][] yqRaw = Calibration.dequantized(seq.get(QUERY0).tensor(), bias).apply(x);
        double gapCorrected = 0, gapRaw = 0;
        for (int m = 0; m < 384; m++) {
            double a = 0, b = 0, c = 0;
            for (int t = 0; t < x.length; t++) {
                a += y[t][m];
                b += yq[t][m];
                c += yqRaw[t][m];
            }
            gapCorrected = Math.max(gapCorrected, Math.abs(a - b) / x.length);
            gapRaw = Math.max(gapRaw, Math.abs(a - c) / x.length);
        }
        assertThat(gapCorrected).isLessThan(1e-4);
        assertThat(gapRaw).isGreaterThan(100 * gapCorrected);
    }
}
