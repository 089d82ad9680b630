package io.fineq.hwcost.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweeps through both executors: the same 4-point sweep (FineQ and MAC at 4x4 and 8x8 on the
 * project's library, with power) run locally and as a job array on a real single-node Slurm that
 * the test starts gives identical results; a point whose first task fails (injected, as a killed
 * task would) is resubmitted and finishes; a re-run does no work; a point that keeps failing is
 * reported with its log while the others keep their results.
 */
class SweepTest {
    @TempDir
    Path tmp;

    private static List<SweepPoint> fourPoints() {
        return List.of(
                new SweepPoint("fineq", 4, 4, 8, 0, 400, "", true),
                new SweepPoint("mac", 4, 4, 8, 0, 400, "", true),
                new SweepPoint("fineq", 8, 8, 8, 0, 400, "", true),
                new SweepPoint("mac", 8, 8, 8, 0, 400, "", true));
    }

    @Test
    void localAndSlurmAgreeRetryAKilledTaskAndReRunsDoNoWork() throws Exception {
        SweepPlan local = SweepPlan.create(tmp.resolve("local"), fourPoints());
        assertThat(new LocalExecutor(1, 0, System.out).run(local)).isEmpty();
        List<SweepPlan.PointResult> localResults = local.results();
        assertThat(localResults).hasSize(4);
        assertThat(SweepReport.write(tmp.resolve("local"), localResults)).containsExactly("sweep.html", "pareto-energy.png", "pareto-throughput.png");
        String page = Files.readString(tmp.resolve("local").resolve("sweep.html"));
        for (SweepPlan.PointResult r : localResults) assertThat(page).contains(r.key());
        for (SweepPlan.PointResult r : localResults) assertThat(r.throughput().get("minilm_l6_gmacs")).isPositive();

        SweepPlan slurm = SweepPlan.create(tmp.resolve("slurm"), fourPoints());
        assertThat(slurm.entries()).extracting(SweepPlan.Entry::key).containsExactlyElementsOf(
                local.entries().stream().map(SweepPlan.Entry::key).toList());
        String killed = slurm.entries().get(2).key();
        try (LocalSlurm cluster = new LocalSlurm(tmp.resolve("slurm-cluster"))) {
            Map<String, String> env = new HashMap<>(cluster.env());
            env.put("FINEQ_SWEEP_FAIL_ONCE", killed);
            SlurmExecutor exec = new SlurmExecutor(new SlurmExecutor.Options(null, null, null, null, 0, List.of()), 2, 500, env, System.out);
            assertThat(exec.run(slurm)).isEmpty();
        }
        assertThat(tmp.resolve("slurm").resolve("faults").resolve(killed)).as("the injected failure happened").exists();
        assertThat(SweepTable.csv(slurm.results())).isEqualTo(SweepTable.csv(localResults));

        // A re-run finds every result and runs nothing: the result files stay untouched.
        Map<Path, FileTime> before = new HashMap<>();
        for (SweepPlan.Entry e : local.entries()) before.put(local.resultFile(e), Files.getLastModifiedTime(local.resultFile(e)));
        SweepPlan again = SweepPlan.create(tmp.resolve("local"), fourPoints());
        long t0 = System.nanoTime();
        assertThat(new LocalExecutor(2, 0, System.out).run(again)).isEmpty();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
        for (Map.Entry<Path, FileTime> e : before.entrySet()) assertThat(Files.getLastModifiedTime(e.getKey())).isEqualTo(e.getValue());
    }

    @Test
    void aFailingPointIsReportedWithItsLogAndTheOthersAreKept() throws Exception {
        Path broken = tmp.resolve("broken.lib");
        Files.writeString(broken, "library (broken) {\n  cell (X) {\n");
        SweepPoint good = new SweepPoint("fineq", 4, 4, 8, 0, 400, "", false);
        SweepPoint bad = new SweepPoint("fineq", 4, 4, 8, 0, 400, broken.toString(), false);
        SweepPlan plan = SweepPlan.create(tmp.resolve("w"), List.of(good, bad));
        List<SweepExecutor.Failure> failed = new LocalExecutor(2, 1, System.out).run(plan);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).entry().point()).isEqualTo(bad);
        assertThat(failed.get(0).reason()).contains("broken.lib");
        assertThat(Files.readString(failed.get(0).log())).contains("failed").contains("broken.lib");
        assertThat(plan.results()).extracting(SweepPlan.PointResult::point).containsExactly(good);
    }
}
