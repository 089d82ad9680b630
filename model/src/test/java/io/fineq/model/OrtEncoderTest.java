package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.report.RtnAsymmetric;
import io.fineq.tensor.OnnxFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime with overridden layers computes what the Java forward pass computes for the same
 * weights: FP32, and weights replaced by RTN 3-bit with changed biases (so a wrong initializer name,
 * a transposed weight or a bias left at its original value shows up), on real Europarl text.
 */
class OrtEncoderTest {

    @Test
    void onnxRuntimeWithReplacedLayersEqualsTheJavaForwardPass() throws Exception {
        OnnxFile onnx = MiniLm.bundledOnnx();
        List<String> texts = EuroparlCorpus.split().evaluation().subList(0, 4);
        ModelEval.Method fp32 = ModelEval.methods(null).get(0);
        ModelEval.Method rtn3 = ModelEval.approximated("rtn3-asym-row", (w, k) -> new RtnAsymmetric(3, k));
        // The same RTN weights with every bias shifted by 0.05.
        ModelEval.Method shifted = ModelEval.Method.ofDense("rtn3-bias", 3, (layer, w, bias) -> {
            OrtEncoder.Dense d = rtn3.dense().of(layer, w, bias);
            float[] b = d.bias().clone();
            for (int i = 0; i < b.length; i++) b[i] += 0.05f;
            return new OrtEncoder.Dense(d.weights(), b);
        });
        assertThat(OrtEncoder.biasName("/encoder/layer.3/attention/output/dense/MatMul")).isEqualTo("encoder.layer.3.attention.output.dense.bias");
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            float[][] previous = null;
            for (ModelEval.Method m : List.of(fp32, rtn3, shifted)) {
                MiniLm java = new MiniLm(onnx, m.linears());
                float[][] embeddings = new float[texts.size()][];
                try (OrtEncoder ort = new OrtEncoder(onnx, m.dense())) {
                    for (int t = 0; t < texts.size(); t++) {
                        long[] ids = tok.ids(texts.get(t));
                        float[] a = java.embed(ids), b = ort.embed(ids);
                        double maxDiff = 0;
                        for (int d = 0; d < a.length; d++) maxDiff = Math.max(maxDiff, Math.abs(a[d] - b[d]));
                        assertThat(maxDiff).as("%s, text %d", m.name(), t).isLessThan(1e-5);
                        embeddings[t] = b;
                    }
                }
                if (previous != null) assertThat(embeddings[0]).as("%s differs from the method before it", m.name()).isNotEqualTo(previous[0]);
                previous = embeddings;
            }
        }
    }
}
