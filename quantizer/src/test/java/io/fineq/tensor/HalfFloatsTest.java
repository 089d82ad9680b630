package io.fineq.tensor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bit patterns from the IEEE 754 binary16 and bfloat16 tables. */
class HalfFloatsTest {
    @ParameterizedTest(name = "half 0x{0} = {1}")
    @CsvSource({"3C00, 1.0", "C000, -2.0", "7BFF, 65504.0", "0001, 5.9604645E-8", "0400, 6.1035156E-5",
            "3555, 0.33325195", "0000, 0.0", "8000, -0.0", "7C00, Infinity", "FC00, -Infinity"})
    void halfToFloat(String hex, float value) {
        int h = Integer.parseInt(hex, 16);
        assertThat(HalfFloats.halfToFloat(h)).isEqualTo(value);
        assertThat(HalfFloats.floatToHalf(value)).isEqualTo(h);
    }

    @Test
    void nanAndRounding() {
        assertThat(HalfFloats.halfToFloat(0x7E00)).isNaN();
        assertThat(HalfFloats.floatToHalf(Float.NaN) & 0x7C00).isEqualTo(0x7C00);
        assertThat(HalfFloats.floatToHalf(0.1f)).isEqualTo(0x2E66);     // 0.0999755859375
        assertThat(HalfFloats.floatToHalf(65520f)).isEqualTo(0x7C00);   // rounds up to infinity
        assertThat(HalfFloats.floatToHalf(1 + 0x1p-11f)).isEqualTo(0x3C00); // tie -> even
        assertThat(HalfFloats.floatToHalf(1 + 3 * 0x1p-11f)).isEqualTo(0x3C02);
        assertThat(HalfFloats.floatToHalf(0x1p-25f)).isEqualTo(0);      // tie with 0 -> even (0)
        assertThat(HalfFloats.floatToHalf(0x1.8p-25f)).isEqualTo(1);
    }

    @Test
    void bfloat16() {
        assertThat(HalfFloats.bf16ToFloat(0x3F80)).isEqualTo(1.0f);
        assertThat(HalfFloats.bf16ToFloat(0xC040)).isEqualTo(-3.0f);
        assertThat(HalfFloats.floatToBf16(1.0f)).isEqualTo(0x3F80);
        assertThat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x3F808000))).isEqualTo(0x3F80); // tie -> even
        assertThat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x3F818000))).isEqualTo(0x3F82);
        assertThat(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.NaN))).isNaN();
    }

    @Test
    void everyHalfRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloats.halfToFloat(h);
            if (Float.isNaN(f)) continue;
            assertThat(HalfFloats.floatToHalf(f)).isEqualTo(h);
        }
    }
}
