package io.fineq.tensor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fineq.format.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes tensors to a safetensors file, streaming rows, atomically. Tensors are laid out in the
 * given order; the header is space-padded to a multiple of 8 bytes as the reference
 * implementation does.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One tensor to write.
     *
     * @param shape the declared shape; its element count must be {@code data.rows() * data.cols()}
     *              (a 1-D bias is a 1 x n tensor declared as {@code [n]})
     */
    public record Item(Tensor2D data, DType dtype, long[] shape) {
        public static Item matrix(Tensor2D t, DType d) {
            return new Item(t, d, new long[] {t.rows(), t.cols()});
        }

        long bytes() {
            return (long) data.rows() * data.cols() * dtype.bytes();
        }
    }

    private SafetensorsWriter() {
    }

    public static void write(Path file, List<Item> items) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        long offset = 0;
        for (Item it : items) {
            long count = 1;
            for (long s : it.shape()) count *= s;
            if (count != (long) it.data().rows() * it.data().cols())
                throw new IllegalArgumentException("tensor '" + it.data().name() + "': shape does not match its " + it.data().shape() + " data");
            ObjectNode e = root.putObject(it.data().name());
            e.put("dtype", it.dtype().safetensorsName());
            ArrayNode shape = e.putArray("shape");
            for (long s : it.shape()) shape.add(s);
            e.putArray("data_offsets").add(offset).add(offset + it.bytes());
            offset += it.bytes();
        }
        byte[] json = JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        byte[] hb = java.util.Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        java.util.Arrays.fill(hb, json.length, hb.length, (byte) ' ');
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(hb.length);
            out.write(len.array());
            out.write(hb);
            for (Item it : items) {
                Tensor2D t = it.data();
                float[] row = new float[t.cols()];
                ByteBuffer buf = ByteBuffer.allocate(t.cols() * it.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
                for (int r = 0; r < t.rows(); r++) {
                    t.readRow(r, row);
                    buf.clear();
                    for (float v : row) it.dtype().write(buf, v);
                    out.write(buf.array(), 0, buf.position());
                }
            }
        });
    }
}
