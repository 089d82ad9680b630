package io.fineq.model;

import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.SecondMoment;
import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Calibration data for the calibrated FineQ modes: the second-moment matrix H = sum x x^T of the
 * activations reaching each of the 36 linear layers, over the tokens of the calibration text
 * (docs/model.md: kept apart from the evaluation text). Query, key and value read the same input
 * and share one H.
 */
public final class Calibration {
    private Calibration() {
    }

    /** H per linear layer (by node name) on the FP32 model's activations. */
    public static Map<String, SecondMoment> secondMoments(OnnxFile onnx, List<long[]> sequences) throws IOException {
        Map<String, SecondMoment> out = new LinkedHashMap<>();
        MiniLm.Linears fp32 = MiniLm.fp32();
        MiniLm model = new MiniLm(onnx, (name, w, b) -> recording(name, fp32.of(name, w, b), w.cols(), out));
        for (long[] ids : sequences) model.hidden(ids); // in order: H is summed in a fixed order
        return out;
    }

    /**
     * Sequential calibration (as GPTQ does for deep models): encoder layer l is calibrated on the
     * activations of the model whose layers 0..l-1 already run quantized (dequantized FineQ), so
     * each layer also compensates the errors of the layers before it. Returns the quantized
     * tensors by node name, in forward order.
     */
    public static Map<String, Layer> sequential(OnnxFile onnx, List<long[]> sequences, BiFunction<Tensor2D, SecondMoment, QuantizedTensor> quantizer,
                                                boolean biasCorrection) throws IOException {
        Map<String, Layer> out = new LinkedHashMap<>();
        sequentialOf(onnx, sequences, quantizer, Calibration::weights, biasCorrection).forEach((name, l) -> out.put(name, new Layer(l.image(), l.bias())));
        return out;
    }

    /**
     * The same layer-after-layer calibration for any weight format {@code T} (the Table I
     * baselines): {@code quantizer} makes a layer's image from its weights and H, {@code weights}
     * gives the image's dequantized weights (M x K), which the later layers' calibration runs on
     * and the bias correction uses.
     */
    public static <T> Map<String, Calibrated<T>> sequentialOf(OnnxFile onnx, List<long[]> sequences, BiFunction<Tensor2D, SecondMoment, T> quantizer,
                                                              Function<T, float[][]> weights, boolean biasCorrection) throws IOException {
        Map<String, Calibrated<T>> done = new LinkedHashMap<>();
        Map<String, MiniLm.Linear> doneLinear = new HashMap<>();
        MiniLm.Linears fp32 = MiniLm.fp32();
        for (int layer = 0; layer < MiniLm.LAYERS; layer++) {
            String prefix = "/encoder/layer." + layer + "/";
            Map<String, SecondMoment> hs = new LinkedHashMap<>();
            Map<String, Tensor2D> ws = new LinkedHashMap<>();
            Map<String, float[]> bs = new LinkedHashMap<>();
            MiniLm model = new MiniLm(onnx, (name, w, b) -> {
                if (doneLinear.containsKey(name)) return doneLinear.get(name);
                if (!name.startsWith(prefix)) return x -> {
                    throw new IllegalStateException(name + " is past the layer being calibrated");
                };
                ws.put(name, w);
                bs.put(name, b);
                return recording(name, fp32.of(name, w, b), w.cols(), hs);
            });
            for (long[] ids : sequences) model.hiddenThrough(ids, layer);
            for (String name : hs.keySet()) {
                T image = quantizer.apply(ws.get(name), hs.get(name));
                float[][] wq = weights.apply(image);
                float[] bias = biasCorrection ? correctedBias(ws.get(name), wq, bs.get(name), hs.get(name).mean()) : bs.get(name);
                done.put(name, new Calibrated<>(image, wq, bias));
                doneLinear.put(name, MiniLm.fp32Linear(wq, bias));
            }
        }
        return done;
    }

    /** One calibrated layer: its image and the bias to use with it. */
    public record Layer(QuantizedTensor tensor, float[] bias) {
    }

    /** One calibrated layer of any format: its image, its dequantized weights (M x K) and the bias to use with them. */
    public record Calibrated<T>(T image, float[][] weights, float[] bias) {
    }

    /**
     * Bias correction: {@code b + (W - W') mu} with mu the calibration tokens' mean input, so the
     * quantized layer's mean output equals the original's on the calibration text (the bias is
     * added outside the core, so this costs the hardware nothing).
     */
    public static float[] correctedBias(Tensor2D w, float[][] wq, float[] bias, double[] mean) {
        float[] row = new float[w.cols()];
        float[] out = new float[bias.length];
        for (int m = 0; m < w.rows(); m++) {
            w.readRow(m, row);
            double s = bias[m];
            for (int k = 0; k < row.length; k++) s += ((double) row[k] - wq[m][k]) * mean[k];
            out[m] = (float) s;
        }
        return out;
    }

    /** The dequantized weights {@code q * scale} of a FineQ image, M x K. */
    public static float[][] weights(QuantizedTensor qt) {
        Tensor2D d = qt.decoded().dequantized(qt.name());
        float[][] w = new float[d.rows()][d.cols()];
        for (int r = 0; r < d.rows(); r++) d.readRow(r, w[r]);
        return w;
    }

    /** The FP32 linear layer of a quantized tensor's dequantized weights {@code q * scale}. */
    public static MiniLm.Linear dequantized(QuantizedTensor qt, float[] bias) {
        return MiniLm.fp32Linear(weights(qt), bias);
    }

    /** {@code l}, adding its inputs to H of {@code name} in {@code hs} (key and value: the query's H, added once). */
    private static MiniLm.Linear recording(String name, MiniLm.Linear l, int k, Map<String, SecondMoment> hs) {
        SecondMoment shared = sharedInput(name, hs);
        SecondMoment h = shared != null ? shared : new SecondMoment(k);
        hs.put(name, h);
        return x -> {
            if (shared == null) h.add(x);
            return l.apply(x);
        };
    }

    /** Key and value read the query's input: their H is the query's. */
    private static SecondMoment sharedInput(String name, Map<String, SecondMoment> hs) {
        for (String role : new String[] {"attention/self/key", "attention/self/value"}) {
            if (name.endsWith(role + "/MatMul")) return hs.get(name.replace(role, "attention/self/query"));
        }
        return null;
    }
}
