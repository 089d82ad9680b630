package io.fineq.rtl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the simulation view of one PE row and its adder tree (docs/microarchitecture.md,
 * "Simulation view"): the same functions as {@code fineq_pe_row} and {@code fineq_acc}, written as a
 * few wide word operations instead of one statement per PE and per tree node, so that Verilator's
 * per-cycle code does not grow with R x C. The view keeps every port, register, latch and clock
 * gate of the synthesised modules and changes only their combinational logic; the generator tests
 * prove each view module equivalent to its synthesised module with Yosys.
 *
 * <p>PE row: the leaf vector in {@value #WORD}-bit chunks, each one {@code ((a & x1) | (~a & x0)) ^ msb}
 * on the chunk's activations and the column bits replicated over each column's ACT_W bits.
 *
 * <p>Adder tree (only without tree pipelining, P = 0): the C leaves in chunks of g = 2^lg leaves
 * (g * ACT_W <= {@value #WORD} bits, lg <= ACT_W so that a lane of 2 * ACT_W bits holds any partial
 * sum of the chunk). Step 1 adds neighbouring leaves into 2 * ACT_W-bit lanes with a mask and a
 * shift; step j >= 2 adds the vector to itself shifted by 2^(j-1) lanes: lane 0 of step j holds
 * nodes of level j of the synthesised tree in the same association (((l0 + l1) + (l2 + l3)) ...),
 * so the two forms are equal node by node. Chunk k's lane 0 after lg steps is node k of level lg;
 * the levels above are the synthesised tree's own pairwise adders.
 */
public final class SimulationViewPlan {

    /** Bits per native word of the simulator (Verilator keeps signals of up to 64 bits in one word). */
    public static final int WORD = 64;

    /** One chunk of the leaf vector (PE row view). */
    public record LeafChunk(int lsb, int width, String msbMask) {
        public int msb() {
            return lsb + width - 1;
        }
    }

    /** One chunk of g leaves (tree view); {@code pad} zero bits fill the last chunk up to g leaves. */
    public record TreeChunk(int index, int lsb, int width, int pad) {
        public int msb() {
            return lsb + width - 1;
        }
    }

    /** In-chunk step j (1-based): s_j = s_{j-1} + (s_{j-1} >> shift), step 1 with the lane mask. */
    public record Step(int index, int shift) {
        public int previous() {
            return index - 1;
        }
    }

    private final FineqConfig cfg;
    private final int lg;

    public SimulationViewPlan(FineqConfig cfg) {
        this.cfg = cfg;
        int w = cfg.leafWidth();
        int l = 0;
        while (l < cfg.treeDepth() && (2 << l) * w <= WORD && l + 1 <= w) l++;
        this.lg = l;
    }

    /** The tree view exists only without adder-tree pipelining (its registers sit inside the tree). */
    public boolean treeView() {
        return cfg.adderPipeline() == 0;
    }

    public List<LeafChunk> leafChunks() {
        int bits = cfg.actBeatWidth();
        int w = cfg.actWidth();
        List<LeafChunk> out = new ArrayList<>();
        for (int lsb = 0; lsb < bits; lsb += WORD) {
            int width = Math.min(WORD, bits - lsb);
            BigInteger mask = BigInteger.ZERO;
            for (int b = w - 1; b < width; b += w) mask = mask.setBit(b);
            out.add(new LeafChunk(lsb, width, width + "'h" + mask.toString(16)));
        }
        return out;
    }

    /** {@code {{W{sig[C-1]}}, ..., {W{sig[0]}}}}: bit c of {@code sig} over column c's ACT_W bits. */
    public String replicated(String sig) {
        StringBuilder sb = new StringBuilder("{");
        for (int c = cfg.cols() - 1; c >= 0; c--) {
            sb.append('{').append(cfg.actWidth()).append('{').append(sig).append('[').append(c).append("]}}");
            if (c > 0) sb.append(", ");
        }
        return sb.append('}').toString();
    }

    /** log2 of the leaves per tree chunk: the synthesised level the chunks produce. */
    public int chunkLevel() {
        return lg;
    }

    public int leavesPerChunk() {
        return 1 << lg;
    }

    /** Bits of one tree chunk, g * LEAF_W. */
    public int chunkWidth() {
        return leavesPerChunk() * cfg.leafWidth();
    }

    public int chunkMsb() {
        return chunkWidth() - 1;
    }

    /** MSB of the packed level-lg vector (one node per chunk). */
    public int chunkLevelMsb() {
        return treeChunks().size() * nodeWidth() - 1;
    }

    public int nodeMsb() {
        return nodeWidth() - 1;
    }

    public List<TreeChunk> treeChunks() {
        int g = leavesPerChunk();
        int w = cfg.leafWidth();
        List<TreeChunk> out = new ArrayList<>();
        for (int k = 0; k * g < cfg.cols(); k++) {
            int leaves = Math.min(g, cfg.cols() - k * g);
            out.add(new TreeChunk(k, k * g * w, leaves * w, (g - leaves) * w));
        }
        return out;
    }

    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (int j = 1; j <= lg; j++) out.add(new Step(j, j == 1 ? cfg.leafWidth() : 2 * cfg.leafWidth() << (j - 2)));
        return out;
    }

    /** Step 1's mask: the low LEAF_W bits of every 2 * LEAF_W-bit lane. */
    public String laneMask() {
        int w = cfg.leafWidth();
        BigInteger mask = BigInteger.ZERO;
        for (int lane = 0; lane * 2 * w < chunkWidth(); lane++) {
            mask = mask.or(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE).shiftLeft(lane * 2 * w));
        }
        return chunkWidth() + "'h" + mask.toString(16);
    }

    /** Bits of a level-lg node, LEAF_W + lg. */
    public int nodeWidth() {
        return cfg.levelWidth(lg);
    }

    /** The synthesised tree's levels above the chunks (lg + 1 .. D). */
    public List<AdderTreePlan.Level> upperLevels() {
        List<AdderTreePlan.Level> all = new AdderTreePlan(cfg).adderLevels();
        return all.subList(lg, all.size());
    }

    /** The vector holding the root: the chunk level when no level remains above it. */
    public String top() {
        List<AdderTreePlan.Level> upper = upperLevels();
        return upper.isEmpty() ? "lvl" + lg : upper.get(upper.size() - 1).output();
    }
}
