package io.fineq.cli;

import io.fineq.tensor.NpyFile;
import io.fineq.tensor.SafetensorsFile;
import io.fineq.tensor.Tensor2D;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects the tensors a command works on: the single array of a {@code .npy} file, or from a
 * safetensors file the tensor named by {@code --tensor}, every 2-D tensor with {@code --all}, or
 * the only 2-D tensor when there is exactly one. Tensors are opened (mapped) when asked for.
 */
final class InputTensors {
    /** A tensor to process: its name, and how to open it. */
    interface Source {
        String name();

        Tensor2D open() throws IOException;
    }

    private InputTensors() {
    }

    static List<Source> select(Path in, String tensor, boolean all) throws IOException {
        if (tensor != null && all) throw new CliException("--tensor and --all exclude each other");
        String file = in.getFileName() == null ? in.toString() : in.getFileName().toString();
        if (file.endsWith(".npy")) {
            if (tensor != null) throw new CliException("--tensor applies to .safetensors inputs only (" + in + " is a .npy file with one array)");
            Tensor2D t = NpyFile.open(in);
            return List.of(source(t.name(), () -> t));
        }
        if (file.endsWith(".onnx")) return onnx(in, tensor, all);
        if (!file.endsWith(".safetensors"))
            throw new CliException(in + ": unknown input type; expected a .npy, .safetensors or .onnx file");
        SafetensorsFile st = SafetensorsFile.open(in);
        List<Source> out = new ArrayList<>();
        if (tensor != null) {
            Tensor2D t = st.tensor(tensor); // validates name, shape and dtype now
            out.add(source(tensor, () -> t));
            return out;
        }
        List<SafetensorsFile.Entry> matrices = st.matrices();
        if (matrices.isEmpty()) throw new CliException(in + ": holds no 2-D tensor");
        if (!all && matrices.size() > 1)
            throw new CliException(in + " holds " + matrices.size() + " 2-D tensors; choose one with --tensor NAME or use --all");
        for (SafetensorsFile.Entry e : matrices) out.add(source(e.name(), () -> st.tensor(e.name())));
        return out;
    }

    /**
     * An ONNX model: its 2-D MatMul weights (io.fineq.tensor.OnnxFile), named after the node that
     * uses them when it has a name (e.g. /encoder/layer.0/attention/self/query/MatMul), else after
     * the initializer; --tensor accepts either name.
     */
    private static List<Source> onnx(Path in, String tensor, boolean all) throws IOException {
        io.fineq.tensor.OnnxFile model = io.fineq.tensor.OnnxFile.open(in);
        if (tensor != null) {
            Tensor2D t = model.tensor(tensor);
            return List.of(source(tensor, () -> t));
        }
        List<io.fineq.tensor.OnnxFile.Weight> ws = model.weights();
        if (ws.isEmpty()) throw new CliException(in + ": holds no 2-D MatMul weight");
        if (!all && ws.size() > 1)
            throw new CliException(in + " holds " + ws.size() + " MatMul weights; choose one with --tensor NAME or use --all");
        List<Source> out = new ArrayList<>();
        for (io.fineq.tensor.OnnxFile.Weight w : ws) {
            String name = w.node().isEmpty() ? w.name() : w.node();
            out.add(source(name, () -> model.toTensor(w)));
        }
        return out;
    }

    private static Source source(String name, IoSupplier open) {
        return new Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Tensor2D open() throws IOException {
                return open.get();
            }
        };
    }

    @FunctionalInterface
    private interface IoSupplier {
        Tensor2D get() throws IOException;
    }

    /** A tensor name as a file name: characters outside [A-Za-z0-9._-] become '_'. */
    static String fileNameOf(String tensorName) {
        String s = tensorName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.equals(".") || s.equals("..")) s = "_" + s;
        return s;
    }
}
