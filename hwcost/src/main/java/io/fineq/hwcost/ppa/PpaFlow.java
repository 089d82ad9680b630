package io.fineq.hwcost.ppa;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.liberty.CellRoles;
import io.fineq.hwcost.liberty.Liberty;
import io.fineq.hwcost.liberty.WireLoad;
import io.fineq.hwcost.netlist.ClockDomains;
import io.fineq.hwcost.netlist.DesignRuleCheck;
import io.fineq.hwcost.netlist.DesignRuleRepair;
import io.fineq.hwcost.netlist.Netlist;
import io.fineq.hwcost.netlist.NetlistArea;
import io.fineq.hwcost.netlist.TieCells;
import io.fineq.hwcost.netlist.VerilogNetlistWriter;
import io.fineq.hwcost.power.FlatDesign;
import io.fineq.hwcost.power.PowerAnalysis;
import io.fineq.hwcost.sram.SramLibrary;
import io.fineq.hwcost.util.Tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open PPA flow of one design at one clock in one Liberty library:
 * <ol>
 * <li>RTL and SDC from the generator;</li>
 * <li>Yosys ({@link SynthesisScript}): hierarchical synthesis mapped onto the library, full adders,
 *     latches and clock gates onto their cells, ABC at the clock period with buffering and sizing;</li>
 * <li>design-rule buffer trees ({@link DesignRuleRepair}) and a structural netlist;</li>
 * <li>cell area per block ({@link NetlistArea}), fanout and capacitance checks ({@link DesignRuleCheck});</li>
 * <li>switching activity of a real quantized job measured in Verilator ({@link PpaDesign#simulate});</li>
 * <li>OpenSTA: worst / total negative slack, hold, the critical path, max_transition, and power with
 *     the measured activity on every flip-flop, latch and gated clock.</li>
 * </ol>
 * Wires are not modelled (no placement, no wire load), nor is clock-tree synthesis: clock nets
 * are ideal. Everything the tools read and write stays in the work folder for inspection.
 */
public final class PpaFlow {
    /** Longest Yosys or OpenSTA run waited for. */
    public static final long TIMEOUT_SECONDS = 3600;

    /**
     * @param liberty  a Liberty file (.lib or .lib.gz), or null for the project's generic library
     * @param power    measure switching activity and power (needs Verilator)
     */
    /**
     * @param wires charge the library's default wire-load model (docs/hwcost.md, "Wires"): buffer
     *              trees, design-rule checks, OpenSTA and power all see wire capacitance; false:
     *              cell capacitances only
     */
    public record Options(Path liberty, int clockMhz, Path work, boolean power, boolean wires) {
        public Options {
            if (clockMhz < 1 || clockMhz > 5000) throw new UserError("--clock-mhz: " + clockMhz + " is out of range 1..5000");
        }

        /** Without wires. */
        public Options(Path liberty, int clockMhz, Path work, boolean power) {
            this(liberty, clockMhz, work, power, false);
        }

        /** The same options with or without wires. */
        public Options withWires(boolean on) {
            return new Options(liberty, clockMhz, work, power, on);
        }

        public double periodNs() {
            return 1000.0 / clockMhz;
        }
    }

    private final PrintStream progress;

    public PpaFlow(PrintStream progress) {
        this.progress = progress;
    }

    public PpaResult run(PpaDesign d, Options o) throws IOException {
        Path work = o.work().resolve(d.name() + (o.wires() ? "_wires" : ""));
        Liberty user = o.liberty() == null ? null : Liberty.read(o.liberty());   // a bad file fails before anything is written
        if (o.wires() && user != null && user.defaultWireLoad() == null) {
            throw new UserError("--wires: liberty '" + o.liberty() + "' has no default_wire_load (wire_load groups: "
                    + (user.wireLoads().isEmpty() ? "none" : String.join(", ", user.wireLoads().keySet())) + ")");
        }
        Files.createDirectories(work);
        Liberty withMacros = user != null ? user : GenericLibrary.liberty(work.resolve("lib"));
        Path macroLib = null;
        if (!d.memories().isEmpty()) {
            // The design's memories as macro cells in the library's units: Yosys reads them as black
            // boxes, OpenSTA and the power analysis as cells of the library.
            macroLib = work.resolve("lib").resolve("fineq_sram_macros.lib");
            Files.createDirectories(macroLib.getParent());
            AtomicFiles.writeString(macroLib, SramLibrary.standalone(d.memories(), withMacros));
            withMacros = withMacros.withGroups(SramLibrary.groups(d.memories(), withMacros), macroLib);
        }
        Liberty lib = withMacros;
        WireLoad wires = o.wires() ? lib.defaultWireLoad() : null;
        if (o.wires() && wires == null) throw new UserError("--wires: library " + lib.name() + " has no default_wire_load");
        CellRoles roles = new CellRoles(lib);
        Path logicLib = work.resolve("lib").resolve(sanitizeFile(lib.name()) + "-logic.lib");
        Path staLib = work.resolve("lib").resolve(sanitizeFile(lib.name()) + ".lib");
        Files.createDirectories(logicLib.getParent());
        AtomicFiles.writeString(logicLib, lib.textForLogicMapping());
        AtomicFiles.writeString(staLib, wires == null ? lib.textForAnalysis() : lib.textForAnalysisWithWires());
        step(d, "RTL and SDC");
        List<Path> rtl = d.writeRtl(work.resolve("rtl"));
        Path sdc = d.writeSdc(work.resolve("rtl"), o.clockMhz());

        step(d, "Yosys synthesis onto " + lib.name());
        Path synth = work.resolve("synth");
        Path script = SynthesisScript.write(synth, rtl, d.top(), roles, logicLib, macroLib, o.periodNs(), lib.capUnitFf());
        long t0 = System.nanoTime();
        Tools.run(List.of("yosys", "-q", "-l", "yosys.log", script.getFileName().toString()), synth, synth.resolve("yosys.out"), TIMEOUT_SECONDS);
        double synthSeconds = (System.nanoTime() - t0) / 1e9;
        Netlist netlist = Netlist.readYosysJson(synth.resolve(SynthesisScript.NETLIST_JSON), d.top());
        double yosysArea = chipArea(Files.readString(synth.resolve(SynthesisScript.STAT), StandardCharsets.UTF_8));
        double before = new NetlistArea(netlist, lib, d.categories(), d.topCategory()).total();
        if (Math.abs(before - yosysArea) > 1e-6 * Math.max(1, yosysArea)) {
            throw new IllegalStateException("netlist area " + before + " differs from Yosys' stat " + yosysArea);
        }

        step(d, "design-rule buffer trees and netlist");
        tieAndBuffer(netlist, lib, roles, wires == null ? 0 : wires.capFf(DesignRuleRepair.MAX_FANOUT));
        VerilogNetlistWriter writer = new VerilogNetlistWriter(roles);
        Path netlistV = work.resolve("netlist.v");
        AtomicFiles.writeString(netlistV, writer.write(netlist));
        NetlistArea area = new NetlistArea(netlist, lib, d.categories(), d.topCategory());
        DesignRuleCheck.Result drc = DesignRuleCheck.check(netlist, lib, DesignRuleRepair.MAX_FANOUT, wires);
        double bufferArea = bufferArea(netlist, lib, area);

        SwitchingActivity activity = null;
        double simSeconds = 0;
        PowerAnalysis.Result power = null;
        if (o.power()) {
            step(d, "switching activity of a real job (" + d.activitySource() + ")");
            long s0 = System.nanoTime();
            activity = d.simulate(work.resolve("sim"));
            simSeconds = (System.nanoTime() - s0) / 1e9;
            step(d, "power from the measured activity");
            power = power(netlist, lib, roles, writer, area, d, activity, o.clockMhz(), wires);
        }

        step(d, "OpenSTA timing");
        Path staTcl = work.resolve("sta.tcl");
        List<String> gatePins = new ArrayList<>();
        collectGates(netlist, netlist.top(), "", roles, gatePins);
        AtomicFiles.writeString(staTcl, staScript(d, lib, roles, staLib, netlistV, sdc, gatePins, wires));
        long s1 = System.nanoTime();
        String log = Tools.run(List.of("sta", "-no_splash", "-exit", staTcl.toString()), work, work.resolve("sta.log"), TIMEOUT_SECONDS);
        double staSeconds = (System.nanoTime() - s1) / 1e9;
        if (log.contains("Error:")) {
            String line = log.lines().filter(l -> l.contains("Error:")).findFirst().orElse("");
            throw new UserError("OpenSTA reported an error (log: " + work.resolve("sta.log") + "): " + line.strip());
        }
        StaReport sta = StaReport.parse(log, pin -> isClockPin(netlist, lib, roles, pin));
        RtlNames names = new RtlNames(netlist, writer);

        double period = o.periodNs();
        double fmax = 1000.0 / (period - sta.worstSlack());
        double powerW = power == null ? 0 : power.totalW();
        double powerMw = activity == null ? -1 : powerW * 1e3;
        double energy = activity == null ? -1 : powerW * activity.cycles() * period * 1e-9 / activity.usefulMacs() * 1e12;
        Map<String, Double> byCat = new LinkedHashMap<>(area.byCategory());
        double array = 0;
        for (String c : d.arrayCategories()) array += byCat.getOrDefault(c, 0.0);
        long cells = area.cellCounts().values().stream().mapToLong(Long::longValue).sum();
        return new PpaResult(d.name(), lib.name(), o.clockMhz(), period, area.total(), byCat, array, array / d.peCount(), bufferArea,
                cells, roles.nand2Area(), sta.worstSlack(), sta.tns(), fmax, names.rtl(sta.startpoint()), names.rtl(sta.endpoint()),
                sta.holdSlack(), sta.slewViolations(), drc.fanoutViolations(), drc.capacitanceViolations(), drc.worstFanout(),
                drc.worstCapRatio(), powerMw,
                power == null ? -1 : power.internalW() * 1e3, power == null ? -1 : power.switchingW() * 1e3,
                power == null ? -1 : power.leakageW() * 1e3, powerByCategory(power),
                activity == null ? 0 : activity.usefulMacs(), activity == null ? 0 : activity.cycles(), energy,
                activity == null ? "" : activity.job(), power == null ? 0 : 1 - power.unknownSequentialFraction(),
                wires == null ? "none" : wires.name(), power == null ? 0 : power.clockTree().buffers(),
                power == null ? -1 : power.clockTree().powerW() * 1e3, synthSeconds, staSeconds, simSeconds);
    }

    /**
     * Turns Yosys' netlist into the one that is timed and powered: constants onto tie cells, and
     * design-rule buffer trees on every net beyond the smallest buffer's reach.
     */
    static void tieAndBuffer(Netlist netlist, Liberty lib, CellRoles roles) {
        tieAndBuffer(netlist, lib, roles, 0);
    }

    /** As {@link #tieAndBuffer(Netlist, Liberty, CellRoles)}, every driver keeping {@code wireMarginFf} free for its wire. */
    static void tieAndBuffer(Netlist netlist, Liberty lib, CellRoles roles, double wireMarginFf) {
        CellRoles.Buffer drive = roles.buffers().get(0);
        double inputSlew = Double.isInfinite(lib.defaultMaxTransition()) ? 0.1 : lib.defaultMaxTransition() * 0.5;
        DesignRuleRepair repair = new DesignRuleRepair(roles,
                Liberty.maxLoad(drive.cell().pin(drive.out()), inputSlew, CellRoles.SLEW_FRACTION), SynthesisScript.outputLoadFf(roles), wireMarginFf);
        TieCells.apply(netlist, roles);
        repair.repair(netlist);
    }

    private void step(PpaDesign d, String what) {
        if (progress != null) progress.printf("ppa: %s: %s%n", d.name(), what);
    }

    private static final Pattern CHIP_AREA = Pattern.compile("Chip area for (?:top )?module '\\\\?[^']+':\\s+([0-9.eE+-]+)");

    private static double chipArea(String stat) {
        Matcher m = CHIP_AREA.matcher(stat);
        double last = Double.NaN;
        while (m.find()) last = Double.parseDouble(m.group(1));
        if (Double.isNaN(last)) throw new UserError("Yosys stat has no chip area");
        return last;
    }

    private static double bufferArea(Netlist n, Liberty lib, NetlistArea area) {
        double total = 0;
        for (Netlist.Module m : n.modules().values()) {
            double own = 0;
            for (Netlist.Cell c : m.cells()) {
                if (c.name().startsWith(DesignRuleRepair.BUFFER_PREFIX)) own += lib.cell(c.type()).area();
            }
            total += own * area.instances().getOrDefault(m.name(), 0L);
        }
        return total;
    }

    private static String staScript(PpaDesign d, Liberty lib, CellRoles roles, Path logicLib, Path netlist, Path sdc,
                                    List<String> gatePins, WireLoad wires) {
        StringBuilder s = new StringBuilder();
        s.append("# Generated by io.fineq.hwcost.ppa.PpaFlow: timing of ").append(d.name()).append(" in ").append(lib.name()).append(".\n");
        s.append("read_liberty ").append(tcl(logicLib)).append('\n');
        s.append("read_verilog ").append(tcl(netlist)).append('\n');
        s.append("link_design ").append(d.top()).append('\n');
        if (wires != null) {
            // Design Compiler's default without a layout: the library's default model, top mode (the
            // library has no wire_load_selection, so every level of the hierarchy gets the same model).
            s.append("set_wire_load_mode top\n");
            s.append("set_wire_load_model -name ").append(wires.name()).append('\n');
        }
        s.append("set FINEQ_DRIVING_CELL ").append(roles.buffers().get(0).cell().name()).append('\n');
        s.append(String.format(Locale.ROOT, "set FINEQ_OUTPUT_LOAD %.6g%n", SynthesisScript.outputLoadFf(roles) / lib.capUnitFf()));
        s.append("read_sdc ").append(tcl(sdc)).append('\n');
        s.append("# Clock-gate enables are timing endpoints like flip-flop inputs.\n");
        s.append("set fineq_gate_enables [list]\n");
        for (String pin : gatePins) s.append("lappend fineq_gate_enables [get_pins {").append(pin).append("}]\n");
        s.append("set fineq_endpoints [concat [all_registers -edge_triggered -data_pins] [all_outputs] $fineq_gate_enables]\n");
        s.append("puts \"@@setup\"\nreport_checks -path_delay max -to $fineq_endpoints -group_count 1 -format full -digits 4\n");
        s.append("puts \"@@latch\"\nreport_checks -path_delay max -to [all_registers -level_sensitive -data_pins] -group_count 1 -format end -digits 4\n");
        s.append("puts \"@@hold\"\nreport_checks -path_delay min -group_count 1 -format full -digits 4\n");
        s.append("puts \"@@wns\"\nreport_wns -digits 4\n");
        s.append("puts \"@@tns\"\nreport_tns -digits 4\n");
        s.append("puts \"@@slew\"\nreport_check_types -max_transition -all_violators -digits 4\n");
        s.append("puts \"@@end\"\n");
        return s.toString();
    }

    /**
     * Writes the activity annotations: every flip-flop and latch output gets the toggle rate its
     * RTL register bit had in simulation, every clock gate's output that of its gated clock,
     * every input port its own. Returns the fraction of sequential cells annotated.
     */
    /** Power over the simulated job: measured register, gated-clock and input activity, {@link PowerAnalysis}. */
    private static PowerAnalysis.Result power(Netlist n, Liberty lib, CellRoles roles, VerilogNetlistWriter w, NetlistArea area,
                                              PpaDesign d, SwitchingActivity a, int clockMhz, WireLoad wires) {
        Map<String, VerilogNetlistWriter.Sequential> seq = new HashMap<>();
        w.sequentials().forEach((module, list) -> list.forEach(q -> seq.put(module + "/" + q.instance(), q)));
        CellRoles.ClockGate gate = roles.clockGate();
        Map<String, ClockDomains.Domain> domains = new HashMap<>();
        for (ClockDomains.Domain dom : ClockDomains.find(n, lib, gate.cell().name(), gate.out())) domains.put(dom.gate(), dom);
        FlatDesign flat = new FlatDesign(n, lib, d.categories(), d.topCategory());
        // Verilator counts toggles per RTL module: every parameterisation of it together.
        Map<String, Long> baseCount = new HashMap<>();
        area.instances().forEach((module, count) -> baseCount.merge(Netlist.baseName(module), count, Long::sum));
        // Variants of a parameterised module differ in width: a bit's average is over the instances that have it.
        Map<String, Map<String, Long>> bitCount = new HashMap<>();
        area.instances().forEach((module, count) -> {
            Netlist.Module m = n.module(module);
            if (m == null) return;
            Map<String, Long> bits = bitCount.computeIfAbsent(m.baseName(), k -> new HashMap<>());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Netlist.Port p : m.ports()) for (int i = 0; i < p.bits().length; i++) seen.add(m.bitName(p.name(), i));
            for (VerilogNetlistWriter.Sequential q : w.sequentials().getOrDefault(module, List.of())) seen.add(q.rtlName());
            for (String b : seen) bits.merge(b, count, Long::sum);
        });
        java.util.function.BiFunction<String, String, Long> instancesOf = (module, bit) ->
                bitCount.getOrDefault(module, Map.of()).getOrDefault(bit, baseCount.getOrDefault(module, 1L));
        PowerAnalysis.Result result = new PowerAnalysis(lib, clockMhz, SynthesisScript.outputLoadFf(roles)).withWireLoad(wires).withClockTree(roles.treeBuffer()).run(flat, new PowerAnalysis.Sources() {
            @Override
            public double sequential(FlatDesign.Cell c) {
                VerilogNetlistWriter.Sequential q = seq.get(c.module() + "/" + c.name());
                if (q == null) return -1;
                String bit = q.rtlName();
                return a.activity(c.baseModule(), bit, instancesOf.apply(c.baseModule(), bit));
            }

            @Override
            public double gatedClock(FlatDesign.Cell c) {
                ClockDomains.Domain dom = domains.get(c.path());
                if (dom == null || dom.clockModule() == null) return -1;
                return a.activity(dom.clockModule(), dom.clockSignal(), baseCount.getOrDefault(dom.clockModule(), 1L));
            }

            @Override
            public double input(String name) {
                return a.activity(n.top().baseName(), name, 1);
            }

            @Override
            public boolean isClock(String name) {
                return name.equals("clk_i");
            }

            @Override
            public double named(String module, String signal) {
                return a.activity(module, signal, instancesOf.apply(module, signal));
            }
        });
        return withAccessEnergy(result, a, clockMhz);
    }

    /**
     * Adds the memory macros' access energy over the job ({@link SwitchingActivity#accessPj}) as
     * internal power of its categories.
     */
    static PowerAnalysis.Result withAccessEnergy(PowerAnalysis.Result p, SwitchingActivity a, int clockMhz) {
        if (a.accessPj().isEmpty()) return p;
        double seconds = a.cycles() / (clockMhz * 1e6);
        Map<String, Double> byCat = new LinkedHashMap<>(p.byCategoryW());
        double added = 0;
        for (Map.Entry<String, Double> e : a.accessPj().entrySet()) {
            double w = e.getValue() * 1e-12 / seconds;
            byCat.merge(e.getKey(), w, Double::sum);
            added += w;
        }
        return new PowerAnalysis.Result(p.totalW() + added, p.switchingW(), p.internalW() + added, p.leakageW(), byCat,
                p.unknownSequentialFraction(), p.measuredNets(), p.clockTree());
    }

    private static Map<String, Double> powerByCategory(PowerAnalysis.Result p) {
        Map<String, Double> mw = new LinkedHashMap<>();
        if (p != null) p.byCategoryW().forEach((k, v) -> mw.put(k, v * 1e3));
        return mw;
    }

    /** Enable pins of every clock-gate cell, as netlist paths. */
    private static void collectGates(Netlist n, Netlist.Module m, String path, CellRoles roles, List<String> out) {
        CellRoles.ClockGate icg = roles.clockGate();
        for (Netlist.Cell c : m.cells()) {
            Netlist.Module sub = n.module(c.type());
            if (sub != null) collectGates(n, sub, path + c.name() + "/", roles, out);
            else if (c.type().equals(icg.cell().name())) out.add(path + c.name() + "/" + icg.enable());
        }
    }

    /** Clock pins (flip-flop clocks, latch enables, clock-gate clock inputs) and clock-gate outputs. */
    private static boolean isClockPin(Netlist n, Liberty lib, CellRoles roles, String pinPath) {
        int slash = pinPath.lastIndexOf('/');
        if (slash < 0) return pinPath.equals("clk_i");
        Netlist.Cell c = n.cellAt(pinPath.substring(0, slash));
        if (c == null) return false;
        Liberty.Cell lc = lib.cell(c.type());
        if (lc == null) return false;
        Liberty.Pin p = lc.pin(pinPath.substring(slash + 1));
        if (p == null) return false;
        return DesignRuleRepair.isClockPin(lc, p) || (lc.kind() == Liberty.Kind.CLOCK_GATE && p.output());
    }

    private static String tcl(Path p) {
        return "{" + p.toAbsolutePath() + "}";
    }

    private static String sanitizeFile(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Netlist path -> RTL name: instances back to their RTL names, a register cell to its register bit. */
    static final class RtlNames {
        private final Netlist n;
        private final VerilogNetlistWriter w;

        RtlNames(Netlist n, VerilogNetlistWriter w) {
            this.n = n;
            this.w = w;
        }

        String rtl(String netlistPath) {
            if (netlistPath == null || netlistPath.isEmpty()) return "";
            String[] parts = netlistPath.split("/");
            Netlist.Module m = n.top();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                Netlist.Cell cell = null;
                for (Netlist.Cell c : m.cells()) if (c.name().equals(part)) cell = c;
                if (cell == null) {
                    out.add(part);
                    break;
                }
                Netlist.Module sub = n.module(cell.type());
                if (sub != null) {
                    String rtlName = part;
                    for (Map.Entry<String, String> e : w.instanceNames().getOrDefault(m.name(), Map.of()).entrySet()) {
                        if (e.getValue().equals(part)) rtlName = e.getKey();
                    }
                    out.add(rtlName);
                    m = sub;
                } else {
                    String reg = null;
                    for (VerilogNetlistWriter.Sequential q : w.sequentials().getOrDefault(m.name(), List.of())) {
                        if (q.instance().equals(part)) reg = q.rtlName();
                    }
                    out.add(reg != null ? reg : part + " (" + cell.type() + ")");
                    break;
                }
            }
            return String.join(".", out);
        }
    }
}
