package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.golden.CoreParams;
import io.fineq.golden.GoldenJob;
import io.fineq.golden.JobResult;
import io.fineq.golden.JobStreams;
import io.fineq.golden.TileResult;
import io.fineq.rtl.FineqConfig;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a job (weight image + activations) into {@link CoreVectors} with the golden model
 * ({@code io.fineq.golden.GoldenJob}): its beat streams, its per-tile partial sums and its cycle count.
 */
public final class GoldenVectors {
    private GoldenVectors() {
    }

    /** The golden model's view of a core configuration (C comes from the image). */
    public static CoreParams params(FineqConfig c) {
        if (!c.core().inShell()) throw new IllegalArgumentException(c.core().word() + " has no fineq_core shell: the core golden model does not describe it");
        return new CoreParams(c.rows(), c.actWidth(), c.termination(), c.pipeStages(), arrayKind(c.core()));
    }

    /** The golden model's array behind the shell of {@code core}. */
    public static io.fineq.golden.ArrayKind arrayKind(io.fineq.rtl.CoreKind core) {
        return switch (core) {
            case FINEQ -> io.fineq.golden.ArrayKind.TEMPORAL;
            case FINEQ_SHIFTED -> io.fineq.golden.ArrayKind.SHIFTED;
            case MAC_TREE -> io.fineq.golden.ArrayKind.MAC_TREE;
            case MAC_SYSTOLIC -> throw new IllegalArgumentException("mac-systolic has no fineq_core shell: the core golden model does not describe it");
        };
    }

    /** The golden job result (per-tile partials, summed Y, cycles) of {@code x} (N x K) against {@code image} on {@code c}. */
    public static JobResult result(FineqConfig c, FqwImage image, int[][] x) {
        checkColumns(c, image);
        return GoldenJob.run(image, x, params(c));
    }

    public static CoreVectors of(FineqConfig c, FqwImage image, int[][] x) {
        JobResult result = result(c, image, x);
        return of(c, image, x, result);
    }

    public static CoreVectors of(FineqConfig c, FqwImage image, int[][] x, JobResult result) {
        checkColumns(c, image);
        JobStreams s = GoldenJob.streams(image, x, params(c), result);
        if (s.accWidth() != c.accWidth())
            throw new IllegalStateException("golden ACC_W " + s.accWidth() + " differs from FineqConfig ACC_W " + c.accWidth());
        List<CoreVectors.WeightBeat> ws = new ArrayList<>(s.weights().size());
        for (var w : s.weights()) ws.add(new CoreVectors.WeightBeat(w.data(), w.last()));
        List<CoreVectors.ResultBeat> expected = new ArrayList<>(s.results().size());
        int tile = 0;
        for (TileResult t : result.tiles()) {
            for (int m = 0; m < t.beats().length; m++) {
                long[] y = new long[c.rows()];
                for (int r = 0; r < y.length; r++) y[r] = t.beats()[m][r];
                expected.add(new CoreVectors.ResultBeat(tile, t.kt(), t.nt(), m, y));
            }
            tile++;
        }
        // The streams' packed result beats and the tiles' partial sums are two views of one
        // answer; a disagreement is a golden-model bug, not an RTL one.
        for (int i = 0; i < expected.size(); i++) {
            BigInteger packed = expected.get(i).packed(c.accWidth());
            if (!packed.equals(s.results().get(i)))
                throw new IllegalStateException("golden result beat " + i + " disagrees with its tile partial sums");
        }
        return new CoreVectors(c, s.activations(), ws, expected, s.expectedCycles());
    }

    private static void checkColumns(FineqConfig c, FqwImage image) {
        if (image.header().arrayCols() != c.cols())
            throw new IllegalArgumentException("weight image array_cols = " + image.header().arrayCols() + " but the core has cols = " + c.cols());
    }
}
