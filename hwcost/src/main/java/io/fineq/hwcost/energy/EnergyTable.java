package io.fineq.hwcost.energy;

/**
 * Per-operation energies at 45 nm, 0.9 V, in pJ. Anchors from M. Horowitz, "Computing's energy
 * problem (and what we can do about it)", ISSCC 2014, Fig./Table "Energy per operation" (45 nm):
 * 8-bit add 0.03 pJ, 16-bit add 0.05 pJ, 32-bit add 0.1 pJ, 8-bit multiply 0.2 pJ, 64-bit read of
 * an 8 KB SRAM 10 pJ. Everything else is derived from those anchors by two stated scalings
 * (docs/hwcost.md, "Energy table"):
 * <ul>
 *   <li>integer add of n bits: piecewise linear through (8, 0.03), (16, 0.05), (32, 0.1),
 *       proportional below 8 bits;</li>
 *   <li>array multiply a x b bits: 0.2 pJ * (a*b)/64 (partial-product bits of an 8 x 8 multiplier);</li>
 *   <li>one full-adder bit = ADD8/8; other cells scale with their area relative to FA_X1
 *       (4.256 um^2, Nangate 45nm): flip-flop bit DFF_X1 4.522 (x1.063), AND2_X1 1.064 (x0.25):
 *       dynamic energy is proportional to switched capacitance, which tracks cell area;</li>
 *   <li>SRAM: 10 pJ / 64 bits per bit read or written (8 KB array, the size of an on-chip tile buffer).</li>
 * </ul>
 * All values are dynamic energy per operation; leakage and the clock tree are not modelled.
 */
public record EnergyTable(double add8, double add16, double add32, double mul8, double sram64) {

    public static final String SOURCE = "M. Horowitz, \"Computing's energy problem (and what we can do about it)\", ISSCC 2014, 45 nm";
    /** Nangate 45nm OCL areas (um^2) used for the area scalings. */
    public static final double FA_X1 = 4.256;
    public static final double DFF_X1 = 4.522;
    public static final double AND2_X1 = 1.064;
    public static final double XOR2_X1 = 1.596;

    public static EnergyTable horowitz45nm() {
        return new EnergyTable(0.03, 0.05, 0.1, 0.2, 10.0);
    }

    /** Integer add of {@code bits} bits. */
    public double add(int bits) {
        if (bits <= 8) return add8 * bits / 8.0;
        if (bits <= 16) return add8 + (add16 - add8) * (bits - 8) / 8.0;
        return add16 + (add32 - add16) * (bits - 16) / 16.0;
    }

    /** Array multiply of an a-bit by a b-bit operand. */
    public double multiply(int a, int b) {
        return mul8 * a * b / 64.0;
    }

    /** One full-adder bit. */
    public double fullAdderBit() {
        return add8 / 8.0;
    }

    /** Writing one flip-flop bit. */
    public double registerBit() {
        return fullAdderBit() * DFF_X1 / FA_X1;
    }

    /** One 2-input gate (AND2) switching. */
    public double gateBit() {
        return fullAdderBit() * AND2_X1 / FA_X1;
    }

    /** One XOR2 switching (Nangate X1 area relative to FA_X1, as the other cells). */
    public double xorBit() {
        return fullAdderBit() * XOR2_X1 / FA_X1;
    }

    /** One SRAM bit read or written. */
    public double sramBit() {
        return sram64 / 64.0;
    }

    /**
     * Decoding one 3-bit weight from the current 56-bit block (pair-code select and field muxes):
     * assumed equal to an 8-bit add (both are a few dozen gates deep and wide).
     */
    public double decodeWeight() {
        return add8;
    }
}
