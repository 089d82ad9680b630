package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Structural invariants of the adder-tree plan for every column count up to 130. */
class AdderTreePlanTest {

    @Test
    void rootSumsEveryLeafExactlyOnce() {
        for (int c = 1; c <= 130; c++) {
            for (int p : new int[] {0, 1, 2, 3}) {
                FineqConfig cfg = new FineqConfig(1, c, 8, true, p);
                AdderTreePlan plan = new AdderTreePlan(cfg);
                // covers.get(k): the leaves node k of the current level sums.
                List<List<Integer>> covers = new ArrayList<>();
                for (int leaf = 0; leaf < c; leaf++) covers.add(List.of(leaf));
                AdderTreePlan.Level below = plan.levels().get(0);
                assertThat(below.size()).isEqualTo(c);
                assertThat(below.width()).isEqualTo(8);
                for (AdderTreePlan.Level level : plan.adderLevels()) {
                    assertThat(level.input()).isEqualTo(below.output());
                    assertThat(level.inputWidth()).isEqualTo(below.width());
                    assertThat(level.width()).isEqualTo(cfg.levelWidth(level.index())).isEqualTo(below.width() + 1);
                    List<List<Integer>> next = new ArrayList<>();
                    for (int k = 0; k < level.pairs(); k++) {
                        List<Integer> sum = new ArrayList<>(covers.get(2 * k));
                        sum.addAll(covers.get(2 * k + 1));
                        next.add(sum);
                    }
                    if (level.passThrough()) {
                        assertThat(level.lastNode()).isEqualTo(next.size());
                        next.add(covers.get(level.lastInput()));
                    }
                    assertThat(next).hasSize(level.size());
                    assertThat(2 * level.pairs() + (level.passThrough() ? 1 : 0)).isEqualTo(below.size());
                    covers = next;
                    below = level;
                }
                assertThat(covers).hasSize(1);
                List<Integer> root = new ArrayList<>(covers.get(0));
                root.sort(null);
                assertThat(root).as("C=%d P=%d", c, p).containsExactlyElementsOf(IntStream.range(0, c).boxed().toList());
                assertThat(plan.top()).isEqualTo(below.output());
                assertThat(plan.registeredLevels()).hasSize(cfg.pipeStages());
            }
        }
    }

    @Test
    void sevenColumnsPassTheOddNodeThrough() {
        AdderTreePlan plan = new AdderTreePlan(new FineqConfig(1, 7, 8, true, 0));
        AdderTreePlan.Level level1 = plan.levels().get(1);
        assertThat(level1.pairs()).isEqualTo(3);
        assertThat(level1.passThrough()).isTrue();
        assertThat(level1.lastInput()).isEqualTo(6);
        assertThat(plan.top()).isEqualTo("lvl3");
        assertThat(new AdderTreePlan(new FineqConfig(1, 8, 8, true, 2)).top()).isEqualTo("lvl3");
        assertThat(new AdderTreePlan(new FineqConfig(1, 8, 8, true, 2)).levels().get(2).output()).isEqualTo("lvl2_q");
        assertThat(new AdderTreePlan(new FineqConfig(1, 1, 8, true, 0)).top()).isEqualTo("lvl0");
    }
}
