package io.fineq.hwcost.sweep;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One point of a sweep, run by a Slurm array task: {@code SweepTask <work folder> <index>} runs
 * entry {@code index} of the plan in the shared work folder (nothing when its result exists).
 * Exit 0 when the point has its result, 1 when it failed (the reason is in its log), 2 for bad
 * arguments.
 *
 * <p>Fault injection for the executor's tests: with {@code FINEQ_SWEEP_FAIL_ONCE} naming a point
 * key, the first task of that point exits 1 before running it (as a killed task would), later ones
 * run normally.
 */
public final class SweepTask {
    private SweepTask() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SweepTask <work folder> <point index>");
            return 2;
        }
        try {
            SweepPlan plan = SweepPlan.read(Path.of(args[0]));
            int i = Integer.parseInt(args[1]);
            if (i < 0 || i >= plan.entries().size()) {
                System.err.println("error: point index " + i + " is out of range 0.." + (plan.entries().size() - 1));
                return 2;
            }
            SweepPlan.Entry e = plan.entries().get(i);
            String failOnce = System.getenv("FINEQ_SWEEP_FAIL_ONCE");
            if (failOnce != null && failOnce.equals(e.key())) {
                Path marker = plan.work().resolve("faults").resolve(e.key());
                if (!Files.exists(marker)) {
                    Files.createDirectories(marker.getParent());
                    Files.writeString(marker, "failed once on purpose\n");
                    System.err.println("error: injected failure of " + e.point().label());
                    return 1;
                }
            }
            plan.runPoint(e);
            System.out.println("done " + e.point().label());
            return 0;
        } catch (NumberFormatException ex) {
            System.err.println("error: point index '" + args[1] + "' is not a number");
            return 2;
        } catch (Exception ex) {
            System.err.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        }
    }
}
