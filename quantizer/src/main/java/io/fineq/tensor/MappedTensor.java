package io.fineq.tensor;

/** A 2-D tensor read from a memory-mapped file region (.npy data or one safetensors entry). */
public final class MappedTensor implements Tensor2D {
    private final String name;
    private final int rows;
    private final int cols;
    private final DType dtype;
    private final MappedRows data;

    MappedTensor(String name, int rows, int cols, DType dtype, MappedRows data) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.dtype = dtype;
        this.data = data;
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

    public DType dtype() {
        return dtype;
    }

    @Override
    public void readRow(int r, float[] dst) {
        if (r < 0 || r >= rows) throw new IndexOutOfBoundsException("row " + r + " of " + name + " (" + rows + " rows)");
        data.readRow(r, dst);
    }
}
