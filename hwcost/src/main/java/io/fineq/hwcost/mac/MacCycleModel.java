package io.fineq.hwcost.mac;

import io.fineq.rtl.FineqConfig;

/**
 * Exact cycle count of a job on the MAC baseline array, as {@link MacSchedule} drives it and the
 * Verilator regression measures it (cycle 0 = first activation load, up to and including the
 * cycle in which the last result is valid):
 * <pre>
 *   cycles = T * (R + V) + (T - 1) * max(0, C - 2) + C
 * </pre>
 * T tiles, V weight vectors per tile (one per cycle), R activation loads per tile (not
 * overlapped, as in FineQ), max(0, C-2) drain cycles between tiles, and C cycles from the last
 * issue to its result in res_o (one partial-sum register per column) plus the result cycle.
 */
public final class MacCycleModel {
    private MacCycleModel() {
    }

    public static long cycles(FineqConfig cfg, long tiles, long vectorsPerTile) {
        if (tiles < 1) throw new IllegalArgumentException("tiles must be >= 1, got " + tiles);
        MacGeometry g = new MacGeometry(cfg);
        return tiles * (cfg.rows() + vectorsPerTile) + (tiles - 1) * g.drain() + g.latency();
    }
}
