package io.fineq.hwcost.area;

import java.util.List;
import java.util.Locale;

/** Plain-text table of area results, one line per size, with the paper's 64 x 64 figures. */
public final class AreaTable {
    private AreaTable() {
    }

    public static String format(List<ArrayAreaStudy.Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-7s %-18s %12s %12s %12s %10s %12s %9s %8s%n",
                "size", "library", "FineQ core", "FineQ array", "decoders", "MAC array", "FineQ/MAC", "synth s", ""));
        for (ArrayAreaStudy.Result r : results) {
            sb.append(String.format(Locale.ROOT, "%-7s %-18s %12.0f %12.0f %12.0f %10.0f %12.3f %9.1f GE%n",
                    r.config().rows() + "x" + r.config().cols(), r.library(), r.fineqCoreGe(), r.fineqArrayGe(),
                    r.decodersGe(), r.macArrayGe(), r.ratio(), r.fineqSeconds() + r.macSeconds()));
        }
        sb.append(String.format(Locale.ROOT, "paper (64x64, 45 nm): FineQ PE array %.3f mm^2, MAC array %.3f mm^2, decoders %.3f mm^2, ratio %.3f%n",
                PaperFigures.FINEQ_ARRAY_MM2, PaperFigures.MAC_ARRAY_MM2, PaperFigures.DECODERS_MM2, PaperFigures.AREA_RATIO));
        sb.append(String.format(Locale.ROOT, "1 GE = %.3f um^2 (Nangate 45nm NAND2_X1): mm^2 = GE * %.3e%n",
                CellLibrary.NANGATE45_NAND2_UM2, CellLibrary.NANGATE45_NAND2_UM2 * 1e-6));
        return sb.toString();
    }

    /** Category breakdown lines of one result. */
    public static String breakdown(ArrayAreaStudy.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.config().rows()).append('x').append(r.config().cols()).append(" FineQ core:");
        r.fineq().byCategory().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.0f", k, v / r.geScale())));
        sb.append(String.format("%n"));
        sb.append(r.config().rows()).append('x').append(r.config().cols()).append(" MAC array: ");
        r.mac().byCategory().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.0f", k, v / r.geScale())));
        sb.append(String.format("%n"));
        return sb.toString();
    }
}
