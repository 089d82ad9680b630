package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.CellRoles;
import io.fineq.hwcost.liberty.Liberty;
import io.fineq.hwcost.power.FlatDesign;
import io.fineq.hwcost.ppa.GenericLibrary;
import io.fineq.hwcost.util.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Design-rule buffer trees on a flip-flop that drives 160 gates through four instances of a
 * module (a broadcast like the array's column signals): before, one net with 160 leaf pins; after,
 * every net within the fanout and capacitance limits, and each of the 160 gates that read it
 * still does, through buffers only.
 */
class DesignRuleRepairTest {
    @TempDir
    Path tmp;

    private static final String RTL = """
            module leaf (input wire clk_i, input wire s_i, output wire [39:0] q_o);
              reg [39:0] q;
              always @(posedge clk_i) q <= q ^ {40{s_i}};   // 40 distinct flip-flops, 40 loads of s_i
              assign q_o = q;
            endmodule
            module top (input wire clk_i, input wire a_i, output wire [159:0] q_o);
              reg s;
              always @(posedge clk_i) s <= a_i;
              leaf u0 (.clk_i(clk_i), .s_i(s), .q_o(q_o[39:0]));
              leaf u1 (.clk_i(clk_i), .s_i(s), .q_o(q_o[79:40]));
              leaf u2 (.clk_i(clk_i), .s_i(s), .q_o(q_o[119:80]));
              leaf u3 (.clk_i(clk_i), .s_i(s), .q_o(q_o[159:120]));
            endmodule
            """;

    @Test
    void broadcastGetsATreeAndKeepsItsFunction() throws Exception {
        Liberty lib = GenericLibrary.liberty(tmp);
        CellRoles roles = new CellRoles(lib);
        Files.writeString(tmp.resolve("fan.v"), RTL);
        Tools.run(List.of("yosys", "-q", "-p", "read_verilog fan.v; synth -top top; dfflibmap -liberty " + lib.path().toAbsolutePath()
                + "; abc -liberty " + lib.path().toAbsolutePath() + "; opt_clean; write_json fan.json"), tmp, tmp.resolve("yosys.log"), 300);
        Netlist n = Netlist.readYosysJson(tmp.resolve("fan.json"), "top");
        assertThat(DesignRuleCheck.check(n, lib, DesignRuleRepair.MAX_FANOUT).worstFanout()).isGreaterThanOrEqualTo(40);

        assertThat(new DesignRuleRepair(roles, 20.0, 2.0).repair(n)).isPositive();
        DesignRuleCheck.Result drc = DesignRuleCheck.check(n, lib, DesignRuleRepair.MAX_FANOUT);
        assertThat(drc.clean()).as("fanout %d, capacitance ratio %.2f", drc.worstFanout(), drc.worstCapRatio()).isTrue();
        assertThat(drc.worstFanout()).isLessThanOrEqualTo(DesignRuleRepair.MAX_FANOUT);
        FlatDesign flat = new FlatDesign(n, lib, m -> null, "all");
        // At least ceil(160 / 16) leaf drivers are needed in the flattened design.
        assertThat(flat.cells().stream().filter(c -> c.name().startsWith(DesignRuleRepair.BUFFER_PREFIX)).count()).isGreaterThanOrEqualTo(10);
        Map<Integer, FlatDesign.Cell> driver = new HashMap<>();
        for (FlatDesign.Cell c : flat.cells()) {
            for (Liberty.Pin o : c.lib().outputs()) {
                int net = c.net(o.name());
                if (net >= 2) driver.put(net, c);
            }
        }
        int aNet = flat.topInputNets().get(flat.topInputs().indexOf("a_i"));
        FlatDesign.Cell source = flat.cells().stream().filter(c -> c.lib().kind() == Liberty.Kind.FLIP_FLOP && c.net("D") == aNet)
                .findFirst().orElseThrow();
        int sourceNet = source.net("Q");
        int sinks = 0;
        for (FlatDesign.Cell c : flat.cells()) {
            if (c.lib().name().startsWith("BUF")) continue;
            for (Liberty.Pin in : c.lib().inputs()) {
                int net = c.net(in.name());
                int hops = 0;
                while (net >= 2 && net != sourceNet && driver.containsKey(net) && driver.get(net).lib().name().startsWith("BUF")) {
                    FlatDesign.Cell d = driver.get(net);
                    net = d.net(d.lib().inputs().get(0).name());
                    assertThat(++hops).isLessThan(10);
                }
                if (net == sourceNet) sinks++;
            }
        }
        assertThat(sinks).isEqualTo(160);
    }
}
