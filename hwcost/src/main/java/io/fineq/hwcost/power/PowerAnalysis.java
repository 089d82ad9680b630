package io.fineq.hwcost.power;

import io.fineq.hwcost.liberty.BoolFunction;
import io.fineq.hwcost.liberty.Liberty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Average power of a flat gate-level design over a simulated job, from the Liberty library and
 * measured switching activity, the way a vectorless power tool seeded with register activities
 * works (OpenSTA's report_power, PrimeTime PX with a SAIF of the registers):
 * <ul>
 * <li>activity sources: every flip-flop and latch output and every gated clock carries the
 *     toggle rate its RTL signal had in simulation ({@link Sources}); the clock toggles twice a
 *     cycle; inputs carry their simulated rates;</li>
 * <li>through combinational cells, signal probabilities and transition densities propagate in
 *     topological order (Najm's transition density: the output toggles when an input toggles
 *     while the others make the output sensitive to it; inputs taken as independent);</li>
 * <li>switching power 1/2 C V^2 per transition of every net a cell drives (C = the input pin
 *     capacitances of its loads: no wires); internal power from the Liberty internal_power
 *     tables at the net's transition time and load, weighted by the probability of their
 *     {@code when} conditions; leakage from cell_leakage_power.</li>
 * </ul>
 * Nets driven from outside (the inputs and the clock root) are charged to the driver outside.
 * The transition time of a net is its driver's output transition at its load for the slowest
 * input transition of that driver (an ideal 0 at the clock root).
 */
public final class PowerAnalysis {

    /** Where the measured activity comes from. */
    public interface Sources {
        /** Toggles per cycle of a sequential cell's output (flip-flop or latch), or negative when unknown. */
        double sequential(FlatDesign.Cell cell);

        /** Toggles per cycle of a clock gate's output, or negative when unknown (then the full clock rate). */
        double gatedClock(FlatDesign.Cell cell);

        /** Toggles per cycle of a top-level input (not the clock), or negative when unknown. */
        double input(String name);

        /** True for the clock input. */
        boolean isClock(String name);

        /** Toggles per cycle of a named RTL signal bit of a module (averaged over its instances), or negative when unknown. */
        double named(String module, String signal);
    }

    /**
     * Totals in W, power per block category, the fraction of sequential cells without a measured
     * toggle rate, and the number of nets whose toggle rate was measured (registers and named wires).
     */
    public record Result(double totalW, double switchingW, double internalW, double leakageW, Map<String, Double> byCategoryW,
                         double unknownSequentialFraction, long measuredNets, ClockTree clockTree) { }

    /**
     * The clock-tree estimate (not part of the totals: the flow's clocks are ideal): for every clock
     * net (the root and each gated clock) a tree of the library's tree buffer with at most
     * {@link #CLOCK_FANOUT} sinks per buffer; its buffers, their area and their power at the net's
     * toggle rate (internal energy of each buffer at its load, switching of the buffer inputs and,
     * with a wire-load model, of each buffer's output wire).
     */
    public record ClockTree(long buffers, double areaUm2, double powerW) { }

    /** Sinks per clock-tree buffer of the estimate. */
    public static final int CLOCK_FANOUT = 16;

    /** Toggle rate assumed for a source the simulation did not see (as OpenSTA's default input activity). */
    public static final double DEFAULT_ACTIVITY = 0.1;

    private final Liberty lib;
    private final double volt;
    private final double freq;
    private final double outputLoadFf;
    private io.fineq.hwcost.liberty.WireLoad wireLoad;
    private io.fineq.hwcost.liberty.CellRoles.Buffer clockBuffer;
    private long measured;

    public PowerAnalysis(Liberty lib, double clockMhz, double outputLoadFf) {
        this.lib = lib;
        this.volt = lib.voltage();
        this.freq = clockMhz * 1e6;
        this.outputLoadFf = outputLoadFf;
    }

    /**
     * Charges every driven net the wire of {@code model} for its fanout (the library's wire-load
     * model in top mode: the whole flattened net's fanout), on top of its pin capacitances; null: none.
     */
    public PowerAnalysis withWireLoad(io.fineq.hwcost.liberty.WireLoad model) {
        this.wireLoad = model;
        return this;
    }

    /** Estimates a clock tree of {@code buffer} cells ({@link ClockTree}); null: no estimate. */
    public PowerAnalysis withClockTree(io.fineq.hwcost.liberty.CellRoles.Buffer buffer) {
        this.clockBuffer = buffer;
        return this;
    }

    private static final class Net {
        int driver = -1;       // cell index, or -2 for a top input, -1 none
        String driverPin;
        final List<int[]> loads = new ArrayList<>(); // {cell, pinIndex}
        double load;
        double prob = Double.NaN;
        double act = Double.NaN;
        double slew;
        boolean clock;
        boolean measured;
    }

    /**
     * Power with every data net at {@code activity} toggles per cycle and probability 0.5 and every
     * clock net at 2 (OpenSTA's {@code set_power_activity -global}): checks the energy side of
     * the analysis against another tool without any propagation model in between.
     */
    public Result runUniform(FlatDesign d, double activity) {
        return run(d, null, activity);
    }

    public Result run(FlatDesign d, Sources src) {
        return run(d, src, Double.NaN);
    }

    private Result run(FlatDesign d, Sources src, double uniform) {
        boolean flat = !Double.isNaN(uniform);
        List<FlatDesign.Cell> cells = d.cells();
        Net[] nets = new Net[d.netCount()];
        for (int i = 0; i < nets.length; i++) nets[i] = new Net();
        nets[FlatDesign.ZERO].prob = 0;
        nets[FlatDesign.ZERO].act = 0;
        nets[FlatDesign.ONE].prob = 1;
        nets[FlatDesign.ONE].act = 0;
        for (int ci = 0; ci < cells.size(); ci++) {
            FlatDesign.Cell c = cells.get(ci);
            for (int k = 0; k < c.pins().length; k++) {
                int n = c.nets()[k];
                if (n < 2) continue;
                Liberty.Pin p = c.lib().pin(c.pins()[k]);
                if (p == null) continue;
                if (p.output()) {
                    nets[n].driver = ci;
                    nets[n].driverPin = p.name();
                } else {
                    nets[n].loads.add(new int[] {ci, k});
                    nets[n].load += p.capacitance();
                }
            }
        }
        for (int n : d.topOutputNets()) if (n >= 2) nets[n].load += outputLoadFf;
        for (int i = 0; i < d.topInputs().size(); i++) {
            Net net = nets[d.topInputNets().get(i)];
            net.driver = -2;
            String name = d.topInputs().get(i);
            boolean clock = flat ? name.equals("clk_i") : src.isClock(name);
            if (clock) {
                net.act = 2;
                net.prob = 0.5;
                net.clock = true;
            } else {
                double a = flat ? uniform : src.input(name);
                net.act = a < 0 ? DEFAULT_ACTIVITY : a;
                net.prob = 0.5;
            }
        }

        if (wireLoad != null) {
            for (int n = 2; n < nets.length; n++) {
                if (nets[n].driver != -1) nets[n].load += wireLoad.capFf(nets[n].loads.size());
            }
        }

        // Sources: sequential outputs, clock gates, tie cells.
        long seqTotal = 0;
        List<FlatDesign.Cell> unknownSeq = new ArrayList<>();
        for (FlatDesign.Cell c : cells) {
            Liberty.Kind kind = c.lib().kind();
            if (kind == Liberty.Kind.FLIP_FLOP || kind == Liberty.Kind.LATCH) {
                seqTotal++;
                double a = flat ? uniform : src.sequential(c);
                if (a < 0) {
                    unknownSeq.add(c);
                    a = DEFAULT_ACTIVITY;
                }
                for (Liberty.Pin o : c.lib().outputs()) {
                    int n = c.net(o.name());
                    if (n >= 2) {
                        nets[n].act = a;
                        nets[n].prob = 0.5;
                    }
                }
            } else if (kind == Liberty.Kind.CLOCK_GATE) {
                double a = flat ? -1 : src.gatedClock(c);
                for (Liberty.Pin o : c.lib().outputs()) {
                    int n = c.net(o.name());
                    if (n >= 2) {
                        nets[n].act = a < 0 ? 2 : Math.min(2, a);
                        nets[n].prob = nets[n].act / 4;
                        nets[n].clock = true;
                    }
                }
            } else if (kind == Liberty.Kind.MACRO) {
                // A macro's outputs (a memory's read data) are sources like a register's: probability 0.5,
                // and the measured rate of the RTL wire they drive (below), else the default.
                for (Liberty.Pin o : c.lib().outputs()) {
                    int n = c.net(o.name());
                    if (n >= 2) {
                        nets[n].act = flat ? uniform : DEFAULT_ACTIVITY;
                        nets[n].prob = 0.5;
                    }
                }
            } else if (c.lib().inputs().isEmpty()) {
                for (Liberty.Pin o : c.lib().outputs()) {
                    int n = c.net(o.name());
                    if (n >= 2 && o.function() != null) {
                        nets[n].act = 0;
                        nets[n].prob = o.function().replace("\"", "").trim().equals("1") ? 1 : 0;
                    }
                }
            }
        }

        // Every other net with an RTL name the simulation measured keeps its measured toggle rate.
        long measuredNets = 0;
        for (int i = 2; i < nets.length && !flat; i++) {
            if (nets[i].clock || nets[i].driver == -2) continue;
            for (String[] nm : d.names(i)) {
                double a = src.named(nm[0], nm[1]);
                if (a >= 0) {
                    nets[i].act = a;
                    nets[i].measured = true;
                    measuredNets++;
                    break;
                }
            }
        }

        // A sequential cell without a measured rate of its own may still have an RTL name on its output.
        long seqUnknown = 0;
        for (FlatDesign.Cell c : unknownSeq) {
            boolean named = false;
            for (Liberty.Pin o : c.lib().outputs()) {
                int n = c.net(o.name());
                if (n >= 2 && nets[n].measured) named = true;
            }
            if (!named) seqUnknown++;
        }

        // Combinational propagation in topological order (Kahn): probabilities, and the zero-delay
        // toggle rate of every net not measured.
        int[] pending = new int[cells.size()];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int ci = 0; ci < cells.size(); ci++) {
            FlatDesign.Cell c = cells.get(ci);
            if (c.lib().kind() != Liberty.Kind.COMBINATIONAL || c.lib().inputs().isEmpty()) continue;
            int unknown = 0;
            for (Liberty.Pin in : c.lib().inputs()) {
                int n = c.net(in.name());
                if (n >= 2 && Double.isNaN(nets[n].prob)) unknown++;
            }
            pending[ci] = unknown;
            if (unknown == 0) ready.add(ci);
        }
        Map<String, Truth> truths = new HashMap<>();
        while (!ready.isEmpty()) {
            int ci = ready.poll();
            FlatDesign.Cell c = cells.get(ci);
            List<String> inputs = c.lib().inputs().stream().map(Liberty.Pin::name).toList();
            double[] p = new double[inputs.size()];
            double[] a = new double[inputs.size()];
            boolean clockIn = false;
            for (int i = 0; i < inputs.size(); i++) {
                int n = c.net(inputs.get(i));
                Net net = n < 0 ? nets[FlatDesign.ZERO] : nets[n];
                p[i] = Double.isNaN(net.prob) ? 0.5 : net.prob;
                a[i] = Double.isNaN(net.act) ? DEFAULT_ACTIVITY : net.act;
                clockIn |= net.clock;
            }
            for (Liberty.Pin o : c.lib().outputs()) {
                int n = c.net(o.name());
                if (n < 2 || o.function() == null) continue;
                Truth t = truths.computeIfAbsent(c.lib().name() + "/" + o.name(),
                        k -> new Truth(BoolFunction.parse(o.function()).truthTable(inputs), inputs.size()));
                nets[n].prob = t.probability(p);
                if (flat) {
                    nets[n].act = clockIn ? 2 : uniform;
                } else if (!nets[n].measured) {
                    nets[n].act = clockIn ? 2 : t.toggleRate(p, a);
                }
                nets[n].clock = clockIn;
                for (int[] ld : nets[n].loads) {
                    int li = ld[0];
                    if (--pending[li] == 0 && cells.get(li).lib().kind() == Liberty.Kind.COMBINATIONAL) ready.add(li);
                }
            }
        }
        for (Net net : nets) {
            if (Double.isNaN(net.act)) {
                net.act = flat ? uniform : 0;
                net.prob = 0.5;
            }
        }
        computeSlews(cells, nets);

        double sw = 0;
        double in = 0;
        double lk = 0;
        Map<String, Double> byCat = new LinkedHashMap<>();
        for (Net net : nets) {
            if (net.driver < 0) continue;
            double pw = 0.5 * net.load * 1e-15 * volt * volt * net.act * freq;
            sw += pw;
            byCat.merge(cells.get(net.driver).category(), pw, Double::sum);
        }
        for (FlatDesign.Cell c : cells) {
            double pw = internal(c, nets, truths);
            in += pw;
            lk += c.lib().leakageW();
            byCat.merge(c.category(), pw + c.lib().leakageW(), Double::sum);
        }
        return new Result(sw + in + lk, sw, in, lk, byCat, seqTotal == 0 ? 0 : (double) seqUnknown / seqTotal, measuredNets,
                clockTree(nets, cells));
    }

    private ClockTree clockTree(Net[] nets, List<FlatDesign.Cell> cells) {
        if (clockBuffer == null) return new ClockTree(0, 0, 0);
        Liberty.Cell b = clockBuffer.cell();
        double sinkCap = 0;
        long sinks = 0;
        for (Net net : nets) {
            if (!net.clock || net.driver == -1) continue;
            sinkCap += net.load;
            sinks += Math.max(1, net.loads.size());
        }
        double loadPerBuffer = sinks == 0 ? 0 : Math.min(CLOCK_FANOUT, sinks) * sinkCap / sinks;
        double energyFj = 0;
        for (Liberty.PowerGroup g : b.power()) {
            if (!g.pin().equals(clockBuffer.out())) continue;
            double e = 0;
            int k = 0;
            if (g.rise() != null) { e += g.rise().at(0.02, loadPerBuffer); k++; }
            if (g.fall() != null) { e += g.fall().at(0.02, loadPerBuffer); k++; }
            if (k > 0) energyFj = Math.max(energyFj, e / k);
        }
        double wireFf = wireLoad == null ? 0 : wireLoad.capFf(CLOCK_FANOUT);
        long buffers = 0;
        double power = 0;
        for (Net net : nets) {
            if (!net.clock || net.driver == -1) continue;
            long level = net.loads.size();
            long count = 0;
            while (level > CLOCK_FANOUT) {
                level = (level + CLOCK_FANOUT - 1) / CLOCK_FANOUT;
                count += level;
            }
            buffers += count;
            double perToggle = count * (energyFj + 0.5 * (clockBuffer.inputCapFf() + wireFf) * volt * volt) * 1e-15;
            power += perToggle * net.act * freq + count * b.leakageW();
        }
        return new ClockTree(buffers, buffers * b.area(), power);
    }

    /**
     * Passes until nothing changes: a net's transition is its driver's output transition at its
     * load; clock nets (the root and every gated clock) keep an ideal transition of 0.
     */
    private void computeSlews(List<FlatDesign.Cell> cells, Net[] nets) {
        // Cells are processed until no slew changes; sequential and clock-gate outputs start from an ideal clock.
        boolean changed = true;
        for (int pass = 0; pass < 64 && changed; pass++) {
            changed = false;
            for (FlatDesign.Cell c : cells) {
                double inSlew = 0;
                if (c.lib().kind() == Liberty.Kind.COMBINATIONAL) {
                    for (Liberty.Pin pin : c.lib().inputs()) {
                        int n = c.net(pin.name());
                        if (n >= 2) inSlew = Math.max(inSlew, nets[n].slew);
                    }
                }
                for (Liberty.Pin o : c.lib().outputs()) {
                    int n = c.net(o.name());
                    // Clock nets are ideal, as in the timing analysis (no clock tree is built): no slew.
                    if (n < 2 || nets[n].clock) continue;
                    double s = Liberty.worstTransition(o, inSlew, nets[n].load);
                    if (Math.abs(s - nets[n].slew) > 1e-6) {
                        nets[n].slew = s;
                        changed = true;
                    }
                }
            }
        }
    }

    private double internal(FlatDesign.Cell c, Net[] nets, Map<String, Truth> truths) {
        List<Liberty.PowerGroup> groups = c.lib().power();
        if (groups.isEmpty()) return 0;
        Map<String, double[]> byKey = new LinkedHashMap<>(); // pin|related -> {sum w*E, sum w}
        for (Liberty.PowerGroup g : groups) {
            Liberty.Pin pin = c.lib().pin(g.pin());
            if (pin == null) continue;
            int net = c.net(g.pin());
            double load = net >= 2 && pin.output() ? nets[net].load : 0;
            String rel = g.relatedPin() == null ? g.pin() : g.relatedPin();
            int relNet = c.net(rel);
            double slew = relNet >= 2 ? nets[relNet].slew : 0;
            double e = 0;
            int k = 0;
            if (g.rise() != null) {
                e += g.rise().at(slew, load);
                k++;
            }
            if (g.fall() != null) {
                e += g.fall().at(slew, load);
                k++;
            }
            if (k == 0) continue;
            e /= k;
            double w = g.when() == null ? 1 : probabilityOf(g.when(), c, nets);
            double[] acc = byKey.computeIfAbsent(g.pin() + "|" + (g.relatedPin() == null ? "" : g.relatedPin()), x -> new double[2]);
            acc[0] += w * e;
            acc[1] += w;
        }
        double power = 0;
        Map<String, Integer> relatedCount = new HashMap<>();
        for (String key : byKey.keySet()) relatedCount.merge(key.substring(0, key.indexOf('|')), 1, Integer::sum);
        for (Map.Entry<String, double[]> e : byKey.entrySet()) {
            double[] acc = e.getValue();
            if (acc[1] <= 0) continue;
            double energyFj = acc[0] / acc[1];
            String pinName = e.getKey().substring(0, e.getKey().indexOf('|'));
            String related = e.getKey().substring(e.getKey().indexOf('|') + 1);
            int net = c.net(pinName);
            // An unconnected flip-flop or latch output (QN) still switches inside the cell.
            if (net < 0 && !isSequential(c)) continue;
            double transitions = transitionsOf(c, pinName, related, nets, truths, relatedCount.get(pinName));
            power += energyFj * 1e-15 * transitions * freq;
        }
        return power;
    }

    /** Transitions per cycle of {@code pin} attributed to {@code related} ("" = the pin's own). */
    private double transitionsOf(FlatDesign.Cell c, String pin, String related, Net[] nets, Map<String, Truth> truths, int groupsOnPin) {
        int net = c.net(pin);
        Liberty.Pin p = c.lib().pin(pin);
        double act = net >= 2 ? nets[net].act : p.output() && isSequential(c) ? siblingActivity(c, nets) : 0;
        if (related.isEmpty() || !p.output()) return act;
        if (c.lib().kind() != Liberty.Kind.COMBINATIONAL || p.function() == null) return act / Math.max(1, groupsOnPin);
        List<String> inputs = c.lib().inputs().stream().map(Liberty.Pin::name).toList();
        int i = inputs.indexOf(related);
        if (i < 0) return act / Math.max(1, groupsOnPin);
        double[] prob = new double[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            int n = c.net(inputs.get(k));
            prob[k] = n < 2 ? (n == FlatDesign.ONE ? 1 : 0) : nets[n].prob;
        }
        Truth t = truths.computeIfAbsent(c.lib().name() + "/" + pin, k -> new Truth(BoolFunction.parse(p.function()).truthTable(inputs), inputs.size()));
        // The output's toggles, shared among its inputs in proportion to how often each one alone would toggle it.
        double total = 0;
        double mine = 0;
        for (int k = 0; k < inputs.size(); k++) {
            int n = c.net(inputs.get(k));
            double ka = n < 2 ? 0 : Math.min(1, nets[n].act);
            double share = t.sensitivity(k, prob) * ka;
            total += share;
            if (k == i) mine = share;
        }
        return total <= 0 ? 0 : act * mine / total;
    }

    private static boolean isSequential(FlatDesign.Cell c) {
        return c.lib().kind() == Liberty.Kind.FLIP_FLOP || c.lib().kind() == Liberty.Kind.LATCH;
    }

    /** Toggle rate of a sequential cell's connected outputs (Q and QN toggle together). */
    private static double siblingActivity(FlatDesign.Cell c, Net[] nets) {
        double a = 0;
        for (Liberty.Pin o : c.lib().outputs()) {
            int n = c.net(o.name());
            if (n >= 2) a = Math.max(a, nets[n].act);
        }
        return a;
    }

    /** Probability that a {@code when} condition holds, from the probabilities of the cell's pins. */
    private double probabilityOf(String when, FlatDesign.Cell c, Net[] nets) {
        List<String> vars = BoolFunction.inputsOf(when);
        if (vars.size() > 6) return 1;
        double[] p = new double[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            int n = c.net(vars.get(i));
            if (n < 0) {
                // An internal node (IQ) follows the output that reads it.
                n = -1;
                for (Liberty.Pin o : c.lib().outputs()) {
                    if (o.function() != null && o.function().contains(vars.get(i))) n = c.net(o.name());
                }
            }
            p[i] = n < 0 ? 0.5 : n == FlatDesign.ONE ? 1 : n == FlatDesign.ZERO ? 0 : nets[n].prob;
        }
        return new Truth(BoolFunction.parse(when).truthTable(vars), vars.size()).probability(p);
    }

    /** A truth table with its probability and Boolean-difference sensitivities. */
    static final class Truth {
        private final long table;
        private final int n;

        Truth(long table, int n) {
            this.table = table;
            this.n = n;
        }

        double probability(double[] p) {
            double sum = 0;
            for (int a = 0; a < (1 << n); a++) {
                if (((table >> a) & 1) != 0) sum += weight(a, p, -1);
            }
            return sum;
        }

        /**
         * Zero-delay toggle rate: the probability that the output differs between two consecutive
         * cycles when input k toggles with probability a[k] (at most once a cycle) independently of
         * its value, probability p[k] of being 1.
         */
        double toggleRate(double[] p, double[] a) {
            double[][] joint = new double[n][4]; // (before, after) = 00, 01, 10, 11
            for (int k = 0; k < n; k++) {
                double ak = Math.max(0, Math.min(1, a[k]));
                joint[k][0] = (1 - p[k]) * (1 - ak);
                joint[k][1] = (1 - p[k]) * ak;
                joint[k][2] = p[k] * ak;
                joint[k][3] = p[k] * (1 - ak);
            }
            double toggle = 0;
            int states = 1 << (2 * n);
            for (int s = 0; s < states; s++) {
                int before = 0;
                int after = 0;
                double w = 1;
                for (int k = 0; k < n && w > 0; k++) {
                    int st = (s >> (2 * k)) & 3;
                    w *= joint[k][st];
                    if ((st & 2) != 0) before |= 1 << k;
                    if (st == 1 || st == 3) after |= 1 << k;
                }
                if (w > 0 && (((table >> before) ^ (table >> after)) & 1) != 0) toggle += w;
            }
            return toggle;
        }

        /** P(the output changes when input i changes), over the other inputs. */
        double sensitivity(int i, double[] p) {
            double sum = 0;
            for (int a = 0; a < (1 << n); a++) {
                if (((a >> i) & 1) != 0) continue;
                int b = a | (1 << i);
                if ((((table >> a) ^ (table >> b)) & 1) != 0) sum += weight(a, p, i);
            }
            return sum;
        }

        private double weight(int a, double[] p, int skip) {
            double w = 1;
            for (int k = 0; k < n; k++) {
                if (k == skip) continue;
                w *= ((a >> k) & 1) != 0 ? p[k] : 1 - p[k];
            }
            return w;
        }
    }

    static double[] copy(double[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
