package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.CellRoles;
import io.fineq.hwcost.liberty.Liberty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Buffer trees for the nets a Yosys netlist leaves overloaded: ABC buffers the logic it maps,
 * but never a net driven by a flip-flop, a module port or another module's output, and it cannot
 * see the loads inside the instances a net drives. This pass does what a synthesis tool's
 * design-rule fixing does for such nets, module by module from the leaves up (each module
 * definition once, so a module instantiated 64 times costs one pass):
 *
 * <ul>
 * <li>the load of a net is the sum of the input capacitances of the cell pins it drives plus, for
 *     an instance's input port, the load that port presents after that module was repaired;</li>
 * <li>a net whose load exceeds what its driver may drive ({@link Liberty#maxLoad}: max_capacitance
 *     and {@link CellRoles#SLEW_FRACTION} of max_transition), or that has more than
 *     {@link #MAX_FANOUT} sinks, gets a tree of library buffers: sinks are taken in netlist order in
 *     groups of at most {@link #MAX_FANOUT} and at most one buffer's load, each group is driven by
 *     the smallest buffer that can, and the buffers are grouped again until the driver copes;</li>
 * <li>a module input port keeps at most one small buffer's load, so that the parent sees the
 *     ports it drives as ordinary loads;</li>
 * <li>clock nets (nets reaching a clock pin, latch enable or clock-gate clock) are left ideal:
 *     they are clock-tree synthesis' job, which this flow does not do.</li>
 * </ul>
 * Wires are not modelled (cell capacitances only), as in the rest of the flow.
 */
public final class DesignRuleRepair {
    /** Most sinks one driver may have after repair. */
    public static final int MAX_FANOUT = 16;
    /** Prefix of the buffer instances this pass adds. */
    public static final String BUFFER_PREFIX = "drc_buf_";

    private final Liberty lib;
    private final CellRoles roles;
    private final double inputSlew;
    private final double portLoadLimit;
    private final double topInputBudget;
    private final double topOutputLoad;
    private final Map<String, Double> pinBudget = new HashMap<>();
    private final Map<String, ModuleView> views = new HashMap<>();
    private int buffersAdded;
    private double bufferArea;

    /** What a repaired module presents to its parents: per input port bit its load and leaf-pin fanout. */
    private record ModuleView(Map<String, double[]> inputLoad, Map<String, int[]> inputFanout, Map<String, boolean[]> inputClock,
                              Map<String, double[]> outputBudget) { }

    /** A sink of a net; {@code fanout} counts the leaf pins behind it (1 for a cell pin, more for an instance port). */
    private record Sink(Netlist.Cell cell, String pin, int index, double cap, int fanout, boolean clock, boolean outputPort) { }

    /**
     * @param topInputBudget load a top-level input port's driver may drive (fF): that of the SDC's driving cell
     * @param topOutputLoad  load on each top-level output port (fF): the SDC's set_load
     */
    private final double wireMarginFf;

    public DesignRuleRepair(CellRoles roles, double topInputBudget, double topOutputLoad) {
        this(roles, topInputBudget, topOutputLoad, 0);
    }

    /**
     * {@code wireMarginFf}: load every driver keeps free for its net's wire (the wire-load model's
     * capacitance at {@link #MAX_FANOUT}, the largest fanout a repaired net has), so that trees built
     * to pin capacitances still meet the slew and capacitance limits once wires are charged.
     */
    public DesignRuleRepair(CellRoles roles, double topInputBudget, double topOutputLoad, double wireMarginFf) {
        this.wireMarginFf = wireMarginFf;
        this.lib = roles.library();
        this.roles = roles;
        this.inputSlew = Double.isInfinite(lib.defaultMaxTransition()) ? 0.1 : lib.defaultMaxTransition() * 0.5;
        this.portLoadLimit = roles.buffers().isEmpty() ? 50 : roles.buffers().get(0).maxLoadFf();
        this.topInputBudget = Math.max(topInputBudget - wireMarginFf, topInputBudget / 4);
        this.topOutputLoad = topOutputLoad;
    }

    /** Repairs {@code n} in place; returns the number of buffers added (per module definition). */
    public int repair(Netlist n) {
        for (Netlist.Module m : n.bottomUp()) repair(n, m, m == n.top());
        return buffersAdded;
    }

    /** Area of the buffers added to the module definitions (not multiplied by instance counts). */
    public double bufferAreaPerDefinition() {
        return bufferArea;
    }

    private void repair(Netlist n, Netlist.Module m, boolean top) {
        Map<Integer, List<Sink>> sinks = new LinkedHashMap<>();
        Map<Integer, Double> budgets = new HashMap<>();
        Map<Integer, Boolean> fromInputPort = new HashMap<>();
        for (Netlist.Port p : m.ports()) {
            for (int i = 0; i < p.bits().length; i++) {
                int b = p.bits()[i];
                if (b < 0) continue;
                if (p.input()) {
                    budgets.put(b, top ? topInputBudget : portLoadLimit);
                    fromInputPort.put(b, true);
                } else {
                    sinks.computeIfAbsent(b, k -> new ArrayList<>()).add(new Sink(null, p.name(), i, top ? topOutputLoad : 0, 1, false, true));
                }
            }
        }
        for (Netlist.Cell c : m.cells()) {
            Liberty.Cell lc = lib.cell(c.type());
            ModuleView sub = views.get(c.type());
            for (Map.Entry<String, int[]> e : c.connections().entrySet()) {
                String pin = e.getKey();
                int[] bits = e.getValue();
                for (int i = 0; i < bits.length; i++) {
                    int b = bits[i];
                    if (b < 0) continue;
                    if (lc != null) {
                        Liberty.Pin lp = lc.pin(pin);
                        if (lp == null) continue;
                        if (lp.output()) {
                            budgets.put(b, budget(lc, lp));
                        } else {
                            sinks.computeIfAbsent(b, k -> new ArrayList<>()).add(new Sink(c, pin, i, lp.capacitance(), 1, isClockPin(lc, lp), false));
                        }
                    } else if (sub != null) {
                        if (sub.inputLoad().containsKey(pin)) {
                            sinks.computeIfAbsent(b, k -> new ArrayList<>()).add(new Sink(c, pin, i, sub.inputLoad().get(pin)[i],
                                    Math.max(1, sub.inputFanout().get(pin)[i]), sub.inputClock().get(pin)[i], false));
                        } else if (sub.outputBudget().containsKey(pin)) {
                            budgets.put(b, sub.outputBudget().get(pin)[i]);
                        }
                    }
                }
            }
        }
        Map<Integer, Double> load = new HashMap<>();
        Map<Integer, Integer> fanout = new HashMap<>();
        Map<Integer, Boolean> clock = new HashMap<>();
        for (Map.Entry<Integer, List<Sink>> e : sinks.entrySet()) {
            int net = e.getKey();
            List<Sink> list = e.getValue();
            boolean isClock = list.stream().anyMatch(Sink::clock);
            clock.put(net, isClock);
            Double budget = budgets.get(net);
            if (!isClock && budget != null) {
                double total = list.stream().mapToDouble(Sink::cap).sum();
                int pins = list.stream().mapToInt(Sink::fanout).sum();
                // An input port of a submodule keeps at most half the fanout limit inside.
                int maxPins = Boolean.TRUE.equals(fromInputPort.get(net)) && !top ? MAX_FANOUT / 2 : MAX_FANOUT;
                if (total > budget || pins > maxPins) {
                    list = buildTree(m, net, list, budget, maxPins);
                    e.setValue(list);
                }
            }
            load.put(net, list.stream().mapToDouble(Sink::cap).sum());
            fanout.put(net, list.stream().mapToInt(Sink::fanout).sum());
        }
        Map<String, double[]> inLoad = new LinkedHashMap<>();
        Map<String, int[]> inFanout = new LinkedHashMap<>();
        Map<String, boolean[]> inClock = new LinkedHashMap<>();
        Map<String, double[]> outBudget = new LinkedHashMap<>();
        for (Netlist.Port p : m.ports()) {
            int w = p.bits().length;
            if (p.input()) {
                double[] l = new double[w];
                int[] f = new int[w];
                boolean[] ck = new boolean[w];
                for (int i = 0; i < w; i++) {
                    l[i] = load.getOrDefault(p.bits()[i], 0.0);
                    f[i] = fanout.getOrDefault(p.bits()[i], 0);
                    ck[i] = clock.getOrDefault(p.bits()[i], false);
                }
                inLoad.put(p.name(), l);
                inFanout.put(p.name(), f);
                inClock.put(p.name(), ck);
            } else {
                double[] bud = new double[w];
                for (int i = 0; i < w; i++) {
                    int b = p.bits()[i];
                    double own = budgets.getOrDefault(b, portLoadLimit);
                    if (Boolean.TRUE.equals(fromInputPort.get(b))) own = portLoadLimit;
                    bud[i] = Math.max(own - load.getOrDefault(b, 0.0), roles.buffers().isEmpty() ? 1 : roles.buffers().get(0).inputCapFf());
                }
                outBudget.put(p.name(), bud);
            }
        }
        views.put(m.name(), new ModuleView(inLoad, inFanout, inClock, outBudget));
    }

    /** Replaces the sinks of {@code net} by a buffer tree; returns the sinks left on {@code net}. */
    private List<Sink> buildTree(Netlist.Module m, int net, List<Sink> sinks, double budget, int maxPins) {
        List<Sink> fixed = new ArrayList<>();
        List<Sink> movable = new ArrayList<>();
        for (Sink s : sinks) (s.outputPort() ? fixed : movable).add(s);
        CellRoles.Buffer big = roles.treeBuffer();
        // A buffer of the tree keeps the wire margin free like every other driver.
        double full = Math.min(big.maxLoadFf(), roles.buffers().get(roles.buffers().size() - 1).maxLoadFf());
        double chunkCap = Math.max(full - wireMarginFf, full / 4);
        while (true) {
            double total = fixed.stream().mapToDouble(Sink::cap).sum() + movable.stream().mapToDouble(Sink::cap).sum();
            int pins = fixed.stream().mapToInt(Sink::fanout).sum() + movable.stream().mapToInt(Sink::fanout).sum();
            if ((total <= budget && pins <= maxPins) || movable.size() <= 1) break;
            List<Sink> next = new ArrayList<>();
            List<Sink> group = new ArrayList<>();
            double groupCap = 0;
            int groupPins = 0;
            for (Sink s : movable) {
                if (!group.isEmpty() && (groupPins + s.fanout() > MAX_FANOUT || groupCap + s.cap() > chunkCap)) {
                    next.add(drive(m, net, group, groupCap));
                    group = new ArrayList<>();
                    groupCap = 0;
                    groupPins = 0;
                }
                group.add(s);
                groupCap += s.cap();
                groupPins += s.fanout();
            }
            if (!group.isEmpty()) next.add(drive(m, net, group, groupCap));
            if (next.size() >= movable.size()) break;
            movable = next;
        }
        List<Sink> out = new ArrayList<>(fixed);
        out.addAll(movable);
        return out;
    }

    /** A new buffer on {@code net} driving {@code group} through a new net; returns the buffer's input as a sink. */
    private Sink drive(Netlist.Module m, int net, List<Sink> group, double groupCap) {
        CellRoles.Buffer buf = roles.buffers().stream().filter(b -> b.maxLoadFf() >= groupCap + wireMarginFf).findFirst()
                .orElse(roles.buffers().get(roles.buffers().size() - 1));
        int out = m.newNet();
        for (Sink s : group) s.cell().connections().get(s.pin())[s.index()] = out;
        Map<String, int[]> conns = new LinkedHashMap<>();
        conns.put(buf.in(), new int[] {net});
        conns.put(buf.out(), new int[] {out});
        Netlist.Cell cell = new Netlist.Cell(BUFFER_PREFIX + (buffersAdded++), buf.cell().name(), false, conns);
        m.cells().add(cell);
        bufferArea += buf.cell().area();
        return new Sink(cell, buf.in(), 0, buf.inputCapFf(), 1, false, false);
    }

    private double budget(Liberty.Cell c, Liberty.Pin p) {
        return pinBudget.computeIfAbsent(c.name() + "/" + p.name(), k -> {
            double full = Liberty.maxLoad(p, inputSlew, CellRoles.SLEW_FRACTION);
            return Math.max(full - wireMarginFf, full / 4);
        });
    }

    /** Clock pins: flip-flop clocks (clock : true), latch enables and clock-gate clock inputs. */
    public static boolean isClockPin(Liberty.Cell c, Liberty.Pin p) {
        if (p.clock() || p.gateClock()) return true;
        return c.kind() == Liberty.Kind.LATCH && c.latchEnable() != null && c.latchEnable().trim().equals(p.name());
    }
}
