package io.fineq.tensor;

/**
 * A read-only M x K float matrix read one row at a time, so that callers can stream over
 * tensors larger than the heap (memory-mapped files, generated data).
 * Implementations must allow concurrent {@link #readRow} calls from several threads.
 */
public interface Tensor2D {
    /** The tensor's name (safetensors key, .npy file stem, or synthetic name). */
    String name();

    /** M: rows = output features. */
    int rows();

    /** K: columns = input features (channels). */
    int cols();

    /** Copies row {@code r} (0..rows-1) into {@code dst[0..cols-1]}. */
    void readRow(int r, float[] dst);

    /** "MxK", as progress lines and error messages print shapes. */
    default String shape() {
        return rows() + "x" + cols();
    }
}
