package io.fineq.hwcost.area;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of Yosys {@code stat -liberty} on a hierarchical netlist: per module its own cell
 * counts (library cells and submodule instances alike) and its own area (library cells only).
 */
public final class YosysStat {

    /** One module's section of the stat output. */
    public record Module(String name, Map<String, Long> cells, double ownArea) {
        public Module {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    private final Map<String, Module> modules;
    private final String top;
    private final double topArea;

    public YosysStat(Map<String, Module> modules, String top, double topArea) {
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        this.top = top;
        this.topArea = topArea;
    }

    /**
     * Parses the text of {@code stat -liberty <lib> -top <top>} (Yosys 0.23 format): sections
     * {@code === name ===} with cell lines and {@code Chip area for module 'name': A}, and the
     * hierarchy total {@code Chip area for top module 'name': A}.
     */
    public static YosysStat parse(String text) {
        Map<String, Module> modules = new LinkedHashMap<>();
        String current = null;
        Map<String, Long> cells = new LinkedHashMap<>();
        boolean inCells = false;
        String top = null;
        double topArea = Double.NaN;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("=== ") && line.endsWith(" ===")) {
                // A module without library cells of its own gets no 'Chip area' line: area 0.
                if (current != null) modules.put(current, new Module(current, cells, 0.0));
                String name = unescape(line.substring(4, line.length() - 4).strip());
                current = name.equals("design hierarchy") ? null : name;
                cells = new LinkedHashMap<>();
                inCells = false;
                continue;
            }
            if (line.startsWith("Chip area for top module ")) {
                if (current != null) modules.put(current, new Module(current, cells, 0.0));
                current = null;
                top = unescape(quoted(line));
                topArea = number(line);
                continue;
            }
            if (line.startsWith("Chip area for module ") && current != null) {
                modules.put(current, new Module(current, cells, number(line)));
                current = null;
                continue;
            }
            if (current == null) continue;
            if (line.startsWith("Number of cells:")) {
                inCells = true;
                continue;
            }
            if (inCells) {
                if (line.isEmpty() || line.startsWith("Area for cell type")) {
                    if (line.isEmpty()) inCells = false;
                    continue;
                }
                int sp = line.lastIndexOf(' ');
                if (sp < 0) continue;
                String type = unescape(line.substring(0, sp).strip());
                long n = Long.parseLong(line.substring(sp + 1).strip());
                cells.put(type, n);
            }
        }
        if (current != null) modules.put(current, new Module(current, cells, 0.0));
        if (modules.isEmpty()) throw new IllegalArgumentException("no '=== module ===' sections in the Yosys stat output");
        return new YosysStat(modules, top, topArea);
    }

    /** Yosys prints public names with a leading backslash. */
    static String unescape(String name) {
        return name.startsWith("\\") ? name.substring(1) : name;
    }

    private static String quoted(String line) {
        int a = line.indexOf('\''), b = line.lastIndexOf('\'');
        return line.substring(a + 1, b);
    }

    private static double number(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).strip());
    }

    public Map<String, Module> modules() {
        return modules;
    }

    /** The top module named by the hierarchy total, or null when stat ran without -top. */
    public String top() {
        return top;
    }

    /** Yosys' own hierarchy total (NaN without -top); {@link HierarchyArea} recomputes it. */
    public double topArea() {
        return topArea;
    }

    /**
     * The base name of a (possibly parameterised) module: {@code $paramod$hash\mac_pe} and
     * {@code $paramod\mac_wskew\DELAY=...} give {@code mac_pe} and {@code mac_wskew}.
     */
    public static String baseName(String module) {
        String m = unescape(module);
        if (!m.startsWith("$paramod")) return m;
        int a = m.indexOf('\\');
        if (a < 0) return m;
        int b = m.indexOf('\\', a + 1);
        return b < 0 ? m.substring(a + 1) : m.substring(a + 1, b);
    }
}
