package io.fineq.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shifted coding ({@link ArrayKind#SHIFTED}): against plain dot products, the hand-derived
 * length rule L = 1 + [some |w| = 3], and the leaf-width bound.
 */
class ShiftedModelTest {

    private static int code(int value) {
        return (value < 0 ? 0b100 : 0) | Math.abs(value);
    }

    @ParameterizedTest
    @CsvSource({"1,1,8,true", "2,3,8,true", "5,4,8,false", "8,8,8,true", "3,17,4,true", "2,64,8,true", "2,33,16,false", "4,5,2,true"})
    void vectorIsAnExactDotProductInTheStatedBitTimes(int rows, int cols, int actW, boolean termination) {
        Random rnd = new Random(rows * 131L + cols * 7L + actW);
        for (int trial = 0; trial < 200; trial++) {
            int[][] acts = TestImages.randomActivations(rows, cols, actW, rnd);
            int[] codes = new int[cols];
            int[] w = new int[cols];
            // Half the trials without a 3, so both lengths occur.
            int bound = trial % 2 == 0 ? 3 : 2;
            for (int c = 0; c < cols; c++) {
                w[c] = rnd.nextInt(2 * bound + 1) - bound;
                codes[c] = w[c] == 0 && rnd.nextBoolean() ? 0b100 : code(w[c]);
            }
            boolean anyThree = Arrays.stream(w).anyMatch(v -> Math.abs(v) == 3);
            VectorResult v = ArrayModel.computeVector(acts, codes, termination, actW, ArrayKind.SHIFTED);
            assertThat(v.length()).isEqualTo(!termination || anyThree ? 2 : 1);
            TestImages.assertDotProducts(v, acts, w);
        }
    }

    @Test
    void factorsOfTheTwoBitTimesAddUpToTheMagnitude() {
        for (int m = 0; m <= 3; m++) {
            int f0 = TemporalEncoderModel.factor(ArrayKind.SHIFTED, m, 0);
            int f1 = TemporalEncoderModel.factor(ArrayKind.SHIFTED, m, 1);
            assertThat(f0 + f1).isEqualTo(m);
            assertThat(f0).isBetween(0, 2);
            assertThat(TemporalEncoderModel.done(ArrayKind.SHIFTED, m, 0)).isEqualTo(m < 3);
            assertThat(CycleFormula.vectorLength(m, true, ArrayKind.SHIFTED)).isEqualTo(m == 3 ? 2 : 1);
        }
    }

    @Test
    void extremeLeavesFitActWPlusOneBits() {
        // 2a with a = -128 is -256: 9 signed bits; the unsigned leaf of ~(-256) with the MSB flipped is 511.
        assertThat(AccModel.leaf(-256, true, ArrayKind.SHIFTED.leafWidth(8))).isEqualTo(511);
        assertThat(AccModel.leaf(-256, false, 9)).isEqualTo(0);
        int[][] acts = new int[1][64];
        int[] codes = new int[64];
        Arrays.fill(acts[0], -128);
        Arrays.fill(codes, code(-3));
        assertThat(ArrayModel.computeVector(acts, codes, true, 8, ArrayKind.SHIFTED).y()).containsExactly(24_576);
        Arrays.fill(codes, code(2));
        assertThat(ArrayModel.computeVector(acts, codes, true, 8, ArrayKind.SHIFTED).y()).containsExactly(-16_384);
    }

    @Test
    void cycleSteppedShiftedArrayMatchesTheJobApi() {
        Random rnd = new Random(9);
        int rows = 3, cols = 6;
        int[][] acts = TestImages.randomActivations(rows, cols, 8, rnd);
        int[][] vectors = {{0b011, 0b101, 0, 0b110, 0b001, 0b010}, {0, 0b100, 0b110, 0b010, 0b001, 0b101}, {0b111, 0, 0, 0, 0, 0}};
        ArrayModel array = new ArrayModel(rows, cols, 8, true, 0, ArrayKind.SHIFTED);
        for (int r = 0; r < rows; r++) array.clock(true, r, acts[r], false, new int[cols], true);
        java.util.List<long[]> seen = new java.util.ArrayList<>();
        int cycles = TestImages.streamVectors(array, vectors, cols, seen);
        // L = 2, 1, 2, then the column register and the accumulator.
        assertThat(cycles).isEqualTo(5 + 2);
        for (int i = 0; i < vectors.length; i++)
            assertThat(seen.get(i)).containsExactly(ArrayModel.computeVector(acts, vectors[i], true, 8, ArrayKind.SHIFTED).y());
    }
}
