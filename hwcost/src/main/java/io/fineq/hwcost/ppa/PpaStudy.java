package io.fineq.hwcost.ppa;

import io.fineq.hwcost.UserError;
import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PPA flow over square sizes for the FineQ core, the MAC baseline or both, with the
 * FineQ/MAC comparison of every size where both ran. The {@code ppa}, {@code area} and
 * {@code report} commands share it.
 */
public final class PpaStudy {
    /** Which designs a study runs. */
    public enum Designs {
        FINEQ, MAC, BOTH;

        /** Parses {@code fineq}, {@code mac} or {@code both} (any case); {@code option} names the flag in the error. */
        public static Designs parse(String option, String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "fineq" -> FINEQ;
                case "mac" -> MAC;
                case "both" -> BOTH;
                default -> throw new UserError(option + ": '" + value + "' is not one of fineq, mac, both");
            };
        }

        /** A comma list of {@link #parse} values ({@code fineq,mac}, {@code both}, {@code mac}); a design named twice runs once. */
        public static Designs parseList(String option, String text) {
            boolean fineq = false, mac = false;
            for (String t : text.split(",", -1)) {
                if (t.isBlank()) throw new UserError(option + ": empty entry in '" + text + "' (one of fineq, mac, both, comma separated)");
                Designs d = parse(option, t);
                fineq |= d != MAC;
                mac |= d != FINEQ;
            }
            return fineq && mac ? BOTH : fineq ? FINEQ : MAC;
        }
    }

    /** Every measured design in run order, and the comparisons of the sizes where both ran. */
    public record Outcome(List<PpaResult> results, List<PpaComparison> comparisons) { }

    private PpaStudy() {
    }

    /**
     * The Liberty file a command uses: its {@code --liberty} option, else the {@code liberty}
     * system property ({@code -Dliberty=...}), else null for the project's generic library.
     */
    public static Path liberty(Path option) {
        if (option != null) return option;
        String prop = System.getProperty("liberty", "").strip();
        return prop.isEmpty() ? null : Path.of(prop);
    }

    public static Outcome run(List<Integer> sizes, int actWidth, int adderPipeline, Designs which, PpaFlow.Options options,
                              PrintStream progress) throws IOException {
        PpaFlow flow = new PpaFlow(progress);
        List<PpaResult> results = new ArrayList<>();
        List<PpaComparison> cmp = new ArrayList<>();
        for (int n : sizes) {
            FineqConfig cfg = new FineqConfig(n, n, actWidth, true, adderPipeline);
            FineqPpaDesign fineqDesign = new FineqPpaDesign(cfg, options.clockMhz());
            PpaResult f = which == Designs.MAC ? null : flow.run(fineqDesign, options);
            PpaResult m = which == Designs.FINEQ ? null : flow.run(new MacPpaDesign(cfg, options.clockMhz()), options);
            if (f != null) results.add(f);
            if (m != null) results.add(m);
            if (f != null && m != null) cmp.add(new PpaComparison(cfg, f, m, fineqDesign.arrayCategories()));
        }
        return new Outcome(results, cmp);
    }
}
