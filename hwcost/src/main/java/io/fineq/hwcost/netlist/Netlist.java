package io.fineq.hwcost.netlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fineq.hwcost.UserError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hierarchical gate-level netlist as Yosys writes it with {@code write_json}: modules with
 * ports, cell instances (library cells or other modules) and net names. Nets are bit ids local to
 * a module; constants are the negative ids {@link #ZERO}, {@link #ONE} and {@link #UNDEF}.
 * Black-box modules (the library cells Yosys read with {@code read_liberty -lib}) are not kept.
 */
public final class Netlist {
    public static final int ZERO = -1;
    public static final int ONE = -2;
    public static final int UNDEF = -3;

    /** A module port: its bits, least significant first. */
    public record Port(String name, boolean input, int[] bits) { }

    /** A cell instance. {@code connections}: pin -> bits (least significant first). */
    public static final class Cell {
        private String name;
        private final String type;
        private final boolean publicName;
        private final Map<String, int[]> connections;

        public Cell(String name, String type, boolean publicName, Map<String, int[]> connections) {
            this.name = name;
            this.type = type;
            this.publicName = publicName;
            this.connections = connections;
        }

        public String name() {
            return name;
        }

        void rename(String n) {
            name = n;
        }

        public String type() {
            return type;
        }

        /** True when Yosys kept a name from the RTL (submodule instances), false for generated names. */
        public boolean publicName() {
            return publicName;
        }

        public Map<String, int[]> connections() {
            return connections;
        }
    }

    /** A module definition. */
    public static final class Module {
        private final String name;
        private final String baseName;
        private final List<Port> ports;
        private final List<Cell> cells;
        /** Public net names: name -> bits. */
        private final Map<String, int[]> netNames;
        /** Declared index range of a net name other than [width-1:0]: name -> {offset, upto}. */
        private final Map<String, int[]> ranges;
        private int nextBit;

        Module(String name, List<Port> ports, List<Cell> cells, Map<String, int[]> netNames, int nextBit) {
            this(name, ports, cells, netNames, Map.of(), nextBit);
        }

        Module(String name, List<Port> ports, List<Cell> cells, Map<String, int[]> netNames, Map<String, int[]> ranges, int nextBit) {
            this.name = name;
            this.baseName = Netlist.baseName(name);
            this.ports = ports;
            this.cells = cells;
            this.netNames = netNames;
            this.ranges = ranges;
            this.nextBit = nextBit;
        }

        /**
         * The RTL name of bit {@code i} (LSB first) of net {@code net}, with its declared index:
         * {@code sk_busy_q[3]} for bit 1 of {@code reg [7:2] sk_busy_q}; a one-bit net declared
         * without a range (or as [0:0]) is just its name.
         */
        public String bitName(String net, int i) {
            int width = netNames.containsKey(net) ? netNames.get(net).length : 1;
            int[] r = ranges.getOrDefault(net, new int[] {0, 0});
            if (width == 1 && r[0] == 0) return net;
            int index = r[1] == 1 ? r[0] + width - 1 - i : r[0] + i;
            return net + "[" + index + "]";
        }

        public String name() {
            return name;
        }

        /** The RTL module name without Yosys' parameter suffix ({@code mac_pe} for {@code mac_pe__SUM_W_13}). */
        public String baseName() {
            return baseName;
        }

        public List<Port> ports() {
            return ports;
        }

        public List<Cell> cells() {
            return cells;
        }

        public Map<String, int[]> netNames() {
            return netNames;
        }

        /** A fresh net id. */
        public int newNet() {
            return nextBit++;
        }

        public Port port(String portName) {
            for (Port p : ports) if (p.name().equals(portName)) return p;
            return null;
        }
    }

    private final Map<String, Module> modules;
    private final String top;

    public Netlist(Map<String, Module> modules, String top) {
        this.modules = modules;
        this.top = top;
    }

    public Map<String, Module> modules() {
        return modules;
    }

    public Module module(String name) {
        return modules.get(name);
    }

    public Module top() {
        return modules.get(top);
    }

    public String topName() {
        return top;
    }

    /**
     * The cell at a hierarchical instance path of the written netlist ({@code u_array/g_row_3__u_pe/g17}),
     * or null when the path does not name a cell.
     */
    public Cell cellAt(String path) {
        Module m = top();
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            Cell found = null;
            for (Cell c : m.cells()) {
                if (c.name().equals(parts[i])) {
                    found = c;
                    break;
                }
            }
            if (found == null) return null;
            if (i == parts.length - 1) return found;
            m = modules.get(found.type());
            if (m == null) return null;
        }
        return null;
    }

    /** Modules in bottom-up order (every module after the modules it instantiates). */
    public List<Module> bottomUp() {
        List<Module> out = new ArrayList<>();
        visit(top(), out, new java.util.HashSet<>());
        return out;
    }

    private void visit(Module m, List<Module> out, java.util.Set<String> seen) {
        if (!seen.add(m.name())) return;
        for (Cell c : m.cells()) {
            Module sub = modules.get(c.type());
            if (sub != null) visit(sub, out, seen);
        }
        out.add(m);
    }

    /**
     * A plain identifier for a Yosys module name: {@code $paramod\mac_pe\ACT_W=s32'...1000\SUM_W=s32'...1101}
     * becomes {@code mac_pe__ACT_W_8__SUM_W_13}; other names stay as they are.
     */
    public static String cleanName(String yosys) {
        if (!yosys.startsWith("$paramod")) return yosys;
        String[] parts = yosys.split("\\\\");
        if (parts.length < 2) return yosys.replaceAll("[^A-Za-z0-9_]", "_");
        StringBuilder sb = new StringBuilder(parts[1]);
        // Long parameter lists are hashed by Yosys ($paramod$<sha1>\mac_pe): keep a short hash to tell them apart.
        if (parts[0].startsWith("$paramod$")) sb.append("__p").append(parts[0].substring("$paramod$".length(), Math.min(parts[0].length(), "$paramod$".length() + 8)));
        for (int i = 2; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            sb.append("__").append(kv[0].replaceAll("[^A-Za-z0-9_]", "_"));
            if (kv.length == 2) {
                String v = kv[1];
                int q = v.indexOf('\'');
                if (q >= 0 && v.length() > q + 1 && v.substring(q + 1).matches("[01]+")) {
                    sb.append('_').append(new java.math.BigInteger(v.substring(q + 1), 2));
                } else {
                    sb.append('_').append(v.replaceAll("[^A-Za-z0-9_]", "_"));
                }
            }
        }
        return sb.toString();
    }

    /** The RTL module a (clean) module name was made from: the part before the first "__". */
    public static String baseName(String clean) {
        int i = clean.indexOf("__");
        return i < 0 ? clean : clean.substring(0, i);
    }

    /** Reads Yosys JSON; {@code top} names the top module. */
    public static Netlist readYosysJson(Path file, String top) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode mods = root.get("modules");
        if (mods == null) throw new UserError(file + ": not a Yosys JSON netlist (no \"modules\")");
        Map<String, Module> modules = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = mods.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            JsonNode attrs = m.get("attributes");
            if (attrs != null && (attrs.has("blackbox") || attrs.has("whitebox"))) continue;
            int max = 1;
            List<Port> ports = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> pi = m.get("ports").fields(); pi.hasNext(); ) {
                Map.Entry<String, JsonNode> p = pi.next();
                int[] bits = bits(p.getValue().get("bits"));
                for (int b : bits) max = Math.max(max, b);
                String dir = p.getValue().get("direction").asText();
                if (dir.equals("inout")) throw new UserError(file + ": module " + e.getKey() + " has inout port " + p.getKey() + " (not supported)");
                ports.add(new Port(p.getKey(), dir.equals("input"), bits));
            }
            List<Cell> cells = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> ci = m.get("cells").fields(); ci.hasNext(); ) {
                Map.Entry<String, JsonNode> c = ci.next();
                Map<String, int[]> conns = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> pi = c.getValue().get("connections").fields(); pi.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = pi.next();
                    int[] bits = bits(p.getValue());
                    for (int b : bits) max = Math.max(max, b);
                    conns.put(p.getKey(), bits);
                }
                boolean hidden = c.getValue().path("hide_name").asInt(0) == 1;
                cells.add(new Cell(c.getKey(), cleanName(c.getValue().get("type").asText()), !hidden, conns));
            }
            Map<String, int[]> names = new LinkedHashMap<>();
            Map<String, int[]> ranges = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> ni = m.get("netnames").fields(); ni.hasNext(); ) {
                Map.Entry<String, JsonNode> n = ni.next();
                if (n.getValue().path("hide_name").asInt(0) == 1) continue;
                int[] bits = bits(n.getValue().get("bits"));
                for (int b : bits) max = Math.max(max, b);
                names.put(n.getKey(), bits);
                int offset = n.getValue().path("offset").asInt(0);
                int upto = n.getValue().path("upto").asInt(0);
                if (offset != 0 || upto != 0) ranges.put(n.getKey(), new int[] {offset, upto});
            }
            modules.put(cleanName(e.getKey()), new Module(cleanName(e.getKey()), ports, cells, names, ranges, max + 1));
        }
        if (!modules.containsKey(top)) throw new UserError(file + ": no module '" + top + "' in the netlist");
        return new Netlist(modules, top);
    }

    private static int[] bits(JsonNode arr) {
        int[] out = new int[arr.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode b = arr.get(i);
            if (b.isInt()) {
                out[i] = b.asInt();
            } else {
                out[i] = switch (b.asText()) {
                    case "0" -> ZERO;
                    case "1" -> ONE;
                    default -> UNDEF;
                };
            }
        }
        return out;
    }
}
