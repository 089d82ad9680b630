package io.fineq.hwcost.sweep;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.report.Charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's page: {@code sweep.html} with the table of all points and two Pareto plots, cell area
 * against energy per MAC ({@code pareto-energy.png}, lower-left is better) and against throughput
 * per mm² on LLaMA-2-7B shapes ({@code pareto-throughput.png}, higher is better); every point is
 * drawn, the front is the points no other point beats on both axes. No timings, so the same results
 * give the same files.
 */
public final class SweepReport {
    private SweepReport() {
    }

    public static List<String> write(Path dir, List<SweepPlan.PointResult> results) throws IOException {
        List<String> files = new ArrayList<>();
        Map<String, List<double[]>> energy = new LinkedHashMap<>();
        Map<String, List<double[]>> tput = new LinkedHashMap<>();
        List<double[]> allE = new ArrayList<>();
        List<double[]> allT = new ArrayList<>();
        for (SweepPlan.PointResult r : results) {
            String series = r.point().design() + " " + r.result().library();
            double mm2 = r.result().area() * 1e-6;
            if (r.result().energyPerMacPj() >= 0) {
                double[] pt = {mm2, r.result().energyPerMacPj()};
                energy.computeIfAbsent(series, k -> new ArrayList<>()).add(pt);
                allE.add(pt);
            }
            if (r.throughput() != null && r.throughput().containsKey("llama2_7b_gmacs_per_mm2")) {
                double[] pt = {mm2, r.throughput().get("llama2_7b_gmacs_per_mm2")};
                tput.computeIfAbsent(series, k -> new ArrayList<>()).add(pt);
                allT.add(pt);
            }
        }
        if (!allE.isEmpty()) {
            Charts.scatter(dir.resolve("pareto-energy.png"), "Area vs energy per MAC", "cell area (mm²)", "pJ per MAC", energy,
                    front(allE, false));
            files.add("pareto-energy.png");
        }
        if (!allT.isEmpty()) {
            Charts.scatter(dir.resolve("pareto-throughput.png"), "Area vs throughput per mm² (LLaMA-2-7B shapes)", "cell area (mm²)",
                    "GMAC/s per mm²", tput, front(allT, true));
            files.add("pareto-throughput.png");
        }
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>FineQ sweep</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}</style>\n"
                + "</head><body>\n<h1>Design-space sweep</h1>\n<p>" + results.size() + " points. Cell area after synthesis (no wires), "
                + "timing by OpenSTA, power from a simulated real job, throughput from the performance model at min(clock, fmax) "
                + "with " + Throughput.TOKENS + " tokens (LLaMA-2-7B shapes divided by " + SweepPlan.LLAMA_SCALE_DOWN + ").</p>\n");
        for (String f : files) h.append("<p><img src=\"").append(f).append("\" alt=\"").append(f).append("\"></p>\n");
        h.append("<table>\n<tr>");
        for (String c : SweepTable.COLUMNS) h.append("<th>").append(c).append("</th>");
        h.append("</tr>\n");
        for (Map<String, Object> row : SweepTable.rows(results)) {
            h.append("<tr>");
            for (String c : SweepTable.COLUMNS) {
                Object v = row.get(c);
                h.append("<td>").append(v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v.toString()).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        AtomicFiles.writeString(dir.resolve("sweep.html"), h.toString());
        files.add(0, "sweep.html");
        return files;
    }

    /**
     * The Pareto front: points no other point beats on both axes; x (area) is always better
     * smaller, y better larger when {@code higherIsBetter}, else smaller. Sorted by x.
     */
    static List<double[]> front(List<double[]> pts, boolean higherIsBetter) {
        List<double[]> sorted = new ArrayList<>(pts);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> higherIsBetter ? -p[1] : p[1]));
        List<double[]> out = new ArrayList<>();
        double best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double[] p : sorted) {
            boolean better = higherIsBetter ? p[1] > best : p[1] < best;
            if (better) {
                out.add(p);
                best = p[1];
            }
        }
        return out;
    }
}
