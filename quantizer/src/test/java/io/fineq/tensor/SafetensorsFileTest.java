package io.fineq.tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsFileTest {
    @TempDir
    Path dir;

    /** A safetensors file built by hand from a JSON header and raw data. */
    static byte[] file(String json, byte[] data) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(data).array();
    }

    private Path handMade() throws IOException {
        ByteBuffer d = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        d.putFloat(1).putFloat(-2).putFloat(3).putFloat(4);           // a: F32 2x2, bytes 0..16
        d.putShort((short) 0x3C00).putShort((short) 0xC400);         // b: F16 1x2 (1, -4), bytes 16..20
        d.putShort((short) 0x3F80).putShort((short) 0x4040);         // c: BF16 2x1 (1, 3), bytes 20..24
        d.putFloat(7).putFloat(8);                                   // bias: F32 [2], bytes 24..32
        d.putLong(5);                                                // idx: I64 1x1, bytes 32..40
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[1,2],\"data_offsets\":[16,20]},"
                + "\"c\":{\"dtype\":\"BF16\",\"shape\":[2,1],\"data_offsets\":[20,24]},"
                + "\"bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]},"
                + "\"idx\":{\"dtype\":\"I64\",\"shape\":[1,1],\"data_offsets\":[32,40]}}";
        Path f = dir.resolve("m.safetensors");
        Files.write(f, file(json, java.util.Arrays.copyOf(d.array(), 40)));
        return f;
    }

    @Test
    void readsF32F16Bf16AndListsMatrices() throws IOException {
        SafetensorsFile st = SafetensorsFile.open(handMade());
        assertThat(st.matrices()).extracting(SafetensorsFile.Entry::name).containsExactly("a", "b", "c", "idx");
        float[] two = new float[2];
        st.tensor("a").readRow(1, two);
        assertThat(two).containsExactly(3, 4);
        st.tensor("b").readRow(0, two);
        assertThat(two).containsExactly(1, -4);
        float[] one = new float[1];
        Tensor2D c = st.tensor("c");
        c.readRow(1, one);
        assertThat(one).containsExactly(3);
        assertThat(c.shape()).isEqualTo("2x1");
    }

    @Test
    void namesTheProblem() throws IOException {
        Path f = handMade();
        SafetensorsFile st = SafetensorsFile.open(f);
        assertThatThrownBy(() -> st.tensor("nope")).isInstanceOf(TensorFormatException.class)
                .hasMessage(f + ": no tensor named 'nope' (2-D tensors: a, b, c, idx)");
        assertThatThrownBy(() -> st.tensor("idx")).hasMessage(f + ": tensor 'idx' has unsupported dtype I64 (supported: F32, F16, BF16)");
        assertThatThrownBy(() -> st.tensor("bias")).hasMessageContaining("has shape 2, expected a 2-D weight matrix");
    }

    @Test
    void rejectsTruncatedAndInconsistentFiles() throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", new byte[8]));
        assertThatThrownBy(() -> SafetensorsFile.open(f)).hasMessageContaining("out of range 0..8 (file truncated?)");
        Files.write(f, file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,8]}}", new byte[8]));
        assertThatThrownBy(() -> SafetensorsFile.open(f)).hasMessageContaining("needs 16");
        Files.write(f, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(f)).hasMessageContaining("not a safetensors file");
        Files.write(f, file("[1,2]", new byte[0]));
        assertThatThrownBy(() -> SafetensorsFile.open(f)).hasMessageContaining("not a JSON object");
    }

    @Test
    void writerRoundTripsEveryDtypeAndKeepsOrder() throws IOException {
        Tensor2D a = new SyntheticTensor("z.first", SynthKind.STUDENT_T, 3, 5, 1);
        Tensor2D b = new SyntheticTensor("a.second", SynthKind.GAUSSIAN, 4, 2, 2);
        Path f = dir.resolve("w.safetensors");
        for (DType d : DType.values()) {
            SafetensorsWriter.write(f, List.of(SafetensorsWriter.Item.matrix(a, d), SafetensorsWriter.Item.matrix(b, d)));
            SafetensorsFile st = SafetensorsFile.open(f);
            assertThat(st.matrices()).extracting(SafetensorsFile.Entry::name).containsExactly("z.first", "a.second");
            assertThat((8 + Files.size(f) - (3 * 5 + 4 * 2) * d.bytes()) % 8).isZero();
            float[] x = new float[5], y = new float[5];
            a.readRow(2, x);
            st.tensor("z.first").readRow(2, y);
            for (int k = 0; k < 5; k++) {
                float expected = switch (d) {
                    case F32 -> x[k];
                    case F16 -> HalfFloats.halfToFloat(HalfFloats.floatToHalf(x[k]));
                    case BF16 -> HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(x[k]));
                };
                assertThat(y[k]).isEqualTo(expected);
            }
        }
    }

    @Test
    void rowsSpreadOverSeveralMappingsReadCorrectly() throws IOException {
        Tensor2D src = new SyntheticTensor("t", SynthKind.GAUSSIAN, 10, 3, 4);
        Path f = dir.resolve("t.npy");
        NpyWriter.write(f, src, DType.F32);
        long offset = Files.size(f) - 10 * 3 * 4;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            MappedRows rows = new MappedRows(ch, f.toString(), offset, 10, 3, DType.F32, 3 * 12 + 5); // 3 rows per mapping
            assertThat(rows.mappings()).isEqualTo(4);
            float[] a = new float[3], b = new float[3];
            for (int r = 9; r >= 0; r--) {
                src.readRow(r, a);
                rows.readRow(r, b);
                assertThat(b).containsExactly(a);
            }
        }
    }
}
