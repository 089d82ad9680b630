package io.fineq.hwcost.mac;

import io.fineq.rtl.FineqConfig;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cycle-exact model of the MAC baseline array (templates/mac/) running a {@link MacSchedule},
 * counting signal toggles the way the Verilator harness with toggle coverage does: the same
 * stimulus (harness/mac_array_tb.cpp: inputs hold their last value, two idle resets, counters
 * zeroed after reset, {@code drain} idle cycles at the end), two evaluations per cycle (clock low
 * with the new inputs, clock high after the edge), toggles summed over every instance of a module,
 * keyed by RTL module and signal bit as in the coverage file.
 *
 * <p>Why a model: Verilator's coverage code grows with every PE instance, so a 64 x 64 MAC array
 * with toggle coverage is 65 MB of C++ and takes over half an hour to compile on two cores, while
 * this model runs the same job in well under a second. The Verilator toggle counts of the same job
 * equal this model's signal by signal (MacActivityModelTest, at sizes Verilator builds quickly),
 * so the numbers are the same, only sooner. Unlike the coverage, it also counts the weight-skew
 * registers (Verilator 5.006 does not cover signals declared inside generate blocks), named as
 * Yosys names them ({@code g_one.dly_q}, {@code g_shift.dly_q}).
 */
public final class MacActivityModel {
    /**
     * @param toggles   module -> signal bit ({@code psum_q[3]}, {@code clk_act}) -> toggles, summed over instances
     * @param instances module -> signal bit -> the instances that have it (partial sums widen along a row)
     * @param beats     res_o per res_valid_o cycle, row values sign-extended
     * @param cycles    last result cycle + 1 (the harness's "cycles")
     * @param simulated cycles the counters cover (schedule + drain)
     */
    public record Result(Map<String, Map<String, Long>> toggles, Map<String, Map<String, Long>> instances, List<long[]> beats, long cycles,
                         long simulated) { }

    private final FineqConfig cfg;
    private final int rows;
    private final int cols;
    private final int actW;
    private final int prodW;
    private final int[] sumW;

    public MacActivityModel(FineqConfig cfg) {
        this.cfg = cfg;
        this.rows = cfg.rows();
        this.cols = cfg.cols();
        this.actW = cfg.actWidth();
        MacGeometry geo = new MacGeometry(cfg);
        this.prodW = geo.productWidth();
        this.sumW = new int[cols];
        for (int c = 0; c < cols; c++) sumW[c] = geo.sumWidth(c);
        if (cfg.accWidth() > 63 || sumW[cols - 1] > 63) {
            throw new IllegalArgumentException("the MAC activity model holds partial sums in 63 bits, ACC_W is " + cfg.accWidth());
        }
    }

    // ------------------------------------------------------------------ state
    private long actWe;
    private long actRow;
    private long[] actIn;          // per column
    private long wValid;
    private long[] wIn;            // per column, {s, m1, m0}
    private long[] actData;        // act_data_q per column
    private long[] vld;            // vld_q per stage (C stages)
    private long[] skBusy;         // sk_busy_q[c] == |vld_q[c-2:0], c >= 2
    private long[][] skew;         // skew[c][stage], stage 0 newest; c >= 1
    private long[][] actQ;         // [r][c]
    private long[][] psum;         // [r][c], two's complement in sumW[c] bits

    public Result run(List<String> schedule, int drain) {
        actIn = new long[cols];
        wIn = new long[cols];
        actData = new long[cols];
        vld = new long[cols];
        skBusy = new long[cols];
        skew = new long[cols][];
        for (int c = 1; c < cols; c++) skew[c] = new long[c];
        actQ = new long[rows][cols];
        psum = new long[rows][cols];
        // After reset every register is 0 and every input 0: the counters start from all-zero values.
        List<long[]> beats = new ArrayList<>();
        long last = -1;
        long total = schedule.size() + (long) drain;
        for (long t = 0; t < total; t++) {
            actWe = 0;
            wValid = 0;
            if (t < schedule.size()) apply(schedule.get((int) t), t);
            // Clock low, new inputs: the harness samples res_valid_o / res_o here.
            Comb low = comb(false, null);
            count(low);
            if (vld[cols - 1] != 0) {
                long[] beat = new long[rows];
                for (int r = 0; r < rows; r++) beat[r] = signExtend(psum[r][cols - 1], sumW[cols - 1]);
                beats.add(beat);
                last = t;
            }
            // Clock high, in Verilator's order: the opened latches first pass the activation
            // register's old value, then the registers load and the latches pass the new one.
            for (int r = 0; r < rows; r++) {
                if (low.rowWe[r] != 0) actQ[r] = actData.clone();
            }
            count(comb(true, low));
            edge(low);
            count(comb(true, low));
        }
        return new Result(toggleMap(false), toggleMap(true), beats, last + 1, total);
    }

