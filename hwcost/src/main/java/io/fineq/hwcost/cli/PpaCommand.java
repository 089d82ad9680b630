package io.fineq.hwcost.cli;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.ppa.FineqPpaDesign;
import io.fineq.hwcost.ppa.MacPpaDesign;
import io.fineq.hwcost.ppa.PpaComparison;
import io.fineq.hwcost.ppa.PpaFlow;
import io.fineq.hwcost.ppa.PpaReport;
import io.fineq.hwcost.ppa.PpaResult;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ppa}: the open PPA flow (Yosys onto a Liberty library, design-rule buffer trees,
 * OpenSTA, power from a simulated real job) for the FineQ core and the MAC baseline, with the
 * FineQ/MAC ratios next to the paper's.
 */
@Command(name = "ppa", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Area, timing and power of the FineQ core and the MAC baseline in a Liberty library: Yosys synthesis,",
                "design-rule buffer trees, OpenSTA timing, power from the switching activity of a real quantized job."})
public final class PpaCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "16", description = "square array sizes, default ${DEFAULT-VALUE}") String sizes;
    @Option(names = "--adder-pipeline", defaultValue = "0", description = "adder-tree pipelining P (0..16), default ${DEFAULT-VALUE}") int pipe;
    @Option(names = "--act-width", defaultValue = "8", description = "ACT_W (2..16), default ${DEFAULT-VALUE}") int actWidth;
    @Option(names = "--clock-mhz", defaultValue = "400", description = "target clock (1..5000 MHz), default ${DEFAULT-VALUE}") int clockMhz;
    @Option(names = "--liberty", description = "Liberty file (.lib or .lib.gz); default -Dliberty=..., else the project's fineq_generic.lib") Path liberty;
    @Option(names = "--design", defaultValue = "both", description = "fineq, mac or both, default ${DEFAULT-VALUE}") String design;
    @Option(names = "--no-power", description = "skip the activity simulation and power (timing and area only)") boolean noPower;
    @Option(names = "--work", defaultValue = "build/ppa", description = "work folder (RTL, scripts, netlists, logs), default ${DEFAULT-VALUE}") Path work;
    @Option(names = "--json", description = "also write the results as JSON to this file") Path json;

    @Override
    public Integer call() throws Exception {
        String which = design.strip().toLowerCase(Locale.ROOT);
        if (!which.equals("both") && !which.equals("fineq") && !which.equals("mac")) {
            throw new UserError("--design: '" + design + "' is not one of fineq, mac, both");
        }
        Path lib = liberty;
        if (lib == null) {
            String prop = System.getProperty("liberty", "").strip();
            if (!prop.isEmpty()) lib = Path.of(prop);
        }
        PpaFlow flow = new PpaFlow(System.out);
        List<PpaResult> results = new ArrayList<>();
        List<PpaComparison> cmp = new ArrayList<>();
        for (int n : Sizes.parse("--sizes", sizes)) {
            FineqConfig cfg = new FineqConfig(n, n, actWidth, true, pipe);
            PpaFlow.Options opts = new PpaFlow.Options(lib, clockMhz, work, !noPower);
            PpaResult f = which.equals("mac") ? null : flow.run(new FineqPpaDesign(cfg, clockMhz), opts);
            PpaResult m = which.equals("fineq") ? null : flow.run(new MacPpaDesign(cfg, clockMhz), opts);
            if (f != null) results.add(f);
            if (m != null) results.add(m);
            if (f != null && m != null) cmp.add(new PpaComparison(cfg, f, m, new FineqPpaDesign(cfg, clockMhz).arrayCategories()));
        }
        System.out.print(PpaReport.table(results));
        if (!cmp.isEmpty()) System.out.print(PpaReport.ratios(cmp));
        if (json != null) {
            AtomicFiles.writeString(json, PpaReport.json(results, cmp));
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
