package io.fineq.hwcost.cli;

import io.fineq.cli.PathArg;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.ppa.PpaFlow;
import io.fineq.hwcost.ppa.PpaReport;
import io.fineq.hwcost.ppa.PpaStudy;
import io.fineq.hwcost.perf.Workloads;
import io.fineq.hwcost.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ppa}: the open PPA flow (Yosys onto a Liberty library, design-rule buffer trees,
 * OpenSTA, power from a simulated real job) for the FineQ core and the MAC baseline, with the
 * FineQ/MAC ratios next to the paper's.
 */
@Command(name = "ppa", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, sortOptions = false,
        description = {"Area, timing and power of the FineQ core and the MAC baseline in a Liberty library: Yosys synthesis,",
                "design-rule buffer trees, OpenSTA timing, power from the switching activity of a real quantized job."})
public class PpaCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "16", description = "square array sizes, default ${DEFAULT-VALUE}") String sizes;
    @Option(names = "--adder-pipeline", defaultValue = "0", description = "adder-tree pipelining P (0..16), default ${DEFAULT-VALUE}") int pipe;
    @Option(names = "--act-width", defaultValue = "8", description = "ACT_W (2..16), default ${DEFAULT-VALUE}") int actWidth;
    @Option(names = "--clock-mhz", defaultValue = "400", description = "target clock (1..5000 MHz), default ${DEFAULT-VALUE}") int clockMhz;
    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--liberty", description = "Liberty file (.lib or .lib.gz); default -Dliberty=..., else the project's fineq_generic.lib") Path liberty;
    @Option(names = "--designs", defaultValue = "fineq-shifted,mac-tree", description = "comma list of fineq, fineq-shifted, mac-tree, mac-systolic (mac = mac-systolic, both = fineq,mac-systolic, all), default ${DEFAULT-VALUE}: the default core and the strongest baseline") String designs;
    @Option(names = "--wires", defaultValue = "off", description = "off (cell capacitances only), on (the library's default wire-load model) or both, default ${DEFAULT-VALUE}") String wires;
    @Option(names = "--workload", defaultValue = "none", description = "equal-work table on minilm-l6, minilm-l6-gptq (size 64), llama2-7b (comma list; none), default ${DEFAULT-VALUE}") String workload;
    @Option(names = "--tokens", defaultValue = "128", description = "tokens of the equal-work workloads (1..1048576), default ${DEFAULT-VALUE}") int tokens;
    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--plot", description = "PNG of GMAC/s/mm^2 against pJ/MAC, every design and workload (needs --workload)") Path plot;
    @PathArg(PathArg.Kind.WORK_FOLDER)
    @Option(names = "--work", defaultValue = "build/ppa", description = "work folder (RTL, scripts, netlists, logs), default ${DEFAULT-VALUE}") Path work;
    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--json", description = "also write the results as JSON to this file") Path json;

    /** Whether the command simulates the activity job and reports power. */
    protected boolean power() {
        return !noPower;
    }

    @Option(names = "--no-power", description = "skip the activity simulation and power (timing and area only)") boolean noPower;

    @Override
    public Integer call() throws Exception {
        PpaStudy.Designs which = PpaStudy.Designs.parseList("--designs", designs);
        java.util.List<String> workloads = Workloads.parse("--workload", workload);
        if (tokens < 1 || tokens > (1 << 20)) throw new UserError("--tokens: " + tokens + " is out of range 1..1048576");
        if (plot != null && workloads.isEmpty()) throw new UserError("--plot: needs --workload (the plot shows the equal-work figures)");
        java.util.List<Integer> sz = Sizes.parse("--sizes", sizes);
        for (String w : workloads)
            if (w.startsWith("minilm-l6-gptq") && sz.stream().anyMatch(n -> n != 64))
                throw new UserError("--workload " + w + ": the calibrated images are built for C = 64; --sizes must be 64");
        java.util.List<Boolean> wireModes = switch (wires.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "off" -> java.util.List.of(false);
            case "on" -> java.util.List.of(true);
            case "both" -> java.util.List.of(false, true);
            default -> throw new UserError("--wires: '" + wires + "' is not one of off, on, both");
        };
        PpaFlow.Options base = new PpaFlow.Options(PpaStudy.liberty(liberty), clockMhz, work, power());
        java.util.List<io.fineq.hwcost.ppa.PpaResult> all = new java.util.ArrayList<>();
        java.util.List<io.fineq.hwcost.ppa.PpaComparison> cmps = new java.util.ArrayList<>();
        for (boolean w : wireModes) {
            PpaStudy.Outcome one = PpaStudy.run(sz, actWidth, pipe, which, base.withWires(w), System.out);
            all.addAll(one.results());
            cmps.addAll(one.comparisons());
        }
        PpaStudy.Outcome o = new PpaStudy.Outcome(all, cmps);
        System.out.print(PpaReport.table(o.results()));
        if (!o.comparisons().isEmpty()) System.out.print(PpaReport.ratios(o.comparisons()));
        java.util.List<io.fineq.hwcost.ppa.EqualWork> equal = PpaStudy.equalWork(o, sz, actWidth, pipe, which, workloads, tokens, clockMhz, System.out);
        if (!equal.isEmpty()) System.out.print(PpaReport.equalWork(equal, tokens));
        // The JSON and the plot belong together: both are written, or neither.
        String jsonText = json == null ? null : PpaReport.json(o.results(), o.comparisons(), equal);
        if (plot != null) {
            io.fineq.hwcost.report.Charts.equalWork(plot, equal);
            System.out.println("wrote " + plot);
        }
        if (json != null) {
            AtomicFiles.writeString(json, jsonText);
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
