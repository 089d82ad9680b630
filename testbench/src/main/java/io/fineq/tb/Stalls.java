package io.fineq.tb;

/**
 * Random valid/ready stalls of the harness: each cycle, each of the three streams (activation
 * valid, weight valid, result ready) is independently dropped with probability percent/100,
 * from a seeded xorshift64 generator. The same seed also randomises the initial value of every
 * register without reset (Verilator {@code +verilator+rand+reset+2}).
 */
public record Stalls(long seed, int percent) {
    public static final Stalls NONE = new Stalls(1, 0);

    public Stalls {
        if (percent < 0 || percent > 90) throw new IllegalArgumentException("stall percent must be in 0..90, got " + percent);
        if (seed <= 0) throw new IllegalArgumentException("stall seed must be > 0, got " + seed);
    }

    public boolean any() {
        return percent > 0;
    }
}
