package io.fineq.golden;

/**
 * What the array produces for one weight vector: {@code y[r]} for every array row (the
 * accumulator after the last bit-time) and the number of bit-times L it took.
 */
public record VectorResult(long[] y, int length) {
}
