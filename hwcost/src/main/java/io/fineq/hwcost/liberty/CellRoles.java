package io.fineq.hwcost.liberty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The library cells the PPA flow maps onto, found by function rather than by name so that any
 * library works: buffers (for buffer trees), a full adder (for carry-save trees), a positive-level
 * latch (activation storage), an integrated clock gate, and the 2-input NAND that defines one
 * gate equivalent. A missing latch or clock gate is a one-line error naming the library.
 */
public final class CellRoles {

    /** Fraction of max_transition a buffer-tree stage may reach (the rest is margin for wires). */
    public static final double SLEW_FRACTION = 0.8;

    /** A full adder: its cell and the pin names of inputs, carry and sum. */
    public record FullAdder(Liberty.Cell cell, String a, String b, String ci, String carry, String sum) { }

    /** A latch transparent while {@code enable} is high. */
    public record Latch(Liberty.Cell cell, String enable, String data, String q) { }

    /** An integrated clock gate; {@code test} is null for a gate without a test-enable pin. */
    public record ClockGate(Liberty.Cell cell, String clock, String enable, String test, String out) { }

    /** A buffer with its pins and the load one instance may drive. */
    public record Buffer(Liberty.Cell cell, String in, String out, double maxLoadFf, double inputCapFf) { }

    private final Liberty lib;
    private final List<Buffer> buffers = new ArrayList<>();

    public CellRoles(Liberty lib) {
        this.lib = lib;
        for (Liberty.Cell c : lib.cells().values()) {
            if (!c.forLogic() || c.kind() != Liberty.Kind.COMBINATIONAL || c.inputs().size() != 1 || c.outputs().size() != 1) continue;
            Liberty.Pin in = c.inputs().get(0);
            Liberty.Pin out = c.outputs().get(0);
            if (out.function() == null || out.arcs().isEmpty()) continue;
            if (BoolFunction.parse(out.function()).truthTable(List.of(in.name())) != 0b10) continue;
            double slew = out.maxTransition() * 0.5;
            buffers.add(new Buffer(c, in.name(), out.name(), Liberty.maxLoad(out, Double.isInfinite(slew) ? 0.1 : slew, SLEW_FRACTION),
                    in.capacitance()));
        }
        buffers.sort(Comparator.comparing((Buffer b) -> b.cell().area()).thenComparing(b -> b.cell().name()));
    }

    public Liberty library() {
        return lib;
    }

    /** Every usable buffer, smallest first. */
    public List<Buffer> buffers() {
        return buffers;
    }

    /**
     * The buffer a tree is built from: the least area per fF it can drive, among buffers that
     * drive at least {@code minLoadFf} (so that a tree stage is worth its delay).
     */
    public Buffer treeBuffer() {
        if (buffers.isEmpty()) throw new LibertyException("liberty: '" + lib.path() + "' has no buffer cell (one input, function = input)");
        double min = 8 * buffers.get(0).inputCapFf();
        return buffers.stream().filter(b -> b.maxLoadFf() >= min)
                .min(Comparator.comparingDouble((Buffer b) -> b.cell().area() / b.maxLoadFf()).thenComparing(b -> b.cell().name()))
                .orElse(buffers.get(buffers.size() - 1));
    }

    /** The smallest full adder (outputs XOR3 and majority of the same three inputs), if the library has one. */
    public Optional<FullAdder> fullAdder() {
        FullAdder best = null;
        for (Liberty.Cell c : lib.cells().values()) {
            if (!c.forLogic() || c.kind() != Liberty.Kind.COMBINATIONAL || c.inputs().size() != 3 || c.outputs().size() != 2) continue;
            List<String> in = c.inputs().stream().map(Liberty.Pin::name).toList();
            String carry = null;
            String sum = null;
            for (Liberty.Pin o : c.outputs()) {
                if (o.function() == null) continue;
                long t = BoolFunction.parse(o.function()).truthTable(in);
                if (t == 0b10010110L) sum = o.name();
                if (t == 0b11101000L) carry = o.name();
            }
            if (carry == null || sum == null) continue;
            if (best == null || c.area() < best.cell().area()) best = new FullAdder(c, in.get(0), in.get(1), in.get(2), carry, sum);
        }
        return Optional.ofNullable(best);
    }

