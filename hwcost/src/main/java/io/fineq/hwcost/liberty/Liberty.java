package io.fineq.hwcost.liberty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The parts of a Liberty library the PPA flow needs, in fixed units: time in ns, capacitance in
 * fF, area in the library's own unit (um^2 for real libraries). Cells keep their pins (direction,
 * capacitance, function, design-rule limits, clock-gating roles) and the output transition tables
 * from which {@link #maxLoad} is computed.
 */
public final class Liberty {

    /** An NLDM table: values[i][j] at index1[i], index2[j]; {@code capFirst} when index_1 is the load. */
    public record Table(double[] index1, double[] index2, double[][] values, boolean capFirst) {
        /** Bilinear interpolation (linear extrapolation outside the grid) at input slew {@code slew} and load {@code cap}. */
        public double at(double slew, double cap) {
            double x = capFirst ? cap : slew;
            double y = capFirst ? slew : cap;
            if (index2.length == 0) return interp(index1, values[0].length == 1 ? column(values) : values[0], x);
            int i = segment(index1, x);
            int j = segment(index2, y);
            double v00 = values[i][j];
            double v01 = values[i][Math.min(j + 1, index2.length - 1)];
            double v10 = values[Math.min(i + 1, index1.length - 1)][j];
            double v11 = values[Math.min(i + 1, index1.length - 1)][Math.min(j + 1, index2.length - 1)];
            double tx = frac(index1, i, x);
            double ty = frac(index2, j, y);
            double a = v00 + (v01 - v00) * ty;
            double b = v10 + (v11 - v10) * ty;
            return a + (b - a) * tx;
        }

        private static double[] column(double[][] v) {
            double[] c = new double[v.length];
            for (int i = 0; i < v.length; i++) c[i] = v[i][0];
            return c;
        }

        private static double interp(double[] idx, double[] v, double x) {
            int i = segment(idx, x);
            if (idx.length == 1) return v[0];
            return v[i] + (v[i + 1] - v[i]) * frac(idx, i, x);
        }

        private static int segment(double[] idx, double x) {
            if (idx.length < 2) return 0;
            int i = 0;
            while (i < idx.length - 2 && x > idx[i + 1]) i++;
            return i;
        }

        private static double frac(double[] idx, int i, double x) {
            if (idx.length < 2 || i + 1 >= idx.length) return 0;
            return (x - idx[i]) / (idx[i + 1] - idx[i]);
        }
    }

    /** One output timing arc's transition tables. */
    public record Arc(String relatedPin, Table riseTransition, Table fallTransition) { }

    /**
     * @param capacitance  input capacitance in fF (0 for outputs)
     * @param function     combinational function of an output, or null
     * @param maxCap       max_capacitance in fF, or +infinity
     * @param maxTransition max_transition in ns (pin, else the library default), or +infinity
     */
    public record Pin(String name, String direction, double capacitance, String function, double maxCap,
                      double maxTransition, boolean clock, boolean gateEnable, boolean gateTest, boolean gateClock,
                      boolean gateOut, List<Arc> arcs) {
        public boolean input() {
            return direction.equals("input");
        }

        public boolean output() {
            return direction.equals("output");
        }
    }

    /** {@code MACRO}: a hard macro ({@code is_macro_cell : true}), e.g. a memory, timed by its arcs, powered by its pins. */
    public enum Kind { COMBINATIONAL, FLIP_FLOP, LATCH, CLOCK_GATE, MACRO, OTHER }

    /**
     * @param latchEnable the latch's enable expression (e.g. {@code G}), or null
     * @param latchData   the latch's data expression, or null
     * @param gating      clock_gating_integrated_cell value, or null
     */
    /**
     * One internal_power group: energy per transition of {@code pin} (in fJ), caused by
     * {@code relatedPin} (null for an input pin's own power), under condition {@code when} (null: always).
     */
    public record PowerGroup(String pin, String relatedPin, String when, Table rise, Table fall) { }

    /**
     * @param dontUse the library forbids it in logic synthesis (dont_use)
     * @param special a power-management cell (isolation, level shifter, always-on, retention, switch)
     * @param leakageW average leakage power in W (cell_leakage_power, else the mean of its leakage_power states)
     */
    public record Cell(String name, double area, Kind kind, Map<String, Pin> pins, String latchEnable, String latchData,
                       String gating, boolean dontUse, boolean special, int start, int end, List<PowerGroup> power,
                       double leakageW) {
        /** Fit for mapping logic onto: neither dont_use nor a power-management cell. */
        public boolean forLogic() {
            return !dontUse && !special;
        }

        public List<Pin> inputs() {
            return pins.values().stream().filter(Pin::input).toList();
        }

        public List<Pin> outputs() {
            return pins.values().stream().filter(Pin::output).toList();
        }

        public Pin pin(String n) {
            return pins.get(n);
        }
    }

    private final String name;
    private final Path path;
    private final String text;
    private double capUnitFf = 1;
    private double timeUnitNs = 1;
    private double leakageUnitW = 1e-9;
    private double voltage = 1;
    private Map<String, WireLoad> wireLoads = Map.of();
    private WireLoad defaultWireLoad;
    private final Map<String, Cell> cells;
    private final double defaultMaxTransition;

    private Liberty(String name, Path path, String text, Map<String, Cell> cells, double defaultMaxTransition) {
        this.name = name;
        this.path = path;
        this.text = text;
        this.cells = cells;
        this.defaultMaxTransition = defaultMaxTransition;
    }

    /** Reads a .lib or .lib.gz file; a file that is not a Liberty library is a one-line {@link LibertyException}. */
    public static Liberty read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new LibertyException("liberty: cannot read '" + file + "' (expected a readable Liberty .lib or .lib.gz file)");
        }
        String text;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.util.zip.ZipException e) {
            throw new LibertyException("liberty: '" + file + "' is not a gzip file (" + e.getMessage() + ")");
        }
        return of(text, file);
    }

    /** Builds the model from Liberty text ({@code source} names it in messages). */
    public static Liberty of(String text, Path source) {
        LibertyGroup lib = LibertyParser.parse(text, source.toString());
        if (!lib.type().equals("library")) {
            throw new LibertyException("liberty: '" + source + "' does not start with a library group (found '" + lib.type() + "')");
        }
        double timeNs = timeUnitNs(lib.attr("time_unit", "1ns"), source);
        double capFf = capUnitFf(lib, source);
        double defaultMaxTr = lib.number("default_max_transition", Double.POSITIVE_INFINITY) * timeNs;
        Map<String, LibertyGroup> templates = new LinkedHashMap<>();
        for (LibertyGroup g : lib.groups()) {
            if (g.type().endsWith("_template")) templates.put(g.name(), g);
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (LibertyGroup c : lib.groups("cell")) {
            cells.put(c.name(), cell(c, templates, timeNs, capFf, defaultMaxTr, leakageUnitW(lib, source)));
        }
        if (cells.isEmpty()) throw new LibertyException("liberty: '" + source + "' has no cells");
        Liberty l = new Liberty(lib.name(), source, text, Collections.unmodifiableMap(cells), defaultMaxTr);
        l.voltage = voltage(lib);
        l.capUnitFf = capFf;
        l.timeUnitNs = timeNs;
        l.leakageUnitW = leakageUnitW(lib, source);
        Map<String, WireLoad> wl = new LinkedHashMap<>();
        for (LibertyGroup g : lib.groups("wire_load")) wl.put(g.name(), WireLoad.of(g, capFf));
        l.wireLoads = Collections.unmodifiableMap(wl);
        String def = lib.attr("default_wire_load", "").replace("\"", "").trim();
        if (!def.isEmpty() && !wl.containsKey(def))
            throw new LibertyException("liberty: '" + source + "': default_wire_load '" + def + "' names no wire_load group");
        l.defaultWireLoad = def.isEmpty() ? null : wl.get(def);
        return l;
    }

    private static Cell cell(LibertyGroup c, Map<String, LibertyGroup> templates, double timeNs, double capFf, double defaultMaxTr,
                             double leakW) {
        Map<String, Pin> pins = new LinkedHashMap<>();
        List<PowerGroup> power = new ArrayList<>();
        List<LibertyGroup> pinGroups = new ArrayList<>(c.groups("pin"));
        for (LibertyGroup bus : c.groups("bus")) pinGroups.addAll(bus.groups("pin"));
        for (LibertyGroup p : pinGroups) {
            List<Arc> arcs = new ArrayList<>();
            for (LibertyGroup t : p.groups("timing")) {
                Table rise = table(t, "rise_transition", templates, timeNs, capFf);
                Table fall = table(t, "fall_transition", templates, timeNs, capFf);
                if (rise != null || fall != null) arcs.add(new Arc(t.attr("related_pin", ""), rise, fall));
            }
            for (LibertyGroup ip : p.groups("internal_power")) {
                // Internal energy tables are in capacitance unit x voltage^2: fF x V^2 = fJ after scaling.
                Table rise = powerTable(ip, "rise_power", templates, timeNs, capFf);
                Table fall = powerTable(ip, "fall_power", templates, timeNs, capFf);
                if (rise == null && fall == null) {
                    Table both = powerTable(ip, "power", templates, timeNs, capFf);
                    rise = both;
                    fall = both;
                }
                if (rise == null && fall == null) continue;
                String related = ip.attr("related_pin");
                for (String pinName : p.args()) {
                    power.add(new PowerGroup(pinName, related == null ? null : related.trim(), ip.attr("when"), rise, fall));
                }
            }
            String dir = p.attr("direction", "");
            String fn = p.attr("function");
            if (fn == null) fn = p.attr("state_function");
            for (String pinName : p.args()) {
                pins.put(pinName, new Pin(pinName, dir, p.number("capacitance", 0) * capFf, fn,
                        p.number("max_capacitance", Double.POSITIVE_INFINITY) * capFf,
                        p.number("max_transition", defaultMaxTr / timeNs) * timeNs,
                        "true".equals(p.attr("clock")), "true".equals(p.attr("clock_gate_enable_pin")),
                        "true".equals(p.attr("clock_gate_test_pin")), "true".equals(p.attr("clock_gate_clock_pin")),
                        "true".equals(p.attr("clock_gate_out_pin")), List.copyOf(arcs)));
            }
        }
        String gating = c.attr("clock_gating_integrated_cell");
        Kind kind;
        String latchEnable = null;
        String latchData = null;
        if ("true".equals(c.attr("is_macro_cell"))) {
            kind = Kind.MACRO;
        } else if (gating != null) {
            kind = Kind.CLOCK_GATE;
        } else if (!c.groups("ff").isEmpty()) {
            kind = Kind.FLIP_FLOP;
        } else if (!c.groups("latch").isEmpty()) {
            kind = Kind.LATCH;
            LibertyGroup l = c.groups("latch").get(0);
            latchEnable = l.attr("enable");
            latchData = l.attr("data_in");
        } else if (!c.groups("statetable").isEmpty()) {
            kind = Kind.OTHER;
        } else {
            kind = Kind.COMBINATIONAL;
        }
        // Power-management cells (isolation, level shifters, always-on, retention, switches) and dont_use
        // cells are not for general logic: the flow neither maps onto them nor lets ABC use them.
        boolean special = "true".equals(c.attr("is_isolation_cell"))
                || "true".equals(c.attr("is_level_shifter")) || "true".equals(c.attr("always_on"))
                || c.attr("retention_cell") != null || c.attr("switch_cell_type") != null;
        double leakage = c.number("cell_leakage_power", Double.NaN);
        if (Double.isNaN(leakage)) {
            List<LibertyGroup> states = c.groups("leakage_power");
            double sum = 0;
            for (LibertyGroup lg : states) sum += lg.number("value", 0);
            leakage = states.isEmpty() ? 0 : sum / states.size();
        }
        return new Cell(c.name(), c.number("area", 0), kind, Collections.unmodifiableMap(pins), latchEnable, latchData,
                gating, "true".equals(c.attr("dont_use")), special, c.start(), c.end(), List.copyOf(power), leakage * leakW);
    }

    private static Table table(LibertyGroup timing, String kind, Map<String, LibertyGroup> templates, double timeNs, double capFf) {
        List<LibertyGroup> gs = timing.groups(kind);
        if (gs.isEmpty()) return null;
        LibertyGroup g = gs.get(0);
        LibertyGroup tmpl = templates.get(g.name());
        String v1 = attrOf(g, tmpl, "variable_1");
        String v2 = attrOf(g, tmpl, "variable_2");
        double[] i1 = numbers(indexOf(g, tmpl, "index_1"));
        double[] i2 = numbers(indexOf(g, tmpl, "index_2"));
        List<List<String>> rows = g.complex("values");
        if (rows.isEmpty() || i1.length == 0) return null;
        List<String> raw = rows.get(0);
        double[][] values = new double[raw.size()][];
        for (int r = 0; r < raw.size(); r++) values[r] = numbers(List.of(raw.get(r)));
        if (values.length == 1 && i2.length > 0 && values[0].length == i1.length * i2.length) {
            double[][] reshaped = new double[i1.length][i2.length];
            for (int a = 0; a < i1.length; a++) System.arraycopy(values[0], a * i2.length, reshaped[a], 0, i2.length);
            values = reshaped;
        }
        boolean capFirst = v1 != null && v1.contains("capacitance");
        double s1 = capFirst ? capFf : timeNs;
        double s2 = capFirst ? timeNs : capFf;
        if (v2 == null) s2 = 1;
        for (int a = 0; a < i1.length; a++) i1[a] *= s1;
        for (int b = 0; b < i2.length; b++) i2[b] *= s2;
        for (double[] row : values) for (int b = 0; b < row.length; b++) row[b] *= timeNs;
        return new Table(i1, i2, values, capFirst);
    }

    /** An internal power table: index scaling as for timing tables, values scaled from cap unit x V^2 to fJ. */
    private static Table powerTable(LibertyGroup group, String kind, Map<String, LibertyGroup> templates, double timeNs, double capFf) {
        Table t = table(group, kind, templates, timeNs, capFf);
        if (t == null) return null;
        double[][] v = t.values();
        for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] = row[j] / timeNs * capFf;
        return t;
    }

    private static double leakageUnitW(LibertyGroup lib, Path source) {
        String u = lib.attr("leakage_power_unit", "1nW").trim().toLowerCase(Locale.ROOT);
        double scale;
        if (u.endsWith("nw")) scale = 1e-9;
        else if (u.endsWith("pw")) scale = 1e-12;
        else if (u.endsWith("uw")) scale = 1e-6;
        else if (u.endsWith("mw")) scale = 1e-3;
        else if (u.endsWith("fw")) scale = 1e-15;
        else throw new LibertyException("liberty: '" + source + "': unsupported leakage_power_unit '" + u + "'");
        String num = u.substring(0, u.length() - 2).trim();
        return (num.isEmpty() ? 1 : Double.parseDouble(num)) * scale;
    }

    /** The supply voltage: nom_voltage, else the VDD (or first non-zero) voltage_map entry. */
    private static double voltage(LibertyGroup lib) {
        double v = lib.number("nom_voltage", Double.NaN);
        if (!Double.isNaN(v) && v > 0) return v;
        for (List<String> vm : lib.complex("voltage_map")) {
            if (vm.size() >= 2) {
                double x = Double.parseDouble(vm.get(1).trim());
                if (x > 0) return x;
            }
        }
        for (LibertyGroup oc : lib.groups("operating_conditions")) {
            double x = oc.number("voltage", Double.NaN);
            if (x > 0) return x;
        }
        return 1.0;
    }

    private static String attrOf(LibertyGroup g, LibertyGroup tmpl, String name) {
        String v = g.attr(name);
        return v != null ? v : tmpl == null ? null : tmpl.attr(name);
    }

    private static List<String> indexOf(LibertyGroup g, LibertyGroup tmpl, String name) {
        List<List<String>> v = g.complex(name);
        if (!v.isEmpty()) return v.get(0);
        if (tmpl != null && !tmpl.complex(name).isEmpty()) return tmpl.complex(name).get(0);
        return List.of();
    }

    private static double[] numbers(List<String> parts) {
        List<Double> out = new ArrayList<>();
        for (String p : parts) {
            for (String tok : p.split("[,\\s]+")) {
                if (!tok.isBlank()) out.add(Double.parseDouble(tok.trim()));
            }
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    static double timeUnitNs(String unit, Path source) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        double scale;
        String num;
        if (u.endsWith("ns")) {
            scale = 1;
            num = u.substring(0, u.length() - 2);
        } else if (u.endsWith("ps")) {
            scale = 1e-3;
            num = u.substring(0, u.length() - 2);
        } else if (u.endsWith("us")) {
            scale = 1e3;
            num = u.substring(0, u.length() - 2);
        } else {
            throw new LibertyException("liberty: '" + source + "': unsupported time_unit '" + unit + "' (ns, ps or us)");
        }
        return (num.isBlank() ? 1 : Double.parseDouble(num.trim())) * scale;
    }

    private static double capUnitFf(LibertyGroup lib, Path source) {
        List<List<String>> c = lib.complex("capacitive_load_unit");
        if (c.isEmpty()) return 1;
        List<String> v = c.get(0);
        if (v.size() < 2) throw new LibertyException("liberty: '" + source + "': capacitive_load_unit needs a value and a unit");
        double value = Double.parseDouble(v.get(0).trim());
        String unit = v.get(1).trim().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "ff" -> value;
            case "pf" -> value * 1e3;
            default -> throw new LibertyException("liberty: '" + source + "': unsupported capacitive_load_unit '" + unit + "' (ff or pf)");
        };
    }

    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    public Map<String, Cell> cells() {
        return cells;
    }

    public Cell cell(String cellName) {
        return cells.get(cellName);
    }

    public double defaultMaxTransition() {
        return defaultMaxTransition;
    }

    /** The library's {@code default_wire_load} model, the one a Design Compiler user gets without a layout; null when it has none. */
    public WireLoad defaultWireLoad() {
        return defaultWireLoad;
    }

    public Map<String, WireLoad> wireLoads() {
        return wireLoads;
    }

    /**
     * The library text OpenSTA reads when the flow charges wires: every cell, the wire-load
     * defaults left in (the STA script also selects the model and mode explicitly).
     */
    public String textForAnalysisWithWires() {
        return text;
    }

    /** Supply voltage in V (nom_voltage or voltage_map). */
    public double voltage() {
        return voltage;
    }

    /** ns per time unit of the file. */
    public double timeUnitNs() {
        return timeUnitNs;
    }

    /** W per leakage-power unit of the file. */
    public double leakageUnitW() {
        return leakageUnitW;
    }

    /**
     * This library with {@code groups} (Liberty groups in this library's units: templates, cells)
     * added at its end, e.g. the memory macros of a design ({@code io.fineq.hwcost.sram.SramLibrary}).
     */
    public Liberty withGroups(String groups, Path source) {
        int end = text.lastIndexOf('}');
        if (end < 0) throw new LibertyException("liberty: '" + path + "' has no closing brace");
        return of(text.substring(0, end) + groups + text.substring(end), source);
    }

    /** fF per capacitance unit of the file (1 for fF, 1000 for pF): SDC and ABC loads are in file units. */
    public double capUnitFf() {
        return capUnitFf;
    }

    /**
     * The library text Yosys and ABC map onto: without the cells that are not for general logic
     * ({@link Cell#forLogic}), since Yosys 0.23 has no dont_use option, and without the default
     * wire-load model ({@link #textForAnalysis}).
     */
    public String textForLogicMapping() {
        return withoutWireLoads(without(c -> !c.forLogic()));
    }

    /**
     * The library text OpenSTA reads: every cell (tie cells are dont_use in some libraries yet
     * placed by the flow), without the default wire-load model, since the flow counts cell
     * capacitances only (no wires, like no placement).
     */
    public String textForAnalysis() {
        return withoutWireLoads(text);
    }

    private String without(java.util.function.Predicate<Cell> drop) {
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Cell c : cells.values()) {
            if (!drop.test(c)) continue;
            sb.append(text, at, c.start());
            sb.append("/* ").append(c.name().replace("*/", "")).append(": not for logic mapping */");
            at = c.end();
        }
        sb.append(text, at, text.length());
        return sb.toString();
    }

    private static String withoutWireLoads(String libText) {
        return WIRE_LOAD_DEFAULTS.matcher(libText).replaceAll("/* $1: not used (cell capacitances only) */");
    }

    private static final java.util.regex.Pattern WIRE_LOAD_DEFAULTS =
            java.util.regex.Pattern.compile("(default_wire_load(?:_mode|_selection)?\\s*:[^;\\n]*;?)");

    /**
     * The largest load (fF) an output pin may drive while its output transition stays within
     * {@code fraction} of its max_transition (input transition {@code inputSlewNs}) and its load
     * within max_capacitance: the budget a buffer tree is built to.
     */
    public static double maxLoad(Pin out, double inputSlewNs, double fraction) {
        double limit = Math.min(out.maxCap(), 10_000);
        double trLimit = out.maxTransition() * fraction;
        if (out.arcs().isEmpty() || Double.isInfinite(trLimit)) return limit;
        double lo = 0;
        double hi = limit;
        if (worstTransition(out, inputSlewNs, hi) <= trLimit) return hi;
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            if (worstTransition(out, inputSlewNs, mid) <= trLimit) lo = mid; else hi = mid;
        }
        return lo;
    }

    /** The slowest output transition over the pin's arcs at one input slew and load. */
    public static double worstTransition(Pin out, double inputSlewNs, double capFf) {
        double worst = 0;
        for (Arc a : out.arcs()) {
            if (a.riseTransition() != null) worst = Math.max(worst, a.riseTransition().at(inputSlewNs, capFf));
            if (a.fallTransition() != null) worst = Math.max(worst, a.fallTransition().at(inputSlewNs, capFf));
        }
        return worst;
    }
}
