package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.CellRoles;
import io.fineq.hwcost.util.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proof, with Yosys, that the netlist the PPA flow times and powers ({@code netlist.v}: tie cells,
 * design-rule buffer trees, {@link VerilogNetlistWriter}'s names) is equivalent to the netlist Yosys
 * synthesised ({@code netlist.json}): both are read onto the library's functional cell models
 * ({@code read_liberty}), flattened, paired by {@code equiv_make} on their ports, every register bit
 * paired explicitly ({@code equiv_add}: Yosys' RTL net name of the bit against the writer's cell
 * output, from {@link VerilogNetlistWriter#sequentials} and {@link VerilogNetlistWriter#instanceNames}),
 * and {@code equiv_simple} / {@code equiv_induct} must prove every {@code $equiv} cell.
 *
 * <p>Buffers and tie cells need no special treatment: their functional models are identities and
 * constants. The integrated clock gate's Liberty {@code statetable} has no model in Yosys; both
 * sides share one ({@code GCK = CK & (E | SE)}), so the proof covers how the rewrite connects the
 * gate, which is what it changes, not the gate's latch.
 */
public final class NetlistEquivalence {
    /** Outcome: proven only if Yosys succeeded and every {@code $equiv} cell is proven. */
    public record Result(boolean proven, int equivCells, int unprovenCells, int pairedRegisters, Path log) { }

    private static final Pattern TOTAL = Pattern.compile("Found (\\d+) \\$equiv cells in equiv:");
    private static final Pattern SPLIT = Pattern.compile("Of those cells (\\d+) are proven and (\\d+) are unproven\\.");

    private NetlistEquivalence() {
    }

    /**
     * @param written the netlist after {@link VerilogNetlistWriter#write} (its cells carry the written names)
     * @param writer  the writer that wrote {@code gateV}
     */
    public static Result prove(Path dir, Path liberty, CellRoles roles, Path goldJson, Path gateV, String top, Netlist written,
                               VerilogNetlistWriter writer, long timeoutSeconds) throws IOException {
        Files.createDirectories(dir);
        Path icg = dir.resolve("equiv_cells.v");
        CellRoles.ClockGate g = roles.clockGate();
        StringBuilder model = new StringBuilder("// Shared by both sides of the proof: the clock gate's statetable has no Yosys model.\n");
        model.append("module ").append(g.cell().name()).append(" (input ").append(g.clock()).append(", input ").append(g.enable());
        if (g.test() != null) model.append(", input ").append(g.test());
        model.append(", output ").append(g.out()).append(");\n  assign ").append(g.out()).append(" = ").append(g.clock()).append(" & (")
                .append(g.enable()).append(g.test() != null ? " | " + g.test() : "").append(");\nendmodule\n");
        Files.writeString(icg, model.toString(), StandardCharsets.UTF_8);

        List<String[]> pairs = new ArrayList<>();
        registerPairs(written, written.top(), "", "", writer, pairs);
        List<String> s = new ArrayList<>();
        // Gold: Yosys' own netlist; its library cells were blackboxes (read_liberty -lib), now functional models.
        side(s, List.of("read_json " + goldJson.toAbsolutePath(), "delete =A:blackbox"), liberty, icg, top, "gold");
        side(s, List.of("read_verilog " + gateV.toAbsolutePath()), liberty, icg, top, "gate");
        s.add("design -copy-from gold -as gold gold");
        s.add("design -copy-from gate -as gate gate");
        s.add("equiv_make gold gate equiv");
        s.add("hierarchy -top equiv");
        s.add("cd equiv");
        for (String[] p : pairs) s.add("equiv_add " + p[0] + "_gold" + p[1] + " " + p[2] + "_gate");
        s.add("cd ..");
        s.add("async2sync");
        s.add("equiv_simple -seq 2");
        s.add("equiv_induct -seq 2");
        s.add("equiv_status");
        s.add("equiv_status -assert");
        Path script = dir.resolve("equiv.ys");
        Files.write(script, s, StandardCharsets.UTF_8);
        Path log = dir.resolve("equiv.log");
        Tools.require("yosys");   // a missing Yosys is that error, not an unproven netlist
        boolean ok = true;
        try {   // equiv_status -assert exits non-zero when a cell is unproven: the result says so
            Tools.run(List.of("yosys", "-q", "-l", log.toString(), "-s", script.toString()), dir, dir.resolve("equiv.out"), timeoutSeconds);
        } catch (Tools.ToolError e) {
            ok = false;
        }
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        int total = last(TOTAL, text, 1);
        int unproven = last(SPLIT, text, 2);
        return new Result(ok && total > 0 && unproven == 0, total, unproven, pairs.size(), log);
    }

    private static void side(List<String> s, List<String> design, Path liberty, Path icg, String top, String name) {
        s.addAll(design);
        s.add("read_liberty -ignore_miss_func " + liberty.toAbsolutePath());
        s.add("read_verilog " + icg.toAbsolutePath());
        s.add("hierarchy -check -top " + top);
        s.add("proc");
        s.add("flatten");
        s.add("opt_clean");
        s.add("rename " + top + " " + name);
        s.add("design -stash " + name);
    }

    /**
     * Every register bit as {gold wire, bit select, gate signal}: the gold side names it by the RTL
     * net Yosys kept ({@code g_dec[0].u_dec.cur_q} bit 3), the gate side by the written cell's output
     * pin ({@code g_dec_0__u_dec.cur_q_3_reg.Q}), both with their flattened instance paths.
     */
    static void registerPairs(Netlist n, Netlist.Module m, String goldPath, String gatePath, VerilogNetlistWriter w, List<String[]> out) {
        for (VerilogNetlistWriter.Sequential q : w.sequentials().getOrDefault(m.name(), List.of())) {
            out.add(new String[] {"\\" + goldPath + q.signal(), q.width() > 1 ? "[" + q.bit() + "]" : "",
                    "\\" + gatePath + q.instance() + "." + q.pin()});
        }
        Map<String, String> renamed = w.instanceNames().getOrDefault(m.name(), Map.of());
        for (Map.Entry<String, String> e : renamed.entrySet()) {
            for (Netlist.Cell c : m.cells()) {
                if (!c.name().equals(e.getValue())) continue;
                Netlist.Module sub = n.module(c.type());
                if (sub != null) registerPairs(n, sub, goldPath + e.getKey() + ".", gatePath + e.getValue() + ".", w, out);
            }
        }
    }

    private static int last(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        int value = -1;
        while (m.find()) value = Integer.parseInt(m.group(group));
        return value;
    }
}
