package io.fineq.quant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedBlockTest {
    /** Random pair codes and values that obey the code rules. */
    static int[][] randomBlock(Random rnd) {
        int[] codes = new int[4];
        int[] q = new int[24];
        for (int p = 0; p < 4; p++) {
            codes[p] = rnd.nextInt(4);
            for (int r = 6 * p; r < 6 * p + 6; r++) {
                if (codes[p] == 0) q[r] = rnd.nextInt(3) - 1;
                else q[r] = (r % 3 == codes[p] - 1) ? 0 : rnd.nextInt(7) - 3;
            }
        }
        return new int[][] {codes, q};
    }

    /** Spec section 3 read literally, bit by bit, as an independent reference. */
    static byte[] referenceEncode(int[] codes, int[] q) {
        boolean[] bits = new boolean[56];
        for (int p = 0; p < 4; p++) {
            bits[2 * p] = (codes[p] & 1) != 0;
            bits[2 * p + 1] = (codes[p] & 2) != 0;
        }
        for (int j = 0; j < 8; j++) {
            int base = 8 + 6 * j; // D starts at bit 8 of the 56-bit number
            int code = codes[j / 2];
            if (code == 0) {
                for (int i = 0; i < 3; i++) {
                    int v = q[3 * j + i];
                    bits[base + 2 * i] = Math.abs(v) == 1;  // F[2i]   = |q|
                    bits[base + 2 * i + 1] = v < 0;         // F[2i+1] = s
                }
            } else {
                int slot = 0;
                for (int i = 0; i < 3; i++) {
                    if (i == code - 1) continue;
                    int v = q[3 * j + i];
                    bits[base + 3 * slot] = (Math.abs(v) & 1) != 0;
                    bits[base + 3 * slot + 1] = (Math.abs(v) & 2) != 0;
                    bits[base + 3 * slot + 2] = v < 0;
                    slot++;
                }
            }
        }
        byte[] out = new byte[7];
        for (int b = 0; b < 56; b++) if (bits[b]) out[b / 8] |= (byte) (1 << (b % 8));
        return out;
    }

    @Test
    void randomBlocksMatchTheReferenceAndRoundTrip() {
        Random rnd = new Random(2024);
        for (int t = 0; t < 4000; t++) {
            int[][] b = randomBlock(rnd);
            byte[] enc = PackedBlock.encode(b[0], b[1]);
            assertThat(enc).containsExactly(referenceEncode(b[0], b[1]));
            int[] back = new int[24];
            PackedBlock.decode(enc, 0, back);
            assertThat(back).containsExactly(b[1]);
            for (int p = 0; p < 4; p++) assertThat(PackedBlock.pairCode(enc, 0, p)).isEqualTo(b[0][p]);
        }
    }

    @Test
    void encodesAtAnOffset() {
        byte[] buf = new byte[20];
        PackedBlock.encode(WorkedExampleTest.PAIR_CODES, WorkedExampleTest.Q, buf, 9);
        assertThat(java.util.Arrays.copyOfRange(buf, 9, 16)).containsExactly(WorkedExampleTest.BYTES);
        assertThat(buf[8]).isZero();
        assertThat(buf[16]).isZero();
    }

    @Test
    void decoderReadsSignWithZeroMagnitudeAsZero() {
        // Code 0, cluster 0 field = 0b10_10_10: three {s=1, m=0} values.
        byte[] b = {0, 0b101010, 0, 0, 0, 0, 0};
        assertThat(PackedBlock.decode(b, 0, 0)).isZero();
        // Code 1 on pair 0, cluster 0 field 0b100_100: two 3-bit {s=1, m=00}.
        byte[] c = {1, 0b100100, 0, 0, 0, 0, 0};
        int[] q = new int[24];
        PackedBlock.decode(c, 0, q);
        assertThat(q).containsOnly(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, -2, 3})
    void codeZeroRejectsThreeBitValues(int v) {
        int[] q = new int[24];
        q[4] = v;
        assertThatThrownBy(() -> PackedBlock.encode(new int[4], q)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster 1 position 1");
    }

    @Test
    void zeroedPositionMustHoldZero() {
        int[] q = new int[24];
        q[0] = 1;
        assertThatThrownBy(() -> PackedBlock.encode(new int[] {1, 0, 0, 0}, q)).hasMessageContaining("requires 0");
        q[0] = 0;
        q[1] = 4;
        assertThatThrownBy(() -> PackedBlock.encode(new int[] {1, 0, 0, 0}, q)).hasMessageContaining("-3..3");
        assertThatThrownBy(() -> PackedBlock.encode(new int[] {4, 0, 0, 0}, new int[24])).hasMessageContaining("code must be 0..3");
    }
}
