package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Structural invariants of the adder-tree plan for every column count up to 130. */
class AdderTreePlanTest {

    @Test
    void rootSumsEveryLeafExactlyOnce() {
        for (int c = 1; c <= 130; c++) {
            for (int p : new int[] {0, 1, 2, 3}) {
                FineqConfig cfg = new FineqConfig(1, c, 8, true, p);
                AdderTreePlan plan = new AdderTreePlan(cfg);
                Map<String, List<Integer>> covers = new HashMap<>();
                for (AdderTreePlan.Leaf leaf : plan.leaves()) {
                    covers.put(leaf.name(), List.of(leaf.col()));
                    assertThat(leaf.msb() - leaf.lsb() + 1).isEqualTo(8);
                }
                int registers = 0;
                for (AdderTreePlan.Level level : plan.levels()) {
                    for (AdderTreePlan.Node node : level.nodes()) {
                        List<Integer> cols = new ArrayList<>(covers.get(node.left()));
                        if (!node.passThrough()) {
                            cols.addAll(covers.get(node.right()));
                        }
                        covers.put(node.name(), cols);
                    }
                    for (AdderTreePlan.Register reg : level.registers()) {
                        covers.put(reg.q(), covers.get(reg.d()));
                        registers++;
                    }
                    assertThat(level.width()).isEqualTo(cfg.levelWidth(level.index()));
                }
                List<Integer> root = new ArrayList<>(covers.get(plan.top()));
                root.sort(null);
                assertThat(root).as("C=%d P=%d", c, p)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, c).boxed().toList());
                assertThat(plan.registeredLevels()).hasSize(cfg.pipeStages());
                assertThat(registers).isEqualTo(plan.registeredLevels().stream().mapToInt(AdderTreePlan.Level::size).sum());
            }
        }
    }

    @Test
    void sevenColumnsPassTheOddNodeThrough() {
        AdderTreePlan plan = new AdderTreePlan(new FineqConfig(1, 7, 8, true, 0));
        AdderTreePlan.Node last = plan.levels().get(1).nodes().get(3);
        assertThat(last.passThrough()).isTrue();
        assertThat(last.left()).isEqualTo("n0_6");
        assertThat(plan.top()).isEqualTo("n3_0");
    }
}
