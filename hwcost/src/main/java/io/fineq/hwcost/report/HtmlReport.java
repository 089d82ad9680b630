package io.fineq.hwcost.report;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.ppa.FineqPpaDesign;
import io.fineq.hwcost.ppa.PaperFigures;
import io.fineq.hwcost.ppa.PpaComparison;
import io.fineq.hwcost.ppa.PpaResult;
import io.fineq.hwcost.energy.EnergyEvent;
import io.fineq.hwcost.energy.EnergyTable;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.VectorStats;
import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code index.html} and its PNG plots: area breakdown per size, cycles and energy vs
 * sequence length (one LLaMA-2-7B decoder block), weight-code and vector-length histograms.
 * Contains no timings, so identical inputs give identical files.
 */
public final class HtmlReport {
    private final StringBuilder html = new StringBuilder();

    public static List<String> write(Path out, FineqConfig cfg, double clockMhz, List<PpaComparison> area,
                                     List<LlamaWorkload.Layer> layers, Study.PerfTables perf) throws IOException {
        return write(out, cfg, clockMhz, area, layers, perf, List.of());
    }

    /** As above, with a design-space sweep's results: its Pareto plots here, its table on sweep.html. */
    public static List<String> write(Path out, FineqConfig cfg, double clockMhz, List<PpaComparison> area,
                                     List<LlamaWorkload.Layer> layers, Study.PerfTables perf,
                                     List<io.fineq.hwcost.sweep.SweepPlan.PointResult> sweep) throws IOException {
        return write(out, cfg, clockMhz, area, layers, perf, sweep, null);
    }

