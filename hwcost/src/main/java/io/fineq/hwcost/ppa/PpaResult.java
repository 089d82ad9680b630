package io.fineq.hwcost.ppa;

import java.util.Map;

/**
 * One design measured by the PPA flow. Areas in the library's area unit (um^2 for real
 * libraries), times in ns, power in mW, energy in pJ.
 *
 * @param areaByCategory  cell area per block (PEs, encoders, ACC trees, decoders, control, ...), buffer trees included
 * @param arrayArea       the blocks the paper's "PE array" figure covers ({@link PpaDesign#arrayCategories})
 * @param bufferArea      area of the design-rule buffer trees (part of the totals)
 * @param fmaxMhz         1 / (period - worst slack)
 * @param critical        the critical setup path, RTL names: start and end
 * @param powerMw         total power over the activity job, -1 when not measured
 * @param powerByCategory power per block (internal + switching + leakage) in mW
 * @param energyPerMacPj  power x job time / useful multiply-accumulates, -1 when not measured
 * @param annotated       fraction of the sequential cells whose output activity came from simulation
 * @param wires           the wire-load model charged ({@code none}: cell capacitances only)
 * @param clockTreeBuffers buffers of the clock-tree estimate (PowerAnalysis.ClockTree), 0 without power
 * @param clockTreeMw     power of the clock-tree estimate, mW, not in {@code powerMw}; -1 without power
 */
public record PpaResult(String design, String library, int clockMhz, double periodNs,
                        double area, Map<String, Double> areaByCategory, double arrayArea, double areaPerPe, double bufferArea,
                        long cells, double gateEquivalent,
                        double worstSlack, double tns, double fmaxMhz, String criticalStart, String criticalEnd, double holdSlack,
                        int slewViolations, long fanoutViolations, long capacitanceViolations, int worstFanout, double worstCapRatio,
                        double powerMw, double internalMw, double switchingMw, double leakageMw, Map<String, Double> powerByCategory,
                        long usefulMacs, long activityCycles, double energyPerMacPj, String job, double annotated,
                        String wires, long clockTreeBuffers, double clockTreeMw, double synthSeconds, double staSeconds, double simSeconds) {

    /** Timing met and every design rule clean. */
    public boolean signOffClean() {
        return worstSlack >= 0 && holdSlack >= 0 && slewViolations == 0 && fanoutViolations == 0 && capacitanceViolations == 0;
    }

    /** Cell area of the blocks in {@code categories}, in the library's area unit. */
    public double areaOf(java.util.List<String> categories) {
        double sum = 0;
        for (String c : categories) sum += areaByCategory.getOrDefault(c, 0.0);
        return sum;
    }

    /** Power of the blocks in {@code categories}, mW; NaN when the power was not measured. */
    public double powerOf(java.util.List<String> categories) {
        if (powerMw < 0) return Double.NaN;
        double sum = 0;
        for (String c : categories) sum += powerByCategory.getOrDefault(c, 0.0);
        return sum;
    }

    /** Area in mm^2 when the library's unit is um^2. */
    public double areaMm2() {
        return area * 1e-6;
    }

    public double arrayAreaMm2() {
        return arrayArea * 1e-6;
    }
}
