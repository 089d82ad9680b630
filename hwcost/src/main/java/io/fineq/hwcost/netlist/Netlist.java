package io.fineq.hwcost.netlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fineq.hwcost.UserError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
        private final List<Port> ports;
        private final List<Cell> cells;
        /** Public net names: name -> bits. */
        private final Map<String, int[]> netNames;
        private int nextBit;

        Module(String name, List<Port> ports, List<Cell> cells, Map<String, int[]> netNames, int nextBit) {
            this.name = name;
            this.ports = ports;
            this.cells = cells;
            this.netNames = netNames;
            this.nextBit = nextBit;
        }

        public String name() {
            return name;
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
                cells.add(new Cell(c.getKey(), c.getValue().get("type").asText(), !hidden, conns));
            }
            Map<String, int[]> names = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> ni = m.get("netnames").fields(); ni.hasNext(); ) {
                Map.Entry<String, JsonNode> n = ni.next();
                if (n.getValue().path("hide_name").asInt(0) == 1) continue;
                int[] bits = bits(n.getValue().get("bits"));
                for (int b : bits) max = Math.max(max, b);
                names.put(n.getKey(), bits);
            }
            modules.put(e.getKey(), new Module(e.getKey(), ports, cells, names, max + 1));
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
