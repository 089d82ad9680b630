package io.fineq.rtl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every size decision of the FineQ datapath, computed once (Gemmini's GemminiArrayConfig plays
 * this role there). Templates, the Chisel back end, the testbench and the cost models read the
 * derived values from here and never recompute them. See docs/microarchitecture.md section 1.
 *
 * @param rows          R, array rows = tokens per activation tile
 * @param cols          C, array columns = input channels per k-tile = decoders
 * @param actWidth      ACT_W, activation width in bits (signed)
 * @param termination   early termination (L = max(1, max|w|)) when true, L = 3 when false
 * @param adderPipeline P, a pipeline register after every P adder-tree levels; 0 = none
 * @param core          which core: FineQ's, or one of the MAC baselines measured against it
 */
public record FineqConfig(int rows, int cols, int actWidth, boolean termination, int adderPipeline, CoreKind core) {

    public static final int MAX_DIM = 1024;
    public static final int MIN_ACT_W = 2;
    public static final int MAX_ACT_W = 16;
    public static final int MAX_PIPE = 16;
    /** Bits of one packed block (7 bytes, spec section 3). */
    public static final int BLOCK_BITS = 56;
    /** Weights per block. */
    public static final int BLOCK_ROWS = 24;
    /** Bits of one decoded weight, {sign, mag[1:0]}. */
    public static final int WEIGHT_BITS = 3;

    public static final int DEFAULT_DIM = 64;
    public static final int DEFAULT_ACT_W = 8;

    public FineqConfig {
        checkRange("rows", rows, 1, MAX_DIM);
        checkRange("cols", cols, 1, MAX_DIM);
        checkRange("act-width", actWidth, MIN_ACT_W, MAX_ACT_W);
        checkRange("adder-pipeline", adderPipeline, 0, MAX_PIPE);
        if (core == null) throw new ConfigException("core", "missing; one of " + String.join(", ", CoreKind.words()));
    }

    /** FineQ's core. */
    public FineqConfig(int rows, int cols, int actWidth, boolean termination, int adderPipeline) {
        this(rows, cols, actWidth, termination, adderPipeline, CoreKind.FINEQ);
    }

    /** The same sizes with another core. */
    public FineqConfig withCore(CoreKind kind) {
        return new FineqConfig(rows, cols, actWidth, termination, adderPipeline, kind);
    }

    /** The paper's configuration: 64 x 64, 8-bit activations, early termination, no adder pipelining. */
    public static FineqConfig defaults() {
        return new FineqConfig(DEFAULT_DIM, DEFAULT_DIM, DEFAULT_ACT_W, true, 0);
    }

    private static void checkRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new ConfigException(name, value + " is out of range " + lo + ".." + hi);
        }
    }

    /** Module-set name and output folder name, e.g. {@code fineq_64x64}, {@code mac_tree_64x64}. */
    public String name() {
        return core.folderPrefix() + "_" + rows + "x" + cols;
    }

    /**
     * Signed width of a node of the MAC tree's level l (level 0 = the products): a node adds at most
     * min(2^l, C) products w * a, so it is {@link #sumWidth} of that many columns; the products are
     * ACT_W + 2 bits and the root is ACC_W.
     */
    public int macLevelWidth(int level) {
        if (level < 0 || level > treeDepth()) throw new IllegalArgumentException("level " + level + " out of range 0.." + treeDepth());
        return sumWidth(Math.min(1 << level, cols));
    }

    /** D = ceil(log2 C); 0 for a single column. */
    public int treeDepth() {
        return ceilLog2(cols);
    }

    /** S = number of pipeline registers inside the adder tree: after levels P, 2P, ... strictly below D. */
    public int pipeStages() {
        return adderPipeline == 0 ? 0 : Math.max(treeDepth() - 1, 0) / adderPipeline;
    }

    /** True when a pipeline register follows tree level {@code level} (1..D-1). */
    public boolean registeredAfterLevel(int level) {
        return adderPipeline != 0 && level >= 1 && level < treeDepth() && level % adderPipeline == 0;
    }

    /**
     * Width of one leaf: ACT_W bits, unsigned. A PE outputs its selected activation with the weight
     * sign applied as a conditional invert and the most significant bit flipped, so the tree adds
     * unsigned numbers; the accumulator adds the correction {@link #negativeBias()} per bit-time
     * (docs/microarchitecture.md section 2, "Leaf arithmetic").
     */
    public int leafWidth() {
        // The shifted coding's PEs also select 2a: one bit more (docs/microarchitecture.md section 8).
        return core.shifted() ? actWidth + 1 : actWidth;
    }

    /** C * 2^(LEAF_W-1): what the flipped most significant bits of the C leaves add to each tree sum. */
    public BigInteger negativeBias() {
        return BigInteger.valueOf(cols).shiftLeft(leafWidth() - 1);
    }

    /**
     * Bit-times of a vector without early termination, also the largest L: 3 (unary), 2 (shifted).
     * The bit-time counter runs 0..maxBitTimes()-1.
     */
    public int maxBitTimes() {
        return core.shifted() ? 2 : 3;
    }

    /** Width of the count of negative columns, 0..C: bitlength(C). */
    public int negCountWidth() {
        return 32 - Integer.numberOfLeadingZeros(cols);
    }

    /**
     * Cycles from a vector's last bit-time at the encoders to its result in the accumulator:
     * the column broadcast register, S adder-tree registers, the accumulator. The cycle formula's
     * constant term is {@code pipeLatency()}: cycles = T*R + sumL + S + 2.
     */
    public int pipeLatency() {
        return pipeStages() + 2;
    }

    /** Width of a node at tree level l (level 0 = leaves), unsigned: LEAF_W + l. */
    public int levelWidth(int level) {
        return leafWidth() + level;
    }

    /** Width of the adder-tree output (level D). */
    public int treeWidth() {
        return levelWidth(treeDepth());
    }

    /** Largest |y| of one k-tile: 3 * C * 2^(ACT_W-1). */
    public BigInteger maxAbsResult() {
        return maxAbsSum(cols);
    }

    /** ACC_W = bitlength(3 * C * 2^(ACT_W-1)) + 1: the signed accumulator never overflows. */
    public int accWidth() {
        return sumWidth(cols);
    }

    /**
     * Signed width that holds any sum of {@code columns} products w * act (|w| <= 3):
     * bitlength(3 * columns * 2^(ACT_W-1)) + 1. ACC_W is the value for all C columns; the MAC
     * baseline's partial sums use it per column.
     */
    public int sumWidth(int columns) {
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        return maxAbsSum(columns).bitLength() + 1;
    }

    private BigInteger maxAbsSum(int columns) {
        return BigInteger.valueOf(3L * columns).shiftLeft(actWidth - 1);
    }

    /** Width of a PE-row index, at least 1. */
    public int rowIndexWidth() {
        return Math.max(1, ceilLog2(rows));
    }

    /** Width of the activation beat, C * ACT_W. */
    public int actBeatWidth() {
        return cols * actWidth;
    }

    /** Width of the weight beat, C * 56. */
    public int weightBeatWidth() {
        return cols * BLOCK_BITS;
    }

    /** Width of the result beat, R * ACC_W. */
    public int resultBeatWidth() {
        return rows * accWidth();
    }

    /** Node count per tree level, level 0 (C leaves) to level D (1 node). */
    public List<Integer> levelSizes() {
        List<Integer> sizes = new ArrayList<>();
        int n = cols;
        sizes.add(n);
        while (n > 1) {
            n = (n + 1) / 2;
            sizes.add(n);
        }
        return Collections.unmodifiableList(sizes);
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
