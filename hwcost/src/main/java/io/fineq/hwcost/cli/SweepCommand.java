package io.fineq.hwcost.cli;

import io.fineq.cli.PathArg;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.ppa.PpaStudy;
import io.fineq.hwcost.sweep.LocalExecutor;
import io.fineq.hwcost.sweep.SlurmExecutor;
import io.fineq.hwcost.sweep.SweepExecutor;
import io.fineq.hwcost.sweep.SweepPlan;
import io.fineq.hwcost.sweep.SweepPoint;
import io.fineq.hwcost.sweep.SweepReport;
import io.fineq.hwcost.sweep.SweepTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sweep}: the PPA flow over every combination of the given parameters; one result per
 * point named by a hash of what determines it, so a re-run only computes what is missing or changed.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, sortOptions = false,
        description = {"Design-space sweep: the PPA flow over every combination of sizes, activation widths, adder pipelining,",
                "clocks, libraries and designs. Finished points are kept and skipped on a re-run."})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "8,16", description = "square array sizes, default ${DEFAULT-VALUE}") String sizes;
    @Option(names = "--act-widths", defaultValue = "8", description = "ACT_W values (2..16), default ${DEFAULT-VALUE}") String actWidths;
    @Option(names = "--adder-pipelines", defaultValue = "0", description = "adder-tree pipelining P values (0..16), default ${DEFAULT-VALUE}") String pipes;
    @Option(names = "--clocks-mhz", defaultValue = "400", description = "target clocks (1..5000 MHz), default ${DEFAULT-VALUE}") String clocks;
    @PathArg(value = PathArg.Kind.INPUT_FILE, split = ",", except = "generic")
    @Option(names = "--libraries", defaultValue = "generic", description = "Liberty files, 'generic' for the project's library, default ${DEFAULT-VALUE}") String libraries;
    @Option(names = "--designs", defaultValue = "fineq,mac", description = "fineq and/or mac, default ${DEFAULT-VALUE}") String designs;
    @Option(names = "--no-power", description = "skip the activity simulation and power") boolean noPower;
    @Option(names = "--jobs", description = "local workers (default: by cores and memory)") Integer jobs;
    @Option(names = "--retries", defaultValue = "1", description = "retries of a failed point (0..10), default ${DEFAULT-VALUE}") int retries;
    @PathArg(PathArg.Kind.WORK_FOLDER)
    @Option(names = "--work", defaultValue = "build/sweep", description = "shared work folder (plan, results, logs), default ${DEFAULT-VALUE}") Path work;
    @Option(names = "--executor", defaultValue = "local", description = "local or slurm (one sbatch --array job), default ${DEFAULT-VALUE}") String executor;
    @Option(names = "--slurm-partition", description = "sbatch --partition") String partition;
    @Option(names = "--slurm-time", description = "sbatch --time per task, e.g. 00:30:00") String time;
    @Option(names = "--slurm-mem", description = "sbatch --mem per task, e.g. 6G") String mem;
    @Option(names = "--slurm-account", description = "sbatch --account") String account;
    @Option(names = "--slurm-max-parallel", defaultValue = "0", description = "at most this many tasks at once (0: no limit)") int maxParallel;
    @Option(names = "--slurm-arg", description = "further sbatch argument, repeatable") List<String> slurmArgs = new ArrayList<>();
    @Option(names = "--poll-seconds", defaultValue = "10", description = "squeue polling interval (1..600), default ${DEFAULT-VALUE}") int pollSeconds;

    @Override
    public Integer call() throws Exception {
        if (retries < 0 || retries > 10) throw new UserError("--retries: " + retries + " is out of range 0..10");
        // Checked whatever the executor, so a pointless value is never accepted silently.
        if (pollSeconds < 1 || pollSeconds > 600) throw new UserError("--poll-seconds: " + pollSeconds + " is out of range 1..600");
        if (maxParallel < 0) throw new UserError("--slurm-max-parallel: " + maxParallel + " is out of range 0.. (0: no limit)");
        if (jobs != null && (jobs < 1 || jobs > 64)) throw new UserError("--jobs: " + jobs + " is out of range 1..64");
        List<SweepPoint> points = points();
        SweepExecutor exec;
        switch (executor.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> {
                int n = jobs != null ? jobs : LocalExecutor.defaultJobs(points);
                if (n < 1 || n > 64) throw new UserError("--jobs: " + n + " is out of range 1..64");
                exec = new LocalExecutor(n, retries, System.out);
            }
            case "slurm" -> {
                exec = new SlurmExecutor(new SlurmExecutor.Options(partition, time, mem, account, maxParallel, slurmArgs), retries,
                        pollSeconds * 1000L, java.util.Map.of(), System.out);
            }
            default -> throw new UserError("--executor: '" + executor + "' is not local or slurm");
        }
        SweepPlan plan = SweepPlan.create(work, points);
        List<SweepExecutor.Failure> failed = exec.run(plan);
        var results = plan.results();
        AtomicFiles.writeString(work.resolve("sweep.csv"), SweepTable.csv(results));
        AtomicFiles.writeString(work.resolve("sweep-results.json"), SweepTable.json(results));
        System.out.print(SweepTable.csv(results));
        List<String> page = SweepReport.write(work, results);
        System.out.println("wrote " + work.resolve("sweep.csv") + ", " + work.resolve("sweep-results.json") + " and " + String.join(", ", page));
        for (SweepExecutor.Failure f : failed) System.out.println("FAILED " + f.entry().point().label() + ": " + f.reason() + " (log: " + f.log() + ")");
        return failed.isEmpty() ? 0 : 1;
    }

    List<SweepPoint> points() {
        // A point given twice (--sizes 8,8, a library named twice) runs once.
        java.util.Set<SweepPoint> out = new java.util.LinkedHashSet<>();
        List<String> libs = new ArrayList<>();
        for (String l : libraries.split(",")) {
            String t = l.strip();
            if (t.isEmpty()) continue;
            libs.add(t.equalsIgnoreCase("generic") ? "" : Path.of(t).toAbsolutePath().toString());
        }
        List<String> ds = new ArrayList<>();
        PpaStudy.Designs which = PpaStudy.Designs.parseList("--designs", designs);
        for (io.fineq.rtl.CoreKind k : which.kinds()) ds.add(k == io.fineq.rtl.CoreKind.MAC_SYSTOLIC ? "mac" : k.word());
        for (String lib : libs) {
            for (int clk : Sizes.parse("--clocks-mhz", clocks, 5000)) {
                for (int n : Sizes.parse("--sizes", sizes)) {
                    for (int a : Sizes.parse("--act-widths", actWidths, 16)) {
                        for (int p : parseNonNegative("--adder-pipelines", pipes, 16)) {
                            for (String d : ds) {
                                if (d.equals("mac") && p != 0) continue;   // the systolic array has no tree: its point is the same for every P
                                out.add(new SweepPoint(d, n, n, a, p, clk, lib, !noPower));
                            }
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) throw new UserError("sweep: no points (check --sizes, --designs, --libraries)");
        return new ArrayList<>(out);
    }

    private static List<Integer> parseNonNegative(String option, String text, int max) {
        List<Integer> out = new ArrayList<>();
        for (String t : text.split(",")) {
            try {
                int v = Integer.parseInt(t.strip());
                if (v < 0 || v > max) throw new UserError(option + ": " + v + " is out of range 0.." + max);
                out.add(v);
            } catch (NumberFormatException e) {
                throw new UserError(option + ": '" + t.strip() + "' is not a number");
            }
        }
        return out;
    }
}
