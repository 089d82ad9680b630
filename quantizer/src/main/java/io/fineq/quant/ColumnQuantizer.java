package io.fineq.quant;

/**
 * FineQ on one input channel (one column of W, all its 24-row blocks) at a given scale: the block
 * rules of spec section 2 applied to {@code u = w / s}, rows past M padded with 0. The calibrated
 * quantizer calls this once per candidate scale, so it works on a column held in memory rather
 * than streaming rows as {@link FineqQuantizer} does. Not thread-safe (scratch arrays).
 */
final class ColumnQuantizer {
    private final int rows;
    private final int blocks;
    private final BlockQuantizer bq;
    private final double[] u;
    private final int[] codes = new int[PackedBlock.PAIRS];
    private final int[] q = new int[PackedBlock.VALUES];
    /** Rows whose values are clamped to +-2 before the block rules (a long-vector budget), or null. */
    private boolean[] capped;

    ColumnQuantizer(int rows, double threshold, Pairing pairing) {
        this.rows = rows;
        this.blocks = RowBlocks.ceilDiv(rows, PackedBlock.VALUES);
        this.bq = new BlockQuantizer(threshold, pairing);
        this.u = new double[blocks * PackedBlock.VALUES];
    }

    /**
     * Rows m whose normalised values are clamped to [-2, 2] before the block rules from now on
     * ({@code rows[m]}; null: none). The block rules then apply to the clamped values, so every block
     * still obeys spec section 2 for the values it was quantized from, and no such row gets a 3.
     */
    void capRows(boolean[] rows) {
        this.capped = rows;
    }

    int paddedRows() {
        return blocks * PackedBlock.VALUES;
    }

    /**
     * Quantises {@code w[0..M-1]} at scale {@code s}: codes into {@code qOut[0..Mp-1]} and the pair
     * codes into {@code pairOut[0..4*Mp/24-1]} (either may be null).
     *
     * @return the column's squared weight error {@code sum_m (w[m] - s q[m])^2}
     */
    double quantize(double[] w, double s, int[] qOut, int[] pairOut) {
        for (int m = 0; m < rows; m++) {
            double v = w[m] / s;
            u[m] = capped != null && capped[m] ? Math.max(-LongVectorBudget.CAP, Math.min(LongVectorBudget.CAP, v)) : v;
        }
        double err = 0;
        for (int b = 0; b < blocks; b++) {
            bq.quantizeCodes(u, b * PackedBlock.VALUES, codes, q);
            for (int i = 0; i < PackedBlock.VALUES; i++) {
                int m = b * PackedBlock.VALUES + i;
                if (m < rows) {
                    double d = w[m] - s * q[i];
                    err += d * d;
                }
                if (qOut != null) qOut[m] = q[i];
            }
            if (pairOut != null) System.arraycopy(codes, 0, pairOut, b * PackedBlock.PAIRS, PackedBlock.PAIRS);
        }
        return err;
    }

    /** Packs a column's codes (from {@link #quantize}) as the image blocks of input channel {@code col}. */
    static void pack(int col, int[] q, int[] pairCodes, int arrayCols, int rowBlocks, byte[] blocksOut) {
        int kt = col / arrayCols;
        int c = col % arrayCols;
        int[] bc = new int[PackedBlock.PAIRS];
        int[] bqv = new int[PackedBlock.VALUES];
        for (int mb = 0; mb < rowBlocks; mb++) {
            System.arraycopy(pairCodes, mb * PackedBlock.PAIRS, bc, 0, PackedBlock.PAIRS);
            System.arraycopy(q, mb * PackedBlock.VALUES, bqv, 0, PackedBlock.VALUES);
            long index = ((long) kt * rowBlocks + mb) * arrayCols + c;
            PackedBlock.encode(bc, bqv, blocksOut, (int) (index * PackedBlock.BYTES));
        }
    }
}
