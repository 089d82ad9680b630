package io.fineq.tensor;

/** A tensor held in a row-major float array (tests, benchmarks, small inputs). */
public final class ArrayTensor implements Tensor2D {
    private final String name;
    private final int rows;
    private final int cols;
    private final float[] data;

    public ArrayTensor(String name, int rows, int cols, float[] data) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("shape must be at least 1x1, got " + rows + "x" + cols);
        if ((long) rows * cols != data.length)
            throw new IllegalArgumentException("data holds " + data.length + " values, shape " + rows + "x" + cols + " needs " + (long) rows * cols);
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** From a rectangular float[rows][cols]. */
    public static ArrayTensor of(String name, float[][] m) {
        int k = m[0].length;
        float[] d = new float[m.length * k];
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != k) throw new IllegalArgumentException("row " + r + " has " + m[r].length + " values, expected " + k);
            System.arraycopy(m[r], 0, d, r * k, k);
        }
        return new ArrayTensor(name, m.length, k, d);
    }

    /** Reads every row of {@code t} into memory. */
    public static ArrayTensor copyOf(Tensor2D t) {
        float[] d = new float[Math.multiplyExact(t.rows(), t.cols())];
        float[] row = new float[t.cols()];
        for (int r = 0; r < t.rows(); r++) {
            t.readRow(r, row);
            System.arraycopy(row, 0, d, r * t.cols(), t.cols());
        }
        return new ArrayTensor(t.name(), t.rows(), t.cols(), d);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public void readRow(int r, float[] dst) {
        System.arraycopy(data, r * cols, dst, 0, cols);
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }
}
