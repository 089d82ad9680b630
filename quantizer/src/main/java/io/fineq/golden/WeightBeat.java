package io.fineq.golden;

import java.math.BigInteger;

/**
 * One beat of the weight stream: {@code w_data_i} (the C blocks of one (kt, mb), column c at
 * {@code [56c +: 56]}) and {@code w_last_i} (last beat of a tile).
 */
public record WeightBeat(BigInteger data, boolean last) {
}
