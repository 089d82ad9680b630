package io.fineq.quant;

import io.fineq.format.FqwImage;

/**
 * The result of quantising one tensor.
 *
 * @param name              the tensor's name
 * @param image             the {@code .fqw} image (header, float32 scales, blocks in stream order)
 * @param scales            the Kp scales in double, as used for u = w / s
 * @param pairCodeHistogram how many pairs (over all blocks, padding included) got code 0, 1, 2, 3
 */
public record QuantizedTensor(String name, FqwImage image, double[] scales, long[] pairCodeHistogram) {
    /** The integer q matrix (and dequantised weights) of the image, decoded on demand. */
    public DecodedImage decoded() {
        return new DecodedImage(image);
    }
}
