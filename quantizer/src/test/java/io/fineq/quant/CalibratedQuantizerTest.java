package io.fineq.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fineq.format.FqwImage;
import io.fineq.tensor.ArrayTensor;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import io.fineq.tensor.Tensor2D;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The calibrated quantizer against computations of its own: output errors measured directly on the
 * activations (X (W - W')^T, not through H), the image re-encoded block by block under the format's
 * code rules, and the case where GPTQ's compensation must vanish (uncorrelated activations).
 */
class CalibratedQuantizerTest {
    private static final int M = 100; // not a multiple of 24: padded rows
    private static final int K = 150; // not a multiple of C = 64: padded columns
    private static final int T = 600;

    /** Correlated activations with outlier channels, as LLM activations have: x = z A, three hot channels. */
    private static float[][] activations(long seed) {
        Random r = new Random(seed);
        double[][] a = new double[K][K];
        for (int i = 0; i < K; i++) {
            a[i][i] = 1;
            for (int j = 0; j < K; j++) a[i][j] += 0.35 * r.nextGaussian();
        }
        float[][] x = new float[T][K];
        for (int t = 0; t < T; t++) {
            double[] z = new double[K];
            for (int i = 0; i < K; i++) z[i] = r.nextGaussian();
            for (int j = 0; j < K; j++) {
                double v = 0;
                for (int i = 0; i < K; i++) v += z[i] * a[i][j];
                x[t][j] = (float) (v * (j % 50 == 7 ? 12 : 1));
            }
        }
        return x;
    }

    private static SecondMoment moment(float[][] x) {
        SecondMoment h = new SecondMoment(x[0].length);
        h.add(x);
        return h;
    }

    private static float[][] rows(Tensor2D t) {
        float[][] w = new float[t.rows()][t.cols()];
        for (int r = 0; r < t.rows(); r++) t.readRow(r, w[r]);
        return w;
    }

    /** sum over tokens and outputs of (x (W - W')^T)^2, W' the image's q * float scale, computed on the activations. */
    private static double outputError(float[][] w, FqwImage img, float[][] x) {
        DecodedImage d = new DecodedImage(img);
        float[] s = img.scales();
        double e = 0;
        for (float[] xt : x) {
            for (int m = 0; m < w.length; m++) {
                double y = 0;
                for (int k = 0; k < xt.length; k++) y += ((double) w[m][k] - (double) d.q(m, k) * s[k]) * xt[k];
                e += y * y;
            }
        }
        return e;
    }

    private static double outputPower(float[][] w, float[][] x) {
        double p = 0;
        for (float[] xt : x) {
            for (float[] wm : w) {
                double y = 0;
                for (int k = 0; k < xt.length; k++) y += (double) wm[k] * xt[k];
                p += y * y;
            }
        }
        return p;
    }

    private static CalibratedQuantizer quantizer(CalibratedQuantizer.Mode mode, int sweeps) {
        return new CalibratedQuantizer(QuantizerOptions.defaults(64), new CalibratedQuantizer.Options(mode, 0.01, true, sweeps));
    }

    @ParameterizedTest
    @EnumSource(CalibratedQuantizer.Mode.class)
    void outputErrorOnTheActivationsBeatsTheWeightErrorRules(CalibratedQuantizer.Mode mode) {
        Tensor2D t = new SyntheticTensor("w", SynthKind.LLAMA_LIKE, M, K, 3);
        float[][] w = rows(t);
        float[][] x = activations(11);
        FqwImage cal = quantizer(mode, 2).quantize(t, moment(x)).image();
        FqwImage absmax = new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(t).image();
        FqwImage mse = new FineqQuantizer(QuantizerOptions.defaults(64).withScale(ScaleRule.MSE)).quantize(t).image();
        double p = outputPower(w, x);
        double dbCal = 10 * Math.log10(p / outputError(w, cal, x));
        double dbAbsmax = 10 * Math.log10(p / outputError(w, absmax, x));
        double dbMse = 10 * Math.log10(p / outputError(w, mse, x));
        System.out.printf("%s: output SQNR absmax %.2f dB, mse %.2f dB, calibrated %.2f dB%n", mode.id(), dbAbsmax, dbMse, dbCal);
        assertThat(dbCal).isGreaterThan(dbMse + (mode == CalibratedQuantizer.Mode.GPTQ ? 2.0 : 0.2));
        assertThat(dbMse).isGreaterThan(dbAbsmax);
        assertThat(cal.header().scale()).isEqualTo(mode.id());
    }

    @ParameterizedTest
    @EnumSource(CalibratedQuantizer.Mode.class)
    void theImageIsAnOrdinaryFineqImage(CalibratedQuantizer.Mode mode) {
        Tensor2D t = new SyntheticTensor("w", SynthKind.STUDENT_T, M, K, 5);
        SecondMoment h = moment(activations(2));
        QuantizedTensor qt = quantizer(mode, 1).quantize(t, h);
        FqwImage img = qt.image();
        assertThat(img.header().validationError()).isNull();
        assertThat(img.header().paddedRows()).isEqualTo(120);
        assertThat(img.header().paddedCols()).isEqualTo(192);
        // Every block re-encodes to its own bytes under the format's checks (code 0: |q| <= 1; code c: position c-1 zero).
        DecodedImage d = new DecodedImage(img);
        for (int kt = 0; kt < img.header().kTiles(); kt++) {
            for (int mb = 0; mb < img.header().rowBlocks(); mb++) {
                for (int c = 0; c < 64; c++) {
                    int off = img.blockOffset(kt, mb, c);
                    int[] codes = new int[4];
                    int[] q = new int[24];
                    for (int p = 0; p < 4; p++) codes[p] = PackedBlock.pairCode(img.blocks(), off, p);
                    for (int i = 0; i < 24; i++) q[i] = d.q(24 * mb + i, 64 * kt + c);
                    byte[] again = PackedBlock.encode(codes, q);
                    byte[] stored = java.util.Arrays.copyOfRange(img.blocks(), off, off + 7);
                    assertThat(again).isEqualTo(stored);
                    int col = 64 * kt + c;
                    for (int i = 0; i < 24; i++) if (24 * mb + i >= M || col >= K) assertThat(q[i]).as("padding").isZero();
                }
            }
        }
        for (int k = 0; k < 192; k++) {
            assertThat(img.scales()[k]).isPositive().isFinite();
            if (k >= K) assertThat(img.scales()[k]).isEqualTo(1f);
        }
        // Deterministic: the same inputs give the same bytes.
        assertThat(quantizer(mode, 1).quantize(t, h).image().toBytes()).isEqualTo(img.toBytes());
    }

    @Test
    void withUncorrelatedActivationsGptqHasNothingToCompensate() {
        // H diagonal: (H + lambda I)^-1 is diagonal, so is its Cholesky factor, and GPTQ's
        // compensation of later channels is exactly zero; both modes then pick each channel's
        // scale by its own weight error on the same grid and agree byte for byte.
        Tensor2D t = new SyntheticTensor("w", SynthKind.LLAMA_LIKE, M, K, 9);
        Random r = new Random(4);
        float[][] x = new float[K][K];
        for (int i = 0; i < K; i++) x[i][i] = (float) (1 + r.nextInt(5)); // one token per channel: H = diag
        SecondMoment h = moment(x);
        FqwImage gptq = quantizer(CalibratedQuantizer.Mode.GPTQ, 0).quantize(t, h).image();
        FqwImage outputMse = quantizer(CalibratedQuantizer.Mode.OUTPUT_SCALE, 0).quantize(t, h).image();
        assertThat(gptq.blocks()).isEqualTo(outputMse.blocks());
        assertThat(gptq.scales()).isEqualTo(outputMse.scales());
    }

    @Test
    void refinementNeverIncreasesTheOutputErrorItMinimises() {
        Tensor2D t = new SyntheticTensor("w", SynthKind.LLAMA_LIKE, M, K, 21);
        float[][] w = rows(t);
        float[][] x = activations(8);
        SecondMoment h = moment(x);
        double before = outputError(w, quantizer(CalibratedQuantizer.Mode.OUTPUT_SCALE, 0).quantize(t, h).image(), x);
        double one = outputError(w, quantizer(CalibratedQuantizer.Mode.OUTPUT_SCALE, 1).quantize(t, h).image(), x);
        double two = outputError(w, quantizer(CalibratedQuantizer.Mode.OUTPUT_SCALE, 2).quantize(t, h).image(), x);
        // The objective is the damped one (lambda = 1 % of the mean diagonal), so allow that much.
        assertThat(one).isLessThan(before * 1.01);
        assertThat(two).isLessThanOrEqualTo(one * 1.01);
        assertThat(two).isLessThan(before);
    }

    @Test
    void secondMomentIsTheSumOfOuterProducts() {
        float[][] x = activations(1);
        SecondMoment h = new SecondMoment(K);
        h.add(java.util.Arrays.copyOfRange(x, 0, 250));
        h.add(java.util.Arrays.copyOfRange(x, 250, T));
        assertThat(h.tokens()).isEqualTo(T);
        SecondMoment once = new SecondMoment(K);
        once.add(x);
        assertThat(h.matrix()).as("independent of how the tokens are split into add calls").isEqualTo(once.matrix());
        for (int[] ij : new int[][] {{0, 0}, {3, 140}, {140, 3}, {7, 57}, {149, 149}}) {
            double s = 0;
            for (float[] xt : x) s += (double) xt[ij[0]] * xt[ij[1]];
            assertThat(h.get(ij[0], ij[1])).isCloseTo(s, org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
    }

    /** Vectors (k-tile, row m < M) of the image with a magnitude 3 in them. */
    private static int longVectors(FqwImage img) {
        DecodedImage d = new DecodedImage(img);
        int n = 0;
        for (int kt = 0; kt < img.header().kTiles(); kt++) {
            for (int m = 0; m < M; m++) {
                boolean three = false;
                for (int c = 0; c < 64 && 64 * kt + c < K; c++) three |= Math.abs(d.q(m, 64 * kt + c)) == 3;
                if (three) n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.0, 0.1, 0.3})
    void longVectorBudgetBoundsTheVectorsThatHoldAThree(double budget) {
        Tensor2D t = new SyntheticTensor("w", SynthKind.STUDENT_T, M, K, 7);
        float[][] x = activations(4);
        SecondMoment h = moment(x);
        int vectors = 3 * M; // Kp / C = 3 k-tiles
        FqwImage plain = quantizer(CalibratedQuantizer.Mode.GPTQ, 1).quantize(t, h).image();
        CalibratedQuantizer budgeted = new CalibratedQuantizer(QuantizerOptions.defaults(64),
                new CalibratedQuantizer.Options(CalibratedQuantizer.Mode.GPTQ, 0.01, true, 1, budget));
        FqwImage img = budgeted.quantize(t, h).image();
        // Plain GPTQ needs more long vectors than the budget allows, so the bound is a real constraint.
        assertThat(longVectors(plain)).isGreaterThan((int) Math.floor(budget * vectors));
        assertThat(longVectors(img)).isLessThanOrEqualTo((int) Math.floor(budget * vectors));
        // The price is output error, and a larger budget pays less of it.
        assertThat(outputError(rows(t), img, x)).isGreaterThan(outputError(rows(t), plain, x));
        assertThat(img.header().validationError()).isNull();
        if (budget > 0) {
            FqwImage tighter = new CalibratedQuantizer(QuantizerOptions.defaults(64),
                    new CalibratedQuantizer.Options(CalibratedQuantizer.Mode.GPTQ, 0.01, true, 1, 0.0)).quantize(t, h).image();
            assertThat(outputError(rows(t), img, x)).isLessThan(outputError(rows(t), tighter, x));
        }
    }

    @Test
    void budgetOfOneIsPlainCalibration() {
        Tensor2D t = new SyntheticTensor("w", SynthKind.STUDENT_T, M, K, 8);
        SecondMoment h = moment(activations(5));
        byte[] plain = quantizer(CalibratedQuantizer.Mode.GPTQ, 1).quantize(t, h).image().toBytes();
        byte[] one = new CalibratedQuantizer(QuantizerOptions.defaults(64),
                new CalibratedQuantizer.Options(CalibratedQuantizer.Mode.GPTQ, 0.01, true, 1, 1.0)).quantize(t, h).image().toBytes();
        assertThat(one).isEqualTo(plain);
    }

    @Test
    void theMostCostlyVectorsStayLong() {
        // Hand-derived: C = 2, one k-tile, three rows, unit scales and energies. Clamping costs
        // (2|u| - 5 per |u| >= 2.5): row 0 (2.7, 0) 0.4; row 1 (3.0, 2.6) 1.0 + 0.2 = 1.2; row 2 (1, 1) 0.
        double[][] w = {{2.7, 3.0, 1.0}, {0.0, 2.6, 1.0}};
        boolean[][] one = LongVectorBudget.cappedVectors(w, new double[] {1, 1}, new double[] {1, 1}, 2, 1.0 / 3);
        assertThat(one[0]).containsExactly(true, false, true);
        boolean[][] two = LongVectorBudget.cappedVectors(w, new double[] {1, 1}, new double[] {1, 1}, 2, 2.0 / 3);
        assertThat(two[0]).containsExactly(false, false, true);
        // Row 2 costs nothing to clamp: it is clamped even with every vector allowed to be long.
        assertThat(LongVectorBudget.cappedVectors(w, new double[] {1, 1}, new double[] {1, 1}, 2, 0.99)[0]).containsExactly(false, false, true);
        // Energy weighs the cost: with channel 1 ten times hotter, row 0 (0.4) loses to row 1 (1.0 + 2.0).
        assertThat(LongVectorBudget.cappedVectors(w, new double[] {1, 10}, new double[] {1, 1}, 2, 1.0 / 3)[0]).containsExactly(true, false, true);
    }

    @Test
    void badInputIsNamed() {
        Tensor2D t = new SyntheticTensor("w", SynthKind.GAUSSIAN, 24, 8, 1);
        assertThatThrownBy(() -> quantizer(CalibratedQuantizer.Mode.GPTQ, 1).quantize(t, new SecondMoment(9)))
                .hasMessage("tensor 'w': calibration activations have 9 channels, the weights K = 8");
        assertThatThrownBy(() -> quantizer(CalibratedQuantizer.Mode.GPTQ, 1).quantize(t, new SecondMoment(8)))
                .hasMessage("tensor 'w': no calibration tokens");
        float[] nan = new float[24 * 8];
        nan[13] = Float.NaN;
        SecondMoment h = moment(new float[][] {{1, 2, 3, 4, 5, 6, 7, 8}});
        assertThatThrownBy(() -> quantizer(CalibratedQuantizer.Mode.OUTPUT_SCALE, 1).quantize(new ArrayTensor("n", 24, 8, nan), h))
                .isInstanceOf(NonFiniteWeightException.class);
        assertThatThrownBy(() -> new SecondMoment(4).add(new float[][] {{1, 2, 3}})).hasMessage("activation width must be K = 4, got 3");
        assertThatThrownBy(() -> CalibratedQuantizer.Mode.parse("awq")).hasMessage("calibration mode must be output-mse|gptq, got 'awq'");
        assertThatThrownBy(() -> new CalibratedQuantizer.Options(CalibratedQuantizer.Mode.GPTQ, 0, true, 1)).hasMessage("damping must be in (0, 1], got 0.0");
    }
}
