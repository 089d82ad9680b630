package io.fineq.format;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON header of a {@code .fqw} weight image (spec section 4). Field names are the spec's.
 * Unknown JSON fields are tolerated so that later writers may add metadata.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"rows", "cols", "padded_rows", "padded_cols", "array_cols", "scale", "threshold", "pairing"})
public record FqwHeader(
        @JsonProperty("rows") int rows,
        @JsonProperty("cols") int cols,
        @JsonProperty("padded_rows") int paddedRows,
        @JsonProperty("padded_cols") int paddedCols,
        @JsonProperty("array_cols") int arrayCols,
        @JsonProperty("scale") String scale,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("pairing") String pairing) {

    /** Rows per block (one column, 8 clusters of 3). */
    public static final int BLOCK_ROWS = 24;

    /** Builds the header for an M x K matrix on a C-column array, padding as the spec requires. */
    public static FqwHeader forShape(int rows, int cols, int arrayCols, String scale, double threshold, String pairing) {
        if (arrayCols < 1) {
            throw new IllegalArgumentException("array_cols must be >= 1, got " + arrayCols);
        }
        int paddedRows = ceilTo(rows, BLOCK_ROWS);
        int paddedCols = ceilTo(cols, arrayCols);
        return new FqwHeader(rows, cols, paddedRows, paddedCols, arrayCols, scale, threshold, pairing);
    }

    private static int ceilTo(int v, int multiple) {
        return (int) Math.multiplyExact((long) ((v + (long) multiple - 1) / multiple), (long) multiple);
    }

    /** Number of k-tiles, Kp / C. */
    public int kTiles() {
        return paddedCols / arrayCols;
    }

    /** Number of 24-row blocks per column, Mp / 24. */
    public int rowBlocks() {
        return paddedRows / BLOCK_ROWS;
    }

    /** Total number of 7-byte blocks in the image. */
    public long blockCount() {
        return (long) kTiles() * rowBlocks() * arrayCols;
    }

    /**
     * Checks the invariants of spec section 4; returns null when valid, otherwise a message
     * naming the offending field and the allowed range.
     */
    public String validationError() {
        if (rows < 1) return "rows must be >= 1, got " + rows;
        if (cols < 1) return "cols must be >= 1, got " + cols;
        if (arrayCols < 1) return "array_cols must be >= 1, got " + arrayCols;
        if (paddedRows < rows || paddedRows % BLOCK_ROWS != 0 || paddedRows - rows >= BLOCK_ROWS)
            return "padded_rows must be rows rounded up to a multiple of 24 (" + ceilTo(rows, BLOCK_ROWS) + "), got " + paddedRows;
        if (paddedCols < cols || paddedCols % arrayCols != 0 || paddedCols - cols >= arrayCols)
            return "padded_cols must be cols rounded up to a multiple of array_cols (" + ceilTo(cols, arrayCols) + "), got " + paddedCols;
        if (scale == null || scale.isEmpty()) return "scale must name the scale rule (e.g. absmax), got none";
        if (pairing == null || !(pairing.equals("paper") || pairing.equals("exhaustive")))
            return "pairing must be 'paper' or 'exhaustive', got " + pairing;
        if (!(threshold > 0) || Double.isInfinite(threshold)) return "threshold must be a finite number > 0, got " + threshold;
        return null;
    }
}
