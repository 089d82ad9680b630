package io.fineq.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.fineq.tensor.OnnxFile;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MiniLM on ONNX Runtime with the 36 linear layers' weights and biases replaced: the model's own
 * graph, its MatMul and bias initializers overridden ({@code SessionOptions.addInitializer}) by a
 * method's dequantized weights. It computes what {@link MiniLm} computes in Java for the same
 * weights (checked by {@code OrtEncoderTest} to 1e-5), about five times faster on this machine, so
 * that the evaluation can afford thousands of paragraphs per method (docs/model.md). Methods
 * whose linear layers are not plain FP32 weights (the integer datapath) run in Java.
 */
public final class OrtEncoder implements AutoCloseable {
    /** One layer's replacement: weights M x K (the project's layout) and bias. */
    public record Dense(float[][] weights, float[] bias) {
    }

    /** The replacement of the linear layer {@code name} given its FP32 weight and bias. */
    public interface DenseLayers {
        Dense of(String name, io.fineq.tensor.Tensor2D weight, float[] bias);
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final List<OnnxTensor> overrides = new ArrayList<>();
    private final OrtSession session;

    /** A session of the bundled model with every linear layer replaced by {@code layers}. */
    public OrtEncoder(OnnxFile onnx, DenseLayers layers) throws IOException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            for (OnnxFile.Weight wt : onnx.weights()) {
                String bias = biasName(wt.node());
                Dense d = layers.of(wt.node(), onnx.toTensor(wt), onnx.floats(bias));
                int m = d.weights().length, k = d.weights()[0].length;
                if (m != wt.m() || k != wt.k()) throw new IllegalArgumentException(wt.node() + ": replacement is " + m + " x " + k + ", the layer " + wt.m() + " x " + wt.k());
                float[] kxm = new float[k * m]; // ONNX keeps MatMul weights as K x M
                for (int r = 0; r < m; r++) for (int c = 0; c < k; c++) kxm[c * m + r] = d.weights()[r][c];
                OnnxTensor w = OnnxTensor.createTensor(env, FloatBuffer.wrap(kxm), new long[] {k, m});
                OnnxTensor b = OnnxTensor.createTensor(env, FloatBuffer.wrap(d.bias().clone()), new long[] {m});
                overrides.add(w);
                overrides.add(b);
                options.addInitializer(wt.name(), w);
                options.addInitializer(bias, b);
            }
            session = env.createSession(MiniLm.bundledOnnxPath().toString(), options);
        } catch (OrtException e) {
            close();
            throw new IOException("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** The bias initializer of the MatMul node {@code /encoder/layer.l/role/MatMul}: {@code encoder.layer.l.role.bias}. */
    static String biasName(String node) {
        String inner = node.substring(1, node.length() - "/MatMul".length());
        return inner.replace('/', '.') + ".bias";
    }

    /** The sentence embedding of one token sequence, as {@link MiniLm#embed(long[])} defines it. */
    public float[] embed(long[] ids) {
        int n = ids.length;
        long[][] mask = new long[1][n];
        java.util.Arrays.fill(mask[0], 1);
        try (OnnxTensor in = OnnxTensor.createTensor(env, new long[][] {ids});
             OnnxTensor am = OnnxTensor.createTensor(env, mask);
             OnnxTensor tt = OnnxTensor.createTensor(env, new long[1][n]);
             OrtSession.Result r = session.run(Map.of("input_ids", in, "attention_mask", am, "token_type_ids", tt))) {
            float[][][] h = (float[][][]) r.get(0).getValue();
            return MiniLm.pool(h[0]);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (session != null) session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime: " + e.getMessage(), e);
        } finally {
            overrides.forEach(OnnxTensor::close);
        }
    }
}
