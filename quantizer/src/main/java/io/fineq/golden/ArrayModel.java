package io.fineq.golden;

/**
 * Model of {@code fineq_array}: R x C PEs, C temporal encoders, R accumulators and the control
 * of microarchitecture section 2 (bit-time counter, early termination, the stage-1 column
 * broadcast register, flag pipeline, result register handshake, activation writes).
 *
 * <p>Two views of the same block: {@link #computeVector} runs one weight vector to completion
 * bit-time by bit-time (used by the job API), and an instance is a cycle-stepped model of the
 * module's registers ({@link #vecDone}, {@link #clock}) used by {@link CoreModel}.
 *
 * <p>With {@link ArrayKind#MAC_TREE} it models {@code fineq_mac_array} instead, the MAC baseline
 * in the same shell: the same control, flags, activation writes and result register, but every
 * vector takes one cycle (its {@code last} is always true), the stage-1 register holds the C
 * two's-complement weights, and each row's signed tree adds the C products w * a.
 */
public final class ArrayModel {
    /** Bit-times of a vector without early termination (largest magnitude). */
    public static final int MAX_BIT_TIMES = 3;

    private final int rows;
    private final int cols;
    private final int actWidth;
    private final boolean termination;
    private final ArrayKind kind;
    private final int leafWidth;
    private final int pipeStages;
    private final PeModel[][] pes;
    private final AccModel[] accs;
    // Stage-1 column broadcast registers: the encoder's factor (the unary bit, or 0/1/2 for the
    // shifted coding) and the weight sign of every column.
    private final int[] colBit;
    private final boolean[] colNeg;
    // MAC tree: the stage-1 weight registers (two's complement, zero on idle cycles).
    private final int[] colWeight;
    // Flags of stages 1..S+1 (index 0 = stage 1, the column register; index S = accumulator stage).
    private final boolean[] validPipe;
    private final boolean[] firstPipe;
    private final boolean[] lastPipe;
    private final long[] corrPipe;
    private int t;
    private boolean resValid;
    // Activation write: the beat taken last, and whether it still waits for its PE row.
    private boolean actPend;
    private int actRowQ;
    private int[] actDataQ;

    public ArrayModel(int rows, int cols, int actWidth, boolean termination, int pipeStages) {
        this(rows, cols, actWidth, termination, pipeStages, ArrayKind.TEMPORAL);
    }

    public ArrayModel(int rows, int cols, int actWidth, boolean termination, int pipeStages, ArrayKind kind) {
        this.kind = kind;
        this.rows = rows;
        this.cols = cols;
        this.actWidth = actWidth;
        this.termination = termination;
        this.pipeStages = pipeStages;
        this.pes = new PeModel[rows][cols];
        for (PeModel[] row : pes) for (int c = 0; c < cols; c++) row[c] = new PeModel();
        this.accs = new AccModel[rows];
        for (int r = 0; r < rows; r++) accs[r] = new AccModel(cols, actWidth, pipeStages);
        this.leafWidth = kind.leafWidth(actWidth);
        this.colBit = new int[cols];
        this.colNeg = new boolean[cols];
        this.colWeight = new int[cols];
        this.validPipe = new boolean[pipeStages + 1];
        this.firstPipe = new boolean[pipeStages + 1];
        this.lastPipe = new boolean[pipeStages + 1];
        this.corrPipe = new long[pipeStages + 1];
        this.actDataQ = new int[cols];
    }

    // ------------------------------------------------------------------ combinational pieces

    /** {@code last}: the current bit-time is the vector's last one. */
    public static boolean lastBitTime(int[] codes, int t, boolean termination) {
        if (!termination) return t == MAX_BIT_TIMES - 1;
        for (int code : codes) {
            if (!TemporalEncoderModel.done(WeightCode.magnitude(code), t)) return false;
        }
        return true;
    }

    /**
     * {@code last} of the array kind: the MAC tree ends every vector in its first cycle; the shifted
     * array after bit-time 1, or after bit-time 0 when every column votes done (no |w| = 3).
     */
    static boolean lastBitTime(int[] codes, int t, boolean termination, ArrayKind kind) {
        return switch (kind) {
            case MAC_TREE -> true;
            case TEMPORAL -> lastBitTime(codes, t, termination);
            case SHIFTED -> {
                if (!termination) yield t == kind.maxBitTimes() - 1;
                boolean all = true;
                for (int code : codes) all &= TemporalEncoderModel.done(kind, WeightCode.magnitude(code), t);
                yield all;
            }
        };
    }

    /** Cycles of one weight vector on an array of {@code kind}, by stepping the bit-time counter until {@code last}. */
    public static int vectorLength(int[] codes, boolean termination, ArrayKind kind) {
        int t = 0;
        while (!lastBitTime(codes, t, termination, kind)) t++;
        return t + 1;
    }

    /** L of one weight vector, found by stepping the bit-time counter until {@link #lastBitTime}. */
    public static int vectorLength(int[] codes, boolean termination) {
        int t = 0;
        while (!lastBitTime(codes, t, termination)) t++;
        return t + 1;
    }

