package io.fineq.hwcost.area;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Area of a hierarchical design by category: every module instance counts its own library cells
 * once per instance; a module's category is given by {@code categoryOf(baseName)} or, when that
 * returns null, inherited from its parent.
 */
public final class HierarchyArea {
    private final Map<String, Double> byCategory = new LinkedHashMap<>();
    private final Map<String, Long> instances = new TreeMap<>();
    private final Map<String, Long> libraryCells = new TreeMap<>();
    private double total;

    public HierarchyArea(YosysStat stat, String top, Function<String, String> categoryOf, String topCategory) {
        if (!stat.modules().containsKey(top)) throw new IllegalArgumentException("module '" + top + "' not in the stat output");
        record Visit(String module, long count, String category) { }
        Deque<Visit> todo = new ArrayDeque<>();
        String c0 = categoryOf.apply(YosysStat.baseName(top));
        todo.push(new Visit(top, 1, c0 != null ? c0 : topCategory));
        while (!todo.isEmpty()) {
            Visit v = todo.pop();
            YosysStat.Module m = stat.modules().get(v.module());
            instances.merge(YosysStat.baseName(v.module()), v.count(), Long::sum);
            byCategory.merge(v.category(), v.count() * m.ownArea(), Double::sum);
            total += v.count() * m.ownArea();
            for (Map.Entry<String, Long> cell : m.cells().entrySet()) {
                if (stat.modules().containsKey(cell.getKey())) {
                    String cat = categoryOf.apply(YosysStat.baseName(cell.getKey()));
                    todo.push(new Visit(cell.getKey(), v.count() * cell.getValue(), cat != null ? cat : v.category()));
                } else {
                    libraryCells.merge(cell.getKey(), v.count() * cell.getValue(), Long::sum);
                }
            }
        }
    }

    /** Area per category, in the library's area unit, in first-visit order. */
    public Map<String, Double> byCategory() {
        return byCategory;
    }

    public double total() {
        return total;
    }

    /** Instances per module base name over the whole hierarchy. */
    public Map<String, Long> instances() {
        return instances;
    }

    /** Library cell counts over the whole hierarchy (flattened). */
    public Map<String, Long> libraryCells() {
        return libraryCells;
    }

    public double category(String name) {
        return byCategory.getOrDefault(name, 0.0);
    }
}
