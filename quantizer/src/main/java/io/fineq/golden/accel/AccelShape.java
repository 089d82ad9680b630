package io.fineq.golden.accel;

/**
 * The sizes of an accelerator that the job semantics depend on (io.fineq.rtl.AccelConfig holds
 * the same numbers for the RTL; the golden model does not depend on the generator).
 *
 * @param rows        R, tokens per tile
 * @param cols        C, channels per k-tile (a power of two)
 * @param busBytes    AXI4 data bytes
 * @param groupBlocks 24-row blocks per output group (partial sums on chip)
 * @param paramBlocks largest MB of a job
 */
public record AccelShape(int rows, int cols, int busBytes, int groupBlocks, int paramBlocks) {
    public int lanes() {
        return busBytes / 4;
    }
}
