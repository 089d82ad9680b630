package io.fineq.quant;

import io.fineq.tensor.Tensor2D;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Helpers shared by the streaming passes: reading a 24-row block, and running fixed chunks in order-independent ways. */
final class RowBlocks {
    private RowBlocks() {
    }

    /** Reads rows 24mb..24mb+23 into {@code rows}; rows past the tensor (padding) are zero. */
    static void read(Tensor2D t, int mb, float[][] rows) {
        for (int i = 0; i < PackedBlock.VALUES; i++) {
            int r = PackedBlock.VALUES * mb + i;
            if (r < t.rows()) t.readRow(r, rows[i]);
            else Arrays.fill(rows[i], 0f);
        }
    }

    /**
     * Runs {@code task} for chunks 0..n-1, in parallel or not. Tasks write only to their own
     * slots, so the result does not depend on scheduling.
     */
    static void forEachChunk(int n, boolean parallel, IntConsumer task) {
        IntStream s = IntStream.range(0, n);
        (parallel ? s.parallel() : s).forEach(task);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
