package io.fineq.hwcost.mac;

import io.fineq.hwcost.ppa.MacPpaDesign;
import io.fineq.hwcost.ppa.SwitchingActivity;
import io.fineq.hwcost.sim.MacVerilatorRunner;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MAC activity model against the RTL: the PPA flow's activity job runs in Verilator with
 * toggle coverage and in {@link MacActivityModel}; both give the golden model's results and the
 * same toggle count for every signal bit the coverage counts per instance (inner modules' ports
 * are not: Verilator reports them once, not summed over instances; the clock-gate primitive is a
 * library cell in the netlist).
 */
class MacActivityModelTest {
    /** Ports of the inner modules whose coverage is left out (mac_pe and mac_pe_head have none). */
    private static final Map<String, Set<String>> INNER_PORTS = Map.of(
            "mac_wfeed", Set.of("w_valid_i", "w_i", "w_o"),
            "mac_wskew", Set.of("clk_i", "w_i", "w_o"));
    /** The top's outputs and its clock and reset: the power flow reads none of them. */
    private static final Set<String> TOP_UNCOUNTED = Set.of("res_o", "res_valid_o", "clk_i", "rst_ni");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"8, 8", "5, 12"})
    void modelCountsEveryToggleVerilatorCounts(int rows, int cols) throws Exception {
        FineqConfig cfg = new FineqConfig(rows, cols, 8, true, 0);
        MacPpaDesign design = new MacPpaDesign(cfg, 400);
        MacPpaDesign.Job job = design.job();

        MacVerilatorRunner sim = new MacVerilatorRunner(cfg, tmp, true);
        Path coverage = tmp.resolve("toggles.dat");
        MacVerilatorRunner.Result rtl = sim.run(job.schedule(), coverage);
        MacActivityModel.Result model = new MacActivityModel(cfg).run(job.schedule(), job.drain());

        design.checkAgainstGolden(rtl.beats(), job.golden());
        design.checkAgainstGolden(model.beats(), job.golden());
        assertThat(model.cycles()).isEqualTo(rtl.cycles());
        assertThat(model.simulated()).isEqualTo(rtl.simulatedCycles());

        Map<String, Map<String, Long>> verilator = SwitchingActivity.readToggleCoverage(coverage);
        int compared = 0;
        java.util.List<String> mismatches = new java.util.ArrayList<>();
        long toggles = 0;
        for (var m : verilator.entrySet()) {
            if (m.getKey().equals(MacArrayGenerator.CLOCK_GATE)) continue;
            for (var s : m.getValue().entrySet()) {
                String base = s.getKey().replaceAll("\\[\\d+\\]$", "");
                if (INNER_PORTS.getOrDefault(m.getKey(), Set.of()).contains(base)) continue;
                if (m.getKey().equals(MacArrayGenerator.TOP) && TOP_UNCOUNTED.contains(base)) continue;
                Long mine = model.toggles().getOrDefault(m.getKey(), Map.of()).get(s.getKey());
                if (!s.getValue().equals(mine)) mismatches.add(m.getKey() + " " + s.getKey() + ": Verilator " + s.getValue() + ", model " + mine);
                compared++;
                toggles += s.getValue();
            }
        }
        assertThat(mismatches).isEmpty();
        // Every signal the model counts is one Verilator counts, except the skew registers in generate blocks.
        Map<String, Integer> extra = new HashMap<>();
        model.toggles().forEach((mod, sigs) -> sigs.keySet().forEach(sig -> {
            if (!verilator.getOrDefault(mod, Map.of()).containsKey(sig)) extra.merge(mod + " " + sig.replaceAll("\\[\\d+\\]$", ""), 1, Integer::sum);
        }));
        assertThat(extra.keySet()).allMatch(k -> k.startsWith("mac_wskew g_"), "only skew registers are uncovered: " + extra);
        long modelKeys = model.toggles().values().stream().mapToLong(Map::size).sum();
        assertThat(compared).isEqualTo(modelKeys - extra.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(toggles).isGreaterThan(10_000);
    }
}
