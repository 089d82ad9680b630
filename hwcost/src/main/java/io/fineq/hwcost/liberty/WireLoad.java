package io.fineq.hwcost.liberty;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Liberty {@code wire_load} group: the estimated wire of a net from its fanout alone, as
 * Design Compiler and OpenSTA use it without a layout. Length(f) from the {@code fanout_length}
 * table, linear between its points, beyond its largest fanout extended by {@code slope} per extra
 * fanout (below its smallest, scaled down linearly from it); capacitance = length x
 * {@code capacitance} per unit length.
 *
 * @param capacitanceFf per unit length, in fF
 * @param lengths       fanout -> length, at least one point
 */
public record WireLoad(String name, double capacitanceFf, double resistance, double slope, TreeMap<Integer, Double> lengths) {

    public WireLoad {
        if (lengths.isEmpty()) throw new LibertyException("liberty: wire_load(" + name + ") has no fanout_length");
        lengths = new TreeMap<>(lengths);
    }

    /** Estimated wire length of a net with {@code fanout} sinks (0 for an unloaded net). */
    public double length(int fanout) {
        if (fanout <= 0) return 0;
        Double exact = lengths.get(fanout);
        if (exact != null) return exact;
        Map.Entry<Integer, Double> lo = lengths.floorEntry(fanout);
        Map.Entry<Integer, Double> hi = lengths.ceilingEntry(fanout);
        if (lo == null) return hi.getValue() * fanout / hi.getKey();
        if (hi == null) return lo.getValue() + (fanout - lo.getKey()) * slope;
        double t = (fanout - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
        return lo.getValue() + t * (hi.getValue() - lo.getValue());
    }

    /** Estimated wire capacitance of a net with {@code fanout} sinks, fF. */
    public double capFf(int fanout) {
        return length(fanout) * capacitanceFf;
    }

    /** Reads one {@code wire_load} group; {@code capUnitFf} converts the file's capacitance unit. */
    static WireLoad of(LibertyGroup g, double capUnitFf) {
        TreeMap<Integer, Double> lengths = new TreeMap<>();
        for (java.util.List<String> fl : g.complex("fanout_length")) {
            if (fl.size() < 2) throw new LibertyException("liberty: wire_load(" + g.name() + "): fanout_length needs a fanout and a length");
            lengths.put((int) Math.round(Double.parseDouble(fl.get(0).trim())), Double.parseDouble(fl.get(1).trim()));
        }
        return new WireLoad(g.name(), g.number("capacitance", 0) * capUnitFf, g.number("resistance", 0), g.number("slope", 0), lengths);
    }
}
