package io.fineq.hwcost.perf;

import io.fineq.golden.CycleFormula;
import io.fineq.hwcost.mac.MacCycleModel;
import io.fineq.rtl.FineqConfig;

/**
 * Cycle-level performance of one layer on N tokens, FineQ core vs MAC baseline, same R x C.
 * FineQ: the golden model's formula (docs/microarchitecture.md section 4)
 * {@code T*R + ceil(N/R)*sumL + S + 2}, sumL from the quantized weights (early termination on
 * their real magnitudes). MAC: {@link MacCycleModel}, one vector per cycle plus load, drain and
 * fill, over the same Mp vectors per tile (both read the same image through the decoders).
 */
public final class PerfModel {
    private final FineqConfig cfg;
    private final double clockHz;

    public PerfModel(FineqConfig cfg, double clockMhz) {
        this.cfg = cfg;
        this.clockHz = clockMhz * 1e6;
    }

    /**
     * @param tiles         T = Kp/C * ceil(N/R)
     * @param computeCycles FineQ bit-times: ceil(N/R) * sumL
     * @param macs          useful multiply-accumulates N * M * K
     */
    public record Result(LayerShape layer, int tokens, long tiles, long fineqCycles, long computeCycles,
                         long macCycles, long macs, double clockHz, int peCount) {
        public double fineqSeconds() {
            return fineqCycles / clockHz;
        }

        public double macSeconds() {
            return macCycles / clockHz;
        }

        /** Useful MACs per PE per cycle, FineQ. */
        public double fineqUtilisation() {
            return macs / ((double) peCount * fineqCycles);
        }

        public double macUtilisation() {
            return macs / ((double) peCount * macCycles);
        }

        /** FineQ cycles / MAC cycles. */
        public double slowdown() {
            return fineqCycles / (double) macCycles;
        }
    }

    public Result run(LayerShape layer, VectorStats w, int tokens) {
        if (tokens < 1) throw new IllegalArgumentException("tokens must be >= 1, got " + tokens);
        if (w.cols() != cfg.cols()) throw new IllegalArgumentException("image array_cols " + w.cols() + " != C " + cfg.cols());
        long tokenTiles = (tokens + (long) cfg.rows() - 1) / cfg.rows();
        long tiles = CycleFormula.tiles(w.kTiles(), tokens, cfg.rows());
        long compute = Math.multiplyExact(tokenTiles, w.sumL());
        long fineq = CycleFormula.cycles(tiles, cfg.rows(), compute, cfg.pipeStages());
        long mac = MacCycleModel.cycles(cfg, tiles, w.paddedRows());
        return new Result(layer, tokens, tiles, fineq, compute, mac, layer.macs(tokens), clockHz, cfg.rows() * cfg.cols());
    }
}
