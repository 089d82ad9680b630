package io.fineq.hwcost.ppa;

import io.fineq.hwcost.ppa.PaperFigures;
import io.fineq.rtl.FineqConfig;

import java.util.List;

/**
 * The FineQ core and the MAC baseline of one configuration, measured by the same flow, and the
 * ratios the paper reports (64 x 64, 45 nm, 400 MHz): area 0.388, power 0.371, energy efficiency
 * up to 1.79x. Ratios compare the arrays (FineQ: PEs, encoders, ACC trees, array control; MAC tree:
 * PEs, trees, array control; systolic MAC: the whole mac_array), as the paper's figures do; the
 * core-level efficiency compares whole designs (FineQ and the MAC tree with their decoders and core
 * control; the systolic array has none).
 */
public record PpaComparison(FineqConfig config, io.fineq.rtl.CoreKind baseline, PpaResult fineq, PpaResult mac,
                            List<String> fineqArrayCategories, List<String> macArrayCategories) {

    /** Which of FineQ's cores this comparison measured: the core of {@link #config}. */
    public io.fineq.rtl.CoreKind fineqCore() {
        return config.core();
    }

    /** FineQ PE array area / MAC array area (paper 0.388). */
    public double areaRatio() {
        return fineq.arrayArea() / mac.arrayArea();
    }

    /** FineQ array power / MAC array power (paper 0.371); NaN without power. */
    public double powerRatio() {
        return fineq.powerOf(fineqArrayCategories) / mac.powerOf(macArrayCategories);
    }

    /** MAC array energy per MAC / FineQ array energy per MAC (paper: up to 1.79x); NaN without power. */
    public double energyEfficiencyArrays() {
        if (!measured()) return Double.NaN;
        return mac.energyPerMacPj() * mac.powerOf(macArrayCategories) / mac.powerMw()
                / (fineq.energyPerMacPj() * fineq.powerOf(fineqArrayCategories) / fineq.powerMw());
    }

    /** MAC energy per MAC / FineQ core energy per MAC (decoders and core control included). */
    public double energyEfficiencyCore() {
        if (!measured()) return Double.NaN;
        return mac.energyPerMacPj() / fineq.energyPerMacPj();
    }

    /** Both designs have a measured power (ppa, not area or --no-power): the energy ratios mean something. */
    public boolean measured() {
        return fineq.energyPerMacPj() > 0 && mac.energyPerMacPj() > 0;
    }

    public static double paperAreaRatio() {
        return PaperFigures.AREA_RATIO;
    }

    public static double paperPowerRatio() {
        return PaperFigures.FINEQ_ARRAY_MW / PaperFigures.MAC_ARRAY_MW;
    }
}
