package io.fineq.report;

import io.fineq.tensor.ArrayTensor;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import io.fineq.tensor.Tensor2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErrorReporterTest {
    @Test
    void sqnrAndRelativeMseOnAHandExample() {
        // W = (3, 4), W' = (3, 3): ||W||^2 = 25, ||W - W'||^2 = 1
        ErrorSums e = new ErrorSums();
        e.addWeights(25, 1);
        e.addOutputs(4, 1);
        assertThat(e.relMse()).isEqualTo(0.04);
        assertThat(e.sqnrDb()).isCloseTo(13.9794, within(1e-4)); // 10 log10 25
        assertThat(e.relOutputError()).isEqualTo(0.5);
    }

    /** A method that returns fixed values, to check the reporter's sums against a plain computation. */
    private record Fixed(double[][] values) implements ApproximationMethod {
        public String name() {
            return "fixed";
        }

        public double bitsPerWeight() {
            return 1;
        }

        public void approximateRow(int r, float[] w, double[] out) {
            System.arraycopy(values[r], 0, out, 0, values[r].length);
        }
    }

    @Test
    void reporterMatchesAPlainComputation() {
        float[][] w = {{1, 2, -1}, {0.5f, 0, 3}};
        double[][] approx = {{1, 2, 0}, {0, 0, 3}};
        ErrorReporter rep = new ErrorReporter(4, 4, 5, 42, true);
        TensorReport r = rep.report(ArrayTensor.of("tiny", w), List.of(new Fixed(approx)));
        MethodResult m = r.methods().get(0);
        // weights: ||W||^2 = 1 + 4 + 1 + 0.25 + 9 = 15.25; error = 1 + 0.25 = 1.25
        assertThat(m.relMse()).isCloseTo(1.25 / 15.25, within(1e-15));
        assertThat(m.sqnrDb()).isCloseTo(10 * Math.log10(15.25 / 1.25), within(1e-12));
        // outputs with the documented activations: X[k][n] from Random(42).nextGaussian(), token-major
        java.util.Random rnd = new java.util.Random(42);
        double[][] x = new double[3][5];
        for (int n = 0; n < 5; n++) for (int k = 0; k < 3; k++) x[k][n] = rnd.nextGaussian();
        double num = 0, den = 0;
        for (int row = 0; row < 2; row++) {
            for (int n = 0; n < 5; n++) {
                double y = 0, y2 = 0;
                for (int k = 0; k < 3; k++) {
                    y += w[row][k] * x[k][n];
                    y2 += approx[row][k] * x[k][n];
                }
                num += (y - y2) * (y - y2);
                den += y * y;
            }
        }
        assertThat(m.relOutputError()).isCloseTo(Math.sqrt(num / den), within(1e-12));
    }

    @Test
    void exactApproximationHasNoFiniteSqnr() {
        float[][] w = {{1, 2}};
        TensorReport r = new ErrorReporter(2, 4, 3, 1, false).report(ArrayTensor.of("e", w), List.of(new Fixed(new double[][] {{1, 2}})));
        assertThat(r.methods().get(0).sqnrDb()).isNull();
        assertThat(r.methods().get(0).relMse()).isZero();
    }

    @Test
    void invariantsOnGaussianWeights() {
        Tensor2D g = new SyntheticTensor("g", SynthKind.GAUSSIAN, 96, 128, 3);
        TensorReport r = new ErrorReporter(64, 4, 16, 1, true).report(g);
        assertThat(r.methods()).extracting(MethodResult::method).containsExactly(
                "fineq-absmax-paper", "fineq-absmax-exhaustive", "fineq-mse-paper", "fineq-mse-exhaustive",
                "rtn2-asym-row", "uniform2-sym-row", "rtn3-asym-row");
        assertThat(r.method("rtn3-asym-row").relMse()).isLessThan(r.method("rtn2-asym-row").relMse());
        assertThat(r.method("rtn3-asym-row").relOutputError()).isLessThan(r.method("rtn2-asym-row").relOutputError());
        assertThat(r.method("fineq-absmax-exhaustive").relMse()).isLessThanOrEqualTo(r.method("fineq-absmax-paper").relMse());
        assertThat(r.method("fineq-mse-paper").relMse()).isLessThanOrEqualTo(r.method("fineq-absmax-paper").relMse() * (1 + 1e-9));
        // aligned shape (96 = 4 * 24, 128 = 2 * 64): 56/24 + 32/96
        assertThat(r.method("fineq-absmax-paper").bitsPerWeight()).isCloseTo(7.0 / 3 + 1.0 / 3, within(1e-12));
        for (MethodResult m : r.methods()) {
            assertThat(m.sqnrDb()).isCloseTo(-10 * Math.log10(m.relMse()), within(1e-9));
        }
    }

    @Test
    void fineqBeatsRtn2OnLlamaLikeOutputs() {
        Tensor2D l = new SyntheticTensor("l", SynthKind.LLAMA_LIKE, 120, 256, 8);
        TensorReport r = new ErrorReporter(64, 4, 16, 2, true).report(l);
        for (String v : List.of("fineq-absmax-paper", "fineq-absmax-exhaustive", "fineq-mse-paper", "fineq-mse-exhaustive")) {
            assertThat(r.method(v).relOutputError()).as(v).isLessThan(r.method("rtn2-asym-row").relOutputError());
        }
        // the mse scale also wins on the weights themselves (absmax clips nothing but zeroes many small weights)
        assertThat(r.method("fineq-mse-paper").relMse()).isLessThan(r.method("rtn2-asym-row").relMse());
    }

    @Test
    void figuresDoNotDependOnThreads() {
        Tensor2D l = new SyntheticTensor("l", SynthKind.STUDENT_T, 50, 70, 8);
        TensorReport a = new ErrorReporter(16, 4, 8, 2, true).report(l);
        TensorReport b = new ErrorReporter(16, 4, 8, 2, false).report(l);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void activationsMultiplyLikeAPlainLoop() {
        Activations x = new Activations(4, 3, 9);
        double[] v = {1, -2, 0, 0.5};
        double[] y = new double[3];
        x.multiply(v, y);
        for (int n = 0; n < 3; n++) {
            double e = 0;
            for (int k = 0; k < 4; k++) e += v[k] * x.get(k, n);
            assertThat(y[n]).isCloseTo(e, within(1e-12));
        }
    }
}
