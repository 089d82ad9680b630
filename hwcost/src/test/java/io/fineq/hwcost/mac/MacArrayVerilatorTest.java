package io.fineq.hwcost.mac;

import io.fineq.hwcost.sim.MacVerilatorRunner;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MAC baseline RTL against a plain reference y = X * Q^T (per k-tile partial sums), its cycle
 * count against {@link MacCycleModel}, and the drain as the least that is correct.
 */
class MacArrayVerilatorTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}x{1} ACT_W={2}: N={3} M={4} K={5}")
    @CsvSource({
            "4, 4, 8, 7, 30, 11",
            "8, 8, 8, 9, 24, 20",
            "3, 5, 4, 3, 5, 5",
    })
    void resultsCyclesAndDrainMatchReference(int rows, int cols, int actW, int n, int m, int k) throws Exception {
        FineqConfig cfg = new FineqConfig(rows, cols, actW, true, 0);
        Random rnd = new Random(rows * 1000L + cols * 10L + actW);
        int[][] x = new int[n][k];
        int[][] q = new int[m][k];
        int lo = -(1 << (actW - 1)), hi = (1 << (actW - 1)) - 1;
        for (int[] row : x) for (int i = 0; i < k; i++) row[i] = lo + rnd.nextInt(hi - lo + 1);
        for (int[] row : q) for (int i = 0; i < k; i++) row[i] = rnd.nextInt(7) - 3;
        // Extremes: the largest |w * act| and the most negative activation must not overflow.
        x[0][0] = lo;
        q[0][0] = -3;
        int vectors = (m + 23) / 24 * 24;

        MacVerilatorRunner sim = new MacVerilatorRunner(cfg, tmp);
        MacGeometry geo = new MacGeometry(cfg);
        MacVerilatorRunner.Result res = sim.run(MacSchedule.build(cfg, x, q, vectors, geo.drain()));

        List<long[]> expected = referencePartials(cfg, x, q, vectors);
        assertThat(res.beats()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(res.beats().get(i)).as("result beat %d", i).containsExactly(expected.get(i));
        }
        long tiles = (long) ((k + cols - 1) / cols) * ((n + rows - 1) / rows);
        assertThat(res.cycles()).isEqualTo(MacCycleModel.cycles(cfg, tiles, vectors));
        // Hand form of the formula for this job: T (R + V) + (T - 1) max(0, C - 2) + C.
        assertThat(res.cycles()).isEqualTo(tiles * (rows + vectors) + (tiles - 1) * Math.max(0, cols - 2) + cols);

        if (geo.drain() > 0 && tiles > 1) {
            // One drain cycle fewer lets the next tile's load overwrite activations that column C-1
            // still multiplies by the tile's last vector; give every vector nonzero weights so the
            // damage cannot hide behind the zero padding rows.
            int[][] full = new int[vectors][];
            for (int v = 0; v < vectors; v++) {
                full[v] = v < m ? q[v] : q[v % m];
            }
            for (int[] row : full) row[0] = row[0] == 0 ? 1 : row[0];
            List<long[]> fullExpected = referencePartials(cfg, x, full, vectors);
            MacVerilatorRunner.Result ok = sim.run(MacSchedule.build(cfg, x, full, vectors, geo.drain()));
            assertThat(ok.beats()).containsExactlyElementsOf(fullExpected);
            MacVerilatorRunner.Result early = sim.run(MacSchedule.build(cfg, x, full, vectors, geo.drain() - 1));
            boolean anyWrong = false;
            for (int i = 0; i < fullExpected.size() && !anyWrong; i++) {
                anyWrong = !java.util.Arrays.equals(early.beats().get(i), fullExpected.get(i));
            }
            assertThat(anyWrong).as("a drain of %d cycles must corrupt a result", geo.drain() - 1).isTrue();
        }
    }

    /** Beats in job order: for kt, nt, vector v: R partial sums over the k-tile's C channels. */
    private static List<long[]> referencePartials(FineqConfig cfg, int[][] x, int[][] q, int vectors) {
        int r = cfg.rows(), c = cfg.cols(), n = x.length, k = x[0].length, m = q.length;
        List<long[]> beats = new ArrayList<>();
        for (int kt = 0; kt * c < k; kt++) {
            for (int nt = 0; nt * r < n; nt++) {
                for (int v = 0; v < vectors; v++) {
                    long[] y = new long[r];
                    for (int row = 0; row < r; row++) {
                        int token = nt * r + row;
                        for (int col = 0; col < c; col++) {
                            int ch = kt * c + col;
                            if (token < n && ch < k && v < m) y[row] += (long) x[token][ch] * q[v][ch];
                        }
                    }
                    beats.add(y);
                }
            }
        }
        return beats;
    }
}
