package io.fineq.hwcost.cli;

import io.fineq.cli.PathArg;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.ppa.PpaFlow;
import io.fineq.hwcost.ppa.PpaReport;
import io.fineq.hwcost.ppa.PpaStudy;
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
    @Option(names = "--designs", defaultValue = "fineq,mac", description = "fineq and/or mac (or both), default ${DEFAULT-VALUE}") String designs;
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
        PpaFlow.Options opts = new PpaFlow.Options(PpaStudy.liberty(liberty), clockMhz, work, power());
        PpaStudy.Outcome o = PpaStudy.run(Sizes.parse("--sizes", sizes), actWidth, pipe, which, opts, System.out);
        System.out.print(PpaReport.table(o.results()));
        if (!o.comparisons().isEmpty()) System.out.print(PpaReport.ratios(o.comparisons()));
        if (json != null) {
            AtomicFiles.writeString(json, PpaReport.json(o.results(), o.comparisons()));
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
