package io.fineq.golden;

/**
 * The array's output for one tile (kt, nt), as it emits it.
 *
 * @param kt         k-tile index, channels kt*C .. kt*C+C-1
 * @param nt         token tile index, tokens nt*R .. nt*R+R-1
 * @param beats      beats[m][r] = partial sum of token nt*R + r, output row m (0..Mp-1), k-tile kt;
 *                   rows r of tokens >= N and rows m >= M are included as the array emits them
 * @param sumLength  sum of L over the Mp weight vectors of the tile (its compute bit-times)
 */
public record TileResult(int kt, int nt, int[][] beats, long sumLength) {
}
