package io.fineq.hwcost.energy;

/**
 * One kind of event: how often it happens and what one occurrence costs.
 *
 * @param name     e.g. "PE select"
 * @param count    occurrences
 * @param energyPj energy per occurrence, pJ
 * @param shared   true for events both designs have in equal number (buffers, decoders, loads)
 */
public record EnergyEvent(String name, long count, double energyPj, boolean shared) {
    /** An event of one design's array only. */
    public EnergyEvent(String name, long count, double energyPj) {
        this(name, count, energyPj, false);
    }

    public double totalPj() {
        return count * energyPj;
    }
}
