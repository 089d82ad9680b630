package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Benchmark of the Verilator regression flow on one core size (default 64 x 64): build time of the
 * model and simulation throughput, for each requested C++ optimisation level and Verilator thread
 * count. Run: {@code java -cp testbench/target/fineq-vectors.jar io.fineq.tb.CoreBenchmark}.
 */
@Command(name = "fineq-tb-bench", mixinStandardHelpOptions = true,
        description = "Measure Verilator build time and simulation throughput of the FineQ core.")
public final class CoreBenchmark implements Callable<Integer> {
    @Option(names = "--rows", defaultValue = "64", description = "array rows (default ${DEFAULT-VALUE})")
    int rows;
    @Option(names = "--cols", defaultValue = "64", description = "array columns (default ${DEFAULT-VALUE})")
    int cols;
    @Option(names = "--opt", split = ",", defaultValue = "-O1,-O3", description = "C++ optimisation levels of the evaluation code, e.g. -O0,-O1,-O3 (default ${DEFAULT-VALUE}; the regressions use -O3)")
    List<String> opts;
    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Verilator --threads values (default ${DEFAULT-VALUE})")
    List<Integer> threads;
    @Option(names = "--m", defaultValue = "480", description = "weight rows M of the benchmark job (default ${DEFAULT-VALUE})")
    int m;
    @Option(names = "--k", defaultValue = "256", description = "weight columns K (default ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--tokens", defaultValue = "128", description = "tokens N (default ${DEFAULT-VALUE})")
    int tokens;
    @Option(names = "--cache", description = "build cache folder (default: a fresh temporary folder, so build times are real)")
    Path cache;
    @Option(names = "--repeat", defaultValue = "3", description = "simulation runs per model; the fastest counts (default ${DEFAULT-VALUE})")
    int repeat;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new CoreBenchmark());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("fineq-tb-bench: " + e.getMessage());
            return 1;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Path cacheRoot = cache != null ? cache : Files.createTempDirectory("fineq-bench-cache");
        Path work = Files.createTempDirectory("fineq-bench-run");
        try {
            return measure(cacheRoot, work);
        } finally {
            // A fresh cache only exists to time real builds; the models are ~35 MB each.
            if (cache == null) VerilatorBuild.deleteTree(cacheRoot);
            VerilatorBuild.deleteTree(work);
        }
    }

    private int measure(Path cacheRoot, Path work) throws IOException {
        FineqConfig cfg = new FineqConfig(rows, cols, 8, true, 0);
        FqwImage image = JobInputs.syntheticImage(m, k, cols, 7);
        int[][] x = JobInputs.randomActivations(tokens, k, cfg.actWidth(), 7);
        long t0 = System.nanoTime();
        CoreVectors v = GoldenVectors.of(cfg, image, x);
        double goldenSeconds = (System.nanoTime() - t0) / 1e9;
        int vectors = v.expected().size();
        System.out.printf(Locale.ROOT, "%s: job M=%d K=%d N=%d -> %d tiles, %d weight vectors, %d cycles (golden model %.2f s)%n",
                cfg.name(), m, k, tokens, v.expected().get(vectors - 1).tile() + 1, vectors, v.expectedCycles(), goldenSeconds);
        System.out.printf(Locale.ROOT, "%-4s %-7s %10s %10s %12s %12s %8s %s%n", "opt", "threads", "build s", "sim s", "vectors/s", "cycles/s",
                "peak MB", "result");
        for (String opt : opts) {
            for (int th : threads) {
                BuildOptions bo = new BuildOptions(opt, th, false);
                VerilatorBuild.Model model = new VerilatorBuild(cacheRoot).build(CoreRegression.TOP, RtlSources.core(cfg), CoreRegression.HARNESS, bo);
                CoreSimulator sim = new CoreSimulator(model);
                StimulusFiles.write(v, work);
                double best = Double.MAX_VALUE;
                CoreRun run = null;
                for (int i = 0; i < Math.max(1, repeat); i++) {
                    long s0 = System.nanoTime();
                    run = sim.runFiles(vectors, v.expectedCycles(), work, Stalls.NONE, null);
                    best = Math.min(best, (System.nanoTime() - s0) / 1e9);
                }
                List<String> diffs = CoreCheck.compare(v, run, true);
                System.out.printf(Locale.ROOT, "%-4s %-7d %10s %10.3f %12.0f %12.0f %8.1f %s%n", opt, th,
                        model.fromCache() ? "cached" : String.format(Locale.ROOT, "%.1f", model.buildSeconds()), best,
                        vectors / best, run.cycles() / best, run.peakRssKb() / 1024.0,
                        diffs.isEmpty() ? "exact" : diffs.size() + " differences: " + diffs.get(0));
            }
        }
        return 0;
    }
}
