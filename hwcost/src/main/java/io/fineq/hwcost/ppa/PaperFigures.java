package io.fineq.hwcost.ppa;

/** The FineQ paper's hardware figures (arXiv 2504.19746, 45 nm, 400 MHz, 64 x 64), for side-by-side reports. */
public final class PaperFigures {
    private PaperFigures() {
    }

    public static final int SIZE = 64;
    public static final double MAC_ARRAY_MM2 = 0.954;
    public static final double FINEQ_ARRAY_MM2 = 0.370;
    public static final double DECODERS_MM2 = 0.008;
    public static final double MAC_ARRAY_MW = 88.8;
    public static final double FINEQ_ARRAY_MW = 32.9;
    public static final double CLOCK_MHZ = 400.0;
    /** 0.370 / 0.954. */
    public static final double AREA_RATIO = FINEQ_ARRAY_MM2 / MAC_ARRAY_MM2;
    /** "up to 1.79x" energy efficiency of the accelerator over the MAC baseline. */
    public static final double ENERGY_EFFICIENCY = 1.79;
}
