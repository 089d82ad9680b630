package io.fineq.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The baselines on rows small enough to work out by hand. */
class BaselinesTest {
    private static double[] apply(ApproximationMethod m, float... w) {
        double[] out = new double[w.length];
        m.approximateRow(0, w, out);
        return out;
    }

    @Test
    void rtn2OnAHandRow() {
        // lo = -1, hi = 2: delta = 3/3 = 1, z = rhaz(1) = 1; 0.4 -> rhaz(0.4) + 1 = 1 -> 0; 0.6 -> 2 -> 1
        assertThat(apply(new RtnAsymmetric(2, 4), -1f, 0.4f, 2f, 0.6f)).containsExactly(-1, 0, 2, 1);
    }

    @Test
    void rtn2RangeIncludesZeroAndClamps() {
        // all positive: lo = 0, hi = 3, delta = 1, z = 0: 1.5 -> rhaz 2; 2.5 -> 3
        assertThat(apply(new RtnAsymmetric(2, 3), 1.5f, 2.5f, 3f)).containsExactly(2, 3, 3);
        assertThat(apply(new RtnAsymmetric(2, 2), 0f, 0f)).containsExactly(0, 0);
    }

    @Test
    void rtn3IsExactOnItsOwnGrid() {
        float[] w = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] out = apply(new RtnAsymmetric(3, 8), w);
        for (int i = 0; i < 8; i++) assertThat(out[i]).isEqualTo(w[i]);
        // shifted grid: lo = -0.75, hi = 1, delta = 1.75 / 7 = 0.25, z = rhaz(3) = 3
        // 0.3 -> rhaz(1.2) = 1; +-0.125 -> rhaz(+-0.5) = +-1 (half away from zero)
        assertThat(apply(new RtnAsymmetric(3, 5), -0.75f, 1f, 0.3f, 0.125f, -0.125f)).containsExactly(-0.75, 1, 0.25, 0.25, -0.25);
    }

    @Test
    void uniformSymmetricMidRiseLevels() {
        // absmax 1.5 -> delta 1; levels -1.5 -0.5 0.5 1.5
        assertThat(apply(new UniformSymmetric2(5), 1.5f, -1.5f, 0.2f, -0.7f, 0f)).containsExactly(1.5, -1.5, 0.5, -0.5, 0.5);
        assertThat(apply(new UniformSymmetric2(2), 0f, 0f)).containsExactly(0, 0);
    }

    @Test
    void bitsPerWeightFormulas() {
        assertThat(new RtnAsymmetric(2, 64).bitsPerWeight()).isEqualTo(2 + 34.0 / 64);
        assertThat(new RtnAsymmetric(3, 64).bitsPerWeight()).isEqualTo(3 + 35.0 / 64);
        assertThat(new UniformSymmetric2(64).bitsPerWeight()).isEqualTo(2.5);
    }
}
