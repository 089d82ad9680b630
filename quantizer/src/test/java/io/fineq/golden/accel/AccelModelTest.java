package io.fineq.golden.accel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.golden.ArrayKind;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The accelerator's golden model on hand-derived cases (docs/accelerator.md section 4). */
class AccelModelTest {

    static final AccelShape SHAPE = new AccelShape(8, 8, 8, 2, 8);

    /** Vector unit, worked by hand: s = acc + bias; int8: clamp((s * mult + 2^(shift-1)) >> shift). */
    @ParameterizedTest(name = "acc {0} bias {1} mult {2} shift {3} int8 {4} act {5} -> {6}")
    @CsvSource({
        "100, 5, 1, 0, false, 0, 105",
        "-100, 5, 1, 0, false, 1, 0",          // ReLU on int32
        "2147483647, 1, 1, 0, false, 0, -2147483648", // int32 wraps
        "10, 0, 3, 2, true, 0, 8",             // 30 + 2 = 32 >> 2 = 8 (7.5 rounds half up)
        "-10, 0, 3, 2, true, 0, -7",           // -30 + 2 = -28 >> 2 = -7 (-7.5 rounds half up)
        "1000, 0, 1, 0, true, 0, 127",         // clamps
        "-1000, 0, 1, 0, true, 0, -128",
        "-1000, 0, 1, 0, true, 1, 0",          // ReLU after the clamp
        "5, 0, -1, 0, true, 0, -5",            // negative multiplier
        "100, 0, 65537, 0, true, 0, 100",      // only the low 16 bits of MULT: 65537 -> 1
        "100, 0, 32768, 15, true, 0, -100",    // 0x8000 is -32768: -3276800 + 16384 >> 15 = -100
    })
    void vectorUnit(int acc, int bias, int mult, int shift, boolean int8, int act, int expected) {
        assertThat(VectorUnitModel.apply(acc, bias, mult, shift, int8, act, new byte[256])).isEqualTo(expected);
    }

    @Test
    void tableIsIndexedByTheInt8sByte() {
        byte[] lut = new byte[256];
        lut[0xFD] = 42; // v = -3
        lut[3] = -9;
        assertThat(VectorUnitModel.apply(-3, 0, 1, 0, true, AccelDescriptor.ACT_TABLE, lut)).isEqualTo(42);
        assertThat(VectorUnitModel.apply(3, 0, 1, 0, true, AccelDescriptor.ACT_TABLE, lut)).isEqualTo(-9);
    }

    static AccelDescriptor desc(long w, long x, long y, long mb, long kt, long n, long xs, long ys, long vu) {
        return new AccelDescriptor(w, x, y, 0x3000, 0x3800, mb, kt, n, xs, ys, vu, new byte[256]);
    }

    @ParameterizedTest(name = "{9}")
    @CsvSource({
        "0, 4096, 8192, 1, 1, 1, 8, 96, 0, ok",
        "4, 4096, 8192, 1, 1, 1, 8, 96, 0, W_ADDR",
        "0, 4100, 8192, 1, 1, 1, 8, 96, 0, X_ADDR",
        "0, 4096, 8192, 0, 1, 1, 8, 96, 0, MB",
        "0, 4096, 8192, 9, 1, 1, 8, 864, 0, MB",
        "0, 4096, 8192, 1, 0, 1, 8, 96, 0, KT",
        "0, 4096, 8192, 1, 1, 0, 8, 96, 0, N",
        "0, 4096, 8192, 1, 2, 1, 8, 96, 0, X_STRIDE",
        "0, 4096, 8192, 1, 1, 1, 8, 88, 0, Y_STRIDE",
        "0, 4096, 8192, 1, 1, 1, 8, 96, 8, VU",        // table with int32 output
        "0, 4096, 8192, 1, 1, 1, 8, 96, 12289, VU",    // shift 48
    })
    void descriptorRules(long w, long x, long y, long mb, long kt, long n, long xs, long ys, long vu, String problem) {
        String p = AccelModel.descriptorProblem(SHAPE, desc(w, x, y, mb, kt, n, xs, ys, vu));
        if (problem.equals("ok")) assertThat(p).isNull();
        else assertThat(p).contains(problem);
    }

