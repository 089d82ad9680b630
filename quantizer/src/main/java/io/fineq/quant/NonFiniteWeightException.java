package io.fineq.quant;

/** A weight is NaN or infinite; the message names tensor, row and column. */
public final class NonFiniteWeightException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NonFiniteWeightException(String tensor, int row, int col, float value) {
        super("tensor '" + tensor + "': weight at row " + row + ", column " + col + " is " + value
                + " (weights must be finite)");
    }
}
