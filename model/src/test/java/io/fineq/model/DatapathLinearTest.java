package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real layer on real activations: the integers of the datapath linear are the golden model's,
 * tile by tile and bit-time by bit-time (GoldenJob), and the rescaled result stays close to the
 * FineQ-dequantized FP32 layer (the only difference is the 8-bit activation rounding).
 */
class DatapathLinearTest {

    @Test
    void layerZeroQueryOnRealTokensIsBitExactWithTheGoldenModel() throws Exception {
        OnnxFile onnx = MiniLm.bundledOnnx();
        String node = "/encoder/layer.0/attention/self/query/MatMul";
        Map<String, float[][]> inputs = new HashMap<>();
        MiniLm.Linears fp32 = MiniLm.fp32();
        MiniLm recorder = new MiniLm(onnx, (name, w, b) -> {
            MiniLm.Linear l = fp32.of(name, w, b);
            return x -> {
                inputs.putIfAbsent(name, x);
                return l.apply(x);
            };
        });
        long[] ids;
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            ids = tok.ids("Each column's decoder reads every C-th block of the weight stream, and the encoders turn weights into bit-times.");
        }
        recorder.hidden(ids);
        float[][] x = inputs.get(node);
        assertThat(x.length).isEqualTo(ids.length);

        Tensor2D w = onnx.tensor(node);
        float[] bias = onnx.floats("encoder.layer.0.attention.self.query.bias");
        DatapathLinear golden = new DatapathLinear(w, bias, true);
        DatapathLinear fast = new DatapathLinear(w, bias, false);
        double[] a = new double[x.length];
        int[][] xq = golden.quantizeActivations(x, a);
        long[][] yGolden = golden.integers(xq);
        assertThat(fast.integers(xq)).isDeepEqualTo(yGolden);

        // Against the dequantized FineQ layer in FP32: relative error of the 8-bit activations only.
        MiniLm.Linear dequant = ModelEval.approximated("fineq", (wt, k) -> new io.fineq.report.FineqMethod(
                new io.fineq.quant.FineqQuantizer(io.fineq.quant.QuantizerOptions.defaults(64)).quantize(wt))).linears().of(node, w, bias);
        float[][] yInt = golden.apply(x);
        float[][] yRef = dequant.apply(x);
        double err = 0, ref = 0;
        for (int t = 0; t < x.length; t++) {
            for (int m = 0; m < yRef[t].length; m++) {
                err += Math.pow(yInt[t][m] - yRef[t][m], 2);
                ref += Math.pow(yRef[t][m] - bias[m], 2);
            }
        }
        assertThat(Math.sqrt(err / ref)).as("relative error of 8-bit activations").isLessThan(0.02);
    }
}