    /** One block of all +1 weights in column 0 (code 0, values {s=0, |q|=1}) and x = 1..8: y = x[0] for all 24 outputs. */
    @Test
    void handBuiltJob() {
        byte[] mem = new byte[16384];
        // Block: index byte 0 (all pairs code 0); fields: three 2-bit values {s, m0} = 01 per cluster -> F = 0b010101.
        long d = 0;
        for (int j = 0; j < 8; j++) d |= 0b010101L << (6 * j);
        mem[0] = 0;
        for (int b = 1; b <= 6; b++) mem[b] = (byte) (d >>> (8 * (b - 1)));
        for (int k = 0; k < 8; k++) mem[4096 + k] = (byte) (k + 1);
        for (int m = 0; m < 24; m++) {
            mem[0x3000 + 4 * m] = (byte) m;      // bias m
            mem[0x3800 + 4 * m] = 1;             // mult 1
        }
        AccelModel.Result r = AccelModel.run(SHAPE, desc(0, 4096, 8192, 1, 1, 1, 8, 96, 0), mem, ArrayKind.SHIFTED);
        assertThat(r.error()).isZero();
        for (int m = 0; m < 24; m++) {
            int v = (mem[8192 + 4 * m] & 0xFF) | (mem[8192 + 4 * m + 1] & 0xFF) << 8;
            assertThat(v).as("Y[0][%d]", m).isEqualTo(1 + m); // x[0] * 1 + bias m
        }
        assertThat(mem[8192 + 96]).as("nothing beyond Mp x 4 bytes").isZero();
        // Cycles: 2 parameter words x 2 arrays... 96 bytes / 8 = 12 words each -> 24; one tile: 8 loads + 24 vectors of L = 1; write-back 24 / 2 lanes.
        assertThat(r.cycleEstimate()).isEqualTo(24 + 8 + 24 + 12);
    }

    /** Traffic of a hand-counted job: R = 8, C = 8, 8-byte bus, groups of 2 blocks. */
    @Test
    void trafficByHand() {
        // Mp = 72 (3 blocks: groups of 2 and 1), KT = 3, N = 11 (token tiles of 8 and 3), int32.
        AccelTraffic t = AccelTraffic.of(SHAPE, desc(0, 4096, 8192, 3, 3, 11, 24, 288, 0));
        long paramWords = 72 * 4 / 8;                // 36 per array
        long actRows = 2 * 3 * 11;                    // groups x k-tiles x tokens
        long weightWords = 2 * 3 * 3 * 7;             // token tiles x k-tiles x blocks x 7 words
        assertThat(t.readBeats()).isEqualTo(2 * paramWords + actRows + weightWords);
        assertThat(t.writeBeats()).isEqualTo(11 * (48 / 2) + 11 * (24 / 2));
        assertThat(t.macs()).isEqualTo(11L * 72 * 24);
        assertThat(t.resultBeats()).isEqualTo(2 * 3 * 72);
    }

    @Test
    void randomJobsEqualAPlainIntegerProduct() {
        Random rnd = new Random(3);
        byte[] mem = new byte[65536];
        for (int i = 0; i < 4096; i++) mem[i] = (byte) rnd.nextInt(256); // any bytes are valid blocks
        for (int i = 4096; i < 4096 + 5 * 16; i++) mem[i] = (byte) rnd.nextInt(256);
        for (int m = 0; m < 48; m++) mem[0x3800 + 4 * m] = 1;
        byte[] before = mem.clone();
        AccelModel.run(SHAPE, desc(0, 4096, 8192, 2, 2, 5, 16, 192, 0), mem, ArrayKind.SHIFTED);
        for (int t = 0; t < 5; t++) {
            for (int m = 0; m < 48; m++) {
                long y = 0;
                for (int k = 0; k < 16; k++) {
                    int kt = k / 8, c = k % 8, mb = m / 24;
                    int off = ((kt * 2 + mb) * 8 + c) * 7;
                    long block = 0;
                    for (int b = 6; b >= 0; b--) block = (block << 8) | (before[off + b] & 0xFF);
                    int q = io.fineq.golden.DecoderModel.decodeValues(block)[m % 24];
                    y += (long) q * before[4096 + t * 16 + k];
                }
                int a = 8192 + t * 192 + 4 * m;
                int got = (mem[a] & 0xFF) | (mem[a + 1] & 0xFF) << 8 | (mem[a + 2] & 0xFF) << 16 | mem[a + 3] << 24;
                assertThat(got).isEqualTo((int) y);
            }
        }
    }
}
