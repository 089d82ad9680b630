package io.fineq.rtl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The per-level shape of one row's adder tree, decided here so that the template only spells
 * it out: level 0 holds the C sign-applied leaves, node k of level l+1 adds nodes 2k and 2k+1 of
 * level l, or passes node 2k through when it has no partner (odd count). A level listed as
 * registered is read by the next level through its pipeline register ({@code _q}).
 */
public final class AdderTreePlan {

    /** One leaf: column {@code col} of the PE row, bits {@code [msb:lsb]} of {@code sel_i}. */
    public record Leaf(int col, String name, int lsb, int msb) { }

    /**
     * One node above the leaves. {@code right} is null for a pass-through node. The operand names
     * already point at the pipeline register when the lower level is registered.
     */
    public record Node(int index, String name, String left, String right) {
        public boolean passThrough() {
            return right == null;
        }
    }

    /** A pipeline register {@code q <= d}. */
    public record Register(String q, String d) { }

    /**
     * One tree level: its width, whether a pipeline register follows it, and (for l >= 1) its
     * nodes. {@code combNames} are the combinational node values, {@code outputs} the names the
     * next level reads (the {@code _q} pipeline registers when registered).
     */
    public record Level(int index, int width, int msb, boolean registered, List<Node> nodes,
                        List<String> combNames, List<String> outputs) {
        public int size() {
            return combNames.size();
        }

        /** MSB of the level below, whose nodes this level's adders sign-extend by one bit. */
        public int inputMsb() {
            return msb - 1;
        }

        /** Pipeline registers of this level, each with its combinational source; empty unless registered. */
        public List<Register> registers() {
            if (!registered) {
                return List.of();
            }
            List<Register> regs = new ArrayList<>();
            for (int k = 0; k < combNames.size(); k++) {
                regs.add(new Register(outputs.get(k), combNames.get(k)));
            }
            return regs;
        }
    }

    private final List<Leaf> leaves;
    private final List<Level> levels;
    private final String top;

    public AdderTreePlan(FineqConfig cfg) {
        List<Integer> sizes = cfg.levelSizes();
        List<Leaf> leafList = new ArrayList<>();
        for (int c = 0; c < cfg.cols(); c++) {
            int lsb = c * cfg.actWidth();
            leafList.add(new Leaf(c, nodeName(0, c), lsb, lsb + cfg.actWidth() - 1));
        }
        List<Level> levelList = new ArrayList<>();
        List<String> below = null;
        for (int l = 0; l < sizes.size(); l++) {
            int n = sizes.get(l);
            boolean registered = cfg.registeredAfterLevel(l);
            List<String> comb = new ArrayList<>();
            List<String> outs = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String name = nodeName(l, k);
                comb.add(name);
                outs.add(registered ? name + "_q" : name);
                if (l > 0) {
                    int a = 2 * k;
                    int b = 2 * k + 1;
                    nodes.add(new Node(k, name, below.get(a), b < below.size() ? below.get(b) : null));
                }
            }
            int width = cfg.levelWidth(l);
            levelList.add(new Level(l, width, width - 1, registered,
                    Collections.unmodifiableList(nodes), Collections.unmodifiableList(comb),
                    Collections.unmodifiableList(outs)));
            below = outs;
        }
        this.leaves = Collections.unmodifiableList(leafList);
        this.levels = Collections.unmodifiableList(levelList);
        this.top = below.get(0);
    }

    private static String nodeName(int level, int index) {
        return "n" + level + "_" + index;
    }

    public List<Leaf> leaves() {
        return leaves;
    }

    /** Levels 0..D; level 0 has no {@link Node}s (its values are the leaves). */
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

    /** Name of the tree's root (level D, node 0); a leaf when C = 1. */
    public String top() {
        return top;
    }
}
