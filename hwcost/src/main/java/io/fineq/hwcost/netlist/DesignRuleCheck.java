package io.fineq.hwcost.netlist;

import io.fineq.hwcost.liberty.Liberty;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts max-fanout and max-capacitance violations of a netlist (cell pin capacitances only, no
 * wires; fanout counts the leaf cell pins a net reaches, through instance ports), over every
 * instance of every module: what OpenSTA's {@code report_check_types} cannot
 * report in the Debian build (it checks max_transition only). Clock nets are skipped (ideal,
 * left to clock-tree synthesis), as in {@link DesignRuleRepair}.
 */
public final class DesignRuleCheck {

    /** @param worstFanout largest sink count of a non-clock net; @param worstCapRatio largest load / driver max_capacitance */
    public record Result(long fanoutViolations, long capacitanceViolations, int worstFanout, double worstCapRatio, int maxFanout) {
        public boolean clean() {
            return fanoutViolations == 0 && capacitanceViolations == 0;
        }
    }

    private DesignRuleCheck() {
    }

    public static Result check(Netlist n, Liberty lib, int maxFanout) {
        return check(n, lib, maxFanout, null);
    }

    /** As {@link #check(Netlist, Liberty, int)}, a driver's load including the wire of {@code wireLoad} for the net's whole fanout (null: pins only). */
    public static Result check(Netlist n, Liberty lib, int maxFanout, io.fineq.hwcost.liberty.WireLoad wireLoad) {
        Map<String, Long> count = new HashMap<>();
        countInstances(n, n.top(), 1, count);
        Map<String, Map<String, Double>> inLoad = new HashMap<>();
        Map<String, Map<String, Integer>> inPins = new HashMap<>();
        Map<String, Map<String, Boolean>> inClock = new HashMap<>();
        long fanoutV = 0;
        long capV = 0;
        int worstFanout = 0;
        double worstRatio = 0;
        for (Netlist.Module m : n.bottomUp()) {
            Map<Integer, Double> load = new HashMap<>();
            Map<Integer, Integer> fanout = new HashMap<>();
            Map<Integer, Boolean> clock = new HashMap<>();
            Map<Integer, Double> maxCap = new HashMap<>();
            for (Netlist.Cell c : m.cells()) {
                Liberty.Cell lc = lib.cell(c.type());
                for (Map.Entry<String, int[]> e : c.connections().entrySet()) {
                    int[] bits = e.getValue();
                    for (int i = 0; i < bits.length; i++) {
                        int b = bits[i];
                        if (b < 0) continue;
                        if (lc != null) {
                            Liberty.Pin p = lc.pin(e.getKey());
                            if (p == null) continue;
                            if (p.output()) {
                                maxCap.put(b, p.maxCap());
                            } else {
                                load.merge(b, p.capacitance(), Double::sum);
                                fanout.merge(b, 1, Integer::sum);
                                if (DesignRuleRepair.isClockPin(lc, p)) clock.put(b, true);
                            }
                        } else if (inLoad.containsKey(c.type())) {
                            String key = e.getKey() + "[" + i + "]";
                            Double l = inLoad.get(c.type()).get(key);
                            if (l != null) {
                                load.merge(b, l, Double::sum);
                                fanout.merge(b, Math.max(1, inPins.get(c.type()).get(key)), Integer::sum);
                                if (Boolean.TRUE.equals(inClock.get(c.type()).get(key))) clock.put(b, true);
                            }
                        }
                    }
                }
            }
            long k = count.getOrDefault(m.name(), 0L);
            for (Map.Entry<Integer, Integer> e : fanout.entrySet()) {
                int b = e.getKey();
                if (Boolean.TRUE.equals(clock.get(b))) continue;
                if (e.getValue() > maxFanout) fanoutV += k;
                worstFanout = Math.max(worstFanout, e.getValue());
                Double limit = maxCap.get(b);
                if (limit != null && !limit.isInfinite()) {
                    double wire = wireLoad == null ? 0 : wireLoad.capFf(e.getValue());
                    double ratio = (load.get(b) + wire) / limit;
                    worstRatio = Math.max(worstRatio, ratio);
                    if (ratio > 1) capV += k;
                }
            }
            Map<String, Double> loads = new HashMap<>();
            Map<String, Integer> pins = new HashMap<>();
            Map<String, Boolean> clocks = new HashMap<>();
            for (Netlist.Port p : m.ports()) {
                if (!p.input()) continue;
                for (int i = 0; i < p.bits().length; i++) {
                    int b = p.bits()[i];
                    loads.put(p.name() + "[" + i + "]", b < 0 ? 0 : load.getOrDefault(b, 0.0));
                    pins.put(p.name() + "[" + i + "]", b < 0 ? 0 : fanout.getOrDefault(b, 0));
                    clocks.put(p.name() + "[" + i + "]", b >= 0 && Boolean.TRUE.equals(clock.get(b)));
                }
            }
            inLoad.put(m.name(), loads);
            inPins.put(m.name(), pins);
            inClock.put(m.name(), clocks);
        }
        return new Result(fanoutV, capV, worstFanout, worstRatio, maxFanout);
    }

    private static void countInstances(Netlist n, Netlist.Module m, long k, Map<String, Long> count) {
        count.merge(m.name(), k, Long::sum);
        for (Netlist.Cell c : m.cells()) {
            Netlist.Module sub = n.module(c.type());
            if (sub != null) countInstances(n, sub, k, count);
        }
    }
}