    private void apply(String line, long t) {
        String[] f = line.trim().split("\\s+");
        switch (f[0]) {
            case "L" -> {
                actWe = 1;
                actRow = Long.parseLong(f[1]);
                unpack(f[2], actW, actIn);
            }
            case "W" -> {
                wValid = 1;
                unpack(f[1], 3, wIn);
            }
            case "I" -> { }
            default -> throw new IllegalArgumentException("schedule line " + (t + 1) + ": unknown op '" + f[0] + "'");
        }
    }

    private static void unpack(String hex, int width, long[] out) {
        BigInteger v = new BigInteger(hex, 16);
        for (int i = 0; i < out.length; i++) out[i] = v.shiftRight(i * width).longValue() & ((1L << width) - 1);
    }

    /** Every combinational value of one evaluation. */
    private final class Comb {
        long[] mag = new long[cols];
        long[] tc = new long[cols];
        long[] wfeedOut = new long[cols];
        long[] rowWe = new long[rows];
        long[] colVld = new long[cols];
        long enAct;
        long[] enSk = new long[cols];
        long[] wcol = new long[cols];
        long[][] actX = new long[rows][cols];
        long[][] wX = new long[rows][cols];
        long[][] prod = new long[rows][cols];
        long[][] prodX = new long[rows][cols];
        // Gated clocks: 0 while the clock is low, the enable latched during the low phase while high.
        long clkAct;
        long[] clkRow = new long[rows];
        long[] clkPs = new long[cols];
        long[] clkSk = new long[cols];
    }

