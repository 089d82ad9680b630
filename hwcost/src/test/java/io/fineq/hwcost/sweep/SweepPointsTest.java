package io.fineq.hwcost.sweep;

import io.fineq.hwcost.HwCostCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pareto fronts worked by hand, point labels and keys, and one-line errors of the sweep command. */
class SweepPointsTest {
    @TempDir
    Path tmp;

    @Test
    void paretoFrontKeepsOnlyUnbeatenPoints() {
        List<double[]> pts = List.of(new double[] {1, 5}, new double[] {2, 3}, new double[] {3, 4}, new double[] {4, 1}, new double[] {2, 6});
        // Smaller y is better: (1,5), (2,3), (4,1); (3,4) is beaten by (2,3), (2,6) by (2,3).
        assertThat(SweepReport.front(pts, false)).containsExactly(new double[] {1, 5}, new double[] {2, 3}, new double[] {4, 1});
        // Larger y is better: (1,5), (2,6); everything further right is lower.
        assertThat(SweepReport.front(pts, true)).containsExactly(new double[] {1, 5}, new double[] {2, 6});
    }

    @Test
    void keysDependOnWhatDeterminesAPointAndNothingElse() throws Exception {
        SweepPoint a = new SweepPoint("fineq", 4, 4, 8, 0, 400, "", false);
        String tools = "yosys x\nsta y\nverilator z\n";
        String k1 = PointKey.of(a, tools, tmp);
        assertThat(PointKey.of(a, tools, tmp.resolve("elsewhere"))).isEqualTo(k1);
        assertThat(PointKey.of(new SweepPoint("fineq", 4, 4, 8, 0, 500, "", false), tools, tmp)).isNotEqualTo(k1);
        assertThat(PointKey.of(new SweepPoint("fineq", 4, 4, 6, 0, 400, "", false), tools, tmp)).isNotEqualTo(k1);
        assertThat(PointKey.of(a, tools.replace("yosys x", "yosys w"), tmp)).isNotEqualTo(k1);
        assertThat(a.label()).isEqualTo("fineq_4x4_a8_p0_400MHz_fineq_generic_nopower");
    }

    @Test
    void badParametersAreOneLineErrors() {
        assertThat(err("sweep", "--sizes", "8", "--designs", "gpu", "--work", tmp.toString()))
                .isEqualTo("error: --designs: 'gpu' is not one of fineq, fineq-shifted, mac-tree, mac-systolic, mac (= mac-systolic), both (= fineq,mac-systolic), all");
        assertThat(err("sweep", "--sizes", "8", "--executor", "lsf", "--no-power", "--designs", "fineq", "--work", tmp.toString()))
                .isEqualTo("error: --executor: 'lsf' is not local or slurm");
        assertThat(err("sweep", "--sizes", "8", "--adder-pipelines", "x", "--work", tmp.toString()))
                .isEqualTo("error: --adder-pipelines: 'x' is not a number");
    }

    private static String err(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            assertThat(HwCostCli.run(args)).isEqualTo(2);
            return e.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
