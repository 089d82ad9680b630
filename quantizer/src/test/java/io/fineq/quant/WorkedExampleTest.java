package io.fineq.quant;

import io.fineq.format.FqwImage;
import io.fineq.tensor.ArrayTensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of spec section 3, checked at every stage against the spec's own numbers. */
class WorkedExampleTest {
    static final float[] COLUMN = {
            0.45f, -0.1f, 0.3f, 1.1f, 0.05f, -1.5f, 0.2f, -0.3f, 0.25f, 0.8f, 0.15f, 0.1f,
            0f, 0f, 0f, -0.025f, 0f, 0.01f, -0.6f, 1.3f, 0.4f, -1.25f, -0.2f, 0.8f};
    static final int[] OWN_CODES = {2, 2, 0, 3, 0, 2, 0, 2};
    static final int[] PAIR_CODES = {2, 3, 0, 3};
    static final int[] Q = {1, 0, 1, 2, 0, -3, 0, -1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, -1, 3, 0, -3, 0, 0};
    static final byte[] BYTES = {(byte) 0xce, (byte) 0x89, (byte) 0x8e, 0x0a, 0x00, (byte) 0xd0, 0x1d};

    static double[] normalised() {
        double[] u = new double[24];
        for (int i = 0; i < 24; i++) u[i] = (double) COLUMN[i] / 0.5;
        return u;
    }

    @Test
    void ownCodesMatchTheSpec() {
        double[] u = normalised();
        for (int j = 0; j < 8; j++) {
            int code = BlockQuantizer.ownCode(Math.abs(u[3 * j]), Math.abs(u[3 * j + 1]), Math.abs(u[3 * j + 2]), 4.0);
            assertThat(code).as("own code of cluster %d", j).isEqualTo(OWN_CODES[j]);
        }
    }

    @Test
    void pairCodesAndValuesMatchTheSpec() {
        int[] codes = new int[4];
        int[] q = new int[24];
        new BlockQuantizer(4.0, Pairing.PAPER).quantize(normalised(), codes, q);
        assertThat(codes).containsExactly(PAIR_CODES);
        assertThat(q).containsExactly(Q);
    }

    @Test
    void pairOneErrorOfCodeThreeIsTheSpecsPointEightSix() {
        BlockQuantizer bq = new BlockQuantizer(4.0, Pairing.PAPER);
        bq.quantize(normalised(), new int[4], new int[24]);
        // pair 1 = rows 6..11: u = 0.4 -0.6 0.5 | 1.6 0.3 0.2; code 3 zeroes 0.5 and 0.2:
        // 0.4^2 + 0.4^2 + 0.5^2 + 0.4^2 + 0.3^2 + 0.2^2 = 0.86
        assertThat(bq.pairError(6, 3)).isCloseTo(0.86, org.assertj.core.data.Offset.offset(1e-6));
        for (int c = 0; c <= 2; c++) assertThat(bq.pairError(6, c)).isGreaterThan(bq.pairError(6, 3));
    }

    @Test
    void packedBytesMatchTheSpec() {
        assertThat(PackedBlock.encode(PAIR_CODES, Q)).containsExactly(BYTES);
    }

    @Test
    void decodeGivesBackTheSpecValues() {
        int[] q = new int[24];
        PackedBlock.decode(BYTES, 0, q);
        assertThat(q).containsExactly(Q);
        for (int p = 0; p < 4; p++) assertThat(PackedBlock.pairCode(BYTES, 0, p)).isEqualTo(PAIR_CODES[p]);
        for (int r = 0; r < 24; r++) assertThat(PackedBlock.decode(BYTES, 0, r)).isEqualTo(Q[r]);
    }

    @Test
    void quantizerProducesTheSpecBlockAndScale() {
        float[][] w = new float[24][1];
        for (int i = 0; i < 24; i++) w[i][0] = COLUMN[i];
        QuantizedTensor qt = new FineqQuantizer(QuantizerOptions.defaults(1)).quantize(ArrayTensor.of("example", w));
        FqwImage img = qt.image();
        assertThat(img.scales()).containsExactly(0.5f);
        assertThat(img.blocks()).containsExactly(BYTES);
        assertThat(img.blockBits(0, 0, 0)).isEqualTo(0x1dd0000a8e89ceL);
        assertThat(qt.pairCodeHistogram()).containsExactly(1, 0, 1, 2);
    }
}
