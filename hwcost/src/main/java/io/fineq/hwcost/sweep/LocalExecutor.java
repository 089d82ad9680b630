package io.fineq.hwcost.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs points on this machine: a pool of {@code jobs} workers (each point runs Yosys, Verilator
 * and OpenSTA itself), a point retried up to {@code retries} times, a progress line per finished
 * point.
 */
public final class LocalExecutor implements SweepExecutor {
    private final int jobs;
    private final int retries;
    private final PrintStream progress;

    public LocalExecutor(int jobs, int retries, PrintStream progress) {
        if (jobs < 1) throw new IllegalArgumentException("jobs " + jobs + " < 1");
        this.jobs = jobs;
        this.retries = retries;
        this.progress = progress;
    }

    /**
     * The pool size for points of the largest array in {@code points}: at most one worker per two
     * cores (a point's tools use two), and as many as memory holds at about 0.5 GB plus 2 GB per
     * 4,096 PEs each (measured: 1.95 GB peak for a 64 x 64 point).
     */
    public static int defaultJobs(List<SweepPoint> points) {
        int cores = Runtime.getRuntime().availableProcessors();
        long pes = 1;
        for (SweepPoint p : points) pes = Math.max(pes, (long) p.rows() * p.cols());
        double perPointGb = 0.5 + 2.0 * pes / 4096.0;
        double memGb = physicalMemoryGb();
        int byMem = (int) Math.max(1, Math.floor(0.8 * memGb / perPointGb));
        return Math.max(1, Math.min(Math.max(1, cores / 2), byMem));
    }

    private static double physicalMemoryGb() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize() / 1e9;
        return 4;
    }

    @Override
    public List<Failure> run(SweepPlan plan) throws IOException {
        List<SweepPlan.Entry> todo = new ArrayList<>();
        for (SweepPlan.Entry e : plan.entries()) if (!plan.done(e)) todo.add(e);
        int total = plan.entries().size();
        AtomicInteger finished = new AtomicInteger(total - todo.size());
        if (progress != null) progress.printf("sweep: %d points, %d done, %d to run on %d local worker(s)%n", total, finished.get(), todo.size(), jobs);
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPlan.Entry e : todo) {
                futures.add(pool.submit(() -> {
                    String reason = null;
                    for (int attempt = 0; attempt <= retries; attempt++) {
                        try {
                            plan.runPoint(e);
                            reason = null;
                            break;
                        } catch (IOException | RuntimeException ex) {
                            reason = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                        }
                    }
                    int n = finished.incrementAndGet();
                    if (reason != null) failures.add(new Failure(e, reason, plan.logFile(e)));
                    if (progress != null) {
                        progress.printf("sweep: [%d/%d] %s %s%n", n, total, e.point().label(), reason == null ? "done" : "FAILED: " + reason);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IOException("sweep interrupted", ex);
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IOException(ex.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }
}
