package io.fineq.golden;

/**
 * The cycle count of docs/microarchitecture.md section 4, from the first rising edge after reset
 * (cycle 0) up to and including the last result handshake, with all input beats queued and
 * {@code res_ready_i} held high:
 * <pre>cycles = T * R + sumL + S + 2</pre>
 * T * R: activation loads (not overlapped with compute); sumL: compute bit-times of all tiles
 * (every weight load after the first is hidden by the block queue); S: adder-tree pipeline
 * registers; 2: the column broadcast register and the accumulator/result register.
 */
public final class CycleFormula {
    private CycleFormula() {
    }

    /**
     * @param tiles      T = (Kp / C) * ceil(N / R)
     * @param rows       R
     * @param sumL       sum over all tiles and all Mp weight vectors of L
     * @param pipeStages S
     */
    public static long cycles(long tiles, int rows, long sumL, int pipeStages) {
        if (tiles < 1) throw new IllegalArgumentException("tiles must be >= 1, got " + tiles);
        return Math.addExact(Math.addExact(Math.multiplyExact(tiles, (long) rows), sumL), pipeStages + 2L);
    }

    /** L of one vector from its largest weight magnitude: {@code termination ? max(1, maxMag) : 3}. */
    public static int vectorLength(int maxMagnitude, boolean termination) {
        return termination ? Math.max(1, maxMagnitude) : ArrayModel.MAX_BIT_TIMES;
    }

    /**
     * L of one vector on an array of {@code kind} from its largest weight magnitude: temporal as
     * {@link #vectorLength(int, boolean)}; shifted {@code termination ? (maxMag == 3 ? 2 : 1) : 2};
     * the MAC tree 1.
     */
    public static int vectorLength(int maxMagnitude, boolean termination, ArrayKind kind) {
        return switch (kind) {
            case TEMPORAL -> vectorLength(maxMagnitude, termination);
            case SHIFTED -> termination ? (maxMagnitude == 3 ? 2 : 1) : 2;
            case MAC_TREE -> 1;
        };
    }

    /** T = (Kp / C) * ceil(N / R). */
    public static long tiles(int kTiles, int tokens, int rows) {
        return (long) kTiles * ((tokens + (long) rows - 1) / rows);
    }
}
