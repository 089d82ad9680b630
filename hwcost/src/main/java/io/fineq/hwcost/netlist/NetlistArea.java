package io.fineq.hwcost.netlist;

import io.fineq.hwcost.UserError;
import io.fineq.hwcost.liberty.Liberty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cell area of a hierarchical netlist by category: every module instance counts its own library
 * cells once per instance; a module's category is {@code categoryOf(module)} or, when that gives
 * null, its parent's. Areas are in the library's unit (um^2 for real libraries).
 */
public final class NetlistArea {
    private final Map<String, Double> byCategory = new LinkedHashMap<>();
    private final Map<String, Long> instances = new TreeMap<>();
    private final Map<String, Long> cellCounts = new TreeMap<>();
    private final Map<String, Double> moduleOwn = new TreeMap<>();
    private double total;

    public NetlistArea(Netlist n, Liberty lib, Function<String, String> categoryOf, String topCategory) {
        for (Netlist.Module m : n.modules().values()) {
            double own = 0;
            for (Netlist.Cell c : m.cells()) {
                Liberty.Cell lc = lib.cell(c.type());
                if (lc != null) own += lc.area();
                else if (n.module(c.type()) == null) throw new UserError("netlist cell " + c.name() + " in " + m.name() + " has unknown type " + c.type());
            }
            moduleOwn.put(m.name(), own);
        }
        String c0 = categoryOf.apply(n.top().baseName());
        walk(n, lib, n.top(), 1, c0 != null ? c0 : topCategory, categoryOf);
    }

    private void walk(Netlist n, Liberty lib, Netlist.Module m, long count, String category, Function<String, String> categoryOf) {
        instances.merge(m.name(), count, Long::sum);
        double own = moduleOwn.get(m.name()) * count;
        byCategory.merge(category, own, Double::sum);
        total += own;
        for (Netlist.Cell c : m.cells()) {
            Netlist.Module sub = n.module(c.type());
            if (sub != null) {
                String cat = categoryOf.apply(sub.baseName());
                walk(n, lib, sub, count, cat != null ? cat : category, categoryOf);
            } else {
                cellCounts.merge(c.type(), count, Long::sum);
            }
        }
    }

    public Map<String, Double> byCategory() {
        return byCategory;
    }

    public double category(String name) {
        return byCategory.getOrDefault(name, 0.0);
    }

    public double total() {
        return total;
    }

    /** Instances per module over the whole hierarchy. */
    public Map<String, Long> instances() {
        return instances;
    }

    /** Library cell instances over the whole hierarchy. */
    public Map<String, Long> cellCounts() {
        return cellCounts;
    }

    /** Area of one instance of each module, without its submodules. */
    public Map<String, Double> moduleOwnArea() {
        return moduleOwn;
    }
}
