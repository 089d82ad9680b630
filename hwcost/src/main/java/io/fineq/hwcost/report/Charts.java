package io.fineq.hwcost.report;

import io.fineq.format.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ChartFactory;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.jfree.chart.axis.NumberTickUnit;

import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** JFreeChart plots written as PNG (headless), fixed size and fonts so that output is reproducible. */
public final class Charts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private Charts() {
    }

    /** Stacked bars: one bar per column key, one stacked segment per series (e.g. area category). */
    public static void stackedBars(Path png, String title, String valueLabel, Map<String, Map<String, Double>> columns) throws IOException {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        columns.forEach((col, parts) -> parts.forEach((series, v) -> ds.addValue(v, series, col)));
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueLabel, ds, PlotOrientation.VERTICAL, true, false, false);
        styleBars(chart);
        write(png, chart);
    }

    /** Grouped bars: categories on the x axis, one bar per series. */
    public static void bars(Path png, String title, String categoryLabel, String valueLabel, Map<String, Map<String, Double>> series) throws IOException {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        series.forEach((s, values) -> values.forEach((cat, v) -> ds.addValue(v, s, cat)));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, ds, PlotOrientation.VERTICAL, series.size() > 1, false, false);
        styleBars(chart);
        write(png, chart);
    }

    /**
     * Grouped bars on a logarithmic value axis, for histograms whose rare bins (the 3-bit values
     * +-2, +-3 of a FineQ image) would be invisible next to the common ones on a linear axis.
     */
    public static void logBars(Path png, String title, String categoryLabel, String valueLabel, Map<String, Map<String, Double>> series) throws IOException {
        write(png, logBarChart(title, categoryLabel, valueLabel, series));
    }

    static JFreeChart logBarChart(String title, String categoryLabel, String valueLabel, Map<String, Map<String, Double>> series) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        series.forEach((s, values) -> values.forEach((cat, v) -> ds.addValue(v, s, cat)));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel + " (log scale)", ds, PlotOrientation.VERTICAL, series.size() > 1, false, false);
        styleBars(chart);
        double smallest = series.values().stream().flatMap(m -> m.values().stream()).filter(v -> v > 0).min(Double::compare).orElse(1.0);
        double floor = Math.pow(10, Math.floor(Math.log10(smallest)));
        LogAxis y = new LogAxis(valueLabel + " (log scale)");
        y.setSmallestValue(floor);
        y.setLowerBound(floor);
        y.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        y.setTickLabelFont(TICK_FONT);
        y.setLabelFont(LABEL_FONT);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxis(y);
        ((BarRenderer) plot.getRenderer()).setBase(floor);
        return chart;
    }

    /** Lines over a logarithmic x axis (sequence length) and a logarithmic y axis. */
    public static void logLines(Path png, String title, String xLabel, String yLabel, Map<String, List<double[]>> lines) throws IOException {
        write(png, logLineChart(title, xLabel, yLabel, lines));
    }

    static JFreeChart logLineChart(String title, String xLabel, String yLabel, Map<String, List<double[]>> lines) {
        XYSeriesCollection ds = new XYSeriesCollection();
        lines.forEach((name, pts) -> {
            XYSeries s = new XYSeries(name);
            for (double[] p : pts) s.add(p[0], p[1]);
            ds.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        lines.values().forEach(pts -> pts.forEach(pt -> xs.add(pt[0])));
        LogAxis x = new DataTickLogAxis(xLabel, List.copyOf(xs));
        x.setBase(2);
        LogAxis y = new LogAxis(yLabel);
        // Ticks at every tenth of a decade, labelled in plain engineering notation (not 10^5.3).
        y.setTickUnit(new NumberTickUnit(0.1));
        y.setNumberFormatOverride(new DecimalFormat("0.0E0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        y.setMinorTickCount(0);
        x.setNumberFormatOverride(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < ds.getSeriesCount(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        plot.setRenderer(r);
        styleCommon(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /**
     * Points per series (one colour each) on linear axes, with the Pareto front of all points drawn
     * as a line: {@code front} is the list of points on it, in x order.
     */
    public static void scatter(Path png, String title, String xLabel, String yLabel, Map<String, List<double[]>> series,
                               List<double[]> front) throws IOException {
        XYSeriesCollection ds = new XYSeriesCollection();
        series.forEach((name, pts) -> {
            XYSeries s = new XYSeries(name, false);
            for (double[] pt : pts) s.add(pt[0], pt[1]);
            ds.addSeries(s);
        });
        XYSeries f = new XYSeries("Pareto front", false);
        for (double[] pt : front) f.add(pt[0], pt[1]);
        ds.addSeries(f);
        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int n = ds.getSeriesCount();
        for (int i = 0; i < n - 1; i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        r.setSeriesLinesVisible(n - 1, true);
        r.setSeriesShapesVisible(n - 1, false);
        r.setSeriesPaint(n - 1, Color.DARK_GRAY);
        r.setSeriesStroke(n - 1, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        styleCommon(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        write(png, chart);
    }

    private static void styleBars(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < PALETTE.length; i++) r.setSeriesPaint(i, PALETTE[i]);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        styleCommon(chart);
    }

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private static void styleCommon(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        if (chart.getLegend() != null) chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        // Readable axes: tick labels and axis names larger than JFreeChart's 10/12 pt defaults.
        if (chart.getPlot() instanceof XYPlot xy) {
            for (var a : new org.jfree.chart.axis.Axis[] {xy.getDomainAxis(), xy.getRangeAxis()}) {
                a.setTickLabelFont(TICK_FONT);
                a.setLabelFont(LABEL_FONT);
            }
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            cp.getDomainAxis().setTickLabelFont(TICK_FONT);
            cp.getDomainAxis().setLabelFont(LABEL_FONT);
            cp.getRangeAxis().setTickLabelFont(TICK_FONT);
            cp.getRangeAxis().setLabelFont(LABEL_FONT);
        }
    }

    /** A logarithmic axis whose ticks sit exactly at the data's x values (e.g. the sequence lengths measured). */
    /**
     * GMAC/s per mm^2 (x) against pJ per useful MAC (y) of every equal-work row, one series per
     * design kind and workload, at the flow's clock; better designs lie to the lower right.
     */
    public static void equalWork(Path png, List<io.fineq.hwcost.ppa.EqualWork> rows) throws IOException {
        // Core basis only (the whole design; the array basis is in the table): one colour per core,
        // one marker shape per workload; the wire-load points share their design's series.
        Map<String, List<double[]>> series = new java.util.LinkedHashMap<>();
        Map<String, int[]> style = new java.util.LinkedHashMap<>();
        List<String> workloads = new java.util.ArrayList<>();
        for (io.fineq.hwcost.ppa.EqualWork e : rows) {
            if (!e.basis().equals("core")) continue;
            double pj = e.pjPerMac(e.clockMhz());
            if (Double.isNaN(pj) || Double.isNaN(e.areaMm2())) continue;
            if (!workloads.contains(e.workload())) workloads.add(e.workload());
            String key = e.core().word() + ", " + e.workload();
            series.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(new double[] {e.gmacPerSecondPerMm2(e.clockMhz()), pj});
            style.put(key, new int[] {e.core().ordinal(), workloads.indexOf(e.workload())});
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        series.forEach((name, pts) -> {
            XYSeries s = new XYSeries(name, false);
            for (double[] pt : pts) s.add(pt[0], pt[1]);
            ds.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createScatterPlot("Equal work, core basis: throughput density against energy",
                "GMAC/s per mm^2 (higher is better)", "pJ per useful MAC (lower is better)", ds, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        java.awt.Shape[] shapes = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();
        int i = 0;
        for (int[] st : style.values()) {
            r.setSeriesPaint(i, PALETTE[st[0] % PALETTE.length]);
            r.setSeriesShape(i, shapes[st[1] % shapes.length]);
            i++;
        }
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        write(png, chart);
    }

    /** One method's point of {@link #qualityAgainstBits}: bits per weight, the metric's mean and its 95 % interval. */
    public record QualityPoint(String method, double bits, double mean, double lo, double hi) {
    }

    /**
     * A quality metric (y, with its 95 % interval as an error bar) against bits per weight (x), one
     * labelled point per method, and the FP32 value as a dashed line when given; better methods lie
     * to the upper left.
     */
    public static void qualityAgainstBits(Path png, String title, String yLabel, List<QualityPoint> points, Double fp32) throws IOException {
        org.jfree.data.xy.YIntervalSeriesCollection ds = new org.jfree.data.xy.YIntervalSeriesCollection();
        for (QualityPoint p : points) {
            org.jfree.data.xy.YIntervalSeries s = new org.jfree.data.xy.YIntervalSeries(p.method());
            s.add(p.bits(), p.mean(), p.lo(), p.hi());
            ds.addSeries(s);
        }
        NumberAxis x = new NumberAxis("bits per weight");
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0.06); // room for the labels of the outermost points
        x.setUpperMargin(0.08);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        org.jfree.chart.renderer.xy.XYErrorRenderer r = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setErrorPaint(Color.GRAY);
        r.setDefaultItemLabelGenerator((dataset, series, item) -> dataset.getSeriesKey(series).toString());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < points.size(); i++) r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        XYPlot plot = new XYPlot(ds, x, y, r);
        if (fp32 != null) { // the reference, as a dashed line
            org.jfree.chart.plot.ValueMarker ref = new org.jfree.chart.plot.ValueMarker(fp32, Color.DARK_GRAY,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            ref.setLabel("fp32");
            ref.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            ref.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            ref.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(ref);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        styleCommon(chart);
        write(png, chart);
    }

    static final class DataTickLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private final List<Double> at;

        DataTickLogAxis(String label, List<Double> at) {
            super(label);
            this.at = at;
        }

        List<Double> tickValues() {
            return at;
        }

        @Override
        protected List refreshTicksHorizontal(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea, org.jfree.chart.ui.RectangleEdge edge) {
            List<org.jfree.chart.axis.NumberTick> ticks = new java.util.ArrayList<>();
            for (double v : at) {
                ticks.add(new org.jfree.chart.axis.NumberTick(v, getNumberFormatOverride() != null ? getNumberFormatOverride().format(v)
                        : Long.toString(Math.round(v)), org.jfree.chart.ui.TextAnchor.TOP_CENTER, org.jfree.chart.ui.TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }

    private static void write(Path png, JFreeChart chart) throws IOException {
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
