package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.Liberty;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gated clock domains of a hierarchical netlist: for every clock-gate cell instance, the
 * flip-flops and latches its output clocks (through any module boundaries). Paths are the
 * written netlist's instance paths ({@code u_array/u_act/u_cg_we/g_icg_3__u_icg}).
 */
public final class ClockDomains {

    /**
     * One clock gate: its instance path, its sinks, and where its gated clock has an RTL name: the
     * module ({@code clockModule}) and signal ({@code clockSignal}, e.g. {@code clk_row[3]} of
     * fineq_act_latch) whose toggles say how often the gate passed the clock; null when unnamed.
     */
    public record Domain(String gate, List<String> sinks, String clockModule, String clockSignal) { }

    private ClockDomains() {
    }

    /** A position in the hierarchy: the module, its instance path, and the parent frame (null at the top). */
    private record Frame(Netlist.Module module, String path, Frame parent, Netlist.Cell instance) { }

    public static List<Domain> find(Netlist n, Liberty lib, String gateCell, String gateOut) {
        List<Domain> out = new ArrayList<>();
        walk(n, lib, new Frame(n.top(), "", null, null), gateCell, gateOut, out);
        return out;
    }

    private static void walk(Netlist n, Liberty lib, Frame f, String gateCell, String gateOut, List<Domain> out) {
        for (Netlist.Cell c : f.module().cells()) {
            Netlist.Module sub = n.module(c.type());
            if (sub != null) {
                walk(n, lib, new Frame(sub, f.path() + c.name() + "/", f, c), gateCell, gateOut, out);
            } else if (c.type().equals(gateCell)) {
                int[] bits = c.connections().get(gateOut);
                if (bits == null || bits[0] < 0) continue;
                List<String> sinks = new ArrayList<>();
                trace(n, lib, f, bits[0], sinks, new HashSet<>());
                String[] name = clockName(f, bits[0]);
                out.add(new Domain(f.path() + c.name(), sinks, name == null ? null : name[0], name == null ? null : name[1]));
            }
        }
    }

    /**
     * The RTL name of a gated clock net: in the parent module when the net leaves its module
     * through a port (the clock-gate primitive; bit i of a bank's output), else in its own module.
     */
    private static String[] clockName(Frame f, int net) {
        if (f.parent() != null) {
            for (Netlist.Port p : f.module().ports()) {
                int[] outer = f.instance().connections().get(p.name());
                if (p.input() || outer == null) continue;
                // Bit i of the port (a bank of gates drives one bit per gate).
                for (int i = 0; i < p.bits().length && i < outer.length; i++) {
                    if (p.bits()[i] != net || outer[i] < 0) continue;
                    String name = publicName(f.parent().module(), outer[i]);
                    if (name != null) return new String[] {f.parent().module().baseName(), name};
                }
            }
        }
        String own = publicName(f.module(), net);
        return own == null ? null : new String[] {f.module().baseName(), own};
    }

    /** A public name of a net ({@code name} or {@code name[i]}), a non-port name when there is one. */
    private static String publicName(Netlist.Module m, int net) {
        String best = null;
        boolean bestPort = true;
        for (var e : m.netNames().entrySet()) {
            int[] bits = e.getValue();
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] != net) continue;
                boolean port = m.port(e.getKey()) != null;
                String name = bits.length == 1 ? e.getKey() : e.getKey() + "[" + i + "]";
                if (best == null || (bestPort && !port)) {
                    best = name;
                    bestPort = port;
                }
            }
        }
        return best;
    }

    /** Every sequential cell whose clock pin is on {@code net} of frame {@code f}, across module boundaries. */
    private static void trace(Netlist n, Liberty lib, Frame start, int startNet, List<String> sinks, Set<String> seen) {
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {start, startNet});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Frame f = (Frame) item[0];
            int net = (Integer) item[1];
            if (!seen.add(f.path() + "#" + net)) continue;
            for (Netlist.Cell c : f.module().cells()) {
                for (var e : c.connections().entrySet()) {
                    int[] bits = e.getValue();
                    for (int i = 0; i < bits.length; i++) {
                        if (bits[i] != net) continue;
                        Netlist.Module sub = n.module(c.type());
                        if (sub != null) {
                            Netlist.Port p = sub.port(e.getKey());
                            if (p != null && p.input()) todo.push(new Object[] {new Frame(sub, f.path() + c.name() + "/", f, c), p.bits()[i]});
                        } else {
                            Liberty.Cell lc = lib.cell(c.type());
                            Liberty.Pin pin = lc == null ? null : lc.pin(e.getKey());
                            if (pin != null && pin.input() && DesignRuleRepair.isClockPin(lc, pin)
                                    && (lc.kind() == Liberty.Kind.FLIP_FLOP || lc.kind() == Liberty.Kind.LATCH)) {
                                sinks.add(f.path() + c.name());
                            }
                        }
                    }
                }
            }
            if (f.parent() != null) {
                for (Netlist.Port p : f.module().ports()) {
                    if (p.input()) continue;
                    for (int i = 0; i < p.bits().length; i++) {
                        if (p.bits()[i] != net) continue;
                        int[] outer = f.instance().connections().get(p.name());
                        if (outer != null && outer[i] >= 0) todo.push(new Object[] {f.parent(), outer[i]});
                    }
                }
            }
        }
    }
}
