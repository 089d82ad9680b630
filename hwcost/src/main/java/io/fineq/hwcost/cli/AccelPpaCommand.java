package io.fineq.hwcost.cli;

import io.fineq.cli.PathArg;
import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.ppa.AccelPpaDesign;
import io.fineq.hwcost.ppa.PpaFlow;
import io.fineq.hwcost.ppa.PpaReport;
import io.fineq.hwcost.ppa.PpaResult;
import io.fineq.hwcost.ppa.PpaStudy;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.ConfigException;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code accel-ppa}: the PPA flow on the whole accelerator (docs/accelerator.md, "Accelerator
 * PPA"): the shell and its core synthesised together, the memories as the macros of the project's
 * 45 nm SRAM model, OpenSTA, and power from an accelerator job simulated in Verilator; FineQ's
 * accelerator against the MAC-tree accelerator with the same shell, buffers and bus.
 */
@Command(name = "accel-ppa", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, sortOptions = false,
        description = {"Area, timing and power of the whole accelerator (core + AXI shell + SRAM macros): Yosys, OpenSTA,",
                "power from an accelerator job simulated in Verilator; FineQ's accelerator against the MAC-tree accelerator."})
public final class AccelPpaCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "16", description = "array side R = C: a power of two 8..1024, default ${DEFAULT-VALUE} (64: the paper's)") int size;
    @Option(names = "--designs", defaultValue = "fineq-shifted,mac-tree", split = ",",
            description = "cores in the shell: fineq, fineq-shifted, mac-tree (comma list), default ${DEFAULT-VALUE}") List<String> designs;
    @Option(names = "--clock-mhz", defaultValue = "400", description = "target clock (1..5000 MHz), default ${DEFAULT-VALUE}") int clockMhz;
    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--liberty", description = "Liberty file (.lib or .lib.gz); default -Dliberty=..., else the project's fineq_generic.lib") Path liberty;
    @Option(names = "--wires", defaultValue = "off", description = "off (cell capacitances only) or on (the library's default wire-load model), default ${DEFAULT-VALUE}") String wires;
    @Option(names = "--no-power", description = "skip the activity simulation and power (timing and area only)") boolean noPower;
    @PathArg(PathArg.Kind.WORK_FOLDER)
    @Option(names = "--work", defaultValue = "build/accel-ppa", description = "work folder (RTL, scripts, netlists, logs), default ${DEFAULT-VALUE}") Path work;
    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--json", description = "also write the results as JSON to this file") Path json;

    @Override
    public Integer call() throws Exception {
        boolean wired = switch (wires.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> false;
            case "on" -> true;
            default -> throw new UserError("--wires: '" + wires + "' is not one of off, on");
        };
        if (size < 8 || size > FineqConfig.MAX_DIM || Integer.bitCount(size) != 1) {
            throw new UserError("--size: " + size + " is out of range: a power of two 8.." + FineqConfig.MAX_DIM + " (an activation row is whole bus words)");
        }
        List<String> shells = java.util.Arrays.stream(CoreKind.values()).filter(CoreKind::inShell).map(CoreKind::word).toList();
        List<AccelPpaDesign> ds = new ArrayList<>();
        for (String w : designs) {
            CoreKind k = java.util.Arrays.stream(CoreKind.values()).filter(c -> c.inShell() && c.word().equals(w.strip())).findFirst()
                    .orElseThrow(() -> new UserError("--designs: '" + w.strip() + "' is not one of " + String.join(", ", shells)));
            AccelConfig cfg;
            try {
                cfg = AccelConfig.defaults(new FineqConfig(size, size, 8, true, 0).withCore(k));
            } catch (ConfigException e) {
                throw new UserError("--size: " + size + ": " + e.getMessage());
            }
            ds.add(new AccelPpaDesign(cfg, clockMhz));
        }
        PpaFlow.Options o = new PpaFlow.Options(PpaStudy.liberty(liberty), clockMhz, work, !noPower, wired);
        List<PpaResult> results = new ArrayList<>();
        PpaFlow flow = new PpaFlow(System.out);
        for (AccelPpaDesign d : ds) results.add(flow.run(d, o));
        System.out.print(PpaReport.table(results));
        System.out.print(table(ds, results));
        if (json != null) {
            AtomicFiles.writeString(json, PpaReport.json(results, List.of()));
            System.out.println("wrote " + json);
        }
        return 0;
    }

    /** Per accelerator: area and power of core, shell logic and macros; the job's GMAC/s per mm² and pJ/MAC; FineQ against MAC. */
    static String table(List<AccelPpaDesign> ds, List<PpaResult> rs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-26s %9s %9s %9s %9s %9s %9s %9s %9s %10s %10s %12s%n", "accelerator", "core mm2", "shell mm2",
                "SRAM mm2", "total mm2", "core mW", "shell mW", "SRAM mW", "total mW", "pJ/MAC", "fmax MHz", "GMAC/s/mm2"));
        List<double[]> figures = new ArrayList<>();
        for (int i = 0; i < rs.size(); i++) {
            PpaResult r = rs.get(i);
            AccelPpaDesign d = ds.get(i);
            double core = r.areaOf(d.coreCategories()) * 1e-6;
            double shell = r.areaOf(AccelPpaDesign.SHELL) * 1e-6;
            double sram = r.areaOf(List.of(AccelPpaDesign.MACROS)) * 1e-6;
            double total = r.area() * 1e-6;
            // The job's throughput at the target clock: useful MACs over the cycles the accelerator took.
            double gmacs = r.activityCycles() <= 0 ? Double.NaN : r.usefulMacs() / (r.activityCycles() / (r.clockMhz() * 1e6)) / 1e9;
            figures.add(new double[] {r.energyPerMacPj(), gmacs / total});
            sb.append(String.format(Locale.ROOT, "%-26s %9.4f %9.4f %9.4f %9.4f %9s %9s %9s %9s %10s %10.0f %12s%n", r.design(), core, shell, sram, total,
                    mw(r.powerOf(d.coreCategories())), mw(r.powerOf(AccelPpaDesign.SHELL)), mw(r.powerOf(List.of(AccelPpaDesign.MACROS))),
                    mw(r.powerMw() < 0 ? Double.NaN : r.powerMw()), r.energyPerMacPj() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.energyPerMacPj()),
                    r.fmaxMhz(), Double.isNaN(gmacs) ? "-" : String.format(Locale.ROOT, "%.1f", gmacs / total)));
        }
        for (int f = 0; f < rs.size(); f++) {
            if (!ds.get(f).config().core().core().fineq()) continue;
            for (int m = 0; m < rs.size(); m++) {
                if (ds.get(m).config().core().core().fineq() || figures.get(f)[0] <= 0) continue;
                sb.append(String.format(Locale.ROOT, "%s against %s: energy per MAC %.2fx less (the paper: 1.79x), GMAC/s per mm2 %.2fx, area %.2fx%n",
                        rs.get(f).design(), rs.get(m).design(), figures.get(m)[0] / figures.get(f)[0], figures.get(f)[1] / figures.get(m)[1],
                        rs.get(m).area() / rs.get(f).area()));
            }
        }
        sb.append("SRAM: the project's 45 nm macro model (docs/accelerator.md, \"Memory macros\"): access energy from the job's exact access counts.\n");
        return sb.toString();
    }

    private static String mw(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
