package io.fineq.golden;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The job API: runs a weight image and activations through the block models in the tile order of
 * microarchitecture section 3, and produces the beat streams the RTL receives and emits.
 *
 * <p>Tiles: {@code for kt in 0..Kp/C-1: for nt in 0..ceil(N/R)-1}. The activation tile holds
 * tokens nt*R .. nt*R+R-1 (zero rows past N) and channels kt*C .. kt*C+C-1 (zero past K); the
 * weight vectors are the Mp rows of k-tile kt, decoded from the image's blocks.
 */
public final class GoldenJob {
    /** Largest C the core supports (FineqConfig.MAX_DIM). */
    public static final int MAX_COLS = 1024;

    private GoldenJob() {
    }

    /** Runs the job: per-tile result beats, summed Y and the cycle count. */
    public static JobResult run(FqwImage image, int[][] x, CoreParams params) {
        validate(image, x, params);
        FqwHeader h = image.header();
        int rows = params.rows();
        int cols = h.arrayCols();
        int n = x.length;
        int m = h.rows();
        int k = h.cols();
        int mp = h.paddedRows();
        int tokenTiles = (n + rows - 1) / rows;
        long[][] y = new long[n][m];
        List<TileResult> tiles = new ArrayList<>();
        long totalL = 0;
        for (int kt = 0; kt < h.kTiles(); kt++) {
            int[][] codes = weightVectors(image, kt);
            for (int nt = 0; nt < tokenTiles; nt++) {
                int[][] acts = activationTile(x, k, kt, nt, rows, cols);
                int[][] beats = new int[mp][rows];
                long sumL = 0;
                for (int row = 0; row < mp; row++) {
                    VectorResult v = ArrayModel.computeVector(acts, codes[row], params.termination(), params.actWidth(), params.array());
                    sumL += v.length();
                    for (int r = 0; r < rows; r++) {
                        beats[row][r] = Math.toIntExact(v.y()[r]);
                        int token = nt * rows + r;
                        if (token < n && row < m) y[token][row] += v.y()[r];
                    }
                }
                totalL += sumL;
                tiles.add(new TileResult(kt, nt, beats, sumL));
            }
        }
        long t = CycleFormula.tiles(h.kTiles(), n, rows);
        return new JobResult(rows, cols, tiles, y, totalL, CycleFormula.cycles(t, rows, totalL, params.pipeStages()));
    }

    /**
     * The cycle count of a job on N tokens from the weights alone (no datapath run): L depends only
     * on the weights, so sumL = ceil(N/R) * sum over k-tiles of that tile's sum of L.
     */
    public static long cycles(FqwImage image, int tokens, CoreParams params) {
        if (tokens < 1) throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        FqwHeader h = image.header();
        int tokenTiles = (tokens + params.rows() - 1) / params.rows();
        long sumL = sumLength(image, params);
        return CycleFormula.cycles(CycleFormula.tiles(h.kTiles(), tokens, params.rows()), params.rows(),
                Math.multiplyExact(sumL, (long) tokenTiles), params.pipeStages());
    }

    /** Sum of L over the weight vectors of every k-tile (Kp/C * Mp vectors): the compute bit-times of one token tile. */
    public static long sumLength(FqwImage image, boolean termination) {
        return sumLength(image, termination, ArrayKind.TEMPORAL);
    }

    /** As {@link #sumLength(FqwImage, boolean)} on the array of {@code params} (the MAC tree: one cycle per vector). */
    public static long sumLength(FqwImage image, CoreParams params) {
        return sumLength(image, params.termination(), params.array());
    }

    private static long sumLength(FqwImage image, boolean termination, ArrayKind kind) {
        long sumL = 0;
        for (int kt = 0; kt < image.header().kTiles(); kt++) {
            for (int[] vector : weightVectors(image, kt)) sumL += ArrayModel.vectorLength(vector, termination, kind);
        }
        return sumL;
    }

    /** The exact beat streams of the job (activations, weights, expected results) and its cycle count. */
    public static JobStreams streams(FqwImage image, int[][] x, CoreParams params) {
        return streams(image, x, params, run(image, x, params));
    }

