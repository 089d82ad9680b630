package io.fineq.report;

import io.fineq.format.FqwHeader;
import io.fineq.quant.DecodedImage;
import io.fineq.quant.QuantizedTensor;

/**
 * A FineQ variant: the dequantised weights {@code q * scale} of a quantised tensor.
 * Storage counts the whole image payload, index + data + scales, over the real weights:
 * {@code (56 * blocks + 32 * Kp) / (M * K)}, which is {@code 56/24 + 32/M} on aligned shapes.
 */
public final class FineqMethod implements ApproximationMethod {
    private final String name;
    private final DecodedImage decoded;
    private final float[] scales;
    private final FqwHeader h;

    public FineqMethod(QuantizedTensor qt) {
        this.h = qt.image().header();
        this.name = "fineq-" + h.scale() + "-" + h.pairing();
        this.decoded = qt.decoded();
        this.scales = qt.image().scales();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double bitsPerWeight() {
        return bitsPerWeight(h);
    }

    /** (56 * blocks + 32 * Kp) / (M * K). */
    public static double bitsPerWeight(FqwHeader h) {
        return (56.0 * h.blockCount() + 32.0 * h.paddedCols()) / ((double) h.rows() * h.cols());
    }

    @Override
    public void approximateRow(int r, float[] w, double[] out) {
        for (int k = 0; k < h.cols(); k++) out[k] = (double) decoded.q(r, k) * scales[k];
    }
}
