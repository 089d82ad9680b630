package io.fineq.hwcost.sram;

import io.fineq.hwcost.liberty.Liberty;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SRAM macro model: cells that land in any library's units with the stated figures, and the Verilog that maps onto them. */
class SramLibraryTest {
    /** A one-cell library in the given units, to add the macros to. */
    private static Liberty library(String time, String cap, String leak) {
        return Liberty.of("library (t) {\n  time_unit : \"" + time + "\";\n  capacitive_load_unit (1, " + cap + ");\n  leakage_power_unit : \""
                + leak + "\";\n  nom_voltage : 1.1;\n  cell (BUF) {\n    area : 1;\n    pin (A) { direction : input; capacitance : 1; }\n"
                + "    pin (Y) { direction : output; function : \"A\"; }\n  }\n}\n", Path.of("t.lib"));
    }

    @Test
    void memoriesHoldTheShellsBufferBits() {
        for (int n : new int[] {8, 16, 64}) {
            AccelConfig cfg = AccelConfig.defaults(new FineqConfig(n, n, 8, true, 0));
            long bits = cfg.memories().stream().mapToLong(m -> m.bits() * m.instances()).sum();
            assertThat(bits).as(n + "x" + n).isEqualTo(cfg.bufferBits());
            for (AccelConfig.Memory m : cfg.memories()) {
                assertThat(m.width() % m.lanes()).isZero();
                assertThat(1L << m.addrBits()).isGreaterThanOrEqualTo(m.depth());
            }
        }
    }

    /** Areas, pins, leakage and timing land in the target library's units (ns/fF/nW and ps/pF/pW alike). */
    @ParameterizedTest
    @CsvSource({"1ns, ff, 1nW, 1", "1ps, pf, 1pW, 1e-3"})
    void cellsInTheTargetUnits(String time, String cap, String leak, double ns) {
        Liberty base = library(time, cap, leak);
        assertThat(base.timeUnitNs()).isEqualTo(ns);
        AccelConfig cfg = AccelConfig.defaults(new FineqConfig(8, 8, 8, true, 0));
        List<AccelConfig.Memory> mems = cfg.memories();
        Liberty lib = base.withGroups(SramLibrary.groups(mems, base), Path.of("m.lib"));
        AccelConfig.Memory psum = mems.get(2);   // 64 bits in 2 lanes, 192 words
        assertThat(psum.width()).isEqualTo(64);
        assertThat(psum.depth()).isEqualTo(192);
        Liberty.Cell c = lib.cell(SramLibrary.cellName(psum));
        assertThat(c.kind()).isEqualTo(Liberty.Kind.MACRO);
        assertThat(c.forLogic()).as("never a cell to map logic onto").isFalse();
        assertThat(c.area()).isCloseTo(64 * 192 * 0.346 / 0.6, within(1e-3));
        assertThat(c.leakageW()).isCloseTo(64 * 192 * 20e-12, within(1e-15));
        assertThat(c.inputs()).hasSize(1 + 2 * 2 + 2 * 8 + 64);
        assertThat(c.outputs()).hasSize(64);
        assertThat(c.pin("raddr_i_7").capacitance()).isCloseTo(2.0, within(1e-9));
        assertThat(c.pin("clk_i").clock()).isTrue();
        // Output transition at 50 fF: 0.02 + 0.0015 x 50 ns, whatever the file's units.
        assertThat(Liberty.worstTransition(c.pin("rdata_o_63"), 0.1, 50)).isCloseTo(0.095, within(1e-6));
        assertThat(lib.cell("BUF").kind()).isEqualTo(Liberty.Kind.COMBINATIONAL);
        assertThat(lib.textForLogicMapping()).doesNotContain("cell (" + SramLibrary.cellName(psum) + ")");
    }

    @Test
    void accessTimeGrowsWithDepthAndWidth() {
        AccelConfig.Memory small = new AccelConfig.Memory("x", 64, 16, 1, 4, 1);
        assertThat(SramLibrary.accessNs(small)).isCloseTo(0.30 + 0.025 * 4 + 0.05 * 64 / 1024.0, within(1e-12));
        assertThat(SramLibrary.accessNs(new AccelConfig.Memory("x", 64, 1024, 1, 10, 1))).isGreaterThan(SramLibrary.accessNs(small));
        assertThat(SramLibrary.accessNs(new AccelConfig.Memory("x", 4096, 16, 1, 4, 1))).isGreaterThan(SramLibrary.accessNs(small));
    }

    @Test
    void verilogMapsEachConfigurationOnce() {
        AccelConfig cfg = AccelConfig.defaults(new FineqConfig(16, 16, 8, true, 0));
        String v = SramLibrary.verilog(cfg.memories());
        for (AccelConfig.Memory m : cfg.memories()) {
            assertThat(v).containsOnlyOnce(" " + SramLibrary.cellName(m) + " u_macro (");
            assertThat(v).contains(".rdata_o_" + (m.width() - 1) + "(rdata_o[" + (m.width() - 1) + "])");
        }
        assertThat(v).contains("fineq_sram_has_no_macro_for_this_configuration");
    }
}
