package io.fineq.tensor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticTensorTest {
    @Test
    void sameSeedSameRowsInAnyOrderAndOtherSeedsDiffer() {
        SyntheticTensor a = new SyntheticTensor("a", SynthKind.LLAMA_LIKE, 50, 40, 11);
        SyntheticTensor b = new SyntheticTensor("b", SynthKind.LLAMA_LIKE, 50, 40, 11);
        SyntheticTensor c = new SyntheticTensor("c", SynthKind.LLAMA_LIKE, 50, 40, 12);
        float[] x = new float[40], y = new float[40], z = new float[40];
        for (int r = 49; r >= 0; r -= 7) {
            a.readRow(r, x);
            b.readRow(r, y);
            c.readRow(r, z);
            assertThat(y).containsExactly(x);
            assertThat(z).isNotEqualTo(x);
        }
    }

    /** Sample standard deviation and excess kurtosis over the whole tensor, columns scaled back. */
    private static double[] moments(SyntheticTensor t) {
        float[] row = new float[t.cols()];
        double s2 = 0, s4 = 0;
        long n = 0;
        for (int r = 0; r < t.rows(); r++) {
            t.readRow(r, row);
            for (int k = 0; k < t.cols(); k++) {
                double v = row[k] / t.columnScale(k);
                s2 += v * v;
                s4 += v * v * v * v;
                n++;
            }
        }
        double var = s2 / n;
        return new double[] {Math.sqrt(var), s4 / n / (var * var) - 3};
    }

    @Test
    void distributionsHaveTheDocumentedSpreadAndTails() {
        double[] g = moments(new SyntheticTensor("g", SynthKind.GAUSSIAN, 400, 250, 1));
        double[] t = moments(new SyntheticTensor("t", SynthKind.STUDENT_T, 400, 250, 1));
        assertThat(g[0]).isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(Math.abs(g[1])).isLessThan(0.1);            // gaussian: no excess kurtosis
        assertThat(t[0]).isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.003));
        assertThat(t[1]).isGreaterThan(2);                      // t(3): heavy tails
    }

    @Test
    void llamaLikeScalesUpOnePercentOfTheInputChannels() {
        SyntheticTensor t = new SyntheticTensor("l", SynthKind.LLAMA_LIKE, 300, 400, 5);
        int outliers = 0;
        for (int k = 0; k < 400; k++) {
            double s = t.columnScale(k);
            if (s != 1.0) {
                outliers++;
                assertThat(s).isBetween(8.0, 16.0);
            }
        }
        assertThat(outliers).isEqualTo(4);
        // the outlier columns really are larger in the data
        float[] row = new float[400];
        double[] absSum = new double[400];
        for (int r = 0; r < 300; r++) {
            t.readRow(r, row);
            for (int k = 0; k < 400; k++) absSum[k] += Math.abs(row[k]);
        }
        for (int k = 0; k < 400; k++) {
            if (t.columnScale(k) != 1.0) assertThat(absSum[k]).isGreaterThan(5 * absSum[(k + 1) % 400]);
        }
        SyntheticTensor narrow = new SyntheticTensor("narrow", SynthKind.LLAMA_LIKE, 2, 10, 1);
        assertThat(java.util.stream.IntStream.range(0, 10).filter(k -> narrow.columnScale(k) != 1.0).count())
                .as("at least one outlier channel even when 1 %% rounds to 0").isEqualTo(1);
    }
}
