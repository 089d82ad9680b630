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
        sb.append(String.format(Locale.ROOT, "%-20s %-22s %-15s %11s %11s %9s %8s %8s %9s %6s %5s %9s %9s %14s %8s%n",
                "design", "library", "wires", "area um^2", "array um^2", "um^2/PE", "slack ns", "TNS ns", "fmax MHz", "DRC", "hold",
                "power mW", "pJ/MAC", "CTS est. mW", "run s"));
        for (PpaResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-20s %-22s %-15s %11.0f %11.0f %9.1f %8.3f %8.3f %9.0f %6s %5s %9s %9s %14s %8.0f%n",
                    r.design(), shorten(r.library()), r.wires(), r.area(), r.arrayArea(), r.areaPerPe(), r.worstSlack(), r.tns(), r.fmaxMhz(),
                    r.slewViolations() + r.fanoutViolations() + r.capacitanceViolations() == 0 ? "clean" : "FAIL",
                    r.holdSlack() >= 0 ? "met" : "FAIL",
                    r.powerMw() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.powerMw()),
                    r.energyPerMacPj() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.energyPerMacPj()),
                    r.clockTreeMw() < 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d)", r.clockTreeMw(), r.clockTreeBuffers()),
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
        sb.append(String.format(Locale.ROOT, "%-8s %-14s %-13s %12s %12s %16s %16s%n", "size", "fineq core", "vs", "area ratio", "power ratio", "energy eff. array",
                "energy eff. core"));
        for (PpaComparison c : cmp) {
            sb.append(String.format(Locale.ROOT, "%-8s %-14s %-13s %12.3f %12s %16s %16s%n", c.config().rows() + "x" + c.config().cols(), c.fineqCore().word(),
                    c.baseline().word() + ("none".equals(c.fineq().wires()) ? "" : "+wires"), c.areaRatio(),
                    fmt(c.powerRatio(), "%.3f"), fmt(c.energyEfficiencyArrays(), "%.2fx"), fmt(c.energyEfficiencyCore(), "%.2fx")));
        }
        sb.append(String.format(Locale.ROOT, "%-8s %-14s %-13s %12.3f %12.3f %16s %16s   (paper, 64x64, 45 nm, 400 MHz)%n", "paper", "fineq", "its MAC",
                PaperFigures.AREA_RATIO, PpaComparison.paperPowerRatio(), "up to " + PaperFigures.ENERGY_EFFICIENCY + "x", ""));
        return sb.toString();
    }

    /**
     * The equal-work table: per workload and design, cycles, GMAC/s, GMAC/s per mm^2, pJ per useful
     * MAC and energy-delay at the flow's clock and at the design's own fmax, and each FineQ row's
     * ratio to the strongest MAC baseline of its size on that metric.
     */
    public static String equalWork(List<EqualWork> rows, int tokens) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Equal work (%d tokens): every core runs the same layers; cycles from each core's exact cycle model%n", tokens));
        sb.append(String.format(Locale.ROOT, "%-56s %-26s %-5s %14s %6s %8s %11s %9s %10s %9s %11s %9s%n", "workload", "design", "basis", "cycles", "util",
                "GMAC/s", "GMAC/s/mm2", "pJ/MAC", "uJ*ms", "fmax MHz", "GMAC/s/mm2", "pJ/MAC"));
        sb.append(String.format(Locale.ROOT, "%-56s %-26s %-5s %14s %6s %8s %11s %9s %10s %9s %11s %9s%n", "", "", "", "", "", "at clock", "at clock",
                "at clock", "at clock", "", "at fmax", "at fmax"));
        for (EqualWork e : rows) {
            sb.append(String.format(Locale.ROOT, "%-56s %-26s %-5s %,14d %6.3f %8.1f %11s %9s %10s %9.0f %11s %9s%n", e.workload(), e.label(), e.basis(), e.cycles(),
                    e.utilisation(), e.gmacPerSecond(e.clockMhz()), fmt(e.gmacPerSecondPerMm2(e.clockMhz()), "%.1f"), fmt(e.pjPerMac(e.clockMhz()), "%.4f"),
                    fmt(e.energyDelay(e.clockMhz()), "%.4g"), e.fmaxMhz(), fmt(e.gmacPerSecondPerMm2(e.fmaxMhz()), "%.1f"), fmt(e.pjPerMac(e.fmaxMhz()), "%.4f")));
        }
        // FineQ against the strongest baseline of the same size and workload, metric by metric.
        for (EqualWork f : rows) {
            if (!f.core().fineq()) continue;
            double bestDensity = 0, bestEnergy = Double.NaN, bestDensityFmax = 0;
            String densityBy = "-", energyBy = "-";
            for (EqualWork m : rows) {
                if (m.core().fineq() || !m.workload().equals(f.workload()) || !m.basis().equals(f.basis())
                        || m.pes() != f.pes() || !m.wires().equals(f.wires()) || Double.isNaN(m.areaMm2())) continue;
                if (m.gmacPerSecondPerMm2(m.clockMhz()) > bestDensity) {
                    bestDensity = m.gmacPerSecondPerMm2(m.clockMhz());
                    densityBy = m.label();
                }
                bestDensityFmax = Math.max(bestDensityFmax, m.gmacPerSecondPerMm2(m.fmaxMhz()));
                double pj = m.pjPerMac(m.clockMhz());
                if (!Double.isNaN(pj) && (Double.isNaN(bestEnergy) || pj < bestEnergy)) {
                    bestEnergy = pj;
                    energyBy = m.label();
                }
            }
            if (bestDensity == 0) continue;
            sb.append(String.format(Locale.ROOT, "%s on %s, %s basis: GMAC/s/mm^2 %.3fx the strongest baseline (%s) at clock, %.3fx at fmax; pJ/MAC %sx (%s)%n",
                    f.label(), f.workload(), f.basis(), f.gmacPerSecondPerMm2(f.clockMhz()) / bestDensity, densityBy,
                    f.gmacPerSecondPerMm2(f.fmaxMhz()) / bestDensityFmax, fmt(f.pjPerMac(f.clockMhz()) / bestEnergy, "%.3f"), energyBy));
        }
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
        return json(results, cmp, List.of());
    }

    /** As {@link #json(List, List)} with the equal-work rows (at the clock and at fmax). */
    public static String json(List<PpaResult> results, List<PpaComparison> cmp, List<EqualWork> equal) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> ew = new ArrayList<>();
        for (EqualWork e : equal) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", e.workload());
            m.put("design", e.label());
            m.put("basis", e.basis());
            m.put("cycles", e.cycles());
            m.put("macs", e.macs());
            m.put("area_mm2", nan(e.areaMm2()));
            for (String at : List.of("clock", "fmax")) {
                double mhz = at.equals("clock") ? e.clockMhz() : e.fmaxMhz();
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("mhz", mhz);
                v.put("gmac_per_s", e.gmacPerSecond(mhz));
                v.put("gmac_per_s_per_mm2", nan(e.gmacPerSecondPerMm2(mhz)));
                v.put("pj_per_mac", nan(e.pjPerMac(mhz)));
                v.put("energy_delay_uj_ms", nan(e.energyDelay(mhz)));
                m.put("at_" + at, v);
            }
            ew.add(m);
        }
        if (!ew.isEmpty()) root.put("equal_work", ew);
        root.put("results", results);
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (PpaComparison c : cmp) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fineq", c.fineqCore().word());
            m.put("baseline", c.baseline().word());
            m.put("wires", c.fineq().wires());
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