    /**
     * L * K of a vector: its length times the sign correction of its columns, computed from the
     * largest magnitude as the RTL does (not by stepping), so it checks {@link #vectorLength}.
     */
    static long vectorCorrection(int[] codes, boolean termination, int actWidth, ArrayKind kind) {
        int maxMag = 0;
        boolean[] neg = new boolean[codes.length];
        for (int c = 0; c < codes.length; c++) {
            maxMag = Math.max(maxMag, WeightCode.magnitude(codes[c]));
            neg[c] = WeightCode.negative(codes[c]);
        }
        return (long) CycleFormula.vectorLength(maxMag, termination, kind) * AccModel.correction(neg, kind.leafWidth(actWidth));
    }

    /**
     * The C unsigned leaves of one row at one bit-time, through the PEs, summed by the tree.
     * {@code sel} and {@code level} are scratch arrays of C entries (this runs in the inner loop).
     */
    private static long rowTree(int[] acts, int[] factors, boolean[] neg, int leafWidth, int[] sel, long[] level) {
        for (int c = 0; c < factors.length; c++) sel[c] = PeModel.select(factors[c], acts[c]);
        return AccModel.treeSum(sel, neg, leafWidth, level);
    }

    private static int[] factorsAt(int[] codes, int t, ArrayKind kind) {
        int[] f = new int[codes.length];
        for (int c = 0; c < codes.length; c++) f[c] = TemporalEncoderModel.factor(kind, WeightCode.magnitude(codes[c]), t);
        return f;
    }

    private static boolean[] signs(int[] codes) {
        boolean[] neg = new boolean[codes.length];
        for (int c = 0; c < codes.length; c++) neg[c] = WeightCode.negative(codes[c]);
        return neg;
    }

    /**
     * Signed width of a MAC-tree node that adds {@code columns} products w * a (|w| <= 3):
     * bitlength(3 * columns * 2^(ACT_W-1)) + 1; a leaf (one product) is ACT_W + 2 bits and the
     * root over all C columns is ACC_W.
     */
    public static int macNodeWidth(int columns, int actWidth) {
        return java.math.BigInteger.valueOf(3L * columns).shiftLeft(actWidth - 1).bitLength() + 1;
    }

    /**
     * One row of the MAC tree: the C signed products w[c] * a[c], added level by level as the RTL
     * builds the tree (an odd last node passes through); every node is checked against its
     * declared signed width ({@link #macNodeWidth} of the columns it covers), so a wrong width in
     * the docs throws rather than wraps. {@code level} is a scratch array of at least C entries.
     */
    static long macTreeSum(int[] acts, int[] weights, int actWidth, long[] level) {
        int n = weights.length;
        for (int c = 0; c < n; c++) {
            level[c] = (long) weights[c] * acts[c];
            checkSigned(level[c], macNodeWidth(1, actWidth), 0);
        }
        int depth = 0;
        int span = 1;
        while (n > 1) {
            int next = (n + 1) / 2;
            depth++;
            span = Math.min(2 * span, weights.length);
            for (int i = 0; i < next; i++) {
                long v = 2 * i + 1 < n ? level[2 * i] + level[2 * i + 1] : level[2 * i];
                checkSigned(v, macNodeWidth(span, actWidth), depth);
                level[i] = v;
            }
            n = next;
        }
        return level[0];
    }

    private static void checkSigned(long v, int width, int lvl) {
        if (v < -(1L << (width - 1)) || v >= (1L << (width - 1)))
            throw new IllegalStateException("MAC tree level " + lvl + " value " + v + " does not fit " + width + " signed bits");
    }

    /** The two's-complement weights -3..3 of a vector's codes. */
    static int[] weights(int[] codes) {
        int[] w = new int[codes.length];
        for (int c = 0; c < codes.length; c++) w[c] = WeightCode.value(codes[c]);
        return w;
    }

    /** Runs one weight vector on an array of {@code kind}: {@link #computeVector(int[][], int[], boolean, int)} or one MAC-tree cycle. */
    public static VectorResult computeVector(int[][] acts, int[] codes, boolean termination, int actWidth, ArrayKind kind) {
        if (kind != ArrayKind.MAC_TREE) return computeCoded(acts, codes, termination, actWidth, kind);
        int[] w = weights(codes);
        long[] level = new long[codes.length];
        long[] y = new long[acts.length];
        for (int r = 0; r < acts.length; r++) y[r] = macTreeSum(acts[r], w, actWidth, level);
        return new VectorResult(y, 1);
    }

    /**
     * Runs one weight vector to completion on a loaded activation tile.
     *
     * @param acts  acts[r][c] = a[r][c], R x C signed ACT_W-bit values
     * @param codes codes[c] = 3-bit weight code of column c
     */
    public static VectorResult computeVector(int[][] acts, int[] codes, boolean termination, int actWidth) {
        return computeCoded(acts, codes, termination, actWidth, ArrayKind.TEMPORAL);
    }

