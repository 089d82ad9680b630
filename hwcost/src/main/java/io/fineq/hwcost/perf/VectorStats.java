package io.fineq.hwcost.perf;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;
import io.fineq.golden.GoldenJob;
import io.fineq.golden.WeightCode;

/**
 * What the cycle and energy models need from a weight image, gathered in one pass over its
 * decoded weight vectors (k-tile kt, row m: the C weights q[m][kt*C + c]):
 * the histogram of the vector length L = max(1, max_c |w|) (early termination), the sum of L,
 * the sum of |w| (1-bits the encoders emit) and the histograms of weight values and pair codes.
 *
 * @param kTiles       Kp / C
 * @param paddedRows   Mp: weight vectors per k-tile
 * @param cols         C
 * @param lengthCounts lengthCounts[L] = vectors of length L, L = 1..3 (index 0 unused)
 * @param sumL         sum of L over all Kp/C * Mp vectors (one token tile)
 * @param sumMagnitude sum of |w| over all weights (one token tile)
 * @param valueCounts  valueCounts[v + 3] = weights of value v, v = -3..3
 * @param pairCodes    pairCodes[code] = pairs with index code 00, 01, 10, 11
 */
public record VectorStats(int kTiles, int paddedRows, int cols, long[] lengthCounts, long sumL, long sumMagnitude,
                          long[] valueCounts, long[] pairCodes) {

    public static VectorStats of(FqwImage image) {
        FqwHeader h = image.header();
        long[] lengths = new long[4];
        long[] values = new long[7];
        long[] pairs = new long[4];
        long sumL = 0, sumMag = 0;
        for (int kt = 0; kt < h.kTiles(); kt++) {
            for (int[] vector : GoldenJob.weightVectors(image, kt)) {
                int max = 0;
                for (int code : vector) {
                    int mag = WeightCode.magnitude(code);
                    max = Math.max(max, mag);
                    sumMag += mag;
                    values[WeightCode.value(code) + 3]++;
                }
                int len = Math.max(1, max);
                lengths[len]++;
                sumL += len;
            }
        }
        byte[] blocks = image.blocks();
        for (int off = 0; off < blocks.length; off += FqwImage.BLOCK_BYTES) {
            int index = blocks[off] & 0xFF;
            for (int p = 0; p < 4; p++) pairs[(index >> (2 * p)) & 3]++;
        }
        return new VectorStats(h.kTiles(), h.paddedRows(), h.arrayCols(), lengths, sumL, sumMag, values, pairs);
    }

    /** Weight vectors per token tile, Kp/C * Mp. */
    public long vectors() {
        return (long) kTiles * paddedRows;
    }

    /**
     * Sum of L on an array of {@code kind} with early termination (one token tile): every vector's
     * length from its largest magnitude ({@code CycleFormula.vectorLength}); for the temporal array
     * this is {@link #sumL}.
     */
    public long sumLength(io.fineq.golden.ArrayKind kind) {
        long sum = 0;
        for (int len = 1; len <= 3; len++) sum += lengthCounts[len] * io.fineq.golden.CycleFormula.vectorLength(len, true, kind);
        return sum;
    }

    /** Average L over the vectors. */
    public double meanLength() {
        return sumL / (double) vectors();
    }

    /** 7-byte blocks in the image. */
    public long blocks() {
        return (long) kTiles * (paddedRows / FqwHeader.BLOCK_ROWS) * cols;
    }
}
