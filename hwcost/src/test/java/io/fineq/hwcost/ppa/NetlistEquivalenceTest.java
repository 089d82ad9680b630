package io.fineq.hwcost.ppa;

import io.fineq.hwcost.liberty.CellRoles;
import io.fineq.hwcost.liberty.Liberty;
import io.fineq.hwcost.netlist.Netlist;
import io.fineq.hwcost.netlist.NetlistEquivalence;
import io.fineq.hwcost.netlist.VerilogNetlistWriter;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The netlist the flow times and powers is the netlist Yosys synthesised: tie cells, buffer trees
 * and the writer's names change no function (a Yosys proof, {@link NetlistEquivalence}), for the
 * FineQ core and the MAC baseline; a one-cell change to the written netlist fails the proof.
 * 4x4 keeps CI short (about a minute for both designs and their negative controls); 8x8 proves the
 * same way in about five CPU-minutes per design (docs/hwcost.md).
 */
class NetlistEquivalenceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fineq", "mac"})
    void theRewrittenNetlistIsProvenEqualToYosysOutput(String which) throws Exception {
        FineqConfig cfg = new FineqConfig(4, 4, 8, true, 0);
        PpaDesign d = which.equals("fineq") ? new FineqPpaDesign(cfg, 400) : new MacPpaDesign(cfg, 400);
        new PpaFlow(null).run(d, new PpaFlow.Options(null, 400, tmp, false));
        Path work = tmp.resolve(d.name());
        Liberty lib = GenericLibrary.liberty(work.resolve("lib"));
        CellRoles roles = new CellRoles(lib);
        Path json = work.resolve("synth").resolve(SynthesisScript.NETLIST_JSON);
        // The flow's rewrite again (deterministic): the same text as the netlist.v the flow timed.
        Netlist netlist = Netlist.readYosysJson(json, d.top());
        PpaFlow.tieAndBuffer(netlist, lib, roles);
        VerilogNetlistWriter writer = new VerilogNetlistWriter(roles);
        String text = writer.write(netlist);
        assertThat(text).isEqualTo(Files.readString(work.resolve("netlist.v")));
        Path libFile = work.resolve("lib").resolve("fineq_generic.lib");

        NetlistEquivalence.Result r = NetlistEquivalence.prove(work.resolve("equiv"), libFile, roles, json, work.resolve("netlist.v"),
                d.top(), netlist, writer, 900);
        assertThat(r.proven()).as(d.name() + ": " + r + "\n" + tail(r.log())).isTrue();
        assertThat(r.pairedRegisters()).as("register bits paired").isGreaterThan(50);
        // The buffer trees were really there: the proof saw through them.
        assertThat(text).contains(io.fineq.hwcost.netlist.DesignRuleRepair.BUFFER_PREFIX);

        // Negative control: one XOR cell written as XNOR.
        int at = text.indexOf("  XOR2_X1 ");
        assertThat(at).as("an XOR cell to break").isPositive();
        Path broken = work.resolve("netlist_broken.v");
        Files.writeString(broken, text.substring(0, at) + "  XNOR2_X1 " + text.substring(at + "  XOR2_X1 ".length()));
        NetlistEquivalence.Result b = NetlistEquivalence.prove(work.resolve("equiv_broken"), libFile, roles, json, broken,
                d.top(), netlist, writer, 900);
        assertThat(b.proven()).as("the broken netlist must not prove").isFalse();
        assertThat(b.unprovenCells()).isPositive();
    }

    private static String tail(Path log) throws java.io.IOException {
        if (!Files.exists(log)) return "(no log)";
        String[] lines = Files.readString(log).split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 30), lines.length));
    }
}