    /** One vector on a bit-time coded array (temporal or shifted), bit-time by bit-time. */
    private static VectorResult computeCoded(int[][] acts, int[] codes, boolean termination, int actWidth, ArrayKind kind) {
        int length = vectorLength(codes, termination, kind);
        int cols = codes.length;
        int leafWidth = kind.leafWidth(actWidth);
        boolean[] neg = signs(codes);
        long corr = vectorCorrection(codes, termination, actWidth, kind);
        int[][] bits = new int[length][];
        for (int t = 0; t < length; t++) bits[t] = factorsAt(codes, t, kind);
        int[] sel = new int[cols];
        long[] level = new long[cols];
        long[] y = new long[acts.length];
        AccModel acc = new AccModel(cols, actWidth, 0);
        for (int r = 0; r < acts.length; r++) {
            for (int t = 0; t < length; t++) {
                acc.clock(true, rowTree(acts[r], bits[t], neg, leafWidth, sel, level), t == 0, true, corr);
            }
            y[r] = acc.y();
        }
        return new VectorResult(y, length);
    }

    // ------------------------------------------------------------------ cycle-stepped model

    /** {@code en = !res_valid_q || res_ready_i}. */
    public boolean enable(boolean resReady) {
        return !resValid || resReady;
    }

    /** {@code vec_done_o = issue && last}: the last bit-time of the current vector advances this cycle. */
    public boolean vecDone(boolean wValid, int[] codes, boolean resReady) {
        return wValid && enable(resReady) && lastBitTime(codes, t, termination, kind);
    }

    /** {@code act_pend_o}: a beat taken earlier still waits for its PE row. */
    public boolean actPend() {
        return actPend;
    }

    /**
     * One rising clock edge with the given inputs.
     *
     * @param actWe  {@code act_we_i}: a beat is taken this cycle
     * @param actRow {@code act_row_i}
     * @param act    {@code act_i}, C signed values
     * @param wValid {@code w_valid_i}
     * @param codes  {@code w_i}, C 3-bit codes
     */
    public void clock(boolean actWe, int actRow, int[] act, boolean wValid, int[] codes, boolean resReady) {
        boolean en = enable(resReady);
        boolean issue = wValid && en;
        boolean last = lastBitTime(codes, t, termination, kind);
        int s = pipeStages;

        // Stage 1 reads the PE latches (as they are in this cycle) and the column registers.
        int[] rowActs = new int[cols];
        int[] sel = new int[cols];
        long[] level = new long[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) rowActs[c] = pes[r][c].activation();
            long tree = kind == ArrayKind.MAC_TREE ? macTreeSum(rowActs, colWeight, actWidth, level)
                    : rowTree(rowActs, colBit, colNeg, leafWidth, sel, level);
            accs[r].clock(en, tree, firstPipe[s], validPipe[s], corrPipe[s]);
        }

        // Activation write: lands unless stage 1 holds a bit-time the held pipeline has not read.
        boolean safe = !validPipe[0] || en;
        boolean request = actWe || actPend;
        if (request && safe) {
            int row = actWe ? actRow : actRowQ;
            if (row < 0 || row >= rows) throw new IllegalStateException("act_row_i " + row + " out of range 0.." + (rows - 1));
            int[] data = actWe ? act : actDataQ;
            for (int c = 0; c < cols; c++) pes[row][c].write(data[c]);
        }
        actPend = request && !safe;
        if (actWe) {
            actRowQ = actRow;
            actDataQ = act.clone();
        }

        if (en) {
            resValid = validPipe[s] && lastPipe[s];
            for (int i = s; i > 0; i--) {
                validPipe[i] = validPipe[i - 1];
                firstPipe[i] = firstPipe[i - 1];
                lastPipe[i] = lastPipe[i - 1];
                corrPipe[i] = corrPipe[i - 1];
            }
            validPipe[0] = wValid;
            firstPipe[0] = t == 0;
            lastPipe[0] = last;
            if (kind == ArrayKind.MAC_TREE) {
                // The result register loads the tree alone (first bit-time, no sign correction);
                // idle cycles load zero weights (fineq_mac_array's weight feed).
                corrPipe[0] = 0;
                int[] w = weights(codes);
                for (int c = 0; c < cols; c++) colWeight[c] = wValid ? w[c] : 0;
            } else {
                corrPipe[0] = vectorCorrection(codes, termination, actWidth, kind);
            }
            int[] bits = factorsAt(codes, t, kind);
            boolean[] neg = signs(codes);
            System.arraycopy(bits, 0, colBit, 0, cols);
            System.arraycopy(neg, 0, colNeg, 0, cols);
        }
        if (issue) t = last ? 0 : t + 1;
    }

    /** {@code res_valid_o}. */
    public boolean resValid() {
        return resValid;
    }

    /** {@code res_o}: all {@code acc_q}, row r at index r. */
    public long[] result() {
        long[] y = new long[rows];
        for (int r = 0; r < rows; r++) y[r] = accs[r].y();
        return y;
    }

    /** The bit-time counter {@code t_q}. */
    public int bitTime() {
        return t;
    }
}
