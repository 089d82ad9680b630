package io.fineq.hwcost.mac;

import io.fineq.hwcost.util.Hex;
import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The cycle-by-cycle input schedule of the MAC baseline array for one job (y = X * Q^T), in the
 * FineQ job order (docs/microarchitecture.md section 3): {@code for kt: for nt:} load R activation
 * rows, issue {@code vectors} weight vectors (output rows 0..vectors-1, zero beyond M), then
 * {@code drain} idle cycles before the next tile's load. One line per cycle, the format of
 * harness/mac_array_tb.cpp.
 */
public final class MacSchedule {
    private MacSchedule() {
    }

    /**
     * @param x       N x K activations, each within ACT_W-bit signed range
     * @param q       M x K quantized weights, each in -3..3
     * @param vectors weight vectors per tile (>= M; FineQ issues Mp = M rounded up to 24)
     * @param drain   idle cycles between tiles (MacGeometry.drain() is the least that is correct)
     */
    public static List<String> build(FineqConfig cfg, int[][] x, int[][] q, int vectors, int drain) {
        int r = cfg.rows(), c = cfg.cols();
        int n = x.length, k = x[0].length, m = q.length;
        if (q[0].length != k) throw new IllegalArgumentException("X has " + k + " columns, Q has " + q[0].length);
        if (vectors < m) throw new IllegalArgumentException("vectors " + vectors + " < M " + m);
        int kTiles = (k + c - 1) / c, nTiles = (n + r - 1) / r;
        List<String> lines = new ArrayList<>();
        for (int kt = 0; kt < kTiles; kt++) {
            for (int nt = 0; nt < nTiles; nt++) {
                if (!lines.isEmpty()) for (int i = 0; i < drain; i++) lines.add("I");
                for (int row = 0; row < r; row++) {
                    long[] act = new long[c];
                    int token = nt * r + row;
                    for (int col = 0; col < c; col++) {
                        int ch = kt * c + col;
                        act[col] = token < n && ch < k ? x[token][ch] : 0;
                    }
                    lines.add("L " + row + " " + Hex.pack(act, cfg.actWidth()));
                }
                for (int v = 0; v < vectors; v++) {
                    long[] w = new long[c];
                    for (int col = 0; col < c; col++) {
                        int ch = kt * c + col;
                        int value = v < m && ch < k ? q[v][ch] : 0;
                        w[col] = signMagnitude(value);
                    }
                    lines.add("W " + Hex.pack(w, 3));
                }
            }
        }
        return lines;
    }

    /** The decoded weight code {s, m1, m0} of a value in -3..3 (zero has s = 0, spec section 1). */
    static long signMagnitude(int value) {
        if (value < -3 || value > 3) throw new IllegalArgumentException("weight " + value + " out of range -3..3");
        return value < 0 ? 4 | -value : value;
    }
}
