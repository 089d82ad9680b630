package io.fineq.rtl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The per-level shape of one row's adder tree, decided here so that the template only spells
 * it out: level 0 holds the C unsigned leaves, node k of level l+1 adds nodes 2k and 2k+1 of
 * level l (zero-extended by one bit), or passes node 2k through when it has no partner (odd
 * count). Every level is one packed vector {@code lvl<l>}, node k at {@code [k*W +: W]}; a level
 * followed by a pipeline register is read by the next level through {@code lvl<l>_q}.
 *
 * <p>FineQ's tree adds unsigned leaves of ACT_W bits (level l: ACT_W + l bits); the MAC tree
 * ({@link CoreKind#MAC_TREE}) adds signed products with the same shape, each level as wide as its
 * largest sum ({@link FineqConfig#macLevelWidth}), its inputs sign-extended by {@link Level#extension}.
 */
public final class AdderTreePlan {

    /**
     * One tree level.
     *
     * @param index      l, 0 for the leaves
     * @param size       nodes in this level
     * @param width      bits per node: ACT_W + l (FineQ) or {@link FineqConfig#macLevelWidth} (MAC tree)
     * @param registered a pipeline register follows this level
     * @param pairs      adders in this level (nodes of the level below taken two at a time); 0 for level 0
     * @param passThrough the last node passes the odd last node of the level below through
     * @param input      name of the vector this level reads (the level below, or its register)
     * @param inputWidth bits per node of that vector
     */
    public record Level(int index, int size, int width, boolean registered, int pairs, boolean passThrough,
                        String input, int inputWidth) {
        public String name() {
            return "lvl" + index;
        }

        /** The name the next level (or the accumulator) reads: the register when registered. */
        public String output() {
            return registered ? name() + "_q" : name();
        }

        public int msb() {
            return width - 1;
        }

        public int busMsb() {
            return size * width - 1;
        }

        /** Bits a node of the level below is extended by before it is added here: 0 or 1. */
        public int extension() {
            return width - inputWidth;
        }

        /** Most significant bit of a node of the level below (its sign bit in the MAC tree). */
        public int inputMsb() {
            return inputWidth - 1;
        }

        /** Index of the pass-through node (the last one); only meaningful when {@link #passThrough}. */
        public int lastNode() {
            return size - 1;
        }

        /** Node of the level below that the pass-through node copies. */
        public int lastInput() {
            return 2 * (size - 1);
        }
    }

    private final List<Level> levels;

    public AdderTreePlan(FineqConfig cfg) {
        List<Integer> sizes = cfg.levelSizes();
        List<Level> list = new ArrayList<>();
        String below = null;
        int belowWidth = 0;
        for (int l = 0; l < sizes.size(); l++) {
            int n = sizes.get(l);
            int width = cfg.core() == CoreKind.MAC_TREE ? cfg.macLevelWidth(l) : cfg.levelWidth(l);
            boolean registered = cfg.registeredAfterLevel(l);
            int belowSize = l == 0 ? 0 : sizes.get(l - 1);
            Level level = new Level(l, n, width, registered, belowSize / 2, l > 0 && belowSize % 2 == 1,
                    below, belowWidth);
            list.add(level);
            below = level.output();
            belowWidth = width;
        }
        this.levels = Collections.unmodifiableList(list);
    }

    /** Levels 0..D; level 0 is the leaves. */
    public List<Level> levels() {
        return levels;
    }

    /** Levels 1..D, the ones made of adders or pass-throughs. */
    public List<Level> adderLevels() {
        return levels.subList(1, levels.size());
    }

    /** Levels followed by a pipeline register. */
    public List<Level> registeredLevels() {
        return levels.stream().filter(Level::registered).toList();
    }

    /** The vector holding the tree's root (level D, one node); the leaf vector when C = 1. */
    public String top() {
        return levels.get(levels.size() - 1).output();
    }
}
