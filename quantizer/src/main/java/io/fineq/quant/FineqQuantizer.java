package io.fineq.quant;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;
import io.fineq.tensor.Tensor2D;

/**
 * The FineQ quantizer (spec sections 2-4): streams over the rows of a tensor and produces the
 * {@code .fqw} image, blocks in stream order. Pass 1 reads every row for the column absmax (and
 * the finiteness check); the {@code mse} rule adds two scoring passes; the last pass reads 24 rows
 * at a time and quantises every column of that row block. Only 24 rows and the packed output are
 * held in memory, never the float matrix.
 *
 * <p>Row blocks are split into fixed chunks that may run in parallel; each chunk writes its own
 * blocks and counters, so the output is byte-identical with or without parallelism.
 */
public final class FineqQuantizer {
    private static final int CHUNK_BLOCKS = 4;
    private final QuantizerOptions options;

    public FineqQuantizer(QuantizerOptions options) {
        this.options = options;
    }

    public QuantizerOptions options() {
        return options;
    }

    /**
     * Quantises {@code t}.
     *
     * @throws NonFiniteWeightException if a weight is NaN or infinite
     */
    public QuantizedTensor quantize(Tensor2D t) {
        FqwHeader h = FqwHeader.forShape(t.rows(), t.cols(), options.arrayCols(), options.scale().id(),
                options.threshold(), options.pairing().id());
        float[] absMax = ChannelScales.columnAbsMax(t, options.parallel());
        double[] scales = options.scale() == ScaleRule.MSE
                ? ChannelScales.mse(t, absMax, h.paddedCols(), options)
                : ChannelScales.absmax(absMax, h.paddedCols());
        float[] stored = new float[scales.length];
        for (int c = 0; c < scales.length; c++) {
            // A scale below the float32 range (absmax in the subnormals) is stored as the least float > 0.
            stored[c] = Math.max((float) scales[c], Float.MIN_VALUE);
        }
        long blockBytes = h.blockCount() * PackedBlock.BYTES;
        if (blockBytes > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException("tensor '" + t.name() + "' " + t.shape() + " is too large for one .fqw image (" + blockBytes + " block bytes)");
        byte[] blocks = new byte[(int) blockBytes];
        int rowBlocks = h.rowBlocks();
        int chunks = RowBlocks.ceilDiv(rowBlocks, CHUNK_BLOCKS);
        long[][] hist = new long[chunks][];
        int k = t.cols();
        int kp = h.paddedCols();
        int cArr = h.arrayCols();
        RowBlocks.forEachChunk(chunks, options.parallel(), ch -> {
            float[][] rows = new float[PackedBlock.VALUES][k];
            // u of the whole row block, column-major: column c's 24 values are u[24c .. 24c+23]
            double[] u = new double[PackedBlock.VALUES * kp];
            int[] codes = new int[PackedBlock.PAIRS];
            int[] q = new int[PackedBlock.VALUES];
            BlockQuantizer bq = new BlockQuantizer(options.threshold(), options.pairing());
            long[] myHist = new long[4]; // thread-local: neighbouring chunks' arrays would share cache lines
            int end = Math.min(rowBlocks, (ch + 1) * CHUNK_BLOCKS);
            for (int mb = ch * CHUNK_BLOCKS; mb < end; mb++) {
                RowBlocks.read(t, mb, rows);
                for (int i = 0; i < PackedBlock.VALUES; i++) {
                    float[] row = rows[i];
                    for (int c = 0; c < k; c++) u[PackedBlock.VALUES * c + i] = (double) row[c] / scales[c];
                } // padded columns c >= k stay 0
                for (int c = 0; c < kp; c++) {
                    bq.quantizeCodes(u, PackedBlock.VALUES * c, codes, q);
                    int kt = c / cArr;
                    long index = ((long) kt * rowBlocks + mb) * cArr + (c - kt * cArr);
                    PackedBlock.pack(codes, q, blocks, (int) (index * PackedBlock.BYTES));
                    for (int p = 0; p < PackedBlock.PAIRS; p++) myHist[codes[p]]++;
                }
            }
            hist[ch] = myHist;
        });
        long[] pairHist = new long[4];
        for (long[] hh : hist) for (int i = 0; i < 4; i++) pairHist[i] += hh[i];
        return new QuantizedTensor(t.name(), new FqwImage(h, stored, blocks), scales, pairHist);
    }
}
