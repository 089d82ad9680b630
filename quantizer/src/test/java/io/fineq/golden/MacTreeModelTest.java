package io.fineq.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The golden model of the MAC baseline in the shell ({@link ArrayKind#MAC_TREE}) against plain products and the cycle rule. */
class MacTreeModelTest {

    private static int code(int value) {
        return (value < 0 ? 0b100 : 0) | Math.abs(value);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,3", "5,4", "8,8", "3,17", "2,64"})
    void vectorIsAnExactDotProductInOneCycle(int rows, int cols) {
        Random rnd = new Random(rows * 131L + cols);
        for (int trial = 0; trial < 200; trial++) {
            int[][] acts = TestImages.randomActivations(rows, cols, 8, rnd);
            int[] codes = new int[cols];
            int[] w = new int[cols];
            for (int c = 0; c < cols; c++) {
                w[c] = rnd.nextInt(7) - 3;
                codes[c] = w[c] == 0 && rnd.nextBoolean() ? 0b100 : code(w[c]);
            }
            VectorResult v = ArrayModel.computeVector(acts, codes, true, 8, ArrayKind.MAC_TREE);
            assertThat(v.length()).isEqualTo(1);
            TestImages.assertDotProducts(v, acts, w);
        }
    }

    @Test
    void extremeProductsFitTheDeclaredWidthsAndANarrowerOneWouldNot() {
        // 64 columns of -128 * -3 = 384: the root is 64 * 384 = 24,576, which needs ACC_W = 16 signed bits.
        int[][] acts = new int[1][64];
        int[] codes = new int[64];
        java.util.Arrays.fill(acts[0], -128);
        java.util.Arrays.fill(codes, code(-3));
        assertThat(ArrayModel.computeVector(acts, codes, true, 8, ArrayKind.MAC_TREE).y()).containsExactly(24_576);
        assertThat(ArrayModel.macNodeWidth(64, 8)).isEqualTo(AccModel.accWidth(64, 8)).isEqualTo(16);
        assertThat(ArrayModel.macNodeWidth(1, 8)).isEqualTo(10);
        // 2 x 384 = 768 needs 11 signed bits; with ACT_W = 7 declared the same products overflow its widths.
        assertThatThrownBy(() -> ArrayModel.macTreeSum(new int[] {-128, -128}, new int[] {-3, -3}, 7, new long[2]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not fit");
    }

    @Test
    void cycleSteppedMacArrayTakesOneCyclePerVector() {
        Random rnd = new Random(5);
        int rows = 3;
        int cols = 5;
        int[][] acts = TestImages.randomActivations(rows, cols, 8, rnd);
        ArrayModel array = new ArrayModel(rows, cols, 8, true, 1, ArrayKind.MAC_TREE);
        for (int r = 0; r < rows; r++) array.clock(true, r, acts[r], false, new int[cols], true);
        int[][] vectors = {{0b011, 0b101, 0, 0b110, 0b001}, {0, 0b100, 0b111, 0b011, 0b010}, {0b110, 0b001, 0b011, 0, 0}};
        java.util.List<long[]> seen = new java.util.ArrayList<>();
        int v = 0;
        int cycles = 0;
        while (seen.size() < vectors.length) {
            if (array.resValid()) seen.add(array.result());
            boolean valid = v < vectors.length;
            int[] w = valid ? vectors[v] : new int[cols];
            boolean done = array.vecDone(valid, w, true);
            if (valid) assertThat(done).as("every issued vector is done in its cycle").isTrue();
            array.clock(false, 0, new int[cols], valid, w, true);
            if (done) v++;
            cycles++;
        }
        // 3 vectors, then the column register, S = 1 and the result register.
        assertThat(cycles).isEqualTo(3 + 3);
        for (int i = 0; i < vectors.length; i++) {
            assertThat(seen.get(i)).containsExactly(ArrayModel.computeVector(acts, vectors[i], true, 8).y());
        }
    }
}
