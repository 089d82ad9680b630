package io.fineq.hwcost.liberty;

import io.fineq.hwcost.netlist.Netlist;
import io.fineq.hwcost.power.FlatDesign;
import io.fineq.hwcost.power.PowerAnalysis;
import io.fineq.hwcost.ppa.GenericLibrary;
import io.fineq.hwcost.util.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The project's own library, fineq_generic: the committed resource is the writer's output, the
 * cells the flow needs are found, and a flip-flop -> 3 inverters -> flip-flop path is timed by
 * OpenSTA and powered by {@link PowerAnalysis} exactly as the documented model says, worked by
 * hand here (docs/hwcost.md, "The project's cell library"): delay {@code tau (p + g h) + 0.15 s},
 * transition {@code tau (0.5 p + 1.2 g h) + 0.1 s}, tau = 5 ps, unit input 1.5 fF.
 */
class GenericLibraryTest {
    private static final double TAU = 0.005;

    @TempDir
    Path tmp;

    @Test
    void committedResourceIsTheWritersOutput() throws Exception {
        String committed;
        try (InputStream in = GenericLibrary.class.getResourceAsStream(GenericLibrary.RESOURCE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed).as("regenerate with GenericLibraryWriter.main").isEqualTo(new GenericLibraryWriter().text());
    }

    @Test
    void cellsAndRolesTheFlowNeeds() throws Exception {
        Liberty lib = GenericLibrary.liberty(tmp);
        assertThat(lib.name()).isEqualTo("fineq_generic");
        assertThat(lib.cells()).hasSize(27);
        // Nangate45 X1 areas, um^2.
        assertThat(lib.cell("NAND2_X1").area()).isEqualTo(0.798);
        assertThat(lib.cell("DFF_X1").area()).isEqualTo(4.522);
        assertThat(lib.cell("DLH_X1").area()).isEqualTo(2.660);
        assertThat(lib.cell("FA_X1").area()).isEqualTo(4.256);
        CellRoles roles = new CellRoles(lib);
        assertThat(roles.nand2Area()).isEqualTo(0.798);
        assertThat(roles.fullAdder()).get().extracting(f -> f.cell().name()).isEqualTo("FA_X1");
        assertThat(roles.latch().cell().name()).isEqualTo("DLH_X1");
        assertThat(roles.clockGate().cell().name()).isEqualTo("CLKGATETST_X1");
        assertThat(roles.clockGate().test()).isEqualTo("SE");
        assertThat(roles.tie(true)).get().extracting(t -> t.cell().name()).isEqualTo("LOGIC1_X1");
        assertThat(roles.tie(false)).get().extracting(t -> t.cell().name()).isEqualTo("LOGIC0_X1");
        assertThat(roles.buffers()).extracting(b -> b.cell().name()).containsExactly("BUF_X1", "BUF_X2", "BUF_X4", "BUF_X8");
        // A linear 2 x 2 table interpolates exactly: BUF_X1 (p = 2, g = 1, Cin = 1.5 fF) at 0.1 ns and 12 fF.
        Liberty.Table rise = lib.cell("BUF_X1").pin("Y").arcs().get(0).riseTransition();
        assertThat(rise.at(0.1, 12)).isCloseTo(TAU * (0.5 * 2 + 1.2 * 12 / 1.5) + 0.1 * 0.1, within(1e-9));
        assertThat(lib.cell("INV_X1").leakageW()).isCloseTo(20e-9 * 0.532, within(1e-15));
    }

    private static final String CHAIN = """
            module chain (clk_i, d_i, q_o);
              input clk_i;
              input d_i;
              output q_o;
              wire q0, n1, n2, n3;
              DFF_X1 r0 (.D(d_i), .CK(clk_i), .Q(q0));
              INV_X1 i1 (.A(q0), .Y(n1));
              INV_X1 i2 (.A(n1), .Y(n2));
              INV_X1 i3 (.A(n2), .Y(n3));
              DFF_X1 r1 (.D(n3), .CK(clk_i), .Q(q_o));
            endmodule
            """;

    @Test
    void openStaTimesTheChainAsTheModelSays() throws Exception {
        // As the flow reads it without wires: the library's default wire-load model left out.
        Path lib = tmp.resolve("no-wires.lib");
        Files.writeString(lib, Liberty.read(GenericLibrary.extract(tmp)).textForAnalysis());
        Files.writeString(tmp.resolve("chain.v"), CHAIN);
        Files.writeString(tmp.resolve("chain.tcl"), """
                read_liberty %s
                read_verilog chain.v
                link_design chain
                create_clock -name clk -period 1.0 [get_ports clk_i]
                set_input_delay 0 -clock clk [get_ports d_i]
                report_checks -path_delay max -to [get_pins r1/D] -digits 6
                """.formatted(lib.toAbsolutePath()));
        String log = Tools.run(List.of("sta", "-no_splash", "-exit", "chain.tcl"), tmp, tmp.resolve("sta.log"), 120);
        // Ideal clock (slew 0). Each stage drives one 1.5 fF input: h = 1.
        double clkQ = TAU * (13 + 1);                      // DFF clock-to-Q, p = 13
        double s0 = TAU * (0.5 * 13 + 1.2);
        double d1 = TAU * (1 + 1) + 0.15 * s0;              // INV, p = 1, g = 1
        double s1 = TAU * (0.5 + 1.2) + 0.1 * s0;
        double d2 = TAU * 2 + 0.15 * s1;
        double s2 = TAU * (0.5 + 1.2) + 0.1 * s1;
        double d3 = TAU * 2 + 0.15 * s2;
        double arrival = clkQ + d1 + d2 + d3;
        double slack = 1.0 - 0.04 - arrival;                // setup 40 ps
        assertThat(number(log, "data arrival time")).isCloseTo(arrival, within(2e-6));
        assertThat(number(log, "slack \\(MET\\)")).isCloseTo(slack, within(2e-6));
    }

    @Test
    void powerOfTheChainIsTheHandSum() throws Exception {
        Liberty lib = GenericLibrary.liberty(tmp);
        Files.writeString(tmp.resolve("chain.v"), CHAIN);
        Tools.run(List.of("yosys", "-q", "-p", "read_liberty -lib " + lib.path().toAbsolutePath()
                + "; read_verilog chain.v; hierarchy -top chain; write_json chain.json"), tmp, tmp.resolve("yosys.log"), 120);
        Netlist n = Netlist.readYosysJson(tmp.resolve("chain.json"), "chain");
        FlatDesign flat = new FlatDesign(n, lib, m -> null, "all");
        double outLoadFf = 2.0;
        PowerAnalysis.Result r = new PowerAnalysis(lib, 400, outLoadFf).run(flat, new PowerAnalysis.Sources() {
            @Override
            public double sequential(FlatDesign.Cell c) {
                return c.name().equals("r0") ? 0.3 : 0.2;
            }

            @Override
            public double gatedClock(FlatDesign.Cell c) {
                return -1;
            }

            @Override
            public double input(String name) {
                return 0.3;
            }

            @Override
            public boolean isClock(String name) {
                return name.equals("clk_i");
            }

            @Override
            public double named(String module, String signal) {
                return -1;
            }
        });
        double v2 = 1.1 * 1.1;
        // Energies per cycle, fJ. Clock pins: 4 fJ per edge, two edges. Q and QN (unconnected, but it
        // switches inside the cell with Q): 0.75 x 13 fJ per toggle each. Inverters: 0.75 x 1 fJ per
        // toggle, toggling with q0 (0.3). Switching: 1/2 C V^2 per toggle on q0, n1, n2, n3 (1.5 fF
        // each) and on q_o (the 2 fF output load).
        double internal = 2 * 2 * 4.0 + 2 * 9.75 * 0.3 + 2 * 9.75 * 0.2 + 3 * 0.75 * 0.3;
        double switching = 4 * 0.5 * 1.5 * v2 * 0.3 + 0.5 * outLoadFf * v2 * 0.2;
        double leakage = 20e-9 * (2 * 4.522 + 3 * 0.532);
        assertThat(r.internalW()).isCloseTo(internal * 1e-15 * 400e6, within(1e-12));
        assertThat(r.switchingW()).isCloseTo(switching * 1e-15 * 400e6, within(1e-12));
        assertThat(r.leakageW()).isCloseTo(leakage, within(1e-15));
        assertThat(r.totalW()).isCloseTo((internal + switching) * 1e-15 * 400e6 + leakage, within(1e-12));
        assertThat(r.unknownSequentialFraction()).isZero();
    }

    private static double number(String log, String label) {
        Matcher m = Pattern.compile("(-?[0-9.]+)\\s+" + label).matcher(log);
        assertThat(m.find()).as(label + " in\n" + log).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
