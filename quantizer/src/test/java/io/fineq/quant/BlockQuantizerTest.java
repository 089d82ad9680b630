package io.fineq.quant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec section 2 rules on hand-made blocks; expected values are derived by hand in the comments. */
class BlockQuantizerTest {
    private static int[][] run(Pairing pairing, double... u) {
        int[] codes = new int[4];
        int[] q = new int[24];
        new BlockQuantizer(4.0, pairing).quantizeCodes(u, codes, q);
        return new int[][] {codes, q};
    }

    private static double[] block(double... first) {
        double[] u = new double[24];
        System.arraycopy(first, 0, u, 0, first.length);
        return u;
    }

    @ParameterizedTest(name = "a = ({0}, {1}, {2}) -> own code {3}")
    @CsvSource({
            "0, 0, 0, 0",          // all zero: 0 > 4*0 is false
            "1, 1, 1, 0",
            "0.1, 0.1, 2, 1",      // tie for the minimum: lowest index
            "2, 0.1, 0.1, 2",
            "2, 2, 0.1, 3",
            "0.5, 1, 2, 0",        // max == T * min exactly: not an outlier
            "0.5, 1, 2.0000001, 1",
            "0, 0, 0.001, 1",      // any non-zero value beats a zero minimum
    })
    void ownCode(double a0, double a1, double a2, int expected) {
        assertThat(BlockQuantizer.ownCode(a0, a1, a2, 4.0)).isEqualTo(expected);
    }

    @Test
    void thresholdIsAParameter() {
        assertThat(BlockQuantizer.ownCode(1, 1, 3, 2.0)).isEqualTo(1);
        assertThat(BlockQuantizer.ownCode(1, 1, 3, 4.0)).isEqualTo(0);
    }

    @ParameterizedTest(name = "rhaz-clamp3({0}) = {1}, rhaz-clamp1 = {2}")
    @CsvSource({
            "0, 0, 0", "0.49999999999999994, 0, 0", "0.5, 1, 1", "1.4999999999999998, 1, 1", "1.5, 2, 1",
            "2.4999999999999996, 2, 1", "2.5, 3, 1", "3.0000000000000004, 3, 1", "7, 3, 1"})
    void roundingHalfAwayFromZeroThenClamp(double a, int m3, int m2) {
        assertThat(BlockQuantizer.magnitude3(a)).isEqualTo(m3);
        assertThat(BlockQuantizer.magnitude2(a)).isEqualTo(m2);
        assertThat(Rounding.rhaz(a)).isEqualTo(a >= 3.5 ? 7 : m3);
        assertThat(Rounding.rhaz(-a)).isEqualTo(a >= 3.5 ? -7 : -m3);
    }

    @Test
    void negativeValuesRoundAwayFromZero() {
        // Pair 0: both clusters own code 0 (all equal); -0.5 -> -1 under the 2-bit rule.
        // Pair 1: clusters (-2.5, 0.1, 1) and (-2.5, 0.1, 1): own code 2 both; -2.5 -> -3, 1 -> 1.
        int[][] r = run(Pairing.PAPER, block(-0.5, -0.5, -0.5, 0.5, 0.5, 0.5, -2.5, 0.1, 1, -2.5, 0.1, 1));
        assertThat(r[0]).containsExactly(0, 2, 0, 0);
        assertThat(r[1]).startsWith(-1, -1, -1, 1, 1, 1, -3, 0, 1, -3, 0, 1);
    }

    @Test
    void allZeroBlockIsCodeZeroAndAllZeroValues() {
        int[][] r = run(Pairing.EXHAUSTIVE, new double[24]);
        assertThat(r[0]).containsOnly(0);
        assertThat(r[1]).containsOnly(0);
    }

    @Test
    void negativeZeroIsWrittenAsPlainZero() {
        double[] u = new double[24];
        java.util.Arrays.fill(u, -0.0);
        int[] codes = new int[4];
        int[] q = new int[24];
        new BlockQuantizer(4.0, Pairing.PAPER).quantizeCodes(u, codes, q);
        assertThat(PackedBlock.encode(codes, q)).containsOnly(0);
    }

    /**
     * Both clusters of pair 0 are (1, 1, 2.6): max 2.6 <= 4 * 1, own code 0 each.
     * E(0) = 2 * (0 + 0 + 1.6^2) = 5.12; E(1) = E(2) = 2 * (1 + 0 + 0.4^2) = 2.32; E(3) = 2 * (0 + 0 + 2.6^2) = 13.52.
     * paper keeps the agreed code 0; exhaustive takes the argmin, 1 (lowest of the 1/2 tie).
     */
    @Test
    void exhaustiveOverridesAgreeingOwnCodesWhenAnotherCodeIsBetter() {
        double[] u = block(1, 1, 2.6, 1, 1, 2.6);
        int[][] paper = run(Pairing.PAPER, u);
        int[][] exhaustive = run(Pairing.EXHAUSTIVE, u);
        assertThat(paper[0][0]).isEqualTo(0);
        assertThat(paper[1]).startsWith(1, 1, 1, 1, 1, 1);
        assertThat(exhaustive[0][0]).isEqualTo(1);
        assertThat(exhaustive[1]).startsWith(0, 1, 3, 0, 1, 3);
        BlockQuantizer bq = new BlockQuantizer(4.0, Pairing.EXHAUSTIVE);
        double errExhaustive = bq.quantize(u, new int[4], new int[24]);
        assertThat(errExhaustive).isCloseTo(2.32, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void disagreeingOwnCodesTakeTheArgminInBothModes() {
        // Cluster A (0.2, 1, 1): own code 1. Cluster B (1, 1, 1): own code 0.
        // E(0) = 0.04; E(1) = 0.04 + 1 = 1.04; E(2) = 0.04 + 1 + 1 + 1 ... -> code 0.
        double[] u = block(0.2, 1, 1, 1, 1, 1);
        assertThat(run(Pairing.PAPER, u)[0][0]).isEqualTo(0);
        assertThat(run(Pairing.EXHAUSTIVE, u)[0][0]).isEqualTo(0);
        assertThat(run(Pairing.PAPER, u)[1]).startsWith(0, 1, 1, 1, 1, 1);
    }

    @Test
    void exhaustiveNeverHasMoreErrorThanPaper() {
        java.util.Random rnd = new java.util.Random(7);
        BlockQuantizer paper = new BlockQuantizer(4.0, Pairing.PAPER);
        BlockQuantizer exh = new BlockQuantizer(4.0, Pairing.EXHAUSTIVE);
        for (int t = 0; t < 2000; t++) {
            double[] u = new double[24];
            for (int i = 0; i < 24; i++) u[i] = Math.max(-3, Math.min(3, rnd.nextGaussian()));
            int[] cp = new int[4], qp = new int[24], ce = new int[4], qe = new int[24];
            double ep = paper.quantize(u, cp, qp);
            double ee = exh.quantize(u, ce, qe);
            assertThat(ee).isLessThanOrEqualTo(ep);
            // and every returned error equals sum (u - q)^2 recomputed plainly
            double plain = 0;
            for (int i = 0; i < 24; i++) plain += (u[i] - qe[i]) * (u[i] - qe[i]);
            assertThat(ee).isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
