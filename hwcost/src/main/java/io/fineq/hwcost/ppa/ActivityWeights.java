package io.fineq.hwcost.ppa;

import io.fineq.format.FqwImage;
import io.fineq.model.MiniLm;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tb.JobInputs;
import io.fineq.tensor.Tensor2D;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The weights of the PPA flow's activity job, the same for every design (docs/hwcost.md,
 * "Switching activity"): a {@link FineqPpaDesign#JOB_M} x 2C slice (rows 0.., channels 0..) of
 * a real trained layer, all-MiniLM-L6-v2 encoder layer 0's FFN down projection (384 x 1536),
 * FineQ-quantized with the spec's defaults; for 2C > 1536 (C > 768), where that layer is too
 * narrow, llama-like synthetic weights of the same shape.
 */
public final class ActivityWeights {
    /** The real layer the slice comes from. */
    public static final String LAYER = "/encoder/layer.0/output/dense/MatMul";
    private static final int LAYER_K = 1536;

    /** The quantized image and what it is, for reports. */
    public record Weights(FqwImage image, String description) { }

    private ActivityWeights() {
    }

    public static Weights of(int arrayCols) {
        int k = 2 * arrayCols;
        int m = FineqPpaDesign.JOB_M;
        if (k > LAYER_K) {
            return new Weights(JobInputs.syntheticImage(m, k, arrayCols, 1), "llama-like " + m + " x " + k + " weights (FineQ)");
        }
        Tensor2D full;
        try {
            full = MiniLm.bundledOnnx().tensor(LAYER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tensor2D slice = new Tensor2D() {
            private final float[] row = new float[full.cols()];

            @Override
            public String name() {
                return "minilm-l0-ffn_down[0:" + m + ", 0:" + k + "]";
            }

            @Override
            public int rows() {
                return m;
            }

            @Override
            public int cols() {
                return k;
            }

            @Override
            public synchronized void readRow(int r, float[] dst) {
                full.readRow(r, row);
                System.arraycopy(row, 0, dst, 0, k);
            }
        };
        FqwImage image = new FineqQuantizer(QuantizerOptions.defaults(arrayCols)).quantize(slice).image();
        return new Weights(image, "MiniLM layer-0 FFN-down " + m + " x " + k + " real weights (FineQ)");
    }
}
