package io.fineq.golden;

import java.util.List;

/**
 * The golden result of one job.
 *
 * @param rows   R
 * @param cols   C
 * @param tiles  tiles in job order ({@code for kt: for nt}), see {@link TileResult}
 * @param y      y[n][m] = sum over k of X[n][k] * q[m][k], N x M (real tokens and outputs only)
 * @param sumLength sum of L over all tiles
 * @param cycles the RTL cycle count of {@link CycleFormula}
 */
public record JobResult(int rows, int cols, List<TileResult> tiles, long[][] y, long sumLength, long cycles) {
    public JobResult {
        tiles = List.copyOf(tiles);
    }

    /** Number of token tiles, ceil(N / R). */
    public int tokenTiles() {
        return tiles.isEmpty() ? 0 : tiles.get(tiles.size() - 1).nt() + 1;
    }

    /** The tile (kt, nt). */
    public TileResult tile(int kt, int nt) {
        TileResult t = tiles.get(kt * tokenTiles() + nt);
        if (t.kt() != kt || t.nt() != nt) throw new IllegalStateException("tile order broken at (" + kt + ", " + nt + ")");
        return t;
    }
}
