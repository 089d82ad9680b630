package io.fineq.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Temporal encoder, PE and ACC against hand tables and plain arithmetic. */
class DatapathBlocksTest {

    @ParameterizedTest
    @CsvSource({
            // mag, t, bit, done
            "0,0,false,true", "0,1,false,true", "0,2,false,true",
            "1,0,true,true", "1,1,false,true", "1,2,false,true",
            "2,0,true,false", "2,1,true,true", "2,2,false,true",
            "3,0,true,false", "3,1,true,false", "3,2,true,true"})
    void temporalEncoderTruthTable(int mag, int t, boolean bit, boolean done) {
        assertThat(TemporalEncoderModel.bit(mag, t)).isEqualTo(bit);
        assertThat(TemporalEncoderModel.done(mag, t)).isEqualTo(done);
    }

    @Test
    void unaryTrainHasMagnitudeOnes() {
        for (int mag = 0; mag <= 3; mag++) {
            int ones = 0;
            for (int t = 0; t < 3; t++) if (TemporalEncoderModel.bit(mag, t)) ones++;
            assertThat(ones).isEqualTo(mag);
        }
    }

    @Test
    void peSelectsOnlyTheStoredActivation() {
        PeModel pe = new PeModel();
        pe.write(-128);
        assertThat(pe.select(true)).isEqualTo(-128);
        assertThat(pe.select(false)).isZero();
        pe.write(127);
        assertThat(pe.select(true)).isEqualTo(127);
    }

    @ParameterizedTest
    @CsvSource({"64,8,16", "2,8,11", "1,2,4", "1,8,10", "1024,16,28", "3,4,8"})
    void accWidthMatchesHandValues(int cols, int actW, int accW) {
        // e.g. C=2, ACT_W=8: 3*2*128 = 768 needs 10 bits, +1 sign = 11; C=3, ACT_W=4: 72 needs 7, +1 = 8.
        assertThat(AccModel.accWidth(cols, actW)).isEqualTo(accW);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 9, 31, 64, 65})
    void treeSumIsThePlainSignedSum(int cols) {
        Random rnd = new Random(cols);
        for (int trial = 0; trial < 200; trial++) {
            int[] sel = new int[cols];
            boolean[] neg = new boolean[cols];
            long expected = 0;
            for (int c = 0; c < cols; c++) {
                sel[c] = trial % 3 == 0 ? -128 : rnd.nextInt(256) - 128;
                neg[c] = trial % 3 == 0 || rnd.nextBoolean();
                expected += neg[c] ? -sel[c] : sel[c];
            }
            long tree = AccModel.treeSum(sel, neg, 8);
            assertThat(tree).isBetween(0L, 255L * cols);
            assertThat(tree + AccModel.correction(neg, 8)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({
            // sel, neg, leaf: (neg ? ~sel : sel) in 8 bits, bit 7 flipped; signed product = leaf - 128 + neg
            "5,false,133", "5,true,122", "0,false,128", "0,true,127",
            "-128,false,0", "-128,true,255", "127,false,255", "127,true,0", "-1,false,127", "-1,true,128"})
    void leafIsTheConditionalInvertWithTheTopBitFlipped(int sel, boolean neg, long leaf) {
        assertThat(AccModel.leaf(sel, neg, 8)).isEqualTo(leaf);
        assertThat(leaf - 128 + (neg ? 1 : 0)).isEqualTo(neg ? -(long) sel : sel);
    }

    @Test
    void correctionCountsNegativeColumnsAgainstTheFlippedBits() {
        // 3 columns, 2 negative, ACT_W = 4: 2 - 3 * 8 = -22.
        assertThat(AccModel.correction(new boolean[] {true, false, true}, 4)).isEqualTo(-22);
        assertThat(AccModel.correction(new boolean[64], 8)).isEqualTo(-8192);
    }

    @ParameterizedTest
    @CsvSource({"1,2", "1,8", "7,8", "64,8", "64,16", "1024,16"})
    void extremeVectorsFitTheAccumulator(int cols, int actW) {
        int min = -(1 << (actW - 1));
        int[][] acts = {new int[cols], new int[cols]};
        java.util.Arrays.fill(acts[0], min);
        java.util.Arrays.fill(acts[1], min);
        int[] negThree = new int[cols];
        int[] posThree = new int[cols];
        java.util.Arrays.fill(negThree, 0b111);
        java.util.Arrays.fill(posThree, 0b011);
        long bound = 3L * cols * (1L << (actW - 1));
        assertThat(ArrayModel.computeVector(acts, negThree, true, actW).y()).containsExactly(bound, bound);
        assertThat(ArrayModel.computeVector(acts, posThree, false, actW).y()).containsExactly(-bound, -bound);
        int accW = AccModel.accWidth(cols, actW);
        assertThat(bound).isLessThanOrEqualTo((1L << (accW - 1)) - 1);
    }

    @Test
    void accumulatorPipelineDelaysByStagesAndFreezesWithoutEnable() {
        AccModel acc = new AccModel(4, 8, 2);
        acc.clock(true, 10, true, false, 0);  // tree 10 enters stage 1
        acc.clock(true, 20, false, false, 0); // 10 -> stage 2, 20 -> stage 1
        assertThat(acc.y()).isZero();
        acc.clock(false, 99, true, true, 0);  // en = 0: nothing moves, nothing accumulates
        assertThat(acc.y()).isZero();
        acc.clock(true, 30, true, true, -7);  // stage 2 (10) reaches the accumulator as a first bit-time: -7 + 10
        assertThat(acc.y()).isEqualTo(3);
        acc.clock(true, 40, false, true, 1000); // 20 accumulates; corr only counts on a first bit-time
        assertThat(acc.y()).isEqualTo(23);
        acc.clock(true, 0, true, true, 0);    // 30 starts a new vector
        assertThat(acc.y()).isEqualTo(30);
        acc.clock(true, 0, false, false, 0);  // 40 arrives but not valid: held
        assertThat(acc.y()).isEqualTo(30);
    }
}
