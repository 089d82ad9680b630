package io.fineq.golden;

/**
 * Cycle-stepped model of {@code fineq_core} (microarchitecture section 2): the LOAD / COMPUTE
 * state machine, the activation row counter, the two-entry block queue shared by the C
 * decoders, the (cluster, position) walk over a block, and the {@link ArrayModel}.
 *
 * <p>Use: each cycle read the ready/valid outputs ({@link #actReady}, {@link #wReady},
 * {@link #resValid}, {@link #resData}, all functions of the registers only), decide the inputs,
 * then call {@link #clock} for the rising edge. A handshake happens in a cycle when valid and
 * ready are both high before the edge.
 */
public final class CoreModel {
    private final int rows;
    private final int cols;
    private final DecoderModel[] decoders;
    private final ArrayModel array;

    private boolean computing; // state_q: false = LOAD, true = COMPUTE
    private int row;
    private boolean curValid;
    private boolean curLast;
    private boolean nxtValid;
    private boolean nxtLast;
    private int clu;
    private int pos;

    public CoreModel(int cols, CoreParams params) {
        if (cols < 1 || cols > GoldenJob.MAX_COLS) throw new IllegalArgumentException("cols must be 1.." + GoldenJob.MAX_COLS + ", got " + cols);
        this.rows = params.rows();
        this.cols = cols;
        this.decoders = new DecoderModel[cols];
        for (int c = 0; c < cols; c++) decoders[c] = new DecoderModel();
        this.array = new ArrayModel(rows, cols, params.actWidth(), params.termination(), params.pipeStages(), params.array());
    }

    /** {@code act_ready_o = (state_q == LOAD) && !act_pend}. */
    public boolean actReady() {
        return !computing && !array.actPend();
    }

    /** {@code w_ready_o = !nxt_valid_q}. */
    public boolean wReady() {
        return !nxtValid;
    }

    /** {@code res_valid_o}. */
    public boolean resValid() {
        return array.resValid();
    }

    /** {@code res_data_o}: row r's accumulator at index r. */
    public long[] resData() {
        return array.result();
    }

    /** True in state COMPUTE. */
    public boolean computing() {
        return computing;
    }

    /**
     * One rising clock edge.
     *
     * @param actValid {@code act_valid_i}
     * @param actData  {@code act_data_i} as C signed values (ignored when not valid)
     * @param wValid   {@code w_valid_i}
     * @param wData    {@code w_data_i} as C 56-bit blocks (ignored when not valid)
     * @param wLast    {@code w_last_i}
     * @param resReady {@code res_ready_i}
     */
    public void clock(boolean actValid, int[] actData, boolean wValid, long[] wData, boolean wLast, boolean resReady) {
        boolean actFire = actValid && actReady();
        boolean push = wValid && wReady();
        boolean arrayValid = computing && curValid;
        int[] codes = new int[cols];
        for (int c = 0; c < cols; c++) codes[c] = decoders[c].weight(clu, pos);
        boolean vecDone = array.vecDone(arrayValid, codes, resReady);
        boolean pop = vecDone && clu == DecoderModel.CLUSTERS - 1 && pos == DecoderModel.POSITIONS - 1;

        array.clock(actFire, row, actFire ? actData : new int[cols], arrayValid, codes, resReady);

        boolean loadCur = false;
        boolean loadNxt = false;
        boolean swap = false;
        boolean leaveCompute = pop && curLast;
        if (pop) {
            if (nxtValid) {
                swap = true;
                curLast = nxtLast;
                nxtValid = false;
            } else if (push) {
                loadCur = true;
                curLast = wLast;
            } else {
                curValid = false;
            }
        } else if (push) {
            if (!curValid) {
                loadCur = true;
                curValid = true;
                curLast = wLast;
            } else {
                loadNxt = true;
                nxtValid = true;
                nxtLast = wLast;
            }
        }
        if (loadCur || loadNxt || swap) {
            for (int c = 0; c < cols; c++) decoders[c].clock(push ? wData[c] : 0, loadCur, loadNxt, swap);
        }

        if (vecDone) {
            if (pos < DecoderModel.POSITIONS - 1) {
                pos++;
            } else {
                pos = 0;
                clu = (clu + 1) % DecoderModel.CLUSTERS;
            }
        }
        if (leaveCompute) computing = false;
        if (actFire) {
            if (row == rows - 1) {
                row = 0;
                computing = true;
            } else {
                row++;
            }
        }
    }
}
