package io.fineq.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ArrayModelTest {

    private static int code(int value) {
        return (value < 0 ? 0b100 : 0) | Math.abs(value);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,3", "5,4", "8,8", "3,17"})
    void vectorIsAnExactDotProductAndLFollowsTheSpec(int rows, int cols) {
        Random rnd = new Random(rows * 31L + cols);
        for (int trial = 0; trial < 300; trial++) {
            int[][] acts = TestImages.randomActivations(rows, cols, 8, rnd);
            int[] w = new int[cols];
            int[] codes = new int[cols];
            int maxMag = 0;
            for (int c = 0; c < cols; c++) {
                w[c] = rnd.nextInt(7) - 3;
                // Negative zero is a legal code and must behave as zero.
                codes[c] = w[c] == 0 && rnd.nextBoolean() ? 0b100 : code(w[c]);
                maxMag = Math.max(maxMag, Math.abs(w[c]));
            }
            for (boolean term : new boolean[] {true, false}) {
                VectorResult v = ArrayModel.computeVector(acts, codes, term, 8);
                assertThat(v.length()).isEqualTo(term ? Math.max(1, maxMag) : 3);
                TestImages.assertDotProducts(v, acts, w);
            }
        }
    }

    @Test
    void handExampleTwoByTwo() {
        // a = [[-1, 5], [2, -128]], w = [-3, 2]:
        // y0 = 3 - (-... ) : -3*-1 + 2*5 = 13; y1 = -3*2 + 2*-128 = -262. L = 3 (max |w| = 3).
        VectorResult v = ArrayModel.computeVector(new int[][] {{-1, 5}, {2, -128}}, new int[] {0b111, 0b010}, true, 8);
        assertThat(v.y()).containsExactly(13, -262);
        assertThat(v.length()).isEqualTo(3);
    }

    @Test
    void allZeroVectorTakesOneBitTimeWithTerminationAndThreeWithout() {
        int[] zeros = {0, 0b100, 0};
        assertThat(ArrayModel.vectorLength(zeros, true)).isEqualTo(1);
        assertThat(ArrayModel.vectorLength(zeros, false)).isEqualTo(3);
        assertThat(ArrayModel.vectorLength(new int[] {0b001, 0b110, 0}, true)).isEqualTo(2);
    }

    @Test
    void cycleSteppedArrayMatchesComputeVector() {
        // Load a 3 x 2 tile, run three vectors back to back with res_ready = 1, S = 1.
        Random rnd = new Random(7);
        int rows = 3;
        int cols = 2;
        int[][] acts = TestImages.randomActivations(rows, cols, 8, rnd);
        ArrayModel array = new ArrayModel(rows, cols, 8, true, 1);
        for (int r = 0; r < rows; r++) array.clock(true, r, acts[r], false, new int[cols], true);
        int[][] vectors = {{0b011, 0b101}, {0, 0b100}, {0b110, 0b001}};
        java.util.List<long[]> seen = new java.util.ArrayList<>();
        int cyclesInCompute = TestImages.streamVectors(array, vectors, cols, seen);
        // L = 3, 1, 2 -> 6 bit-times; the column register, S = 1 and the result register add 3 cycles
        // before the last handshake.
        assertThat(cyclesInCompute).isEqualTo(6 + 1 + 1 + 1);
        for (int i = 0; i < vectors.length; i++) {
            assertThat(seen.get(i)).containsExactly(ArrayModel.computeVector(acts, vectors[i], true, 8).y());
        }
    }

    @Test
    void activationWriteWaitsWhileAHeldStageOneStillNeedsTheOldActivations() {
        // 1 x 1 array, S = 0. Row 0 holds 5; a vector of weight +1 (L = 1) leaves a result that is
        // not taken, and the next vector's bit-time sits in stage 1 while en is low.
        ArrayModel array = new ArrayModel(1, 1, 8, true, 0);
        array.clock(true, 0, new int[] {5}, false, new int[] {0}, true);
        int[] one = {0b001};
        array.clock(false, 0, new int[1], true, one, true);   // vector A at the encoders
        array.clock(false, 0, new int[1], true, one, true);   // A in stage 1, vector B at the encoders
        array.clock(false, 0, new int[1], true, one, false);  // A accumulated, B in stage 1; result A valid
        assertThat(array.resValid()).isTrue();
        assertThat(array.result()).containsExactly(5);
        // en is low (result waiting, not ready): B in stage 1 must still see 5, so a new beat waits.
        array.clock(true, 0, new int[] {-7}, false, one, false);
        assertThat(array.actPend()).isTrue();
        assertThat(array.resValid()).isTrue();
        array.clock(false, 0, new int[1], false, one, false);
        assertThat(array.actPend()).isTrue();
        // Result A taken: en rises, B accumulates with 5 and the waiting beat lands in the same edge.
        array.clock(false, 0, new int[1], false, one, true);
        assertThat(array.actPend()).isFalse();
        assertThat(array.resValid()).isTrue();
        assertThat(array.result()).containsExactly(5);
        // Vector C now reads the new activation -7.
        array.clock(false, 0, new int[1], true, one, true);
        array.clock(false, 0, new int[1], false, one, true);
        array.clock(false, 0, new int[1], false, one, true);
        assertThat(array.result()).containsExactly(-7);
    }
}
