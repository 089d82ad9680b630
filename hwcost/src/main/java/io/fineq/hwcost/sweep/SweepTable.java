package io.fineq.hwcost.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fineq.hwcost.ppa.PpaResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The finished points of a sweep as one table: CSV (one row per point) and JSON. */
public final class SweepTable {
    private SweepTable() {
    }

    static final String[] COLUMNS = {"key", "design", "rows", "cols", "act_width", "adder_pipeline", "clock_mhz", "library",
        "area_um2", "array_area_um2", "area_per_pe_um2", "worst_slack_ns", "fmax_mhz", "signoff_clean", "power_mw", "energy_per_mac_pj",
        "llama2_7b_gmacs", "llama2_7b_gmacs_per_mm2", "minilm_l6_gmacs", "minilm_l6_gmacs_per_mm2"};

    static List<Map<String, Object>> rows(List<SweepPlan.PointResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SweepPlan.PointResult pr : results) {
            SweepPoint p = pr.point();
            PpaResult r = pr.result();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", pr.key());
            m.put("design", p.design());
            m.put("rows", p.rows());
            m.put("cols", p.cols());
            m.put("act_width", p.actWidth());
            m.put("adder_pipeline", p.adderPipeline());
            m.put("clock_mhz", p.clockMhz());
            m.put("library", r.library());
            m.put("area_um2", r.area());
            m.put("array_area_um2", r.arrayArea());
            m.put("area_per_pe_um2", r.areaPerPe());
            m.put("worst_slack_ns", r.worstSlack());
            m.put("fmax_mhz", r.fmaxMhz());
            m.put("signoff_clean", r.signOffClean());
            m.put("power_mw", r.powerMw() < 0 ? null : r.powerMw());
            m.put("energy_per_mac_pj", r.energyPerMacPj() < 0 ? null : r.energyPerMacPj());
            if (pr.throughput() != null) m.putAll(pr.throughput());
            rows.add(m);
        }
        return rows;
    }

    public static String csv(List<SweepPlan.PointResult> results) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Map<String, Object> row : rows(results)) {
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                Object v = row.get(c);
                cells.add(v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v.toString());
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    public static String json(List<SweepPlan.PointResult> results) throws IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows(results)) + "\n";
    }
}
