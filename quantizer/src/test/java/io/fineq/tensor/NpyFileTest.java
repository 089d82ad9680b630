package io.fineq.tensor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpyFileTest {
    @TempDir
    Path dir;

    /** A .npy file built by hand: version 1.0 header with the given dictionary, then raw data. */
    static byte[] npy(String dict, byte[] data) {
        String h = dict + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length());
        b.put(h.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    @Test
    void readsAHandWrittenFloat32File() throws IOException {
        Path f = dir.resolve("w.npy");
        Files.write(f, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", floats(1, 2, 3, -4, 5.5f, 6)));
        Tensor2D t = NpyFile.open(f);
        assertThat(t.name()).isEqualTo("w");
        assertThat(t.shape()).isEqualTo("2x3");
        float[] row = new float[3];
        t.readRow(1, row);
        assertThat(row).containsExactly(-4, 5.5f, 6);
    }

    @Test
    void readsAHandWrittenFloat16File() throws IOException {
        Path f = dir.resolve("h.npy");
        byte[] data = {0x00, 0x3C, 0x00, (byte) 0xC0}; // 1.0, -2.0
        Files.write(f, npy("{'descr': '<f2', 'fortran_order': False, 'shape': (1, 2), }", data));
        float[] row = new float[2];
        NpyFile.open(f).readRow(0, row);
        assertThat(row).containsExactly(1f, -2f);
    }

    @Test
    void writerRoundTripsAndAlignsDataTo64Bytes() throws IOException {
        Tensor2D src = new SyntheticTensor("s", SynthKind.GAUSSIAN, 5, 7, 3);
        for (DType d : new DType[] {DType.F32, DType.F16}) {
            Path f = dir.resolve("s" + d + ".npy");
            NpyWriter.write(f, src, d);
            long dataBytes = 5L * 7 * d.bytes();
            assertThat((Files.size(f) - dataBytes) % 64).isZero();
            Tensor2D back = NpyFile.open(f);
            float[] a = new float[7], b = new float[7];
            for (int r = 0; r < 5; r++) {
                src.readRow(r, a);
                back.readRow(r, b);
                for (int k = 0; k < 7; k++) {
                    float expected = d == DType.F32 ? a[k] : HalfFloats.halfToFloat(HalfFloats.floatToHalf(a[k]));
                    assertThat(b[k]).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void rejectsOtherDtypesNamingFileAndDtype() throws IOException {
        Path f = dir.resolve("d.npy");
        Files.write(f, npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", new byte[8]));
        assertThatThrownBy(() -> NpyFile.open(f)).isInstanceOf(TensorFormatException.class)
                .hasMessage(f + ": unsupported dtype '<f8' (supported: '<f4' float32, '<f2' float16, little endian)");
        Files.write(f, npy("{'descr': '>f4', 'fortran_order': False, 'shape': (1, 1), }", new byte[4]));
        assertThatThrownBy(() -> NpyFile.open(f)).hasMessageContaining("unsupported dtype '>f4'");
    }

    @Test
    void rejectsFortranOrderAndNon2DAndTruncatedData() throws IOException {
        Path f = dir.resolve("x.npy");
        Files.write(f, npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", floats(1, 2, 3, 4)));
        assertThatThrownBy(() -> NpyFile.open(f)).hasMessageContaining("fortran_order is True");
        Files.write(f, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", floats(1, 2, 3, 4)));
        assertThatThrownBy(() -> NpyFile.open(f)).hasMessageContaining("shape has 1 dimensions, expected a 2-D");
        Files.write(f, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", floats(1, 2, 3, 4)));
        assertThatThrownBy(() -> NpyFile.open(f)).hasMessageContaining("truncated").hasMessageContaining("needs 24 data bytes, file holds 16");
        Files.write(f, "not numpy at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> NpyFile.open(f)).hasMessageContaining("not a .npy file");
    }
}
