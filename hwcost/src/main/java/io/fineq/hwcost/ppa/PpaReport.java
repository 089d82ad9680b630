package io.fineq.hwcost.ppa;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fineq.hwcost.ppa.PaperFigures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text tables and JSON of PPA results. */
public final class PpaReport {
    private PpaReport() {
    }

    /** One line per design: area, timing, design rules, power, energy. */
    public static String table(List<PpaResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %-22s %11s %11s %9s %8s %8s %9s %6s %5s %9s %9s %8s%n",
                "design", "library", "area um^2", "array um^2", "um^2/PE", "slack ns", "TNS ns", "fmax MHz", "DRC", "hold",
                "power mW", "pJ/MAC", "run s"));
        for (PpaResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-12s %-22s %11.0f %11.0f %9.1f %8.3f %8.3f %9.0f %6s %5s %9s %9s %8.0f%n",
                    r.design(), shorten(r.library()), r.area(), r.arrayArea(), r.areaPerPe(), r.worstSlack(), r.tns(), r.fmaxMhz(),
                    r.slewViolations() + r.fanoutViolations() + r.capacitanceViolations() == 0 ? "clean" : "FAIL",
                    r.holdSlack() >= 0 ? "met" : "FAIL",
                    r.powerMw() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.powerMw()),
                    r.energyPerMacPj() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.energyPerMacPj()),
                    r.synthSeconds() + r.staSeconds() + r.simSeconds()));
        }
        for (PpaResult r : results) {
            sb.append(r.design()).append(": critical path ").append(r.criticalStart()).append(" -> ").append(r.criticalEnd()).append('\n');
            sb.append(r.design()).append(": area by block (um^2)");
            r.areaByCategory().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.0f", k, v)));
            sb.append('\n');
            if (r.powerMw() >= 0) {
                sb.append(r.design()).append(": power by block (mW)");
                r.powerByCategory().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.2f", k, v)));
                sb.append(String.format(Locale.ROOT, "  [internal %.2f, switching %.2f, leakage %.2f; job: %s, %d cycles]%n",
                        r.internalMw(), r.switchingMw(), r.leakageMw(), r.job(), r.activityCycles()));
            }
        }
        return sb.toString();
    }

    /** FineQ/MAC ratios per configuration, next to the paper's. */
    public static String ratios(List<PpaComparison> cmp) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %12s %12s %16s %16s%n", "size", "area ratio", "power ratio", "energy eff. array",
                "energy eff. core"));
        for (PpaComparison c : cmp) {
            sb.append(String.format(Locale.ROOT, "%-8s %12.3f %12s %16s %16s%n", c.config().rows() + "x" + c.config().cols(), c.areaRatio(),
                    fmt(c.powerRatio(), "%.3f"), fmt(c.energyEfficiencyArrays(), "%.2fx"), fmt(c.energyEfficiencyCore(), "%.2fx")));
        }
        sb.append(String.format(Locale.ROOT, "%-8s %12.3f %12.3f %16s %16s   (paper, 64x64, 45 nm, 400 MHz)%n", "paper",
                PaperFigures.AREA_RATIO, PpaComparison.paperPowerRatio(), "up to " + PaperFigures.ENERGY_EFFICIENCY + "x", ""));
        return sb.toString();
    }

    private static String fmt(double v, String f) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "n/a" : String.format(Locale.ROOT, f, v);
    }

    private static String shorten(String lib) {
        return lib.length() <= 22 ? lib : lib.substring(0, 21) + "~";
    }

    /** Run times are not results: the same inputs give the same JSON bytes; the times are in the printed table. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"synthSeconds", "staSeconds", "simSeconds"})
    private abstract static class WithoutRunTimes {
    }

    /** JSON of the results and comparisons (keys sorted, "\n" line ends: identical inputs, identical bytes). */
    public static String json(List<PpaResult> results, List<PpaComparison> cmp) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("results", results);
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (PpaComparison c : cmp) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", c.config().rows());
            m.put("cols", c.config().cols());
            m.put("area_ratio", c.areaRatio());
            m.put("power_ratio", nan(c.powerRatio()));
            m.put("energy_efficiency_arrays", nan(c.energyEfficiencyArrays()));
            m.put("energy_efficiency_core", nan(c.energyEfficiencyCore()));
            ratios.add(m);
        }
        root.put("fineq_vs_mac", ratios);
        Map<String, Object> paper = new LinkedHashMap<>();
        paper.put("area_ratio", PaperFigures.AREA_RATIO);
        paper.put("power_ratio", PpaComparison.paperPowerRatio());
        paper.put("energy_efficiency", PaperFigures.ENERGY_EFFICIENCY);
        paper.put("fineq_array_mm2", PaperFigures.FINEQ_ARRAY_MM2);
        paper.put("mac_array_mm2", PaperFigures.MAC_ARRAY_MM2);
        root.put("paper", paper);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addMixIn(PpaResult.class, WithoutRunTimes.class);
        return mapper.writer(printer).writeValueAsString(root) + "\n";
    }

    private static Double nan(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
