package io.fineq.hwcost.sim;

import io.fineq.hwcost.mac.MacGeometry;
import io.fineq.hwcost.mac.MacSchedule;
import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark of the MAC baseline's Verilator model (the regressions' build options): build time and
 * whole-process simulation throughput of one job. Run:
 * {@code java -cp hwcost/target/fineq-hwcost.jar io.fineq.hwcost.sim.MacBenchmark [size] [repeat]}.
 */
public final class MacBenchmark {
    private MacBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        FineqConfig cfg = new FineqConfig(size, size, 8, true, 0);
        int n = 2 * size, m = 480, k = 4 * size;
        Random rnd = new Random(7);
        int[][] x = new int[n][k];
        int[][] q = new int[m][k];
        for (int[] row : x) for (int i = 0; i < k; i++) row[i] = rnd.nextInt(256) - 128;
        for (int[] row : q) for (int i = 0; i < k; i++) row[i] = rnd.nextInt(7) - 3;
        Path work = Files.createTempDirectory("fineq-mac-bench");
        try {
            long t0 = System.nanoTime();
            MacVerilatorRunner sim = new MacVerilatorRunner(cfg, work);
            double build = (System.nanoTime() - t0) / 1e9;
            List<String> schedule = MacSchedule.build(cfg, x, q, m, new MacGeometry(cfg).drain());
            double best = Double.MAX_VALUE;
            MacVerilatorRunner.Result r = null;
            for (int i = 0; i < Math.max(1, repeat); i++) {
                long s0 = System.nanoTime();
                r = sim.run(schedule);
                best = Math.min(best, (System.nanoTime() - s0) / 1e9);
            }
            long cycles = schedule.size() + MacVerilatorRunner.drainCycles(cfg);
            System.out.printf(Locale.ROOT, "mac_%dx%d: job M=%d K=%d N=%d, %d cycles, %d result beats%n", size, size, m, k, n, cycles, r.beats().size());
            System.out.printf(Locale.ROOT, "build %.1f s, simulation %.3f s (best of %d), %.0f cycles/s%n", build, best, repeat, cycles / best);
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
