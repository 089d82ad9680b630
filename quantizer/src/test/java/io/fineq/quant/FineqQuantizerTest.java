package io.fineq.quant;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;
import io.fineq.tensor.ArrayTensor;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import io.fineq.tensor.Tensor2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FineqQuantizerTest {
    static ArrayTensor random(int m, int k, long seed) {
        Random r = new Random(seed);
        float[] d = new float[m * k];
        for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextGaussian() * 0.02);
        return new ArrayTensor("w", m, k, d);
    }

    static QuantizedTensor quantize(Tensor2D t, int c, ScaleRule s, Pairing p, boolean par) {
        return new FineqQuantizer(new QuantizerOptions(c, s, p, 4.0, par)).quantize(t);
    }

    @Test
    void everyBlockSitsAtItsStreamOrderOffsetAndEqualsItsColumnQuantisedAlone() {
        int m = 50, k = 10, c = 4; // Mp = 72, Kp = 12: 3 k-tiles, 3 row blocks
        ArrayTensor w = random(m, k, 1);
        FqwImage img = quantize(w, c, ScaleRule.ABSMAX, Pairing.PAPER, true).image();
        assertThat(img.header()).isEqualTo(new FqwHeader(m, k, 72, 12, c, "absmax", 4.0, "paper"));
        BlockQuantizer bq = new BlockQuantizer(4.0, Pairing.PAPER);
        for (int kt = 0; kt < 3; kt++) {
            for (int mb = 0; mb < 3; mb++) {
                for (int col = 0; col < c; col++) {
                    int k0 = kt * c + col;
                    // scale of the column, computed plainly
                    double absmax = 0;
                    for (int r = 0; r < m && k0 < k; r++) absmax = Math.max(absmax, Math.abs(w.get(r, k0)));
                    double s = absmax == 0 ? 1 : absmax / 3.0;
                    assertThat(img.scales()[k0]).isEqualTo((float) s);
                    double[] u = new double[24];
                    for (int i = 0; i < 24; i++) {
                        int r = 24 * mb + i;
                        u[i] = (r < m && k0 < k) ? (double) w.get(r, k0) / s : 0.0;
                    }
                    int[] codes = new int[4];
                    int[] q = new int[24];
                    bq.quantizeCodes(u, codes, q);
                    byte[] expected = PackedBlock.encode(codes, q);
                    int off = ((kt * 3 + mb) * c + col) * 7; // spec section 4 loop nest
                    assertThat(Arrays.copyOfRange(img.blocks(), off, off + 7)).as("block kt=%d mb=%d c=%d", kt, mb, col).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void paddingRowsAndColumnsAreZeroWithScaleOne() {
        int m = 30, k = 10, c = 4;
        QuantizedTensor qt = quantize(random(m, k, 2), c, ScaleRule.ABSMAX, Pairing.PAPER, true);
        DecodedImage d = qt.decoded();
        FqwHeader h = qt.image().header();
        assertThat(h.paddedRows()).isEqualTo(48);
        assertThat(h.paddedCols()).isEqualTo(12);
        for (int r = 0; r < 48; r++)
            for (int col = 0; col < 12; col++)
                if (r >= m || col >= k) assertThat(d.q(r, col)).as("q[%d][%d]", r, col).isZero();
        assertThat(qt.image().scales()[10]).isEqualTo(1f);
        assertThat(qt.image().scales()[11]).isEqualTo(1f);
        // the padded column's blocks are all-zero bytes
        for (int mb = 0; mb < 2; mb++) {
            int off = qt.image().blockOffset(2, mb, 3);
            assertThat(Arrays.copyOfRange(qt.image().blocks(), off, off + 7)).containsOnly(0);
        }
    }

    @Test
    void allZeroColumnGetsScaleOneAndZeroCodes() {
        float[][] w = new float[24][2];
        for (int r = 0; r < 24; r++) w[r][1] = (r % 5) * 0.1f - 0.2f;
        for (ScaleRule s : ScaleRule.values()) {
            QuantizedTensor qt = quantize(ArrayTensor.of("z", w), 2, s, Pairing.PAPER, false);
            assertThat(qt.image().scales()[0]).isEqualTo(1f);
            assertThat(Arrays.copyOfRange(qt.image().blocks(), 0, 7)).containsOnly(0);
        }
    }

    @ParameterizedTest(name = "{0}x{1} on C={2}")
    @CsvSource({"24, 16, 16", "48, 64, 8", "240, 128, 64", "72, 3, 1"})
    void alignedShapesCost56BitsPer24Weights(int m, int k, int c) {
        QuantizedTensor qt = quantize(random(m, k, 3), c, ScaleRule.ABSMAX, Pairing.PAPER, true);
        long dataBits = 8L * qt.image().blocks().length;
        assertThat(dataBits * 3).isEqualTo(7L * m * k); // exactly 2.333... bits per weight
        assertThat(qt.image().scales()).hasSize(k);
    }

    @Test
    void outputDoesNotDependOnParallelism() {
        Tensor2D w = new SyntheticTensor("llama", SynthKind.LLAMA_LIKE, 500, 300, 9);
        for (ScaleRule s : ScaleRule.values()) {
            QuantizedTensor seq = quantize(w, 64, s, Pairing.PAPER, false);
            QuantizedTensor par = quantize(w, 64, s, Pairing.PAPER, true);
            assertThat(par.image().toBytes()).isEqualTo(seq.image().toBytes());
            assertThat(par.pairCodeHistogram()).containsExactly(seq.pairCodeHistogram());
            assertThat(par.pairCodeHistogram()).containsExactly(par.decoded().pairCodeHistogram());
        }
    }

    @Test
    void firstNonFiniteWeightIsNamedByTensorRowAndColumn() {
        float[] d = new float[300 * 20];
        d[250 * 20 + 7] = Float.POSITIVE_INFINITY;
        d[120 * 20 + 3] = Float.NaN;
        ArrayTensor t = new ArrayTensor("layer.w", 300, 20, d);
        assertThatThrownBy(() -> quantize(t, 8, ScaleRule.ABSMAX, Pairing.PAPER, true))
                .isInstanceOf(NonFiniteWeightException.class)
                .hasMessage("tensor 'layer.w': weight at row 120, column 3 is NaN (weights must be finite)");
        d[120 * 20 + 3] = 0;
        assertThatThrownBy(() -> quantize(t, 8, ScaleRule.MSE, Pairing.PAPER, true))
                .hasMessageContaining("row 250, column 7 is Infinity");
    }

    /** Squared weight error of each column of the dequantised image, in double. */
    static double[] columnErrors(Tensor2D w, QuantizedTensor qt) {
        double[] e = new double[w.cols()];
        float[] row = new float[w.cols()];
        for (int r = 0; r < w.rows(); r++) {
            w.readRow(r, row);
            for (int k = 0; k < w.cols(); k++) {
                double d = row[k] - qt.decoded().q(r, k) * qt.scales()[k];
                e[k] += d * d;
            }
        }
        return e;
    }

    @Test
    void mseScaleNeverLosesToAbsmaxOnAnyColumnAndUsuallyWins() {
        Tensor2D w = new SyntheticTensor("t", SynthKind.STUDENT_T, 96, 40, 5);
        QuantizedTensor abs = quantize(w, 8, ScaleRule.ABSMAX, Pairing.PAPER, true);
        QuantizedTensor mse = quantize(w, 8, ScaleRule.MSE, Pairing.PAPER, true);
        assertThat(mse.image().header().scale()).isEqualTo("mse");
        double[] ea = columnErrors(w, abs);
        double[] em = columnErrors(w, mse);
        int better = 0;
        for (int k = 0; k < ea.length; k++) {
            assertThat(em[k]).as("column %d", k).isLessThanOrEqualTo(ea[k] * (1 + 1e-12));
            if (em[k] < ea[k] * 0.99) better++;
        }
        assertThat(better).isGreaterThan(ea.length / 2);
        for (int k = 0; k < 40; k++) {
            double ratio = mse.scales()[k] / abs.scales()[k];
            assertThat(ratio).isBetween(0.475 - 1e-9, 1.025 + 1e-9);
        }
    }

    @Test
    void decodedValuesStayInTheCodeRanges() {
        QuantizedTensor qt = quantize(new SyntheticTensor("t", SynthKind.LLAMA_LIKE, 72, 64, 3), 16, ScaleRule.ABSMAX, Pairing.PAPER, true);
        long[] hist = qt.decoded().valueHistogram();
        assertThat(Arrays.stream(hist).sum()).isEqualTo(72L * 64);
        // every column's absmax weight maps to |q| = 3 unless its pair took the 2-bit code: some 3s exist
        assertThat(hist[0] + hist[6]).isPositive();
    }
}
