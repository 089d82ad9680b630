package io.fineq.hwcost.power;

import io.fineq.hwcost.liberty.Liberty;
import io.fineq.hwcost.netlist.Netlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A hierarchical netlist flattened into library-cell instances and nets, for power analysis:
 * every instance of every module becomes its own set of cells; a net crossing a module port is
 * one flat net. Each cell keeps its instance path, its module and its block category.
 */
public final class FlatDesign {

    /** A library cell instance; {@code nets[k]} is the flat net of pin {@code pins[k]} (-1 unconnected). */
    public record Cell(Liberty.Cell lib, String path, String module, String baseModule, String name, String category, String[] pins,
                       int[] nets) {
        public int net(String pin) {
            for (int k = 0; k < pins.length; k++) if (pins[k].equals(pin)) return nets[k];
            return -1;
        }
    }

    /** Constant nets: {@link #ZERO}, {@link #ONE}. */
    public static final int ZERO = 0;
    public static final int ONE = 1;

    private final List<Cell> cells = new ArrayList<>();
    /** RTL names of flat nets: {module, signal[bit]} pairs, one list per net that has any. */
    private final Map<Integer, List<String[]>> names = new HashMap<>();
    private final List<String> topInputs = new ArrayList<>();
    private final List<Integer> topInputNets = new ArrayList<>();
    private final List<Integer> topOutputNets = new ArrayList<>();
    private int nets = 2;

    /**
     * @param categoryOf block category of a module, or null to inherit the parent's
     */
    public FlatDesign(Netlist n, Liberty lib, Function<String, String> categoryOf, String topCategory) {
        Netlist.Module top = n.top();
        Map<Integer, Integer> map = new HashMap<>();
        for (Netlist.Port p : top.ports()) {
            for (int i = 0; i < p.bits().length; i++) {
                int flat = flat(map, p.bits()[i]);
                if (p.input()) {
                    topInputs.add(p.bits().length == 1 ? p.name() : p.name() + "[" + i + "]");
                    topInputNets.add(flat);
                } else {
                    topOutputNets.add(flat);
                }
            }
        }
        String c0 = categoryOf.apply(top.baseName());
        expand(n, lib, top, "", map, c0 != null ? c0 : topCategory, categoryOf);
        resolveAliases();
    }

    private int flat(Map<Integer, Integer> map, int bit) {
        if (bit == Netlist.ZERO || bit == Netlist.UNDEF) return ZERO;
        if (bit == Netlist.ONE) return ONE;
        return map.computeIfAbsent(bit, b -> nets++);
    }

    /**
     * Flat nets found to be one net: a module that connects two of its ports together (a feed-through,
     * {@code assign out_o = in_i}) joins the outer nets on them. Union-find over flat net ids; a
     * constant is its class's representative.
     */
    private final Map<Integer, Integer> alias = new HashMap<>();

    private int find(int net) {
        int r = net;
        while (alias.containsKey(r)) r = alias.get(r);
        while (alias.containsKey(net)) {
            int next = alias.get(net);
            if (next != r) alias.put(net, r);
            net = next;
        }
        return r;
    }

    private void join(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb || (ra < 2 && rb < 2)) return;
        if (rb < 2) alias.put(ra, rb);
        else alias.put(rb, ra);
    }

    private void resolveAliases() {
        if (alias.isEmpty()) return;
        for (Cell c : cells) {
            for (int k = 0; k < c.nets().length; k++) if (c.nets()[k] >= 0) c.nets()[k] = find(c.nets()[k]);
        }
        Map<Integer, List<String[]>> merged = new HashMap<>();
        names.forEach((net, list) -> merged.computeIfAbsent(find(net), k -> new ArrayList<>()).addAll(list));
        names.clear();
        names.putAll(merged);
        topInputNets.replaceAll(this::find);
        topOutputNets.replaceAll(this::find);
    }

    private void expand(Netlist n, Liberty lib, Netlist.Module m, String path, Map<Integer, Integer> map, String category,
                        Function<String, String> categoryOf) {
        // Port names of inner modules are not RTL names here: Verilator's toggle coverage of a
        // non-inlined module's ports is not a per-instance count (a port fed by one net reports
        // that net's toggles once, whatever the instance count), so a port's net is known by the
        // names it has inside its driver's module instead.
        Set<String> ports = new HashSet<>();
        if (m != n.top()) for (Netlist.Port p : m.ports()) ports.add(p.name());
        for (Map.Entry<String, int[]> e : m.netNames().entrySet()) {
            if (ports.contains(e.getKey())) continue;
            int[] bits = e.getValue();
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] < 0) continue;
                String sig = m.bitName(e.getKey(), i);
                names.computeIfAbsent(flat(map, bits[i]), k -> new ArrayList<>()).add(new String[] {m.baseName(), sig});
            }
        }
        for (Netlist.Cell c : m.cells()) {
            Netlist.Module sub = n.module(c.type());
            if (sub != null) {
                Map<Integer, Integer> inner = new HashMap<>();
                for (Netlist.Port p : sub.ports()) {
                    int[] outer = c.connections().get(p.name());
                    for (int i = 0; i < p.bits().length; i++) {
                        int ob = outer == null || i >= outer.length ? Netlist.UNDEF : outer[i];
                        int f = flat(map, ob);
                        if (p.bits()[i] >= 0) {
                            Integer had = inner.putIfAbsent(p.bits()[i], f);
                            if (had != null && had != f) join(had, f);
                        } else {
                            join(f, p.bits()[i] == Netlist.ONE ? ONE : ZERO);   // a port the module ties to a constant
                        }
                    }
                }
                String cat = categoryOf.apply(sub.baseName());
                expand(n, lib, sub, path + c.name() + "/", inner, cat != null ? cat : category, categoryOf);
            } else {
                Liberty.Cell lc = lib.cell(c.type());
                if (lc == null) continue;
                String[] pins = new String[c.connections().size()];
                int[] ids = new int[pins.length];
                int k = 0;
                for (Map.Entry<String, int[]> e : c.connections().entrySet()) {
                    pins[k] = e.getKey();
                    ids[k] = e.getValue().length == 0 ? -1 : flat(map, e.getValue()[0]);
                    k++;
                }
                cells.add(new Cell(lc, path + c.name(), m.name(), m.baseName(), c.name(), category, pins, ids));
            }
        }
    }

    public List<Cell> cells() {
        return cells;
    }

    /** RTL names ({module, signal[bit]}) of a flat net, empty when it has none. */
    public List<String[]> names(int net) {
        return names.getOrDefault(net, List.of());
    }

    public int netCount() {
        return nets;
    }

    public List<String> topInputs() {
        return topInputs;
    }

    public List<Integer> topInputNets() {
        return topInputNets;
    }

    public List<Integer> topOutputNets() {
        return topOutputNets;
    }
}