    /** As above, with a real model's evaluation ({@code fineq model-eval --json}, may be null) on model.html. */
    public static List<String> write(Path out, FineqConfig cfg, double clockMhz, List<PpaComparison> area,
                                     List<LlamaWorkload.Layer> layers, Study.PerfTables perf,
                                     List<io.fineq.hwcost.sweep.SweepPlan.PointResult> sweep, Path modelEval) throws IOException {
        Files.createDirectories(out);
        List<String> files = new ArrayList<>();
        HtmlReport r = new HtmlReport();
        r.head(cfg, clockMhz);
        if (!area.isEmpty()) {
            r.areaSection(area);
            Map<String, Map<String, Double>> cols = new LinkedHashMap<>();
            for (PpaComparison a : area) {
                String n = a.config().rows() + "x" + a.config().cols();
                cols.put("FineQ " + n, scaled(a.fineq().areaByCategory(), 1000));
                cols.put("MAC " + n, scaled(a.mac().areaByCategory(), 1000));
            }
            Charts.stackedBars(out.resolve("area.png"), "Cell area by block (" + area.get(0).fineq().library() + ", "
                    + area.get(0).fineq().clockMhz() + " MHz)", "1000 um^2", cols);
            files.add("area.png");
            r.img("area.png", "Area breakdown");
        }
        r.perfSection(cfg, layers, perf, clockMhz);
        Map<String, List<double[]>> cyc = new LinkedHashMap<>();
        Map<String, List<double[]>> en = new LinkedHashMap<>();
        List<double[]> fc = new ArrayList<>(), mc = new ArrayList<>(), fe = new ArrayList<>(), me = new ArrayList<>();
        for (Study.BlockTotal t : perf.totals()) {
            fc.add(new double[] {t.tokens(), t.fineqCycles()});
            mc.add(new double[] {t.tokens(), t.macCycles()});
            fe.add(new double[] {t.tokens(), t.fineqPj() * 1e-6});
            me.add(new double[] {t.tokens(), t.macPj() * 1e-6});
        }
        cyc.put("FineQ", fc);
        cyc.put("MAC baseline", mc);
        en.put("FineQ", fe);
        en.put("MAC baseline", me);
        Charts.logLines(out.resolve("cycles.png"), "Cycles of one LLaMA-2-7B block, " + cfg.rows() + "x" + cfg.cols(), "sequence length", "cycles", cyc);
        Charts.logLines(out.resolve("energy.png"), "Energy of one LLaMA-2-7B block (45 nm model)", "sequence length", "energy (uJ)", en);
        files.add("cycles.png");
        files.add("energy.png");
        r.img("cycles.png", "Cycles vs sequence length");
        r.img("energy.png", "Energy vs sequence length");

        long[] values = new long[7], pairs = new long[4], lengths = new long[4];
        for (LlamaWorkload.Layer l : layers) {
            VectorStats s = l.stats();
            for (int i = 0; i < 7; i++) values[i] += s.valueCounts()[i];
            for (int i = 0; i < 4; i++) pairs[i] += s.pairCodes()[i];
            for (int i = 1; i < 4; i++) lengths[i] += s.lengthCounts()[i];
        }
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) v.put(Integer.toString(i - 3), 100.0 * values[i] / sum(values));
        Map<String, Double> p = new LinkedHashMap<>();
        String[] pairNames = {"00 all 2-bit", "01 first zero", "10 second zero", "11 third zero"};
        for (int i = 0; i < 4; i++) p.put(pairNames[i], 100.0 * pairs[i] / sum(pairs));
        Map<String, Double> len = new LinkedHashMap<>();
        for (int i = 1; i < 4; i++) len.put("L = " + i, 100.0 * lengths[i] / sum(lengths));
        Charts.logBars(out.resolve("codes.png"), "Weight values of the quantized images", "weight value q", "% of weights", Map.of("weights", v));
        Charts.bars(out.resolve("pairs.png"), "Pair codes (index byte) of the quantized images", "pair code", "% of pairs", Map.of("pairs", p));
        Charts.bars(out.resolve("lengths.png"), "Vector length L (early termination), C = " + cfg.cols(), "bit-times per vector", "% of vectors", Map.of("vectors", len));
        files.add("codes.png");
        files.add("pairs.png");
        files.add("lengths.png");
        r.html.append("<h2>Code histograms of the quantized images</h2>\n");
        r.img("codes.png", "Weight value histogram");
        r.img("pairs.png", "Pair code histogram");
        r.img("lengths.png", "Vector length histogram");
        r.energyTable(perf);
        if (!sweep.isEmpty()) {
            List<String> page = io.fineq.hwcost.sweep.SweepReport.write(out, sweep);
            files.addAll(page);
            r.html.append("<h2>Design-space sweep</h2>\n<p>").append(sweep.size())
                    .append(" points; every point's numbers are on <a href=\"sweep.html\">sweep.html</a>.</p>\n");
            for (String f : page) if (f.endsWith(".png")) r.img(f, f.startsWith("pareto-energy") ? "Area vs energy per MAC" : "Area vs throughput per mm²");
        }
        if (modelEval != null) {
            files.addAll(ModelEvalPage.write(out, modelEval));
            r.html.append("<h2>A real model</h2>\n<p>all-MiniLM-L6-v2 with FineQ, calibrated FineQ and the 2/3/4-bit baselines on real text: "
                    + "<a href=\"model.html\">model.html</a>.</p>\n");
        }
        r.html.append("</body>\n</html>\n");
        AtomicFiles.writeString(out.resolve("index.html"), alignCells(r.html.toString()));
        files.add("index.html");
        for (String f : files) readableByAll(out.resolve(f));
        return files;
    }

    /** Temporary files are created owner-only; a report is meant to be served and shared. */
    private static void readableByAll(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: keep the defaults.
        }
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) s += x;
        return Math.max(1, s);
    }

    private static Map<String, Double> scaled(Map<String, Double> m, double div) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v / div));
        return out;
    }

    private void head(FineqConfig cfg, double clockMhz) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>FineQ hardware cost report</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;}").append(TABLE_STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>FineQ hardware cost: FineQ core vs MAC systolic baseline</h1>\n")
                .append(String.format(Locale.ROOT, "<p>Performance and energy for a %dx%d array, ACT_W = %d, clock %.0f MHz. Paper (arXiv 2504.19746, 45 nm, 64x64): "
                        + "MAC array %.3f mm&sup2; / %.1f mW, FineQ PE array %.3f mm&sup2; / %.1f mW (ratio %.3f), decoders %.3f mm&sup2;, up to %.2fx energy efficiency.</p>\n",
                        cfg.rows(), cfg.cols(), cfg.actWidth(), clockMhz, PaperFigures.MAC_ARRAY_MM2, PaperFigures.MAC_ARRAY_MW,
                        PaperFigures.FINEQ_ARRAY_MM2, PaperFigures.FINEQ_ARRAY_MW, PaperFigures.AREA_RATIO, PaperFigures.DECODERS_MM2,
                        PaperFigures.ENERGY_EFFICIENCY));
    }

    private void areaSection(List<PpaComparison> area) {
        PpaResult first = area.get(0).fineq();
        html.append("<h2>Area and timing (").append(esc(first.library())).append(", ").append(first.clockMhz())
                .append(" MHz)</h2>\n<table>\n<tr><th>size</th><th>FineQ core &micro;m&sup2;</th><th>FineQ PE array &micro;m&sup2;</th>"
                + "<th>decoders &micro;m&sup2;</th><th>MAC array &micro;m&sup2;</th><th>FineQ/MAC</th><th>paper</th>"
                + "<th>FineQ slack ns</th><th>MAC slack ns</th></tr>\n");
        for (PpaComparison a : area) {
            html.append(String.format(Locale.ROOT, "<tr><td>%dx%d</td><td>%.0f</td><td>%.0f</td><td>%.0f</td><td>%.0f</td><td>%.3f</td><td>%s</td>"
                            + "<td>%.3f</td><td>%.3f</td></tr>\n",
                    a.config().rows(), a.config().cols(), a.fineq().area(), a.fineq().arrayArea(),
                    a.fineq().areaByCategory().getOrDefault(FineqPpaDesign.DECODERS, 0.0), a.mac().arrayArea(), a.areaRatio(),
                    a.config().rows() == PaperFigures.SIZE && a.config().cols() == PaperFigures.SIZE
                            ? String.format(Locale.ROOT, "%.3f", PaperFigures.AREA_RATIO) : "(0.388 at 64x64)",
                    a.fineq().worstSlack(), a.mac().worstSlack()));
        }
        html.append("</table>\n<p>Cell area after synthesis and design-rule buffering (no wires, no placement): the ppa flow without "
                + "power (docs/hwcost.md). FineQ PE array = PEs + temporal encoders + ACC trees + array control (the paper's \"PE array\"); "
                + "the core adds the decoders and core control. Paper: FineQ array 0.370 mm&sup2;, MAC array 0.954 mm&sup2; (45 nm, 400 MHz).</p>\n");
        html.append("<table>\n<tr><th>design</th><th>block</th><th>&micro;m&sup2;</th></tr>\n");
        for (PpaComparison a : area) {
            for (PpaResult r : List.of(a.fineq(), a.mac())) {
                r.areaByCategory().forEach((k, v) -> html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.0f</td></tr>\n",
                        esc(r.design()), esc(k), v)));
            }
        }
        html.append("</table>\n");
    }

    private void perfSection(FineqConfig cfg, List<LlamaWorkload.Layer> layers, Study.PerfTables perf, double clockMhz) {
        html.append("<h2>Weights</h2>\n<p>Synthetic llama-like tensors (Student-t, 1 % outlier channels), FineQ-quantized with the spec defaults.</p>\n<table>\n")
                .append("<tr><th>layer</th><th>M x K</th><th>vectors (Kp/C &middot; Mp)</th><th>L=1</th><th>L=2</th><th>L=3</th><th>mean L</th></tr>\n");
        for (LlamaWorkload.Layer l : layers) {
            VectorStats s = l.stats();
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%dx%d</td><td>%d</td><td>%.1f%%</td><td>%.1f%%</td><td>%.1f%%</td><td>%.3f</td></tr>\n",
                    esc(l.shape().name()), l.shape().outFeatures(), l.shape().inFeatures(), s.vectors(),
                    100.0 * s.lengthCounts()[1] / s.vectors(), 100.0 * s.lengthCounts()[2] / s.vectors(), 100.0 * s.lengthCounts()[3] / s.vectors(), s.meanLength()));
        }
        html.append("</table>\n<h2>Performance and energy of one decoder block (all seven layers)</h2>\n<table>\n")
                .append(String.format(Locale.ROOT, "<tr><th>seq</th><th>FineQ cycles</th><th>MAC cycles</th><th>FineQ/MAC cycles</th><th>FineQ util.</th><th>MAC util.</th>"
                        + "<th>FineQ ms @%.0f MHz</th><th>MAC ms</th><th>FineQ &micro;J</th><th>MAC &micro;J</th><th>efficiency (accelerator)</th><th>efficiency (arrays)</th></tr>\n", clockMhz));
        for (Study.BlockTotal t : perf.totals()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.1f</td><td>%.1f</td><td>%.3f</td><td>%.3f</td></tr>\n",
                    t.tokens(), t.fineqCycles(), t.macCycles(), t.fineqCycles() / (double) t.macCycles(), t.fineqUtilisation(), t.macUtilisation(),
                    t.fineqSeconds() * 1e3, t.macSeconds() * 1e3, t.fineqPj() * 1e-6, t.macPj() * 1e-6, t.efficiency(), t.arrayEfficiency()));
        }
        html.append(String.format(Locale.ROOT, "</table>\n<p>Utilisation = useful MACs / (R&middot;C&middot;cycles). Efficiency = MAC energy / FineQ energy for the same work "
                + "(paper: up to %.2fx); \"arrays\" leaves out the events both designs share (buffers, decoders, activation load).</p>\n", PaperFigures.ENERGY_EFFICIENCY));
    }

    private void energyTable(Study.PerfTables perf) {
        if (perf.points().isEmpty()) return;
        Study.Point p = perf.points().get(perf.points().size() - 1);
        html.append("<h2>Energy events (").append(esc(p.layer().shape().name())).append(", seq ").append(p.perf().tokens()).append(")</h2>\n")
                .append("<p>Per-event energies: ").append(esc(EnergyTable.SOURCE)).append(", scaled as described in docs/hwcost.md.</p>\n<table>\n")
                .append("<tr><th>design</th><th>event</th><th>count</th><th>pJ each</th><th>&micro;J</th><th>shared</th></tr>\n");
        for (String side : new String[] {"FineQ", "MAC"}) {
            for (EnergyEvent e : side.equals("FineQ") ? p.energy().fineq() : p.energy().mac()) {
                html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%.5f</td><td>%.3f</td><td>%s</td></tr>\n",
                        side, esc(e.name()), e.count(), e.energyPj(), e.totalPj() * 1e-6, e.shared() ? "yes" : ""));
            }
        }
        html.append("</table>\n");
    }

    private void img(String file, String alt) {
        html.append("<p><img src=\"").append(file).append("\" alt=\"").append(esc(alt)).append("\" width=\"").append(Charts.WIDTH).append("\"></p>\n");
    }

    /** Table rules of the report's pages (text cells left, number cells right: {@link #alignCells}). */
    static final String TABLE_STYLE = "table{border-collapse:collapse;}td,th{border:1px solid #bbb;padding:3px 8px;text-align:left;}th{background:#eee;}td.n{text-align:right;}";

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("<td>([^<]*)</td>");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*(%|x|ns|MHz|mW|pJ)?");

    /** Numbers right-aligned (class n), text left-aligned, whatever the column. */
    static String alignCells(String html) {
        java.util.regex.Matcher m = CELL.matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String cls = NUMBER.matcher(m.group(1).strip()).matches() ? "<td class=\"n\">" : "<td>";
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(cls + m.group(1) + "</td>"));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
