package io.fineq.tensor;

import io.fineq.format.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a tensor as a version 1.0 {@code .npy} file in C order ({@code <f4} or {@code <f2}),
 * streaming row by row, atomically. The header is padded with spaces and a newline so that the
 * data starts at a multiple of 64 bytes, as numpy does.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    public static void write(Path file, Tensor2D t, DType dtype) throws IOException {
        if (dtype.npyDescr() == null) throw new IllegalArgumentException(".npy cannot hold " + dtype + "; use F32 or F16");
        byte[] header = header(dtype.npyDescr(), t.rows(), t.cols());
        AtomicFiles.write(file, out -> {
            out.write(header);
            float[] row = new float[t.cols()];
            ByteBuffer buf = ByteBuffer.allocate(t.cols() * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < t.rows(); r++) {
                t.readRow(r, row);
                buf.clear();
                for (float v : row) dtype.write(buf, v);
                out.write(buf.array(), 0, buf.position());
            }
        });
    }

    /** Magic, version 1.0, header length and the padded header dictionary. */
    static byte[] header(String descr, int rows, int cols) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = NpyFile.MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(NpyFile.MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyFile.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
