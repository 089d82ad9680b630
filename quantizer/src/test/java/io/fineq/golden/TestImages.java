package io.fineq.golden;

import io.fineq.format.FqwFormatException;
import io.fineq.format.FqwImage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Builds {@code .fqw} images byte by byte per spec section 4 (magic, u32 JSON length, JSON,
 * Kp float32 scales, blocks in stream order) and keeps the weight matrix Q they encode, so tests
 * can compare against a plain matmul.
 */
final class TestImages {
    private TestImages() {
    }

    /** An image and the Mp x Kp weight values it holds. */
    record Built(FqwImage image, int[][] q) {
    }

    interface BlockSource {
        /** The block for column {@code col} (0..Kp-1) and rows 24mb..24mb+23. */
        SpecBlocks.Block block(int col, int mb);
    }

    static int ceilTo(int v, int m) {
        return (v + m - 1) / m * m;
    }

    static Built build(int m, int k, int c, BlockSource source) {
        int mp = ceilTo(m, 24);
        int kp = ceilTo(k, c);
        int[][] q = new int[mp][kp];
        ByteArrayOutputStream blocks = new ByteArrayOutputStream();
        for (int kt = 0; kt < kp / c; kt++) {
            for (int mb = 0; mb < mp / 24; mb++) {
                for (int cc = 0; cc < c; cc++) {
                    int col = kt * c + cc;
                    SpecBlocks.Block b = source.block(col, mb);
                    blocks.writeBytes(b.bytes());
                    for (int i = 0; i < 24; i++) q[24 * mb + i][col] = b.q()[i];
                }
            }
        }
        String json = "{\"rows\":" + m + ",\"cols\":" + k + ",\"padded_rows\":" + mp + ",\"padded_cols\":" + kp
                + ",\"array_cols\":" + c + ",\"scale\":\"absmax\",\"threshold\":4,\"pairing\":\"paper\"}";
        byte[] j = json.getBytes(StandardCharsets.UTF_8);
        byte[] blk = blocks.toByteArray();
        ByteBuffer buf = ByteBuffer.allocate(8 + j.length + 4 * kp + blk.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {'F', 'Q', 'W', '1'}).putInt(j.length).put(j);
        for (int i = 0; i < kp; i++) buf.putFloat(1.0f);
        buf.put(blk);
        try {
            return new Built(FqwImage.parse(buf.array(), "test image"), q);
        } catch (FqwFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random encoder-valid blocks; padding rows (>= M) and padding columns (>= K) are zero, as the quantizer writes them. */
    static Built randomValid(int m, int k, int c, Random rnd) {
        return build(m, k, c, (col, mb) -> {
            SpecBlocks.Block b = SpecBlocks.randomValid(rnd);
            boolean[] zero = new boolean[24];
            for (int i = 0; i < 24; i++) zero[i] = col >= k || 24 * mb + i >= m;
            return SpecBlocks.withZeroRows(b, zero);
        });
    }

    /** Arbitrary random bytes per block (negative zeros, anything decodable); values from the reference decoder. */
    static Built randomBytes(int m, int k, int c, Random rnd) {
        return build(m, k, c, (col, mb) -> {
            byte[] b = new byte[7];
            rnd.nextBytes(b);
            return new SpecBlocks.Block(b, SpecBlocks.referenceValues(b));
        });
    }

    static int[][] randomActivations(int n, int k, int actWidth, Random rnd) {
        int lo = -(1 << (actWidth - 1));
        int hi = (1 << (actWidth - 1)) - 1;
        int[][] x = new int[n][k];
        for (int[] row : x) {
            for (int i = 0; i < k; i++) {
                int pick = rnd.nextInt(10);
                row[i] = pick == 0 ? lo : pick == 1 ? hi : lo + rnd.nextInt(hi - lo + 1);
            }
        }
        return x;
    }

    /** Plain Y = X * Q^T over the real K columns and M rows. */
    /**
     * Streams {@code vectors} into a loaded cycle-stepped array with results always taken, collecting
     * every result into {@code seen}; returns the cycles until the last result was seen.
     */
    static int streamVectors(ArrayModel array, int[][] vectors, int cols, java.util.List<long[]> seen) {
        int v = 0, cycles = 0;
        while (seen.size() < vectors.length) {
            if (array.resValid()) seen.add(array.result());
            boolean valid = v < vectors.length;
            int[] w = valid ? vectors[v] : new int[cols];
            boolean done = array.vecDone(valid, w, true);
            array.clock(false, 0, new int[cols], valid, w, true);
            if (done) v++;
            cycles++;
        }
        return cycles;
    }

    /** Row r of {@code v} is the plain dot product of weights {@code w} and activation row {@code acts[r]}. */
    static void assertDotProducts(VectorResult v, int[][] acts, int[] w) {
        for (int r = 0; r < acts.length; r++) {
            long dot = 0;
            for (int c = 0; c < w.length; c++) dot += (long) w[c] * acts[r][c];
            org.assertj.core.api.Assertions.assertThat(v.y()[r]).as("row %d", r).isEqualTo(dot);
        }
    }

    static long[][] matmul(int[][] x, int[][] q, int m, int k) {
        long[][] y = new long[x.length][m];
        for (int n = 0; n < x.length; n++)
            for (int row = 0; row < m; row++) {
                long s = 0;
                for (int i = 0; i < k; i++) s += (long) x[n][i] * q[row][i];
                y[n][row] = s;
            }
        return y;
    }
}
