package io.fineq.golden;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives a {@link CoreModel} with the streams of a job, as the Verilator testbench drives the RTL:
 * valid/ready handshakes on three streams, cycle 0 = first rising edge after reset. With no stall
 * source every stream is valid whenever it has a beat and {@code res_ready_i} is high, which is
 * the condition of {@link CycleFormula}. With a seeded {@link Random} the sources randomly hold
 * back their valid and the sink randomly drops ready (a valid once raised stays up until taken).
 */
public final class CoreSimulation {
    /** What came out: the result beats in arrival order and the cycle count up to and including the last result handshake. */
    public record Outcome(List<BigInteger> results, long cycles) {
        public Outcome {
            results = List.copyOf(results);
        }
    }

    private CoreSimulation() {
    }

    /** Runs with every stream always valid and {@code res_ready_i = 1}. */
    public static Outcome run(JobStreams streams, CoreParams params) {
        return run(streams, params, null);
    }

    /**
     * Runs the job. {@code stalls} null means no stalls.
     *
     * @throws IllegalStateException if the core stops making progress (a protocol deadlock)
     */
    public static Outcome run(JobStreams streams, CoreParams params, Random stalls) {
        if (streams.rows() != params.rows() || streams.actWidth() != params.actWidth())
            throw new IllegalArgumentException("streams were made for R = " + streams.rows() + ", ACT_W = " + streams.actWidth()
                    + " but core parameters say R = " + params.rows() + ", ACT_W = " + params.actWidth());
        CoreModel core = new CoreModel(streams.cols(), params);
        int cols = streams.cols();
        int accW = streams.accWidth();
        List<BigInteger> out = new ArrayList<>();
        int act = 0;
        int w = 0;
        boolean actShown = false;
        boolean wShown = false;
        int expected = streams.results().size();
        // Generous bound: every bit-time, load and handshake, times a slack for random stalls.
        long limit = 64L * (streams.expectedCycles() + streams.activations().size() + streams.weights().size() + expected) + 1000;
        long cycle = 0;
        long lastHandshake = -1;
        // The beat on each input bus, unpacked once per beat (not once per cycle).
        int[] actData = new int[cols];
        int actDataIndex = -1;
        long[] wData = new long[cols];
        int wDataIndex = -1;
        while (out.size() < expected) {
            if (cycle > limit) throw new IllegalStateException("core model made no progress after " + cycle + " cycles ("
                    + out.size() + " of " + expected + " results)");
            boolean actHas = act < streams.activations().size();
            boolean wHas = w < streams.weights().size();
            actShown = actHas && (actShown || stalls == null || stalls.nextInt(4) != 0);
            wShown = wHas && (wShown || stalls == null || stalls.nextInt(4) != 0);
            boolean resReady = stalls == null || stalls.nextInt(3) != 0;

            if (actShown && actDataIndex != act) {
                long[] v = BeatCodec.unpackSigned(streams.activations().get(act), cols, streams.actWidth());
                for (int c = 0; c < cols; c++) actData[c] = (int) v[c];
                actDataIndex = act;
            }
            if (wShown && wDataIndex != w) {
                wData = BeatCodec.unpackBlocks(streams.weights().get(w).data(), cols);
                wDataIndex = w;
            }
            boolean wLast = wShown && streams.weights().get(w).last();

            boolean actFire = actShown && core.actReady();
            boolean wFire = wShown && core.wReady();
            if (core.resValid() && resReady) {
                out.add(BeatCodec.packSigned(core.resData(), accW));
                lastHandshake = cycle;
            }
            core.clock(actShown, actData, wShown, wData, wLast, resReady);
            if (actFire) {
                act++;
                actShown = false;
            }
            if (wFire) {
                w++;
                wShown = false;
            }
            cycle++;
        }
        return new Outcome(out, lastHandshake + 1);
    }
}
