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
        MiniLm model = new MiniLm(onnx, (name, w, b) -> {
            MiniLm.Linear l = fp32.of(name, w, b);
            SecondMoment shared = sharedInput(name, out);
            SecondMoment h = shared != null ? shared : new SecondMoment(w.cols());
            out.put(name, h);
            return x -> {
                if (shared == null) h.add(x);
                return l.apply(x);
            };
        });
        for (long[] ids : sequences) model.hidden(ids); // in order: H is summed in a fixed order
        return out;
    }

    /**
     * Sequential calibration (as GPTQ does for deep models): encoder layer l is calibrated on the
     * activations of the model whose layers 0..l-1 already run quantized (dequantized FineQ), so
     * each layer also compensates the errors of the layers before it. Returns the quantized
     * tensors by node name, in forward order.
     */
    public static Map<String, QuantizedTensor> sequential(OnnxFile onnx, List<long[]> sequences, BiFunction<Tensor2D, SecondMoment, QuantizedTensor> quantizer)
            throws IOException {
        Map<String, QuantizedTensor> done = new LinkedHashMap<>();
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
                MiniLm.Linear l = fp32.of(name, w, b);
                ws.put(name, w);
                bs.put(name, b);
                SecondMoment shared = sharedInput(name, hs);
                SecondMoment h = shared != null ? shared : new SecondMoment(w.cols());
                hs.put(name, h);
                return x -> {
                    if (shared == null) h.add(x);
                    return l.apply(x);
                };
            });
            for (long[] ids : sequences) model.hiddenThrough(ids, layer);
            for (String name : hs.keySet()) {
                QuantizedTensor qt = quantizer.apply(ws.get(name), hs.get(name));
                done.put(name, qt);
                doneLinear.put(name, dequantized(qt, bs.get(name)));
            }
        }
        return done;
    }

    /** The FP32 linear layer of a quantized tensor's dequantized weights {@code q * scale}. */
    public static MiniLm.Linear dequantized(QuantizedTensor qt, float[] bias) {
        Tensor2D d = qt.decoded().dequantized(qt.name());
        float[][] w = new float[d.rows()][d.cols()];
        for (int r = 0; r < d.rows(); r++) d.readRow(r, w[r]);
        return MiniLm.fp32Linear(w, bias);
    }

    /** Key and value read the query's input: their H is the query's. */
    private static SecondMoment sharedInput(String name, Map<String, SecondMoment> hs) {
        for (String role : new String[] {"attention/self/key", "attention/self/value"}) {
            if (name.endsWith(role + "/MatMul")) return hs.get(name.replace(role, "attention/self/query"));
        }
        return null;
    }
}
