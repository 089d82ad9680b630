package io.fineq.hwcost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.Test;

/** Plots people can read: rare histogram bins visible, ticks at the data, text left and numbers right. */
class ReportReadabilityTest {

    @Test
    void theCodeHistogramHasALogarithmicAxisThatShowsTheRareBins() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("-3", 0.02);
        v.put("-2", 0.3);
        v.put("0", 62.0);
        v.put("2", 0.31);
        v.put("3", 0.019);
        JFreeChart c = Charts.logBarChart("t", "q", "% of weights", Map.of("w", v));
        assertThat(c.getCategoryPlot().getRangeAxis()).isInstanceOf(LogAxis.class);
        LogAxis y = (LogAxis) c.getCategoryPlot().getRangeAxis();
        // The floor is the decade below the smallest bin: 0.019 -> 0.01, so that bin has a visible bar.
        assertThat(y.getLowerBound()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(y.getTickLabelFont().getSize()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void sequenceAxisTicksSitAtTheMeasuredLengths() {
        Map<String, List<double[]>> lines = Map.of("FineQ", List.of(new double[] {32, 1e5}, new double[] {2048, 5e6}, new double[] {256, 7e5}),
                "MAC", List.of(new double[] {1024, 4e6}));
        JFreeChart c = Charts.logLineChart("t", "sequence length", "cycles", lines);
        assertThat(c.getXYPlot().getDomainAxis()).isInstanceOf(Charts.DataTickLogAxis.class);
        assertThat(((Charts.DataTickLogAxis) c.getXYPlot().getDomainAxis()).tickValues()).containsExactly(32.0, 256.0, 1024.0, 2048.0);
    }

    @Test
    void numbersAreRightAlignedAndTextLeftAligned() {
        String html = "<table><tr><td>fineq</td><td>PE array</td><td>12,345</td><td>0.276</td><td>-0.5 ns</td><td>3.7x</td><td>1.2e-3</td></tr></table>";
        assertThat(HtmlReport.alignCells(html)).isEqualTo("<table><tr><td>fineq</td><td>PE array</td><td class=\"n\">12,345</td>"
                + "<td class=\"n\">0.276</td><td class=\"n\">-0.5 ns</td><td class=\"n\">3.7x</td><td class=\"n\">1.2e-3</td></tr></table>");
    }
}
