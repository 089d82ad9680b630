package io.fineq.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX weights: a model written here field by field (onnx.proto numbers) and the real
 * all-MiniLM-L6-v2 (its 36 linear layers: 24 of 384x384, 6 of 1536x384, 6 of 384x1536).
 */
class OnnxFileTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- a tiny protobuf writer (test side)

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] node(String name, String op, String... inputs) throws IOException {
        return message(o -> {
            for (String in : inputs) o.writeString(1, in);
            o.writeString(2, name + "_out");
            o.writeString(3, name);
            o.writeString(4, op);
        });
    }

    /** A TensorProto with dims (packed), data type and either raw_data or (dataType FLOAT, raw == null) float_data. */
    private static byte[] tensor(String name, long[] dims, int dataType, byte[] raw, float[] floats, boolean external) throws IOException {
        return message(o -> {
            ByteArrayOutputStream d = new ByteArrayOutputStream();
            CodedOutputStream dd = CodedOutputStream.newInstance(d);
            for (long x : dims) dd.writeInt64NoTag(x);
            dd.flush();
            o.writeByteArray(1, d.toByteArray());
            o.writeInt32(2, dataType);
            if (floats != null) {
                ByteArrayOutputStream f = new ByteArrayOutputStream();
                CodedOutputStream ff = CodedOutputStream.newInstance(f);
                for (float x : floats) ff.writeFloatNoTag(x);
                ff.flush();
                o.writeByteArray(4, f.toByteArray());
            }
            o.writeString(8, name);
            if (raw != null) o.writeByteArray(9, raw);
            if (external) o.writeEnum(14, 1);
        });
    }

    private static byte[] f32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private Path model(String file, byte[]... graphParts) throws IOException {
        byte[] graph = message(o -> {
            for (byte[] p : graphParts) {
                o.writeByteArray(p[0] == 'N' ? 1 : 5, Arrays.copyOfRange(p, 1, p.length));
            }
        });
        byte[] modelBytes = message(o -> {
            o.writeInt64(1, 8);              // ir_version
            o.writeString(2, "fineq-test");  // producer_name
            o.writeByteArray(7, graph);      // graph
        });
        return Files.write(dir.resolve(file), modelBytes);
    }

    private static byte[] tagged(char kind, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) kind;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    // K x M values k*10 + m, so the transposed M x K tensor has t[m][k] = k*10 + m.
    private static float[] kByM(int k, int m) {
        float[] v = new float[k * m];
        for (int i = 0; i < k; i++) for (int j = 0; j < m; j++) v[i * m + j] = i * 10 + j;
        return v;
    }

    @Test
    void matMulWeightsAreFoundTransposedAndNamedAfterTheirNodes() throws IOException {
        Path f = model("m.onnx",
                tagged('N', node("/layer/q/MatMul", "MatMul", "x", "w_q")),
                tagged('N', node("/layer/bias/Add", "Add", "y", "b")),
                tagged('N', node("/layer/k/MatMul", "MatMul", "x", "w_k")),
                tagged('N', node("/act/MatMul", "MatMul", "x", "graph_input_not_an_initializer")),
                tagged('I', tensor("w_q", new long[] {5, 3}, 1, f32(kByM(5, 3)), null, false)),
                tagged('I', tensor("b", new long[] {3}, 1, f32(new float[] {1, 2, 3}), null, false)),
                tagged('I', tensor("w_k", new long[] {2, 4}, 1, null, kByM(2, 4), false)));
        OnnxFile onnx = OnnxFile.open(f);
        assertThat(onnx.weights()).extracting(OnnxFile.Weight::name).containsExactly("w_q", "w_k");
        for (String name : new String[] {"w_q", "/layer/k/MatMul"}) {
            Tensor2D t = onnx.tensor(name);
            int k = name.equals("w_q") ? 5 : 2, m = name.equals("w_q") ? 3 : 4;
            assertThat(t.rows()).isEqualTo(m);
            assertThat(t.cols()).isEqualTo(k);
            float[] row = new float[k];
            for (int r = 0; r < m; r++) {
                t.readRow(r, row);
                for (int c = 0; c < k; c++) assertThat(row[c]).isEqualTo(c * 10 + r);
            }
        }
        assertThat(onnx.tensor("w_q").name()).isEqualTo("/layer/q/MatMul");
        assertThatThrownBy(() -> onnx.tensor("b")).isInstanceOf(TensorFormatException.class)
                .hasMessageContaining("no 2-D MatMul weight named 'b'").hasMessageContaining("w_q, w_k");
    }

    @Test
    void badModelsGetOneClearLine() throws IOException {
        Path good = model("g.onnx", tagged('N', node("n", "MatMul", "x", "w")),
                tagged('I', tensor("w", new long[] {4, 4}, 1, f32(kByM(4, 4)), null, false)));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(bytes, bytes.length - 9));
        assertThatThrownBy(() -> OnnxFile.open(cut).weights()).isInstanceOf(TensorFormatException.class)
                .hasMessageStartingWith(cut + ": not a valid ONNX model");
        Path ints = model("i.onnx", tagged('N', node("n", "MatMul", "x", "w")),
                tagged('I', tensor("w", new long[] {2, 2}, 3, new byte[4], null, false)));
        assertThatThrownBy(() -> OnnxFile.open(ints)).hasMessageContaining("tensor 'w' has data type 3 values; expected FLOAT, FLOAT16 or BFLOAT16");
        Path ext = model("e.onnx", tagged('N', node("n", "MatMul", "x", "w")),
                tagged('I', tensor("w", new long[] {2, 2}, 1, null, null, true)));
        assertThatThrownBy(() -> OnnxFile.open(ext)).hasMessageContaining("keeps its data in an external file");
        Path shortRaw = model("s.onnx", tagged('N', node("n", "MatMul", "x", "w")),
                tagged('I', tensor("w", new long[] {3, 3}, 1, new byte[8], null, false)));
        assertThatThrownBy(() -> OnnxFile.open(shortRaw).tensor("w")).hasMessageContaining("raw_data holds 8 bytes, dims 3x3 of FLOAT need 36");
        Path noGraph = Files.write(dir.resolve("x.onnx"), message(o -> o.writeInt64(1, 8)));
        assertThatThrownBy(() -> OnnxFile.open(noGraph)).hasMessageContaining("not an ONNX model (no graph)");
        assertThatThrownBy(() -> OnnxFile.open(dir.resolve("absent.onnx"))).hasMessageEndingWith("absent.onnx: no such file");
    }

    @Test
    void allMiniLmL6V2HasItsThirtySixLinearLayers() throws IOException {
        Path f = dir.resolve("all-minilm-l6-v2.onnx");
        try (InputStream in = OnnxFileTest.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            assertThat(in).as("the model jar is a test dependency").isNotNull();
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
        }
        OnnxFile onnx = OnnxFile.open(f);
        Map<String, Integer> shapes = new TreeMap<>();
        for (OnnxFile.Weight w : onnx.weights()) shapes.merge(w.m() + "x" + w.k(), 1, Integer::sum);
        assertThat(shapes).containsExactlyInAnyOrderEntriesOf(Map.of("384x384", 24, "1536x384", 6, "384x1536", 6));
        // BERT's layer structure, read from the node names: 6 layers x (q, k, v, attention output, FFN in, FFN out).
        assertThat(onnx.weights()).extracting(OnnxFile.Weight::node)
                .contains("/encoder/layer.0/attention/self/query/MatMul", "/encoder/layer.5/output/dense/MatMul")
                .allMatch(n -> n.matches("/encoder/layer\\.[0-5]/(attention/self/(query|key|value)|attention/output/dense|intermediate/dense|output/dense)/MatMul"));
        Tensor2D down = onnx.tensor("/encoder/layer.0/output/dense/MatMul");
        assertThat(down.rows()).isEqualTo(384);
        assertThat(down.cols()).isEqualTo(1536);
        float[] row = new float[1536];
        down.readRow(0, row);
        double sumSq = 0;
        for (float v : row) {
            assertThat(Float.isFinite(v)).isTrue();
            sumSq += v * v;
        }
        assertThat(sumSq).as("a trained row is not zero").isGreaterThan(1e-3);
    }
}
