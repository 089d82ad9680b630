package io.fineq.tb;

import io.fineq.golden.BeatCodec;
import io.fineq.rtl.FineqConfig;

import java.math.BigInteger;
import java.util.List;

/**
 * Everything one fineq_core job needs at the pins (docs/microarchitecture.md section 3):
 * activation beats, weight beats with their last flags, the expected result beats in order and
 * the expected cycle count (section 4; valid only without stalls).
 */
public record CoreVectors(FineqConfig config, List<BigInteger> activationBeats, List<WeightBeat> weightBeats,
                          List<ResultBeat> expected, long expectedCycles) {

    public CoreVectors {
        activationBeats = List.copyOf(activationBeats);
        weightBeats = List.copyOf(weightBeats);
        expected = List.copyOf(expected);
        if (expected.isEmpty()) throw new IllegalArgumentException("a job has at least one result beat");
        for (ResultBeat r : expected) {
            if (r.y().length != config.rows())
                throw new IllegalArgumentException("result beat of tile " + r.tile() + " m=" + r.m() + " has " + r.y().length + " rows, array has " + config.rows());
        }
    }

    /** One weight beat: the C blocks of one (kt, mb), column c at {@code [56c +: 56]}. */
    public record WeightBeat(BigInteger data, boolean last) {
    }

    /**
     * One expected result beat: partial sums {@code y[r]} of tokens {@code nt*R + r} for output
     * row {@code m} and k-tile {@code kt}; {@code tile} counts tiles in job order from 0.
     */
    public record ResultBeat(int tile, int kt, int nt, int m, long[] y) {
        public BigInteger packed(int accWidth) {
            return BeatCodec.packSigned(y, accWidth);
        }
    }
}
