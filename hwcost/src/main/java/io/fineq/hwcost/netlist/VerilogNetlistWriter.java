package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.CellRoles;
import io.fineq.hwcost.liberty.Liberty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Netlist} as structural Verilog that OpenSTA (and any other tool) reads: only
 * module, port, wire and instance statements, no {@code assign}. Names are plain identifiers: a
 * net is named after its port ({@code leaf_i[3]}) or its RTL name ({@code acc_q_5} for bit 5 of
 * {@code acc_q}), a flip-flop or latch after the register it holds ({@code acc_q_5_reg}), a
 * submodule instance after its RTL name with other characters replaced by '_'
 * ({@code g_row[3].u_pe} becomes {@code g_row_3__u_pe}). An output port that would share its net
 * with another port or a constant gets a library buffer. {@link #sequentials} says which
 * instance holds which RTL register bit, for annotating switching activity.
 */
public final class VerilogNetlistWriter {

    /** A register bit: instance {@code instance} (output pin {@code pin}) holds RTL signal {@code signal}, bit {@code bit}. */
    /**
     * A flip-flop or latch and the RTL register bit it implements: {@code rtlName} is the bit with
     * its declared index ({@code sk_busy_q[3]}), {@code bit} its position from the LSB.
     */
    public record Sequential(String instance, String pin, String signal, int bit, int width, String rtlName) { }

    private final Liberty lib;
    private final CellRoles roles;
    private final Map<String, List<Sequential>> sequentials = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> instanceNames = new LinkedHashMap<>();

    public VerilogNetlistWriter(CellRoles roles) {
        this.lib = roles.library();
        this.roles = roles;
    }

    /** Register bits per module, filled by {@link #write}. */
    public Map<String, List<Sequential>> sequentials() {
        return sequentials;
    }

    /** Per module: RTL instance name of each submodule instance -> its name in the written netlist. */
    public Map<String, Map<String, String>> instanceNames() {
        return instanceNames;
    }

    /** Replaces characters other than letters, digits and '_' by '_' (and prefixes a leading digit). */
    public static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) sb.insert(0, 'n');
        return sb.toString();
    }

    public String write(Netlist n) {
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("// Gate-level netlist written by io.fineq.hwcost.netlist.VerilogNetlistWriter for ").append(n.topName())
                .append(", library ").append(lib.name()).append('\n');
        for (Netlist.Module m : n.bottomUp()) module(n, m, out);
        return out.toString();
    }

    private void module(Netlist n, Netlist.Module m, StringBuilder out) {
        Map<Integer, String> netName = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<String[]> extraBuffers = new ArrayList<>(); // {in expr, out name}
        // Port bits first: a bit that is already named (another port, or a constant) gets a buffer.
        for (Netlist.Port p : m.ports()) {
            used.add(p.name());
            for (int i = 0; i < p.bits().length; i++) {
                String name = p.bits().length == 1 ? p.name() : p.name() + "[" + i + "]";
                int b = p.bits()[i];
                if (b >= 0 && !netName.containsKey(b)) {
                    netName.put(b, name);
                } else if (!p.input()) {
                    extraBuffers.add(new String[] {b >= 0 ? netName.get(b) : constant(b), name});
                }
            }
        }
        // Public RTL names for the other nets (shortest name wins), then generated ones.
        // RTL name of each bit: a register's own name rather than the port it drives, then the shortest.
        Set<String> portNames = new HashSet<>();
        for (Netlist.Port p : m.ports()) portNames.add(p.name());
        Map<Integer, String[]> rtl = new HashMap<>(); // bit -> {signal, index, width}
        for (Map.Entry<String, int[]> e : m.netNames().entrySet()) {
            int[] bits = e.getValue();
            boolean port = portNames.contains(e.getKey());
            for (int i = 0; i < bits.length; i++) {
                int b = bits[i];
                if (b < 0) continue;
                String[] prev = rtl.get(b);
                boolean prevPort = prev != null && portNames.contains(prev[0]);
                boolean better = prev == null || (prevPort && !port)
                        || (prevPort == port && (e.getKey().length() < prev[0].length()
                        || (e.getKey().length() == prev[0].length() && e.getKey().compareTo(prev[0]) < 0)));
                if (better) rtl.put(b, new String[] {e.getKey(), Integer.toString(i), Integer.toString(bits.length)});
            }
        }
        List<String> wires = new ArrayList<>();
        java.util.function.IntFunction<String> name = b -> {
            if (b < 0) return constant(b);
            String have = netName.get(b);
            if (have != null) return have;
            String[] r = rtl.get(b);
            String base = r == null ? "n" + b : sanitize(r[0]) + (r[2].equals("1") ? "" : "_" + r[1]);
            String unique = unique(base, used);
            netName.put(b, unique);
            wires.add(unique);
            return unique;
        };
        StringBuilder body = new StringBuilder();
        Map<String, String> renamed = new LinkedHashMap<>();
        List<Sequential> seq = new ArrayList<>();
        int generated = 0;
        for (Netlist.Cell c : m.cells()) {
            Liberty.Cell lc = lib.cell(c.type());
            String inst;
            if (lc == null) {
                inst = unique(sanitize(c.name()), used);
                renamed.put(c.name(), inst);
            } else if (lc.kind() == Liberty.Kind.FLIP_FLOP || lc.kind() == Liberty.Kind.LATCH) {
                Liberty.Pin q = lc.outputs().isEmpty() ? null : lc.outputs().get(0);
                int b = q == null || !c.connections().containsKey(q.name()) ? -1 : c.connections().get(q.name())[0];
                String[] r = b >= 0 ? rtl.get(b) : null;
                if (r == null && b >= 0) r = portName(m, b);
                if (r != null) {
                    inst = unique(sanitize(r[0]) + (r[2].equals("1") ? "" : "_" + r[1]) + "_reg", used);
                    int bit = Integer.parseInt(r[1]);
                    seq.add(new Sequential(inst, q.name(), r[0], bit, Integer.parseInt(r[2]), m.bitName(r[0], bit)));
                } else {
                    inst = unique("g" + (generated++), used);
                }
            } else if (c.name().startsWith(DesignRuleRepair.BUFFER_PREFIX) || c.publicName()) {
                inst = unique(sanitize(c.name()), used);
            } else {
                inst = unique("g" + (generated++), used);
            }
            c.rename(inst);
            body.append("  ").append(c.type()).append(' ').append(inst).append(" (");
            boolean first = true;
            for (Map.Entry<String, int[]> e : c.connections().entrySet()) {
                body.append(first ? "" : ",").append("\n    .").append(e.getKey()).append('(');
                int[] bits = e.getValue();
                if (bits.length == 1) {
                    body.append(name.apply(bits[0]));
                } else {
                    body.append('{');
                    for (int i = bits.length - 1; i >= 0; i--) {
                        body.append(name.apply(bits[i])).append(i > 0 ? ", " : "");
                    }
                    body.append('}');
                }
                body.append(')');
                first = false;
            }
            body.append(");\n");
        }
        CellRoles.Buffer buf = roles.buffers().isEmpty() ? null : roles.buffers().get(0);
        for (String[] eb : extraBuffers) {
            if (buf == null) throw new IllegalStateException("the library has no buffer for output port " + eb[1]);
            body.append("  ").append(buf.cell().name()).append(' ').append(unique("port_buf", used)).append(" (.")
                    .append(buf.in()).append('(').append(eb[0]).append("), .").append(buf.out()).append('(').append(eb[1]).append("));\n");
        }
        sequentials.put(m.name(), seq);
        instanceNames.put(m.name(), renamed);

        out.append("\nmodule ").append(m.name()).append(" (");
        for (int i = 0; i < m.ports().size(); i++) out.append(i == 0 ? "" : ", ").append(m.ports().get(i).name());
        out.append(");\n");
        for (Netlist.Port p : m.ports()) {
            out.append("  ").append(p.input() ? "input " : "output ");
            if (p.bits().length > 1) out.append('[').append(p.bits().length - 1).append(":0] ");
            out.append(p.name()).append(";\n");
        }
        for (String w : wires) out.append("  wire ").append(w).append(";\n");
        out.append(body).append("endmodule\n");
    }

    private static String[] portName(Netlist.Module m, int bit) {
        for (Netlist.Port p : m.ports()) {
            for (int i = 0; i < p.bits().length; i++) {
                if (p.bits()[i] == bit) return new String[] {p.name(), Integer.toString(i), Integer.toString(p.bits().length)};
            }
        }
        return null;
    }

    private static String constant(int b) {
        return b == Netlist.ONE ? "1'b1" : "1'b0";
    }

    private static String unique(String base, Set<String> used) {
        String s = base;
        int k = 1;
        while (!used.add(s)) s = base + "_" + (k++);
        return s;
    }
}