    /** As {@link #streams(FqwImage, int[][], CoreParams)} with an already computed result of the same job. */
    public static JobStreams streams(FqwImage image, int[][] x, CoreParams params, JobResult result) {
        validate(image, x, params);
        FqwHeader h = image.header();
        int rows = params.rows();
        int cols = h.arrayCols();
        int accW = AccModel.accWidth(cols, params.actWidth());
        int tokenTiles = (x.length + rows - 1) / rows;
        List<BigInteger> acts = new ArrayList<>();
        List<WeightBeat> weights = new ArrayList<>();
        List<BigInteger> results = new ArrayList<>();
        for (int kt = 0; kt < h.kTiles(); kt++) {
            List<WeightBeat> tileWeights = weightBeats(image, kt);
            for (int nt = 0; nt < tokenTiles; nt++) {
                for (int[] row : activationTile(x, h.cols(), kt, nt, rows, cols)) acts.add(BeatCodec.packSigned(row, params.actWidth()));
                weights.addAll(tileWeights);
                for (int[] beat : result.tile(kt, nt).beats()) results.add(BeatCodec.packSigned(beat, accW));
            }
        }
        return new JobStreams(rows, cols, params.actWidth(), accW, (long) h.kTiles() * tokenTiles, h.rowBlocks(),
                acts, weights, results, result.cycles());
    }

    /** The Mp/24 weight beats of k-tile kt; {@code last} on the final one. */
    public static List<WeightBeat> weightBeats(FqwImage image, int kt) {
        FqwHeader h = image.header();
        List<WeightBeat> beats = new ArrayList<>(h.rowBlocks());
        for (int mb = 0; mb < h.rowBlocks(); mb++) {
            long[] blocks = new long[h.arrayCols()];
            for (int c = 0; c < blocks.length; c++) blocks[c] = image.blockBits(kt, mb, c);
            beats.add(new WeightBeat(BeatCodec.packBlocks(blocks), mb == h.rowBlocks() - 1));
        }
        return beats;
    }

    /** codes[m][c] = decoded 3-bit code of weight (m, kt*C + c), m = 0..Mp-1. */
    public static int[][] weightVectors(FqwImage image, int kt) {
        FqwHeader h = image.header();
        int cols = h.arrayCols();
        int[][] codes = new int[h.paddedRows()][cols];
        for (int mb = 0; mb < h.rowBlocks(); mb++) {
            for (int c = 0; c < cols; c++) {
                long block = image.blockBits(kt, mb, c);
                for (int j = 0; j < DecoderModel.CLUSTERS; j++) {
                    for (int i = 0; i < DecoderModel.POSITIONS; i++) {
                        codes[FqwHeader.BLOCK_ROWS * mb + DecoderModel.POSITIONS * j + i][c] = DecoderModel.decode(block, j, i);
                    }
                }
            }
        }
        return codes;
    }

    /** acts[r][c] = X[nt*R + r][kt*C + c], zero past N or K. */
    static int[][] activationTile(int[][] x, int k, int kt, int nt, int rows, int cols) {
        int[][] acts = new int[rows][cols];
        for (int r = 0; r < rows; r++) {
            int token = nt * rows + r;
            if (token >= x.length) continue;
            for (int c = 0; c < cols; c++) {
                int ch = kt * cols + c;
                if (ch < k) acts[r][c] = x[token][ch];
            }
        }
        return acts;
    }

    /** Checks the job's inputs; throws IllegalArgumentException with one line naming the offending input. */
    public static void validate(FqwImage image, int[][] x, CoreParams params) {
        if (image == null) throw new IllegalArgumentException("weight image: missing");
        if (params == null) throw new IllegalArgumentException("core parameters: missing");
        FqwHeader h = image.header();
        if (h.arrayCols() < 1 || h.arrayCols() > MAX_COLS)
            throw new IllegalArgumentException("weight image array_cols must be 1.." + MAX_COLS + " for the core, got " + h.arrayCols());
        if (x == null || x.length == 0) throw new IllegalArgumentException("activations: need at least one token row (N >= 1), got none");
        int lo = params.actMin();
        int hi = params.actMax();
        for (int n = 0; n < x.length; n++) {
            if (x[n] == null || x[n].length != h.cols())
                throw new IllegalArgumentException("activations: row " + n + " has " + (x[n] == null ? 0 : x[n].length)
                        + " columns, must equal the image's cols (K) = " + h.cols());
            for (int k = 0; k < x[n].length; k++) {
                int v = x[n][k];
                if (v < lo || v > hi)
                    throw new IllegalArgumentException("activations: X[" + n + "][" + k + "] = " + v + " is out of range "
                            + lo + ".." + hi + " for ACT_W = " + params.actWidth());
            }
        }
    }
}
