package io.fineq.golden;

import java.math.BigInteger;
import java.util.List;

/**
 * Every beat the core receives and emits for one job, in protocol order (microarchitecture
 * section 3), with the expected cycle count. Beats are {@link BigInteger}s as {@link BeatCodec}
 * describes.
 *
 * @param rows              R
 * @param cols              C
 * @param actWidth          ACT_W
 * @param accWidth          ACC_W
 * @param tiles             T, number of tiles
 * @param weightBeatsPerTile Mp / 24
 * @param activations       T * R beats of C * ACT_W bits: tile by tile, beat r = token nt*R + r
 * @param weights           T * Mp/24 beats of C * 56 bits, last flag on each tile's final beat
 * @param results           T * Mp expected beats of R * ACC_W bits, tile by tile in row order m
 * @param expectedCycles    {@link CycleFormula} for this job
 */
public record JobStreams(int rows, int cols, int actWidth, int accWidth, long tiles, int weightBeatsPerTile,
                         List<BigInteger> activations, List<WeightBeat> weights, List<BigInteger> results,
                         long expectedCycles) {
    public JobStreams {
        activations = List.copyOf(activations);
        weights = List.copyOf(weights);
        results = List.copyOf(results);
    }

    /** Width of {@code act_data_i}, C * ACT_W. */
    public int actBeatWidth() {
        return cols * actWidth;
    }

    /** Width of {@code w_data_i}, C * 56. */
    public int weightBeatWidth() {
        return cols * BeatCodec.BLOCK_BITS;
    }

    /** Width of {@code res_data_o}, R * ACC_W. */
    public int resultBeatWidth() {
        return rows * accWidth;
    }
}
