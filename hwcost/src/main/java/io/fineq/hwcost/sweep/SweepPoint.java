package io.fineq.hwcost.sweep;

import io.fineq.hwcost.UserError;
import io.fineq.hwcost.ppa.FineqPpaDesign;
import io.fineq.hwcost.ppa.MacPpaDesign;
import io.fineq.hwcost.ppa.PpaDesign;
import io.fineq.rtl.FineqConfig;

import java.util.Locale;

/**
 * One point of a design-space sweep: a design (FineQ core or MAC baseline) of one configuration
 * in one library at one clock.
 *
 * @param design  {@code fineq}, {@code mac-tree} or {@code mac} (the systolic baseline)
 * @param liberty a Liberty file path, or empty for the project's generic library
 */
public record SweepPoint(String design, int rows, int cols, int actWidth, int adderPipeline, int clockMhz, String liberty,
                         boolean power) {
    public SweepPoint {
        if (!design.equals("fineq") && !design.equals("mac") && !design.equals("mac-tree"))
            throw new UserError("design: '" + design + "' is not fineq, mac-tree or mac");
        if (clockMhz < 1 || clockMhz > 5000) throw new UserError("clock-mhz: " + clockMhz + " is out of range 1..5000");
        config(rows, cols, actWidth, adderPipeline);   // validates the ranges with FineqConfig's messages
    }

    private static FineqConfig config(int rows, int cols, int actWidth, int pipe) {
        return new FineqConfig(rows, cols, actWidth, true, pipe);
    }

    public FineqConfig config() {
        return config(rows, cols, actWidth, adderPipeline);
    }

    public PpaDesign ppaDesign() {
        return design.equals("mac") ? new MacPpaDesign(config(), clockMhz)
                : new FineqPpaDesign(config().withCore(design.equals("mac-tree") ? io.fineq.rtl.CoreKind.MAC_TREE : io.fineq.rtl.CoreKind.FINEQ), clockMhz);
    }

    /** A readable label, e.g. {@code fineq_16x16_a8_p0_400MHz_fineq_generic}. */
    public String label() {
        String lib = liberty.isEmpty() ? "fineq_generic" : java.nio.file.Path.of(liberty).getFileName().toString()
                .replaceAll("\\.lib(\\.gz)?$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return String.format(Locale.ROOT, "%s_%dx%d_a%d_p%d_%dMHz_%s%s", design, rows, cols, actWidth, adderPipeline, clockMhz, lib,
                power ? "" : "_nopower");
    }
}
