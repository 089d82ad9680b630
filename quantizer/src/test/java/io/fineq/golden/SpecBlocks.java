package io.fineq.golden;

import java.util.Random;

/**
 * Test-side reference for spec section 3, written straight from the spec text and independent of
 * {@link DecoderModel}: the block is handled as a list of bits, not by shifting a 56-bit word.
 */
final class SpecBlocks {
    private SpecBlocks() {
    }

    /** A block of 24 weights: its 7 bytes and the values q (row order 3j + i) it was made from. */
    record Block(byte[] bytes, int[] q) {
    }

    /** Bit n of the 48-bit field D (byte 1 holds D[7:0]). */
    private static int d(byte[] b, int n) {
        return ((b[1 + n / 8] & 0xFF) >> (n % 8)) & 1;
    }

    /** The 3-bit code {s, m1, m0} of the 24 weights, as an int s*4 + m1*2 + m0. */
    static int[] referenceCodes(byte[] b) {
        int[] codes = new int[24];
        for (int j = 0; j < 8; j++) {
            int pairCode = ((b[0] & 0xFF) >> (2 * (j / 2))) & 3;
            int[] f = new int[6];
            for (int n = 0; n < 6; n++) f[n] = d(b, 6 * j + n);
            if (pairCode == 0) {
                for (int i = 0; i < 3; i++) {
                    int sign = f[2 * i + 1];
                    int mag = f[2 * i];
                    codes[3 * j + i] = sign * 4 + mag; // {s, 0, m0}
                }
            } else {
                int zero = pairCode - 1;
                int slot = 0;
                for (int i = 0; i < 3; i++) {
                    if (i == zero) {
                        codes[3 * j + i] = 0;
                        continue;
                    }
                    int base = 3 * slot; // first kept: F[2:0], second kept: F[5:3]
                    codes[3 * j + i] = f[base + 2] * 4 + f[base + 1] * 2 + f[base];
                    slot++;
                }
            }
        }
        return codes;
    }

    /** Signed values of the 24 weights; sign 1 with magnitude 0 reads as 0. */
    static int[] referenceValues(byte[] b) {
        int[] codes = referenceCodes(b);
        int[] q = new int[24];
        for (int i = 0; i < 24; i++) {
            int mag = codes[i] % 4;
            q[i] = codes[i] >= 4 ? -mag : mag;
        }
        return q;
    }

    /** Encodes values q under the given pair codes (spec section 3); q must obey the codes. */
    static byte[] encode(int[] q, int[] pairCodes) {
        int[] dBits = new int[48];
        int index = 0;
        for (int p = 0; p < 4; p++) index |= pairCodes[p] << (2 * p);
        for (int j = 0; j < 8; j++) {
            int code = pairCodes[j / 2];
            if (code == 0) {
                for (int i = 0; i < 3; i++) {
                    int v = q[3 * j + i];
                    if (Math.abs(v) > 1) throw new IllegalArgumentException("2-bit value out of range: " + v);
                    dBits[6 * j + 2 * i] = Math.abs(v);
                    dBits[6 * j + 2 * i + 1] = v < 0 ? 1 : 0;
                }
            } else {
                int slot = 0;
                for (int i = 0; i < 3; i++) {
                    int v = q[3 * j + i];
                    if (i == code - 1) {
                        if (v != 0) throw new IllegalArgumentException("zero position holds " + v);
                        continue;
                    }
                    int base = 6 * j + 3 * slot;
                    dBits[base] = Math.abs(v) & 1;
                    dBits[base + 1] = (Math.abs(v) >> 1) & 1;
                    dBits[base + 2] = v < 0 ? 1 : 0;
                    slot++;
                }
            }
        }
        byte[] b = new byte[7];
        b[0] = (byte) index;
        for (int n = 0; n < 48; n++) b[1 + n / 8] |= (byte) (dBits[n] << (n % 8));
        return b;
    }

    /** A random block that an encoder could write: random pair codes, values in range, zeros where the code says. */
    static Block randomValid(Random rnd) {
        int[] codes = new int[4];
        int[] q = new int[24];
        for (int p = 0; p < 4; p++) codes[p] = rnd.nextInt(4);
        for (int row = 0; row < 24; row++) {
            int code = codes[row / 6];
            if (code == 0) q[row] = rnd.nextInt(3) - 1;
            else q[row] = (row % 3 == code - 1) ? 0 : rnd.nextInt(7) - 3;
        }
        return new Block(encode(q, codes), q);
    }

    /** Re-encodes a valid block with some rows forced to zero (zero is legal under every code). */
    static Block withZeroRows(Block b, boolean[] zeroRow) {
        int[] q = b.q().clone();
        for (int row = 0; row < 24; row++) if (zeroRow[row]) q[row] = 0;
        int[] codes = new int[4];
        for (int p = 0; p < 4; p++) codes[p] = ((b.bytes()[0] & 0xFF) >> (2 * p)) & 3;
        return new Block(encode(q, codes), q);
    }

    /** The 56-bit number {byte6, ..., byte0}. */
    static long bits(byte[] b) {
        long v = 0;
        for (int i = 6; i >= 0; i--) v = v * 256 + (b[i] & 0xFF);
        return v;
    }

    static byte[] hex(String spaced) {
        String[] parts = spaced.trim().split("\\s+");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
        return b;
    }
}
