package io.fineq.report;

/** One way of approximating a weight matrix, row by row, for the error report. */
public interface ApproximationMethod {
    /** Short stable name, used as the table's row label and the JSON "method". */
    String name();

    /** Storage cost in bits per real weight, everything included (see docs/quantizer.md). */
    double bitsPerWeight();

    /**
     * The approximation of row {@code r}, whose original values are {@code w[0..K-1]}, into
     * {@code out[0..K-1]}. Must be safe to call from several threads at once.
     */
    void approximateRow(int r, float[] w, double[] out);
}
