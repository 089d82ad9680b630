package io.fineq.quant;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;
import io.fineq.tensor.Tensor2D;

/**
 * Reads a {@code .fqw} image back as the integer matrix q (Mp x Kp, padding included) and as
 * dequantised weights {@code q[m][k] * scale[k]} (M x K). Decodes blocks on demand, so it costs no
 * memory beyond the image.
 */
public final class DecodedImage {
    private final FqwImage image;
    private final FqwHeader h;

    public DecodedImage(FqwImage image) {
        this.image = image;
        this.h = image.header();
    }

    public FqwImage image() {
        return image;
    }

    /** q[m][k] for m < Mp, k < Kp. */
    public int q(int m, int k) {
        int c = h.arrayCols();
        return PackedBlock.decode(image.blocks(), image.blockOffset(k / c, m / PackedBlock.VALUES, k % c), m % PackedBlock.VALUES);
    }

    /** Row m (m < Mp) of q into dst[0..Kp-1]. */
    public void readQRow(int m, int[] dst) {
        for (int k = 0; k < h.paddedCols(); k++) dst[k] = q(m, k);
    }

    /** The 4 pair codes of every block counted: index = code. */
    public long[] pairCodeHistogram() {
        long[] hist = new long[4];
        byte[] b = image.blocks();
        for (int off = 0; off < b.length; off += PackedBlock.BYTES)
            for (int p = 0; p < PackedBlock.PAIRS; p++) hist[PackedBlock.pairCode(b, off, p)]++;
        return hist;
    }

    /** How often each q value -3..3 (index q + 3) occurs in the real M x K region. */
    public long[] valueHistogram() {
        long[] hist = new long[7];
        int[] row = new int[h.paddedCols()];
        for (int m = 0; m < h.rows(); m++) {
            readQRow(m, row);
            for (int k = 0; k < h.cols(); k++) hist[row[k] + 3]++;
        }
        return hist;
    }

    /** The dequantised M x K weights {@code q * (float32 scale)} as a tensor. */
    public Tensor2D dequantized(String name) {
        float[] scales = image.scales();
        return new Tensor2D() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int rows() {
                return h.rows();
            }

            @Override
            public int cols() {
                return h.cols();
            }

            @Override
            public void readRow(int r, float[] dst) {
                for (int k = 0; k < h.cols(); k++) dst[k] = q(r, k) * scales[k];
            }
        };
    }
}
