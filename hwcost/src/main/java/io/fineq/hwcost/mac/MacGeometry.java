package io.fineq.hwcost.mac;

import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Widths of the MAC baseline array, derived from the FineQ configuration it is compared with.
 * The partial sum after column c holds |sum| <= 3 * (c+1) * 2^(ACT_W-1), so its signed width
 * grows with c up to ACC_W at the last column (the same ACC_W as fineq_acc). Growing widths make
 * the baseline as small as an honest designer would make it, so the area ratio is conservative.
 */
public record MacGeometry(FineqConfig config) {

    /** Signed width of the partial sum leaving column c: bitlength(3 (c+1) 2^(ACT_W-1)) + 1. */
    public int sumWidth(int column) {
        if (column < 0 || column >= config.cols()) {
            throw new IllegalArgumentException("column " + column + " out of range 0.." + (config.cols() - 1));
        }
        return config.sumWidth(column + 1);
    }

    /** Partial-sum widths of columns 0..C-1. */
    public List<Integer> sumWidths() {
        List<Integer> w = new ArrayList<>(config.cols());
        for (int c = 0; c < config.cols(); c++) w.add(sumWidth(c));
        return Collections.unmodifiableList(w);
    }

    /** Width of one product w * act: ACT_W + 2 signed bits hold |w * act| <= 3 * 2^(ACT_W-1). */
    public int productWidth() {
        return config.actWidth() + 2;
    }

    /**
     * Cycles from the issue of a vector to its result in res_o: one register per column.
     */
    public int latency() {
        return config.cols();
    }

    /**
     * Idle cycles between the last vector of a tile (issued in cycle t) and the first activation
     * load of the next: column C-1 multiplies that vector by the old activations in cycle
     * t + C - 1, and a load in that same cycle only takes effect at its closing edge, so the load
     * may start in cycle t + C - 1, i.e. after max(0, C - 2) idle cycles.
     */
    public int drain() {
        return Math.max(0, config.cols() - 2);
    }
}
