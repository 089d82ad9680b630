package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap against facts that do not depend on it: degenerate data, textbook widths, coverage, paired shifts. */
class PairedBootstrapTest {

    @Test
    void constantDataHasAZeroWidthInterval() {
        double[] x = new double[50];
        java.util.Arrays.fill(x, 0.25);
        PairedBootstrap.Interval i = new PairedBootstrap(50, 500, 1).mean(x);
        assertThat(i.mean()).isEqualTo(0.25);
        assertThat(i.lo()).isEqualTo(0.25);
        assertThat(i.hi()).isEqualTo(0.25);
    }

    @Test
    void widthMatchesTheNormalApproximationAndCoverageIsNominal() {
        // Bernoulli(0.4), n = 1000: the textbook 95 % half-width is 1.96 sqrt(0.24 / 1000) = 0.0304.
        int n = 1000, covered = 0, datasets = 200;
        SplittableRandom rnd = new SplittableRandom(7);
        double width = 0;
        for (int d = 0; d < datasets; d++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
            PairedBootstrap.Interval iv = new PairedBootstrap(n, 400, 100 + d).mean(x);
            if (iv.lo() <= 0.4 && 0.4 <= iv.hi()) covered++;
            width += (iv.hi() - iv.lo()) / 2 / datasets;
        }
        assertThat(width).isCloseTo(1.96 * Math.sqrt(0.24 / n), within(0.003));
        assertThat((double) covered / datasets).isBetween(0.90, 0.99);
    }

    @Test
    void aShiftOnEveryItemIsSignificantAndNoShiftIsNot() {
        int n = 300;
        SplittableRandom rnd = new SplittableRandom(3);
        double[] a = new double[n], b = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextGaussian();
            b[i] = a[i] - 0.01; // a tiny but consistent improvement: paired, it is certain
            c[i] = rnd.nextGaussian(); // independent of a, same distribution
        }
        PairedBootstrap boot = new PairedBootstrap(n, 1000, 5);
        PairedBootstrap.Difference shift = boot.difference(a, b, "b");
        assertThat(shift.mean()).isCloseTo(0.01, within(1e-12));
        assertThat(shift.lo()).isCloseTo(0.01, within(1e-12));
        assertThat(shift.significant()).isTrue();
        assertThat(shift.p()).isZero();
        PairedBootstrap.Difference self = boot.difference(a, a, "a");
        assertThat(self.significant()).isFalse();
        assertThat(self.p()).isEqualTo(1.0);
        // Unpaired noise of sd sqrt(2): the difference's interval is about +-1.96 sqrt(2 / n) wide and contains 0 here.
        PairedBootstrap.Difference noise = boot.difference(a, c, "c");
        assertThat(noise.significant()).isFalse();
        assertThat((noise.hi() - noise.lo()) / 2).isCloseTo(1.96 * Math.sqrt(2.0 / n), within(0.03));
    }
}
