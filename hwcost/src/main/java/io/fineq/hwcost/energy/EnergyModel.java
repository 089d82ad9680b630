package io.fineq.hwcost.energy;

import io.fineq.hwcost.mac.MacGeometry;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.perf.VectorStats;
import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Event counts of one layer run (from the performance model) times the per-event energies of an
 * {@link EnergyTable}. Events shared by both designs (activation load, buffer traffic, decoders)
 * are counted identically, so the efficiency ratio isolates the arrays but is still the
 * accelerator-level ratio the paper quotes.
 */
public final class EnergyModel {
    /** Width of an output-buffer partial sum (read, add, write back per result across k-tiles). */
    public static final int OUT_W = 32;

    private final FineqConfig cfg;
    private final EnergyTable table;

    public EnergyModel(FineqConfig cfg, EnergyTable table) {
        this.cfg = cfg;
        this.table = table;
    }

    /** Both designs' events for one layer run. */
    public record Result(List<EnergyEvent> fineq, List<EnergyEvent> mac) {
        public double fineqPj() {
            return fineq.stream().mapToDouble(EnergyEvent::totalPj).sum();
        }

        public double macPj() {
            return mac.stream().mapToDouble(EnergyEvent::totalPj).sum();
        }

        /** MAC energy / FineQ energy for the same work, whole accelerator: the paper reports up to 1.79. */
        public double efficiency() {
            return macPj() / fineqPj();
        }

        public double fineqArrayPj() {
            return fineq.stream().filter(e -> !e.shared()).mapToDouble(EnergyEvent::totalPj).sum();
        }

        public double macArrayPj() {
            return mac.stream().filter(e -> !e.shared()).mapToDouble(EnergyEvent::totalPj).sum();
        }

        /** The same ratio for the arrays alone (events the designs share left out). */
        public double arrayEfficiency() {
            return macArrayPj() / fineqArrayPj();
        }
    }

    public Result run(PerfModel.Result perf, VectorStats w) {
        int r = cfg.rows(), c = cfg.cols();
        long tiles = perf.tiles();
        long tokenTiles = tiles / w.kTiles();
        long vectors = tiles * w.paddedRows();           // weight vectors issued, both designs
        long bitTimes = perf.computeCycles();            // FineQ: sum of L
        long blocks = tokenTiles * w.blocks();           // 7-byte blocks streamed

        List<EnergyEvent> shared = new ArrayList<>();
        shared.add(new EnergyEvent("activation buffer read (bit)", tiles * r * c * cfg.actWidth(), table.sramBit(), true));
        shared.add(new EnergyEvent("activation register write (bit)", tiles * r * c * cfg.actWidth(), table.registerBit(), true));
        shared.add(new EnergyEvent("weight buffer read (bit)", blocks * 56, table.sramBit(), true));
        // Each block is written into the next-block register, then swapped into the current one.
        shared.add(new EnergyEvent("block register write (bit)", blocks * 2 * 56, table.registerBit(), true));
        shared.add(new EnergyEvent("decoder access (weight)", vectors * c, table.decodeWeight(), true));
        long results = vectors * r;
        shared.add(new EnergyEvent("output buffer read+write (bit)", results * 2 * OUT_W, table.sramBit(), true));
        shared.add(new EnergyEvent("k-tile partial-sum add", results, table.add(OUT_W), true));

        List<EnergyEvent> fineq = new ArrayList<>(shared);
        fineq.add(new EnergyEvent("encoder evaluation", bitTimes * c, 4 * table.gateBit()));
        fineq.add(new EnergyEvent("PE select", bitTimes * r * c, cfg.actWidth() * table.gateBit()));
        // Leaves are unsigned (docs/microarchitecture.md, "Leaf arithmetic"): the sign is a
        // conditional invert of the selected bits, and one popcount of the negative columns per
        // bit-time (shared by all rows) corrects every row's sum once per vector.
        fineq.add(new EnergyEvent("leaf sign invert (XOR, per leaf)", bitTimes * r * c, cfg.actWidth() * table.xorBit()));
        fineq.add(new EnergyEvent("sign-correction popcount", bitTimes, c * table.fullAdderBit()));
        long treeAdds = 0;
        double treeEnergy = 0;
        List<Integer> sizes = cfg.levelSizes();
        for (int l = 0; l + 1 < sizes.size(); l++) {
            int adds = sizes.get(l) / 2;                 // an odd node passes through
            treeAdds += adds;
            treeEnergy += adds * table.add(cfg.levelWidth(l + 1));
        }
        if (treeAdds > 0) fineq.add(new EnergyEvent("adder-tree addition", bitTimes * r * treeAdds, treeEnergy / treeAdds));
        int pipeBits = 0;
        for (int l = 1; l < cfg.treeDepth(); l++) {
            if (cfg.registeredAfterLevel(l)) pipeBits += sizes.get(l) * cfg.levelWidth(l);
        }
        if (pipeBits > 0) fineq.add(new EnergyEvent("tree pipeline register write (bit)", bitTimes * r * pipeBits, table.registerBit()));
        fineq.add(new EnergyEvent("accumulator add", bitTimes * r, table.add(cfg.accWidth())));
        fineq.add(new EnergyEvent("accumulator register write (bit)", bitTimes * r * cfg.accWidth(), table.registerBit()));

        MacGeometry g = new MacGeometry(cfg);
        List<EnergyEvent> mac = new ArrayList<>(shared);
        mac.add(new EnergyEvent("weight convert (sign-magnitude to two's complement)", vectors * c, table.add(3)));
        mac.add(new EnergyEvent("weight skew register write (bit)", vectors * 3L * c * (c - 1) / 2, table.registerBit()));
        mac.add(new EnergyEvent("multiply " + cfg.actWidth() + "x3", vectors * r * c, table.multiply(cfg.actWidth(), 3)));
        if (c > 1) {
            double addEnergy = 0;
            long sumBits = g.sumWidth(0);
            for (int col = 1; col < c; col++) {
                addEnergy += table.add(g.sumWidth(col));
                sumBits += g.sumWidth(col);
            }
            mac.add(new EnergyEvent("partial-sum add", vectors * r * (c - 1), addEnergy / (c - 1)));
            mac.add(new EnergyEvent("partial-sum register write (bit)", vectors * r * sumBits, table.registerBit()));
        } else {
            mac.add(new EnergyEvent("partial-sum register write (bit)", vectors * r * g.sumWidth(0), table.registerBit()));
        }
        return new Result(fineq, mac);
    }
}
