package io.fineq.tensor;

/** IEEE binary16 and bfloat16 conversions (Java 17 has no Float.float16ToFloat). */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** binary16 bits to float; exact (every half is a float). */
    public static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal or zero: exact
            return sign != 0 ? -v : v;
        }
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13)); // Inf / NaN
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /** float to binary16 bits, round to nearest even; overflow gives infinity. */
    public static int floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7FFFFF;
        if (exp == 0xFF) return sign | 0x7C00 | (mant != 0 ? 0x200 : 0);
        int e = exp - 127 + 15;
        if (e >= 31) return sign | 0x7C00;
        if (e <= 0) {
            if (e < -10) return sign;
            mant |= 0x800000;
            int shift = 14 - e;
            int q = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int half = 1 << (shift - 1);
            if (rem > half || (rem == half && (q & 1) == 1)) q++;
            return sign | q;
        }
        int q = (e << 10) | (mant >>> 13);
        int rem = mant & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (q & 1) == 1)) q++; // a carry into the exponent is correct rounding
        return sign | q;
    }

    /** bfloat16 bits to float (exact). */
    public static float bf16ToFloat(int b) {
        return Float.intBitsToFloat((b & 0xFFFF) << 16);
    }

    /** float to bfloat16 bits, round to nearest even; NaN stays NaN. */
    public static int floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return ((bits >>> 16) | 0x40) & 0xFFFF;
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return (rounded >>> 16) & 0xFFFF;
    }
}
