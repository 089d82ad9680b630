package io.fineq.tensor;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight matrices of an ONNX model ({@code .onnx}, protobuf {@code ModelProto}): every float
 * initializer that is the second input of a {@code MatMul} node with two dimensions. ONNX stores
 * such a weight as K x M (input features x output features, {@code y = x W}); {@link #tensor}
 * returns it transposed to the project's M x K layout. A weight is named after its initializer
 * ({@code onnx::MatMul_787}) and described by its node ({@code /encoder/layer.0/attention/self/query/MatMul}).
 *
 * <p>The protobuf wire format is read with protobuf-java's {@link CodedInputStream} and the field
 * numbers of onnx.proto (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto
 * input = 1, name = 3, op_type = 4; TensorProto dims = 1, data_type = 2, float_data = 4, name = 8,
 * raw_data = 9, data_location = 14). Only the fields used here are decoded; the rest is skipped.
 */
public final class OnnxFile {
    /** TensorProto.DataType values read here. */
    private static final int FLOAT = 1;
    private static final int FLOAT16 = 10;
    private static final int BFLOAT16 = 16;
    private static final long MAX_FILE = Integer.MAX_VALUE; // protobuf messages are limited to 2 GiB

    /** A 2-D MatMul weight: initializer name, the node using it, ONNX shape K x M, where its data is. */
    public record Weight(String name, String node, int k, int m, int dataType, ByteBuffer raw, float[] floats) {
        public int rows() {
            return m;
        }

        public int cols() {
            return k;
        }
    }

    private final Path file;
    private final List<Weight> weights;
    private final Map<String, Initializer> initializers;

    private OnnxFile(Path file, Parsed parsed) {
        this.file = file;
        this.weights = parsed.weights();
        this.initializers = parsed.initializers();
    }

    private record Parsed(List<Weight> weights, Map<String, Initializer> initializers) {
    }

    public static OnnxFile open(Path file) throws IOException {
        ByteBuffer all;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > MAX_FILE)
                throw new TensorFormatException(file + ": " + size + " bytes; ONNX models with external data or over 2 GiB are not supported");
            all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (NoSuchFileException e) {
            throw new TensorFormatException(file + ": no such file");
        }
        try {
            return new OnnxFile(file, parseModel(file, all));
        } catch (InvalidProtocolBufferException e) {
            throw new TensorFormatException(file + ": not a valid ONNX model (protobuf: " + e.getMessage() + ")");
        }
    }

    public Path file() {
        return file;
    }

    /** Every 2-D MatMul weight, in initializer order. */
    public List<Weight> weights() {
        return weights;
    }

    /** The weight named {@code name} (initializer name or node name), transposed to M x K; one clear error otherwise. */
    public Tensor2D tensor(String name) throws TensorFormatException {
        for (Weight w : weights) {
            if (w.name().equals(name) || w.node().equals(name)) return toTensor(w);
        }
        List<String> names = weights.stream().map(Weight::name).toList();
        throw new TensorFormatException(file + ": no 2-D MatMul weight named '" + name + "' ("
                + (names.isEmpty() ? "none" : names.size() + " weights, e.g. " + String.join(", ", names.subList(0, Math.min(4, names.size())))) + ")");
    }

    /** Dims of any initializer (e.g. embeddings.word_embeddings.weight, a bias or a LayerNorm weight); one clear error if absent. */
    public long[] dims(String name) throws TensorFormatException {
        return initializer(name).dims().stream().mapToLong(Long::longValue).toArray();
    }

    /** The values of any float initializer, in ONNX (row-major) order. */
    public float[] floats(String name) throws TensorFormatException {
        Initializer t = initializer(name);
        long count = 1;
        for (long d : t.dims()) count = Math.multiplyExact(count, d);
        if (count > Integer.MAX_VALUE) throw new TensorFormatException(file + ": tensor '" + name + "' is too large (" + count + " values)");
        int[] kd = t.dims().size() == 2 ? new int[] {(int) (long) t.dims().get(0), (int) (long) t.dims().get(1)} : new int[] {1, (int) count};
        return values(new Weight(name, "", kd[0], kd[1], t.dataType(), t.raw(), t.floats()));
    }

    private Initializer initializer(String name) throws TensorFormatException {
        Initializer t = initializers.get(name);
        if (t == null) throw new TensorFormatException(file + ": no initializer named '" + name + "'");
        if (t.external()) throw new TensorFormatException(file + ": tensor '" + name + "' keeps its data in an external file (not supported)");
        if (t.dataType() != FLOAT && t.dataType() != FLOAT16 && t.dataType() != BFLOAT16)
            throw new TensorFormatException(file + ": tensor '" + name + "' has " + typeName(t.dataType()) + " values; expected FLOAT, FLOAT16 or BFLOAT16");
        return t;
    }

    /** The weight as an M x K tensor (row m = output feature m = ONNX column m), named after its node when it has a name. */
    public Tensor2D toTensor(Weight w) throws TensorFormatException {
        float[] kxm = values(w);
        int k = w.k(), m = w.m();
        float[] mxk = new float[Math.multiplyExact(m, k)];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) mxk[j * k + i] = kxm[i * m + j];
        }
        return new ArrayTensor(w.node().isEmpty() ? w.name() : w.node(), m, k, mxk);
    }

    private float[] values(Weight w) throws TensorFormatException {
        long count = (long) w.k() * w.m();
        if (w.floats() != null) {
            if (w.floats().length != count) throw new TensorFormatException(file + ": tensor '" + w.name() + "': float_data holds "
                    + w.floats().length + " values, dims " + w.k() + "x" + w.m() + " need " + count);
            return w.floats();
        }
        int bytesPer = w.dataType() == FLOAT ? 4 : 2;
        if (w.raw() == null || w.raw().remaining() != count * bytesPer)
            throw new TensorFormatException(file + ": tensor '" + w.name() + "': raw_data holds " + (w.raw() == null ? 0 : w.raw().remaining())
                    + " bytes, dims " + w.k() + "x" + w.m() + " of " + typeName(w.dataType()) + " need " + count * bytesPer);
        ByteBuffer b = w.raw().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (w.dataType()) {
                case FLOAT -> b.getFloat();
                case FLOAT16 -> HalfFloats.halfToFloat(b.getShort() & 0xFFFF);
                default -> HalfFloats.bf16ToFloat(b.getShort() & 0xFFFF);
            };
        }
        return out;
    }

    private static String typeName(int t) {
        return switch (t) {
            case FLOAT -> "FLOAT";
            case FLOAT16 -> "FLOAT16";
            case BFLOAT16 -> "BFLOAT16";
            default -> "data type " + t;
        };
    }

    // ------------------------------------------------------------------ wire format

    private record Node(String name, String opType, List<String> inputs) {
    }

    private record Initializer(String name, List<Long> dims, int dataType, ByteBuffer raw, float[] floats, boolean external) {
    }

    private static Parsed parseModel(Path file, ByteBuffer all) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(all);
        in.setSizeLimit(Integer.MAX_VALUE);
        ByteBuffer graph = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            if (WireFormat.getTagFieldNumber(tag) == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                graph = in.readByteBuffer();
            } else if (!in.skipField(tag)) {
                break;
            }
        }
        if (graph == null) throw new TensorFormatException(file + ": not an ONNX model (no graph)");
        List<Node> nodes = new ArrayList<>();
        Map<String, Initializer> inits = new LinkedHashMap<>();
        CodedInputStream g = CodedInputStream.newInstance(graph);
        g.setSizeLimit(Integer.MAX_VALUE);
        while (true) {
            int tag = g.readTag();
            if (tag == 0) break;
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                nodes.add(parseNode(g.readByteBuffer()));
            } else if (field == 5 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                Initializer t = parseTensor(g.readByteBuffer());
                inits.put(t.name(), t);
            } else {
                g.skipField(tag);
            }
        }
        List<Weight> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Node n : nodes) {
            if (!n.opType().equals("MatMul") || n.inputs().size() != 2) continue;
            Initializer t = inits.get(n.inputs().get(1));
            if (t == null || t.dims().size() != 2 || !seen.add(t.name())) continue;
            if (t.external()) throw new TensorFormatException(file + ": tensor '" + t.name() + "' keeps its data in an external file (not supported)");
            if (t.dataType() != FLOAT && t.dataType() != FLOAT16 && t.dataType() != BFLOAT16)
                throw new TensorFormatException(file + ": tensor '" + t.name() + "' has " + typeName(t.dataType()) + " values; expected FLOAT, FLOAT16 or BFLOAT16");
            long k = t.dims().get(0), m = t.dims().get(1);
            if (k < 1 || m < 1 || k > Integer.MAX_VALUE || m > Integer.MAX_VALUE)
                throw new TensorFormatException(file + ": tensor '" + t.name() + "' has dims " + t.dims() + "; each must be 1.." + Integer.MAX_VALUE);
            out.add(new Weight(t.name(), n.name(), (int) k, (int) m, t.dataType(), t.raw(), t.floats()));
        }
        return new Parsed(Collections.unmodifiableList(out), Collections.unmodifiableMap(inits));
    }

    private static Node parseNode(ByteBuffer bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        List<String> inputs = new ArrayList<>();
        String name = "";
        String op = "";
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(in.readStringRequireUtf8());
                case 3 -> name = in.readStringRequireUtf8();
                case 4 -> op = in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        return new Node(name, op, inputs);
    }

    private static Initializer parseTensor(ByteBuffer bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        List<Float> floats = new ArrayList<>();
        boolean external = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            int field = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            switch (field) {
                case 1 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) dims.add(in.readInt64());
                        in.popLimit(limit);
                    } else {
                        dims.add(in.readInt64());
                    }
                }
                case 2 -> dataType = in.readInt32();
                case 4 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) floats.add(in.readFloat());
                        in.popLimit(limit);
                    } else {
                        floats.add(in.readFloat());
                    }
                }
                case 8 -> name = in.readStringRequireUtf8();
                case 9 -> raw = in.readByteBuffer();
                case 14 -> external = in.readEnum() == 1;
                default -> in.skipField(tag);
            }
        }
        float[] f = null;
        if (raw == null && !floats.isEmpty()) {
            f = new float[floats.size()];
            for (int i = 0; i < f.length; i++) f[i] = floats.get(i);
        }
        return new Initializer(name, dims, dataType, raw, f, external);
    }
}
