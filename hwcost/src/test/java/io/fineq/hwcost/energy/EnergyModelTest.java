package io.fineq.hwcost.energy;

import io.fineq.hwcost.perf.LayerShape;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.perf.VectorStats;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Energy totals against event counts and energies derived by hand from the Horowitz anchors. */
class EnergyModelTest {

    @Test
    void anchorsAndScalings() {
        EnergyTable t = EnergyTable.horowitz45nm();
        assertThat(t.add(8)).isEqualTo(0.03);
        assertThat(t.add(16)).isCloseTo(0.05, within(1e-12));
        assertThat(t.add(32)).isCloseTo(0.1, within(1e-12));
        assertThat(t.add(12)).isCloseTo(0.04, within(1e-12));
        assertThat(t.add(4)).isCloseTo(0.015, within(1e-12));
        assertThat(t.multiply(8, 8)).isCloseTo(0.2, within(1e-12));
        assertThat(t.multiply(8, 3)).isCloseTo(0.075, within(1e-12));
        assertThat(t.sramBit()).isCloseTo(10.0 / 64, within(1e-12));
        assertThat(t.registerBit()).isCloseTo(0.03 / 8 * 4.522 / 4.256, within(1e-12));
        assertThat(t.gateBit()).isCloseTo(0.03 / 8 * 0.25, within(1e-12));
    }

    @Test
    void eventCountsAndTotalsForATinyLayer() {
        // R = 2, C = 4, ACT_W = 8: tree levels 4 -> 2 -> 1, unsigned widths 8, 9, 10; ACC_W = bitlength(3*4*128)+1 = 12.
        FineqConfig cfg = new FineqConfig(2, 4, 8, true, 0);
        // One k-tile, Mp = 24 vectors: L = 1 x 10, 2 x 10, 3 x 4 -> sumL = 10 + 20 + 12 = 42.
        VectorStats w = new VectorStats(1, 24, 4, new long[] {0, 10, 10, 4}, 42, 50, new long[7], new long[4]);
        PerfModel.Result p = new PerfModel(cfg, 400).run(new LayerShape("t", 20, 4), w, 3);   // N = 3: 2 token tiles
        assertThat(p.tiles()).isEqualTo(2);
        assertThat(p.computeCycles()).isEqualTo(84);

        EnergyModel.Result e = new EnergyModel(cfg, EnergyTable.horowitz45nm()).run(p, w);
        Map<String, EnergyEvent> f = e.fineq().stream().collect(Collectors.toMap(EnergyEvent::name, x -> x));
        Map<String, EnergyEvent> m = e.mac().stream().collect(Collectors.toMap(EnergyEvent::name, x -> x));
        double fa = 0.03 / 8;                      // one full-adder bit
        double reg = fa * 4.522 / 4.256;
        double gate = fa * 1.064 / 4.256;
        double sram = 10.0 / 64;

        // FineQ: 84 bit-times.
        assertThat(f.get("PE select").count()).isEqualTo(84L * 2 * 4);
        assertThat(f.get("PE select").energyPj()).isCloseTo(8 * gate, within(1e-12));
        assertThat(f.get("adder-tree addition").count()).isEqualTo(84L * 2 * 3);
        assertThat(f.get("adder-tree addition").energyPj()).isCloseTo((2 * (0.03 + 0.02 * 1 / 8) + (0.03 + 0.02 * 2 / 8)) / 3, within(1e-12));
        assertThat(f.get("leaf sign invert (XOR, per leaf)").count()).isEqualTo(84L * 2 * 4);
        assertThat(f.get("leaf sign invert (XOR, per leaf)").energyPj()).isCloseTo(8 * fa * 1.596 / 4.256, within(1e-12));
        assertThat(f.get("sign-correction popcount").count()).isEqualTo(84L);
        assertThat(f.get("sign-correction popcount").energyPj()).isCloseTo(4 * fa, within(1e-12));
        assertThat(f.get("accumulator register write (bit)").count()).isEqualTo(84L * 2 * 12);
        // MAC: 2 tiles x 24 vectors = 48 vectors.
        assertThat(m.get("multiply 8x3").count()).isEqualTo(48L * 2 * 4);
        assertThat(m.get("partial-sum add").count()).isEqualTo(48L * 2 * 3);
        // psum widths 10, 11, 12, 12 (bitlength(384 (c+1)) + 1).
        assertThat(m.get("partial-sum register write (bit)").count()).isEqualTo(48L * 2 * (10 + 11 + 12 + 12));
        assertThat(m.get("weight skew register write (bit)").count()).isEqualTo(48L * 3 * (1 + 2 + 3));
        // Shared: 2 tiles x 2 x 4 x 8 activation bits; 2 token tiles x 4 blocks x 56 bits.
        assertThat(f.get("activation buffer read (bit)").count()).isEqualTo(128L);
        assertThat(f.get("weight buffer read (bit)").count()).isEqualTo(2L * 4 * 56);
        assertThat(f.get("weight buffer read (bit)").energyPj()).isEqualTo(sram);
        assertThat(f.get("activation register write (bit)").energyPj()).isCloseTo(reg, within(1e-15));

        double fineqSum = e.fineq().stream().mapToDouble(x -> x.count() * x.energyPj()).sum();
        double macSum = e.mac().stream().mapToDouble(x -> x.count() * x.energyPj()).sum();
        assertThat(e.fineqPj()).isCloseTo(fineqSum, within(1e-9));
        assertThat(e.macPj()).isCloseTo(macSum, within(1e-9));
        assertThat(e.efficiency()).isCloseTo(macSum / fineqSum, within(1e-12));
        double sharedF = e.fineq().stream().filter(EnergyEvent::shared).mapToDouble(EnergyEvent::totalPj).sum();
        double sharedM = e.mac().stream().filter(EnergyEvent::shared).mapToDouble(EnergyEvent::totalPj).sum();
        assertThat(sharedF).isCloseTo(sharedM, within(1e-9));
        assertThat(e.arrayEfficiency()).isCloseTo((macSum - sharedM) / (fineqSum - sharedF), within(1e-12));
    }
}
