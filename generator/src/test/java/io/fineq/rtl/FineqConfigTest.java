package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Derived widths against numbers worked out by hand from docs/microarchitecture.md section 1. */
class FineqConfigTest {

    @ParameterizedTest(name = "{0}x{1} act {2} pipe {3}")
    @CsvSource({
        // R, C, ACT_W, P, D, S, LEAF_W, TREE_W, ACC_W, ROW_W  (leaves are unsigned ACT_W bits, TREE_W = ACT_W + D)
        // 64x64: 3*64*128 = 24576 -> 15 bits + sign = 16; D = 6; tree 8 + 6 = 14.
        "64, 64, 8, 0, 6, 0, 8, 14, 16, 6",
        // P = 2: registers after levels 2 and 4 (strictly below 6) -> S = floor(5/2) = 2.
        "64, 64, 8, 2, 6, 2, 8, 14, 16, 6",
        // P = 5: only level 5 -> S = 1; P = 6: none below D -> S = 0.
        "64, 64, 8, 5, 6, 1, 8, 14, 16, 6",
        "64, 64, 8, 6, 6, 0, 8, 14, 16, 6",
        // 1x1: 3*1*128 = 384 -> 9 bits + 1 = 10; no tree.
        "1, 1, 8, 1, 0, 0, 8, 8, 10, 1",
        // 24x7: 3*7*128 = 2688 -> 12 bits + 1 = 13; D = 3; ROW_W = ceil(log2 24) = 5.
        "24, 7, 8, 1, 3, 2, 8, 11, 13, 5",
        // 3x5, 4-bit activations: 3*5*8 = 120 -> 7 bits + 1 = 8; D = 3.
        "3, 5, 4, 0, 3, 0, 4, 7, 8, 2",
        // 1024x1024, 16-bit: 3*1024*32768 = 100663296 -> 27 bits + 1 = 28; D = 10.
        "1024, 1024, 16, 3, 10, 3, 16, 26, 28, 10",
    })
    void derivedWidths(int r, int c, int actW, int p, int d, int s, int leafW, int treeW, int accW, int rowW) {
        FineqConfig cfg = new FineqConfig(r, c, actW, true, p);
        assertThat(cfg.treeDepth()).isEqualTo(d);
        assertThat(cfg.pipeStages()).isEqualTo(s);
        assertThat(cfg.leafWidth()).isEqualTo(leafW);
        assertThat(cfg.treeWidth()).isEqualTo(treeW);
        assertThat(cfg.accWidth()).isEqualTo(accW);
        assertThat(cfg.rowIndexWidth()).isEqualTo(rowW);
    }

    @Test
    void levelSizesPassOddNodesThrough() {
        assertThat(new FineqConfig(1, 7, 8, true, 0).levelSizes()).containsExactly(7, 4, 2, 1);
        assertThat(new FineqConfig(1, 64, 8, true, 0).levelSizes()).containsExactly(64, 32, 16, 8, 4, 2, 1);
        assertThat(new FineqConfig(1, 33, 8, true, 0).levelSizes()).containsExactly(33, 17, 9, 5, 3, 2, 1);
        assertThat(new FineqConfig(1, 1, 8, true, 0).levelSizes()).containsExactly(1);
    }

    @Test
    void registeredLevelsAreMultiplesOfPBelowTheRoot() {
        FineqConfig cfg = new FineqConfig(1, 64, 8, true, 2);
        List<Integer> registered = java.util.stream.IntStream.rangeClosed(0, 6)
                .filter(cfg::registeredAfterLevel).boxed().toList();
        assertThat(registered).containsExactly(2, 4);
    }

    @Test
    void accumulatorHoldsTheLargestResult() {
        // Independent check of "nothing can overflow": the extreme sums fit the signed ACC_W range.
        for (int c = 1; c <= 300; c++) {
            for (int a = 2; a <= 16; a++) {
                FineqConfig cfg = new FineqConfig(1, c, a, true, 0);
                long most = 3L * c * (1L << (a - 1));           // all weights -3, all activations -2^(a-1)
                long limit = 1L << (cfg.accWidth() - 1);         // signed range is [-limit, limit-1]
                assertThat(most).isLessThanOrEqualTo(limit - 1);
                assertThat(most).isGreaterThanOrEqualTo(limit / 2); // and not a bit wider than needed
                long treeMost = (long) c * ((1L << a) - 1);      // one bit-time: C unsigned leaves at their maximum
                assertThat(treeMost).isLessThanOrEqualTo((1L << cfg.treeWidth()) - 1);
                // The accumulator takes the tree zero-extended as a non-negative number.
                assertThat(cfg.treeWidth()).isLessThan(cfg.accWidth());
            }
        }
    }

    @Test
    void outOfRangeValuesNameTheParameter() {
        assertThatThrownBy(() -> new FineqConfig(0, 8, 8, true, 0)).hasMessage("parameter rows: 0 is out of range 1..1024");
        assertThatThrownBy(() -> new FineqConfig(8, 1025, 8, true, 0)).hasMessage("parameter cols: 1025 is out of range 1..1024");
        assertThatThrownBy(() -> new FineqConfig(8, 8, 1, true, 0)).hasMessage("parameter act-width: 1 is out of range 2..16");
        assertThatThrownBy(() -> new FineqConfig(8, 8, 8, true, -1)).hasMessage("parameter adder-pipeline: -1 is out of range 0..16");
    }
}
