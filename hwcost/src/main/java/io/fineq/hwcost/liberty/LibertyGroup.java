package io.fineq.hwcost.liberty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of a Liberty file ({@code type (args) { ... }}): its simple attributes
 * ({@code name : value;}), complex attributes ({@code name (v1, v2, ...);}) and sub-groups, in
 * file order. Values are kept as text with the quotes removed.
 */
public final class LibertyGroup {
    private final String type;
    private final List<String> args;
    private final Map<String, String> simple = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> complex = new LinkedHashMap<>();
    private final List<LibertyGroup> groups = new ArrayList<>();
    private int start;
    private int end;

    LibertyGroup(String type, List<String> args) {
        this.type = type;
        this.args = List.copyOf(args);
    }

    public String type() {
        return type;
    }

    public List<String> args() {
        return args;
    }

    /** The first argument (a cell's or pin's name), or "" when there is none. */
    public String name() {
        return args.isEmpty() ? "" : args.get(0);
    }

    public String attr(String name) {
        return simple.get(name);
    }

    public String attr(String name, String fallback) {
        return simple.getOrDefault(name, fallback);
    }

    /** A numeric simple attribute, or {@code fallback} when absent or not a number. */
    public double number(String name, double fallback) {
        String v = simple.get(name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Every occurrence of a complex attribute (e.g. {@code index_1}), each as its value list. */
    public List<List<String>> complex(String name) {
        return complex.getOrDefault(name, List.of());
    }

    public List<LibertyGroup> groups() {
        return Collections.unmodifiableList(groups);
    }

    public List<LibertyGroup> groups(String groupType) {
        return groups.stream().filter(g -> g.type.equals(groupType)).toList();
    }

    void putSimple(String name, String value) {
        simple.put(name, value);
    }

    void putComplex(String name, List<String> values) {
        complex.computeIfAbsent(name, k -> new ArrayList<>()).add(List.copyOf(values));
    }

    void add(LibertyGroup g) {
        groups.add(g);
    }

    void span(int from, int to) {
        start = from;
        end = to;
    }

    /** Offset of the group's first character (its type name) in the parsed text. */
    public int start() {
        return start;
    }

    /** Offset just after the group's closing brace. */
    public int end() {
        return end;
    }
}
