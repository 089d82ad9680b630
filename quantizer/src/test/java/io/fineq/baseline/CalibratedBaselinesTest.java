package io.fineq.baseline;

import io.fineq.quant.SecondMoment;
import io.fineq.report.RtnAsymmetric;
import io.fineq.report.RtnAsymmetricGrouped;
import io.fineq.tensor.ArrayTensor;
import io.fineq.tensor.HalfFloats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Table I baselines against independent facts: with uncorrelated activations (H = I, so GPTQ
 * has nothing to compensate) GPTQ 2-bit is exactly round-to-nearest (the report's RTN baselines),
 * PB-LLM and OWQ are their hand-described rules; with correlated activations each lowers the
 * output error sum_m D[m] H D[m]^T below its uncompensated form; bit counts hand-derived.
 */
class CalibratedBaselinesTest {
    private static final int M = 24;
    private static final int K = 160;

    private static float[] weights(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] w = new float[M * K];
        for (int i = 0; i < w.length; i++) w[i] = (float) (rnd.nextGaussian() * (i % 37 == 0 ? 0.3 : 0.05));
        return w;
    }

    private static ArrayTensor tensor(long seed) {
        return new ArrayTensor("w", M, K, weights(seed));
    }

    /** H = I exactly: one token per unit vector. */
    private static SecondMoment identity() {
        SecondMoment h = new SecondMoment(K);
        float[][] x = new float[K][K];
        for (int i = 0; i < K; i++) x[i][i] = 1;
        h.add(x);
        return h;
    }

    /** Correlated activations: a shared factor plus noise, a few channels with large outliers. */
    private static SecondMoment correlated(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SecondMoment h = new SecondMoment(K);
        float[][] x = new float[600][K];
        for (float[] xt : x) {
            double f = rnd.nextGaussian();
            for (int c = 0; c < K; c++) xt[c] = (float) (0.8 * f + 0.6 * rnd.nextGaussian() * (c % 29 == 0 ? 8 : 1));
        }
        h.add(x);
        return h;
    }

    private static double outputError(float[] w, double[][] q, SecondMoment h) {
        double sum = 0;
        double[] d = new double[K];
        for (int r = 0; r < M; r++) {
            for (int c = 0; c < K; c++) d[c] = w[r * K + c] - q[r][c];
            for (int i = 0; i < K; i++) for (int j = 0; j < K; j++) sum += d[i] * h.get(i, j) * d[j];
        }
        return sum;
    }

    @ParameterizedTest(name = "group {0}")
    @CsvSource({"0", "128", "32"})
    void gptqWithoutCorrelationIsRoundToNearest(int group) {
        float[] w = weights(1);
        CalibratedBaselines.Result r = CalibratedBaselines.gptq(tensor(1), identity(), 2, group, 0.1);
        io.fineq.report.ApproximationMethod rtn = group == 0 ? new RtnAsymmetric(2, K) : new RtnAsymmetricGrouped(2, K, group);
        double[] expected = new double[K];
        for (int row = 0; row < M; row++) {
            rtn.approximateRow(row, java.util.Arrays.copyOfRange(w, row * K, row * K + K), expected);
            assertThat(r.weights()[row]).as("row %d", row).containsExactly(expected);
        }
        assertThat(r.bitsPerWeight()).isEqualTo(rtn.bitsPerWeight());
        assertThat(r.name()).isEqualTo(group == 0 ? "gptq2-asym-row" : "gptq2-asym-g" + group);
    }

    @ParameterizedTest(name = "group {0}")
    @CsvSource({"0", "128"})
    void gptqLowersTheOutputErrorOfRoundToNearest(int group) {
        float[] w = weights(2);
        SecondMoment h = correlated(3);
        double gptq = outputError(w, CalibratedBaselines.gptq(tensor(2), h, 2, group, 0.01).weights(), h);
        double rtn = outputError(w, CalibratedBaselines.gptq(tensor(2), identity(), 2, group, 0.01).weights(), h);
        assertThat(gptq).isLessThan(0.8 * rtn);
    }

    @Test
    void pbLlmKeepsTheLargestTenPercentAndBinarizesTheRest() {
        float[] w = weights(4);
        CalibratedBaselines.Result r = CalibratedBaselines.pbLlm(tensor(4), identity(), 0.1, 0.1);
        // Independent: the 10 % threshold from a sorted copy of the magnitudes.
        float[] mags = new float[w.length];
        for (int i = 0; i < w.length; i++) mags[i] = Math.abs(w[i]);
        java.util.Arrays.sort(mags);
        int salient = (int) Math.ceil(0.1 * M * K);
        float threshold = mags[mags.length - salient];
        int kept = 0;
        for (int row = 0; row < M; row++) {
            double sum = 0;
            int n = 0;
            for (int c = 0; c < K; c++) if (Math.abs(w[row * K + c]) < threshold) {
                sum += Math.abs(w[row * K + c]);
                n++;
            }
            double alpha = sum / n;
            for (int c = 0; c < K; c++) {
                float v = w[row * K + c];
                double got = r.weights()[row][c];
                if (Math.abs(v) >= threshold) {
                    kept++;
                    assertThat(got).isEqualTo(HalfFloats.halfToFloat(HalfFloats.floatToHalf(v)));
                } else {
                    assertThat(Math.abs(got)).isCloseTo(alpha, within(1e-12));
                    assertThat(Math.signum(got)).isEqualTo(v >= 0 ? 1.0 : -1.0);
                }
            }
        }
        assertThat(kept).isEqualTo(salient);
        assertThat(r.bitsPerWeight()).isCloseTo(2.7, within(1e-12)); // Table I's count
        assertThat(r.name()).isEqualTo("pbllm-10");
    }

    @Test
    void pbLlmCompensationLowersTheOutputError() {
        float[] w = weights(5);
        SecondMoment h = correlated(6);
        double calibrated = outputError(w, CalibratedBaselines.pbLlm(tensor(5), h, 0.1, 0.01).weights(), h);
        double plain = outputError(w, CalibratedBaselines.pbLlm(tensor(5), identity(), 0.1, 0.01).weights(), h);
        assertThat(calibrated).isLessThan(0.8 * plain);
    }

    @Test
    void owqKeepsTheMostSensitiveChannelsInHalfPrecision() {
        float[] w = weights(7);
        // H = diag(d): channel 17 is by far the most exercised, so it must be the weak one.
        SecondMoment h = new SecondMoment(K);
        float[][] x = new float[K][K];
        for (int i = 0; i < K; i++) x[i][i] = i == 17 ? 30 : 1;
        h.add(x);
        CalibratedBaselines.Result r = CalibratedBaselines.owq(tensor(7), h, 2, 128, 0.005, 0.1);
        // weak = max(1, round(0.005 * 160)) = 1 channel; H diagonal, so nothing is compensated.
        boolean[] weak = new boolean[K];
        weak[17] = true;
        for (int row = 0; row < M; row++) {
            for (int g0 = 0; g0 < K; g0 += 128) {
                double lo = 0, hi = 0;
                for (int c = g0; c < Math.min(K, g0 + 128); c++) if (!weak[c]) {
                    lo = Math.min(lo, w[row * K + c]);
                    hi = Math.max(hi, w[row * K + c]);
                }
                AsymmetricGrid grid = AsymmetricGrid.of(lo, hi, 2);
                for (int c = g0; c < Math.min(K, g0 + 128); c++) {
                    float v = w[row * K + c];
                    double expected = weak[c] ? HalfFloats.halfToFloat(HalfFloats.floatToHalf(v)) : grid.apply(v);
                    assertThat(r.weights()[row][c]).as("[%d][%d]", row, c).isEqualTo(expected);
                }
            }
        }
        // Per row: 159 x 2 bits + 2 groups x (32 + 2) + 16; per layer: one 16-bit index.
        assertThat(r.bitsPerWeight()).isCloseTo((159 * 2 + 2 * 34 + 16) / 160.0 + 16.0 / (M * K), within(1e-12));
        assertThat(r.name()).isEqualTo("owq2-g128");
    }

    @Test
    void owqLowersTheOutputErrorOfGptqAtTheSameGroups() {
        float[] w = weights(8);
        SecondMoment h = correlated(9);
        double owq = outputError(w, CalibratedBaselines.owq(tensor(8), h, 2, 128, 0.02, 0.01).weights(), h);
        double gptq = outputError(w, CalibratedBaselines.gptq(tensor(8), h, 2, 128, 0.01).weights(), h);
        assertThat(owq).isLessThan(gptq);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> CalibratedBaselines.pbLlm(tensor(1), identity(), 1.0, 0.1)).hasMessageContaining("salient fraction must be in [0, 1)");
        assertThatThrownBy(() -> CalibratedBaselines.gptq(tensor(1), new SecondMoment(K + 1), 2, 0, 0.1)).hasMessageContaining("K = " + K);
        assertThatThrownBy(() -> CalibratedBaselines.gptq(tensor(1), new SecondMoment(K), 2, 0, 0.1)).hasMessageContaining("no calibration tokens");
    }
}