    /** The smallest positive-level latch with one data input (no set, reset or scan). */
    public Latch latch() {
        Latch best = null;
        for (Liberty.Cell c : lib.cells().values()) {
            if (!c.forLogic() || c.kind() != Liberty.Kind.LATCH || c.inputs().size() != 2 || c.latchEnable() == null) continue;
            String en = c.latchEnable().trim();
            String d = c.latchData() == null ? "" : c.latchData().trim();
            if (c.pin(en) == null || c.pin(d) == null) continue;
            Liberty.Pin q = c.outputs().stream().filter(o -> o.function() != null && o.function().replace("\"", "").trim()
                    .equals(latchState(c))).findFirst().orElse(null);
            if (q == null) continue;
            if (best == null || c.area() < best.cell().area()) best = new Latch(c, en, d, q.name());
        }
        if (best == null) {
            throw new LibertyException("liberty: '" + lib.path() + "' has no positive-level latch (a latch group with enable and data_in), "
                    + "which the PE activation storage maps onto");
        }
        return best;
    }

    private static String latchState(Liberty.Cell c) {
        for (Liberty.Pin p : c.outputs()) {
            if (p.function() != null && !p.function().contains("!") && !p.function().contains("'")) return p.function().trim();
        }
        return "";
    }

    /**
     * The integrated clock gate the primitive maps onto: the smallest one with a test-enable pin
     * (latch_posedge_precontrol), else the smallest latch_posedge one (the wrapper then ORs the
     * test enable into its enable).
     */
    public ClockGate clockGate() {
        ClockGate withTest = null;
        ClockGate plain = null;
        for (Liberty.Cell c : lib.cells().values()) {
            if (!c.forLogic() || c.kind() != Liberty.Kind.CLOCK_GATE) continue;
            String g = c.gating().replace("\"", "").trim();
            if (!g.equals("latch_posedge") && !g.equals("latch_posedge_precontrol")) continue;
            String clk = null;
            String en = null;
            String test = null;
            String out = null;
            for (Liberty.Pin p : c.pins().values()) {
                if (p.gateClock()) clk = p.name();
                if (p.gateEnable()) en = p.name();
                if (p.gateTest()) test = p.name();
                if (p.gateOut() && p.output()) out = p.name();
            }
            if (clk == null || en == null || out == null) continue;
            ClockGate cg = new ClockGate(c, clk, en, test, out);
            if (test != null) {
                if (withTest == null || c.area() < withTest.cell().area()) withTest = cg;
            } else if (plain == null || c.area() < plain.cell().area()) {
                plain = cg;
            }
        }
        if (withTest != null) return withTest;
        if (plain != null) return plain;
        throw new LibertyException("liberty: '" + lib.path() + "' has no integrated clock-gating cell (clock_gating_integrated_cell : latch_posedge)");
    }

    /** A tie cell: a cell without inputs whose output {@code pin} is constant {@code high}. */
    public record Tie(Liberty.Cell cell, String pin) { }

    /** The smallest cell that drives a constant 1 ({@code high}) or 0 from one of its outputs, if any. */
    public Optional<Tie> tie(boolean high) {
        Tie best = null;
        String want = high ? "1" : "0";
        for (Liberty.Cell c : lib.cells().values()) {
            if (c.special() || c.kind() != Liberty.Kind.COMBINATIONAL || !c.inputs().isEmpty()) continue;
            for (Liberty.Pin o : c.outputs()) {
                if (o.function() != null && o.function().replace("\"", "").trim().equals(want)
                        && (best == null || c.area() < best.cell().area())) {
                    best = new Tie(c, o.name());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Area of the smallest 2-input NAND: one gate equivalent. */
    public double nand2Area() {
        double best = Double.NaN;
        for (Liberty.Cell c : lib.cells().values()) {
            if (c.kind() != Liberty.Kind.COMBINATIONAL || c.inputs().size() != 2 || c.outputs().size() != 1) continue;
            Liberty.Pin o = c.outputs().get(0);
            if (o.function() == null) continue;
            List<String> in = c.inputs().stream().map(Liberty.Pin::name).toList();
            if (BoolFunction.parse(o.function()).truthTable(in) == 0b0111 && !(c.area() >= best)) best = c.area();
        }
        if (!(best > 0)) throw new LibertyException("liberty: '" + lib.path() + "' has no 2-input NAND cell to define one gate equivalent");
        return best;
    }
}
