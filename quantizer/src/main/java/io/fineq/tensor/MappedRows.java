package io.fineq.tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;

/**
 * Rows of a row-major 2-D tensor inside a file, read straight from read-only memory mappings.
 * A mapping holds at most 1 GiB of whole rows, so tensors above the 2 GiB limit of one
 * {@code MappedByteBuffer} use several. Reads use absolute bulk gets on views created once, so
 * concurrent readers do not interfere. The mappings stay valid after the channel is closed.
 */
final class MappedRows {
    private static final long MAX_MAPPING = 1L << 30;

    private final DType dtype;
    private final int cols;
    private final int rowsPerMap;
    private final FloatBuffer[] floats;
    private final ShortBuffer[] shorts;

    MappedRows(FileChannel ch, String file, long offset, int rows, int cols, DType dtype) throws IOException {
        this(ch, file, offset, rows, cols, dtype, MAX_MAPPING);
    }

    /** As above with a chosen mapping size limit (tests use a small one to exercise several mappings). */
    MappedRows(FileChannel ch, String file, long offset, int rows, int cols, DType dtype, long maxMapping) throws IOException {
        this.dtype = dtype;
        this.cols = cols;
        long rowBytes = (long) cols * dtype.bytes();
        if (rowBytes > maxMapping) throw new TensorFormatException(file + ": a row of " + cols + " values exceeds the " + maxMapping + "-byte mapping limit");
        this.rowsPerMap = (int) Math.min(rows, maxMapping / rowBytes);
        int maps = (rows + rowsPerMap - 1) / rowsPerMap;
        floats = new FloatBuffer[maps];
        shorts = new ShortBuffer[maps];
        for (int i = 0; i < maps; i++) {
            int first = i * rowsPerMap;
            int n = Math.min(rowsPerMap, rows - first);
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, offset + first * rowBytes, n * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
            if (dtype == DType.F32) floats[i] = b.asFloatBuffer();
            else shorts[i] = b.asShortBuffer();
        }
    }

    int mappings() {
        return floats.length;
    }

    void readRow(int r, float[] dst) {
        int map = r / rowsPerMap;
        int index = (r - map * rowsPerMap) * cols;
        if (dtype == DType.F32) {
            floats[map].get(index, dst, 0, cols);
            return;
        }
        short[] tmp = new short[cols];
        shorts[map].get(index, tmp, 0, cols);
        if (dtype == DType.F16) for (int k = 0; k < cols; k++) dst[k] = HalfFloats.halfToFloat(tmp[k]);
        else for (int k = 0; k < cols; k++) dst[k] = HalfFloats.bf16ToFloat(tmp[k]);
    }
}
