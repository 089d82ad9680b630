package io.fineq.golden;

/**
 * Model of {@code fineq_array}: R x C PEs, C temporal encoders, R accumulators and the control
 * of microarchitecture section 2 (bit-time counter, early termination, flag pipeline, result
 * register handshake).
 *
 * <p>Two views of the same block: {@link #computeVector} runs one weight vector to completion
 * bit-time by bit-time (used by the job API), and an instance is a cycle-stepped model of the
 * module's registers ({@link #vecDone}, {@link #clock}) used by {@link CoreModel}.
 */
public final class ArrayModel {
    /** Bit-times of a vector without early termination (largest magnitude). */
    public static final int MAX_BIT_TIMES = 3;

    private final int rows;
    private final int cols;
    private final int actWidth;
    private final boolean termination;
    private final int pipeStages;
    private final PeModel[][] pes;
    private final AccModel[] accs;
    // Flags travelling with the tree pipeline: valid, first, last bit-time; index S-1 is at the accumulator.
    private final boolean[] validPipe;
    private final boolean[] firstPipe;
    private final boolean[] lastPipe;
    private int t;
    private boolean resValid;

    public ArrayModel(int rows, int cols, int actWidth, boolean termination, int pipeStages) {
        this.rows = rows;
        this.cols = cols;
        this.actWidth = actWidth;
        this.termination = termination;
        this.pipeStages = pipeStages;
        this.pes = new PeModel[rows][cols];
        for (PeModel[] row : pes) for (int c = 0; c < cols; c++) row[c] = new PeModel();
        this.accs = new AccModel[rows];
        for (int r = 0; r < rows; r++) accs[r] = new AccModel(cols, actWidth, pipeStages);
        this.validPipe = new boolean[pipeStages];
        this.firstPipe = new boolean[pipeStages];
        this.lastPipe = new boolean[pipeStages];
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

    /** L of one weight vector, found by stepping the bit-time counter until {@link #lastBitTime}. */
    public static int vectorLength(int[] codes, boolean termination) {
        int t = 0;
        while (!lastBitTime(codes, t, termination)) t++;
        return t + 1;
    }

    /**
     * The C leaves of one row at bit-time t, through the encoders and PEs, summed by the tree.
     * {@code sel} and {@code level} are scratch arrays of C entries (this runs in the inner loop).
     */
    private static long rowTree(int[] acts, int[] mags, boolean[] neg, int t, int actWidth, int[] sel, long[] level) {
        for (int c = 0; c < mags.length; c++) sel[c] = PeModel.select(TemporalEncoderModel.bit(mags[c], t), acts[c]);
        return AccModel.treeSum(sel, neg, actWidth, level);
    }

    private static int[] magnitudes(int[] codes) {
        int[] mags = new int[codes.length];
        for (int c = 0; c < codes.length; c++) mags[c] = WeightCode.magnitude(codes[c]);
        return mags;
    }

    private static boolean[] signs(int[] codes) {
        boolean[] neg = new boolean[codes.length];
        for (int c = 0; c < codes.length; c++) neg[c] = WeightCode.negative(codes[c]);
        return neg;
    }

    /**
     * Runs one weight vector to completion on a loaded activation tile.
     *
     * @param acts  acts[r][c] = a[r][c], R x C signed ACT_W-bit values
     * @param codes codes[c] = 3-bit weight code of column c
     */
    public static VectorResult computeVector(int[][] acts, int[] codes, boolean termination, int actWidth) {
        int length = vectorLength(codes, termination);
        int cols = codes.length;
        int[] mags = magnitudes(codes);
        boolean[] neg = signs(codes);
        int[] sel = new int[cols];
        long[] level = new long[cols];
        long[] y = new long[acts.length];
        AccModel acc = new AccModel(cols, actWidth, 0);
        for (int r = 0; r < acts.length; r++) {
            for (int t = 0; t < length; t++) acc.clock(true, rowTree(acts[r], mags, neg, t, actWidth, sel, level), t == 0, true);
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
        return wValid && enable(resReady) && lastBitTime(codes, t, termination);
    }

    /**
     * One rising clock edge with the given inputs.
     *
     * @param actWe  {@code act_we_i}
     * @param actRow {@code act_row_i}
     * @param act    {@code act_i}, C signed values
     * @param wValid {@code w_valid_i}
     * @param codes  {@code w_i}, C 3-bit codes
     */
    public void clock(boolean actWe, int actRow, int[] act, boolean wValid, int[] codes, boolean resReady) {
        boolean en = enable(resReady);
        boolean issue = wValid && en;
        boolean last = lastBitTime(codes, t, termination);
        boolean v0 = wValid;
        boolean f0 = t == 0;
        int s = pipeStages;
        boolean vS = s == 0 ? v0 : validPipe[s - 1];
        boolean fS = s == 0 ? f0 : firstPipe[s - 1];
        boolean lS = s == 0 ? last : lastPipe[s - 1];

        // Stage 0 reads the PE registers before this edge writes them.
        int[] mags = magnitudes(codes);
        boolean[] neg = signs(codes);
        int[] rowActs = new int[cols];
        int[] sel = new int[cols];
        long[] level = new long[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) rowActs[c] = pes[r][c].activation();
            accs[r].clock(en, rowTree(rowActs, mags, neg, t, actWidth, sel, level), fS, vS);
        }
        if (en) {
            for (int i = s - 1; i > 0; i--) {
                validPipe[i] = validPipe[i - 1];
                firstPipe[i] = firstPipe[i - 1];
                lastPipe[i] = lastPipe[i - 1];
            }
            if (s > 0) {
                validPipe[0] = v0;
                firstPipe[0] = f0;
                lastPipe[0] = last;
            }
            resValid = vS && lS;
        }
        if (issue) t = last ? 0 : t + 1;
        if (actWe) {
            if (actRow < 0 || actRow >= rows) throw new IllegalStateException("act_row_i " + actRow + " out of range 0.." + (rows - 1));
            for (int c = 0; c < cols; c++) pes[actRow][c].write(act[c]);
        }
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
