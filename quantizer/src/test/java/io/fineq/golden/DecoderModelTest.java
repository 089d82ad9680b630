package io.fineq.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoderModelTest {
    /** Spec section 3 worked example. */
    private static final String EXAMPLE = "ce 89 8e 0a 00 d0 1d";
    private static final int[] EXAMPLE_Q = {1, 0, 1, 2, 0, -3, 0, -1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, -1, 3, 0, -3, 0, 0};

    @Test
    void decodesTheSpecWorkedExample() {
        long block = SpecBlocks.bits(SpecBlocks.hex(EXAMPLE));
        assertThat(DecoderModel.decodeValues(block)).containsExactly(EXAMPLE_Q);
    }

    @Test
    void testEncoderReproducesTheWorkedExampleBytes() {
        // Guards the test-side reference itself: pair codes 2, 3, 0, 3 per the spec.
        assertThat(SpecBlocks.encode(EXAMPLE_Q, new int[] {2, 3, 0, 3})).containsExactly(SpecBlocks.hex(EXAMPLE));
    }

    @Test
    void exampleBlockAsHexLineIsTheFiftySixBitNumber() {
        // The .hex line of the example is byte 6 first: 1dd0000a8e89ce.
        assertThat(SpecBlocks.bits(SpecBlocks.hex(EXAMPLE))).isEqualTo(0x1dd0000a8e89ceL);
    }

    /** All 4 pair codes x 64 field values x 8 cluster slots x 3 positions, other bits random. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void exhaustiveAgainstReferenceDecode(int cluster) {
        Random rnd = new Random(100 + cluster);
        for (int code = 0; code < 4; code++) {
            for (int field = 0; field < 64; field++) {
                byte[] b = new byte[7];
                rnd.nextBytes(b); // neighbouring fields and pair codes hold garbage: the decoder must ignore them
                int pair = cluster / 2;
                b[0] = (byte) ((b[0] & ~(3 << (2 * pair))) | (code << (2 * pair)));
                long d = 0;
                for (int i = 6; i >= 1; i--) d = (d << 8) | (b[i] & 0xFF);
                d = (d & ~(0x3FL << (6 * cluster))) | ((long) field << (6 * cluster));
                for (int i = 1; i <= 6; i++) b[i] = (byte) (d >>> (8 * (i - 1)));
                int[] ref = SpecBlocks.referenceCodes(b);
                int[] refValues = SpecBlocks.referenceValues(b);
                long block = SpecBlocks.bits(b);
                for (int pos = 0; pos < 3; pos++) {
                    int got = DecoderModel.decode(block, cluster, pos);
                    assertThat(got).as("cluster %d code %d field %d pos %d", cluster, code, field, pos).isEqualTo(ref[3 * cluster + pos]);
                    assertThat(WeightCode.value(got)).isEqualTo(refValues[3 * cluster + pos]);
                }
            }
        }
    }

    @Test
    void code00NeverSetsMagnitudeBitOne() {
        // 2-bit values widen as {s, 0, m0}: m1 is always 0 under pair code 00.
        for (int field = 0; field < 64; field++) {
            long block = (long) field << 8; // index 00, cluster 0
            for (int pos = 0; pos < 3; pos++) assertThat(DecoderModel.decode(block, 0, pos) & 0b010).isZero();
        }
    }

    @Test
    void negativeZeroReadsAsZero() {
        // Code 00, cluster 0, position 0: F[1:0] = {s=1, m=0}.
        long block = 0b10L << 8;
        int code = DecoderModel.decode(block, 0, 0);
        assertThat(code).isEqualTo(0b100);
        assertThat(WeightCode.value(code)).isZero();
        assertThat(TemporalEncoderModel.bit(WeightCode.magnitude(code), 0)).isFalse();
    }

    @Test
    void doubleBufferLoadsAndSwaps() {
        long a = SpecBlocks.bits(SpecBlocks.hex(EXAMPLE));
        long b = 0x01_02_03_04_05_06_07L;
        DecoderModel dec = new DecoderModel();
        dec.clock(a, true, false, false);
        assertThat(dec.cur()).isEqualTo(a);
        assertThat(dec.weight(1, 2)).isEqualTo(0b111); // -3 = {1, 1, 1}
        dec.clock(b, false, true, false);
        assertThat(dec.cur()).isEqualTo(a);
        assertThat(dec.nxt()).isEqualTo(b);
        dec.clock(0, false, false, true);
        assertThat(dec.cur()).isEqualTo(b);
        dec.clock(0, false, false, false);
        assertThat(dec.cur()).isEqualTo(b);
        assertThatThrownBy(() -> dec.clock(a, true, false, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("load_cur_i and swap_i");
    }

    @Test
    void rejectsClusterAndPositionOutOfRange() {
        assertThatThrownBy(() -> DecoderModel.decode(0, 8, 0)).hasMessage("cluster must be 0..7, got 8");
        assertThatThrownBy(() -> DecoderModel.decode(0, 0, 3)).hasMessage("position must be 0..2, got 3");
    }
}
