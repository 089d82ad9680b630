package io.fineq.hwcost.ppa;

import io.fineq.golden.CycleFormula;
import io.fineq.hwcost.mac.MacCycleModel;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;

import java.util.List;

/**
 * A measured design at equal work (docs/hwcost.md, "Equal work"): the same layers and tokens on
 * every core, each core taking the cycles its own exact cycle model gives for those weights
 * (FineQ: T*R + sumL + S + 2 with L per vector from the real images; the MAC tree: one cycle per
 * vector; the systolic array: {@link MacCycleModel}), and the power the PPA flow measured on its
 * activity job taken as energy per cycle.
 *
 * <p>Energy per cycle: (total - leakage) power / f_clk of the activity job plus leakage / f; at a
 * design's fmax the dynamic part per cycle stays and leakage is charged for the shorter period.
 *
 * <p>Two bases: {@code array} (the blocks the paper's PE-array figures cover, each design's
 * {@link PpaDesign#arrayCategories}) and {@code core} (the whole design; the systolic array has no
 * decoders or streams of its own, so its core basis is charged the shell of the MAC tree of the same
 * size, decoders and core control, area and power as measured there, since that shell feeds one
 * vector per cycle as the systolic array needs; NaN when the MAC tree did not run).
 *
 * @param design     the design's name ({@code fineq_64x64})
 * @param wires      the wire-load model its PPA run charged ({@code none}: cell capacitances only)
 * @param pes        R x C, for the utilisation
 * @param workload   name of the workload (e.g. {@code minilm-l6 absmax})
 * @param basis      {@code array} or {@code core}
 * @param cycles     cycles of the whole workload on this core
 * @param macs       useful multiply-accumulates (N x M x K summed over the layers)
 */
public record EqualWork(String design, CoreKind core, String wires, long pes, String workload, String basis, long cycles, long macs, double areaMm2,
                        double clockMhz, double fmaxMhz, double dynamicPjPerCycle, double leakageMw) {

    /** Cycles of {@code layers} at {@code tokens} tokens on core {@code kind} of {@code cfg}'s sizes. */
    public static long cycles(FineqConfig cfg, CoreKind kind, List<LlamaWorkload.Layer> layers, int tokens) {
        long total = 0;
        long tokenTiles = (tokens + (long) cfg.rows() - 1) / cfg.rows();
        for (LlamaWorkload.Layer l : layers) {
            if (l.stats().cols() != cfg.cols()) throw new IllegalArgumentException("image of " + l.shape().name() + " has array_cols "
                    + l.stats().cols() + ", the core " + cfg.cols());
            long tiles = CycleFormula.tiles(l.stats().kTiles(), tokens, cfg.rows());
            long vectors = (long) l.stats().paddedRows();
            total += switch (kind) {
                case FINEQ -> CycleFormula.cycles(tiles, cfg.rows(), Math.multiplyExact(tokenTiles, l.stats().sumL()), cfg.pipeStages());
                case FINEQ_SHIFTED -> CycleFormula.cycles(tiles, cfg.rows(),
                        Math.multiplyExact(tokenTiles, l.stats().sumLength(io.fineq.golden.ArrayKind.SHIFTED)), cfg.pipeStages());
                case MAC_TREE -> CycleFormula.cycles(tiles, cfg.rows(), Math.multiplyExact(tiles, vectors), cfg.pipeStages());
                case MAC_SYSTOLIC -> MacCycleModel.cycles(cfg, tiles, vectors);
            };
        }
        return total;
    }

    /**
     * The blocks of {@code r} in {@code categories}: their area in mm^2, their dynamic energy per
     * cycle in pJ and their leakage in mW (power split by the leakage share of the whole design).
     */
    record Blocks(double areaMm2, double dynamicPjPerCycle, double leakageMw) {
        static Blocks of(PpaResult r, List<String> categories) {
            double area = r.areaOf(categories);
            double power = r.powerOf(categories);
            if (r.powerMw() < 0) return new Blocks(area * 1e-6, Double.NaN, Double.NaN);
            double leak = r.powerMw() > 0 ? power * r.leakageMw() / r.powerMw() : 0;
            return new Blocks(area * 1e-6, (power - leak) * 1e-3 / (r.clockMhz() * 1e6) * 1e12, leak);
        }

        Blocks plus(Blocks o) {
            return new Blocks(areaMm2 + o.areaMm2, dynamicPjPerCycle + o.dynamicPjPerCycle, leakageMw + o.leakageMw);
        }
    }

    /**
     * The array and core rows of one measured design on one workload. {@code arrayCategories}:
     * the design's array blocks; {@code shell}: for the systolic array, the MAC tree of the same
     * size and its array categories (its other blocks are the shell charged to the core basis), or null.
     */
    public static List<EqualWork> of(PpaResult r, List<String> arrayCategories, PpaResult shell, List<String> shellArrayCategories,
                                     FineqConfig cfg, CoreKind kind, String workload, List<LlamaWorkload.Layer> layers, int tokens) {
        long macs = layers.stream().mapToLong(l -> l.shape().macs(tokens)).sum();
        long cycles = cycles(cfg, kind, layers, tokens);
        Blocks array = Blocks.of(r, arrayCategories);
        Blocks whole = Blocks.of(r, List.copyOf(r.areaByCategory().keySet()));
        if (kind == CoreKind.MAC_SYSTOLIC) {
            if (shell == null) {
                whole = new Blocks(Double.NaN, Double.NaN, Double.NaN);
            } else {
                List<String> shellBlocks = new java.util.ArrayList<>(shell.areaByCategory().keySet());
                shellBlocks.removeAll(shellArrayCategories);
                whole = whole.plus(Blocks.of(shell, shellBlocks));
            }
        }
        long pes = (long) cfg.rows() * cfg.cols();
        return List.of(
                new EqualWork(r.design(), kind, r.wires(), pes, workload, "array", cycles, macs, array.areaMm2(), r.clockMhz(), r.fmaxMhz(),
                        array.dynamicPjPerCycle(), array.leakageMw()),
                new EqualWork(r.design(), kind, r.wires(), pes, workload, "core", cycles, macs, whole.areaMm2(), r.clockMhz(), r.fmaxMhz(),
                        whole.dynamicPjPerCycle(), whole.leakageMw()));
    }

    /** The design as the tables print it: its name, {@code +wires} when a wire-load model was charged. */
    public String label() {
        return design + ("none".equals(wires) ? "" : "+wires");
    }

    public double seconds(double mhz) {
        return cycles / (mhz * 1e6);
    }

    public double gmacPerSecond(double mhz) {
        return macs / seconds(mhz) / 1e9;
    }

    public double gmacPerSecondPerMm2(double mhz) {
        return gmacPerSecond(mhz) / areaMm2;
    }

    /** Energy of the workload in pJ at clock {@code mhz}: dynamic energy per cycle plus leakage over the run. */
    public double energyPj(double mhz) {
        return dynamicPjPerCycle * cycles + leakageMw * 1e-3 * seconds(mhz) * 1e12;
    }

    public double pjPerMac(double mhz) {
        return energyPj(mhz) / macs;
    }

    /** Energy-delay product of the workload, in uJ x ms. */
    public double energyDelay(double mhz) {
        return energyPj(mhz) * 1e-6 * seconds(mhz) * 1e3;
    }

    /** Useful MACs per PE per cycle. */
    public double utilisation() {
        return macs / ((double) pes * cycles);
    }
}