    private Comb comb(boolean high, Comb low) {
        Comb v = new Comb();
        for (int c = 0; c < cols; c++) {
            long w = wIn[c];
            v.mag[c] = w & 3;
            v.tc[c] = ((w & 4) != 0 ? -v.mag[c] : v.mag[c]) & 7;
            v.wfeedOut[c] = wValid != 0 ? v.tc[c] : 0;
        }
        for (int r = 0; r < rows; r++) v.rowWe[r] = actWe != 0 && actRow == r ? 1 : 0;
        for (int c = 0; c < cols; c++) v.colVld[c] = c == 0 ? wValid : vld[c - 1];
        v.enAct = actWe;
        for (int c = 1; c < cols; c++) v.enSk[c] = c == 1 ? wValid : wValid | skBusy[c];
        for (int c = 0; c < cols; c++) v.wcol[c] = c == 0 ? v.wfeedOut[0] : skew[c][c - 1];
        long prodMask = (1L << prodW) - 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                long a = signExtend(actQ[r][c], actW);
                long w = signExtend(v.wcol[c], 3);
                v.actX[r][c] = a & prodMask;
                v.wX[r][c] = w & prodMask;
                v.prod[r][c] = (a * w) & prodMask;
                v.prodX[r][c] = signExtend(v.prod[r][c], prodW) & ((1L << sumW[c]) - 1);
            }
        }
        if (high) {
            v.clkAct = low.enAct;
            for (int r = 0; r < rows; r++) v.clkRow[r] = low.rowWe[r];
            for (int c = 0; c < cols; c++) v.clkPs[c] = low.colVld[c];
            for (int c = 1; c < cols; c++) v.clkSk[c] = low.enSk[c];
        }
        return v;
    }

    /** The rising edge: every register from the values of the low phase; the opened latches follow. */
    private void edge(Comb low) {
        long[][] nextPsum = new long[rows][];
        for (int r = 0; r < rows; r++) {
            nextPsum[r] = psum[r].clone();
            for (int c = 0; c < cols; c++) {
                if (low.colVld[c] == 0) continue;
                long sum = c == 0 ? signExtend(low.prod[r][0], prodW)
                        : signExtend(psum[r][c - 1], sumW[c - 1]) + signExtend(low.prodX[r][c], sumW[c]);
                nextPsum[r][c] = sum & ((1L << sumW[c]) - 1);
            }
        }
        psum = nextPsum;
        for (int c = 1; c < cols; c++) {
            if (low.enSk[c] == 0) continue;
            System.arraycopy(skew[c], 0, skew[c], 1, c - 1);
            skew[c][0] = low.wfeedOut[c];
        }
        for (int c = cols - 1; c >= 3; c--) skBusy[c] = wValid | skBusy[c - 1];
        if (cols >= 3) skBusy[2] = wValid;
        for (int s = cols - 1; s > 0; s--) vld[s] = vld[s - 1];
        vld[0] = wValid;
        if (low.enAct != 0) actData = actIn.clone();
        for (int r = 0; r < rows; r++) {
            if (low.rowWe[r] != 0) actQ[r] = actData.clone();
        }
    }

    // ------------------------------------------------------------------ toggle counting
    /**
     * Toggle counters of one signal of one module, over all its instances: per instance the last
     * value, per bit the toggles. {@code vector} names bits {@code sig[b]}, else the signal is one bit.
     */
    private static final class Counter {
        final String module;
        final String signal;
        final boolean vector;
        final int offset;          // bit index of bit 0 (a field of a wider vector)
        final long[] last;
        final long[] perBit;
        final long[] bitInstances;  // instances that have bit b

        Counter(String module, String signal, boolean vector, int width, int offset, int instances) {
            this.module = module;
            this.signal = signal;
            this.vector = vector;
            this.offset = offset;
            this.last = new long[instances];
            this.perBit = new long[width];
            this.bitInstances = new long[width];
        }

        /** One instance with bits 0..width-1 of this signal. */
        Counter exists(int width) {
            for (int b = 0; b < width; b++) bitInstances[b]++;
            return this;
        }

        void see(int instance, long value) {
            long diff = last[instance] ^ value;
            last[instance] = value;
            while (diff != 0) {
                perBit[Long.numberOfTrailingZeros(diff)]++;
                diff &= diff - 1;
            }
        }
    }

    private final List<Counter> counters = new ArrayList<>();

    private Counter counter(String module, String signal, boolean vector, int width, int offset, int instances) {
        Counter c = new Counter(module, signal, vector, width, offset, instances);
        counters.add(c);
        if (instances == 1) c.exists(width);
        return c;
    }

    // Counters, created once (run order is their order in the result).
    private Counter actWeC, wValidC, actRowC, clkActC;
    private Counter[] skBusyC;
    private Counter[] actInC, wInC, actDataC, vldC, rowWeC, clkRowC, colVldC, clkPsC, clkSkC, magC, tcC, skewC;
    private Counter[] peAct, pePsum, peActX, peWX, peProd, peProdX;   // [0] mac_pe_head, [1] mac_pe

    private void createCounters() {
        String top = MacArrayGenerator.TOP;
        actWeC = counter(top, "act_we_i", false, 1, 0, 1);
        wValidC = counter(top, "w_valid_i", false, 1, 0, 1);
        actRowC = counter(top, "act_row_i", true, cfg.rowIndexWidth(), 0, 1);
        clkActC = counter(top, "clk_act", false, 1, 0, 1);
        actInC = new Counter[cols];
        wInC = new Counter[cols];
        actDataC = new Counter[cols];
        vldC = new Counter[cols];
        colVldC = new Counter[cols];
        clkPsC = new Counter[cols];
        clkSkC = new Counter[cols];
        magC = new Counter[cols];
        tcC = new Counter[cols];
        skewC = new Counter[cols];
        for (int c = 0; c < cols; c++) {
            actInC[c] = counter(top, "act_i", true, actW, c * actW, 1);
            wInC[c] = counter(top, "w_i", true, 3, 3 * c, 1);
            actDataC[c] = counter(top, "act_data_q", true, actW, c * actW, 1);
            vldC[c] = cols == 1 ? counter(top, "vld_q", false, 1, 0, 1) : counter(top, "vld_q", true, 1, c, 1);
            colVldC[c] = counter(top, "col_vld", true, 1, c, 1);
            clkPsC[c] = counter(top, "clk_ps", true, 1, c, 1);
            if (c >= 1) clkSkC[c] = counter(top, "clk_sk_" + c, false, 1, 0, 1);
        }
        skBusyC = new Counter[cols];
        for (int c = 2; c < cols; c++) skBusyC[c] = counter(top, "sk_busy_q", true, 1, c, 1);
        rowWeC = new Counter[rows];
        clkRowC = new Counter[rows];
        for (int r = 0; r < rows; r++) {
            rowWeC[r] = counter(top, "row_we", true, 1, r, 1);
            clkRowC[r] = counter(top, "clk_row", true, 1, r, 1);
        }
        Counter magAll = counter("mac_wfeed", "mag", true, 3, 0, cols);
        Counter tcAll = counter("mac_wfeed", "tc", true, 3, 0, cols);
        Counter skewOne = cols > 1 ? counter("mac_wskew", "g_one.dly_q", true, 3, 0, cols) : null;
        int longest = Math.max(1, 3 * (cols - 1));
        Counter skewShift = cols > 2 ? counter("mac_wskew", "g_shift.dly_q", true, longest, 0, cols) : null;
        for (int c = 0; c < cols; c++) {
            magC[c] = magAll.exists(3);
            tcC[c] = tcAll.exists(3);
            if (c == 1) skewC[c] = skewOne.exists(3);
            if (c >= 2) skewC[c] = skewShift.exists(3 * c);
        }
        int maxSum = 0;
        for (int w : sumW) maxSum = Math.max(maxSum, w);
        int n = rows * cols;
        String[] mods = {"mac_pe_head", "mac_pe"};
        peAct = new Counter[2];
        pePsum = new Counter[2];
        peActX = new Counter[2];
        peWX = new Counter[2];
        peProd = new Counter[2];
        peProdX = new Counter[2];
        for (int k = 0; k < 2; k++) {
            if (k == 1 && cols == 1) break;
            peAct[k] = counter(mods[k], "act_q", true, actW, 0, n);
            pePsum[k] = counter(mods[k], "psum_q", true, k == 0 ? sumW[0] : maxSum, 0, n);
            peActX[k] = counter(mods[k], "act_x", true, prodW, 0, n);
            peWX[k] = counter(mods[k], "w_x", true, prodW, 0, n);
            peProd[k] = counter(mods[k], "prod", true, prodW, 0, n);
            if (k == 1) peProdX[k] = counter(mods[k], "prod_x", true, maxSum, 0, n);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = c == 0 ? 0 : 1;
                peAct[k].exists(actW);
                pePsum[k].exists(sumW[c]);
                peActX[k].exists(prodW);
                peWX[k].exists(prodW);
                peProd[k].exists(prodW);
                if (k == 1) peProdX[k].exists(sumW[c]);
            }
        }
    }

    private void count(Comb v) {
        if (counters.isEmpty()) createCounters();
        actWeC.see(0, actWe);
        wValidC.see(0, wValid);
        actRowC.see(0, actRow);
        clkActC.see(0, v.clkAct);
        for (int c = 0; c < cols; c++) {
            actInC[c].see(0, actIn[c]);
            wInC[c].see(0, wIn[c]);
            actDataC[c].see(0, actData[c]);
            vldC[c].see(0, vld[c]);
            colVldC[c].see(0, v.colVld[c]);
            clkPsC[c].see(0, v.clkPs[c]);
            if (c >= 1) clkSkC[c].see(0, v.clkSk[c]);
            if (c >= 2) skBusyC[c].see(0, skBusy[c]);
            magC[c].see(c, v.mag[c]);
            tcC[c].see(c, v.tc[c]);
            if (c >= 1) {
                // dly_q[2:0] is the newest stage.
                long word = 0;
                for (int s = 0; s < c; s++) word |= skew[c][s] << (3 * s);
                skewC[c].see(c, word);
            }
        }
        for (int r = 0; r < rows; r++) {
            rowWeC[r].see(0, v.rowWe[r]);
            clkRowC[r].see(0, v.clkRow[r]);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = c == 0 ? 0 : 1;
                int inst = r * cols + c;
                peAct[k].see(inst, actQ[r][c]);
                pePsum[k].see(inst, psum[r][c]);
                peActX[k].see(inst, v.actX[r][c]);
                peWX[k].see(inst, v.wX[r][c]);
                peProd[k].see(inst, v.prod[r][c]);
                if (k == 1) peProdX[k].see(inst, v.prodX[r][c]);
            }
        }
    }

    /** The counters as module -> signal bit -> value, summed over instances: toggles, or (instances) the instances with the bit. */
    private Map<String, Map<String, Long>> toggleMap(boolean instances) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (Counter c : counters) {
            Map<String, Long> m = out.computeIfAbsent(c.module, k -> new HashMap<>());
            for (int b = 0; b < c.perBit.length; b++) {
                m.merge(c.vector ? c.signal + "[" + (c.offset + b) + "]" : c.signal, instances ? c.bitInstances[b] : c.perBit[b], Long::sum);
            }
        }
        return out;
    }

    private static long signExtend(long v, int width) {
        return (v << (64 - width)) >> (64 - width);
    }
}
