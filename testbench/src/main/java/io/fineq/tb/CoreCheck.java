package io.fineq.tb;

import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact comparison of an RTL run with the golden vectors. Every difference is reported with its
 * position: tile (kt, nt), result beat = output row m, array row r, expected and actual value.
 */
public final class CoreCheck {
    /** At most this many value mismatches are listed; the total is always given. */
    static final int MAX_LISTED = 20;

    private CoreCheck() {
    }

    /**
     * Returns the list of differences (empty when the run matches).
     *
     * @param checkCycles compare the cycle count with the golden formula (only meaningful without stalls)
     */
    public static List<String> compare(CoreVectors v, CoreRun run, boolean checkCycles) {
        FineqConfig c = v.config();
        List<String> diffs = new ArrayList<>();
        if (run.actConsumed() != v.activationBeats().size())
            diffs.add("activation stream: " + v.activationBeats().size() + " beats offered, " + run.actConsumed() + " consumed");
        if (run.weightConsumed() != v.weightBeats().size())
            diffs.add("weight stream: " + v.weightBeats().size() + " beats offered, " + run.weightConsumed() + " consumed");
        if (run.results().size() != v.expected().size())
            diffs.add("result stream: expected " + v.expected().size() + " beats, got " + run.results().size());
        if (!run.extraResults().isEmpty())
            diffs.add("result stream: " + run.extraResults().size() + " extra beat(s) after the last expected one (duplicate or spurious), first "
                    + describe(Beats.unpackSignedHex(run.extraResults().get(0), c.rows(), c.accWidth(), "extra result beat 0")));
        int valueDiffs = 0;
        int n = Math.min(run.results().size(), v.expected().size());
        for (int i = 0; i < n; i++) {
            CoreVectors.ResultBeat e = v.expected().get(i);
            long[] actual = Beats.unpackSignedHex(run.results().get(i), c.rows(), c.accWidth(), "result beat " + i);
            for (int r = 0; r < c.rows(); r++) {
                if (actual[r] != e.y()[r]) {
                    if (valueDiffs < MAX_LISTED) {
                        diffs.add("tile " + e.tile() + " (kt " + e.kt() + ", nt " + e.nt() + "), result beat " + i
                                + " (output row m = " + e.m() + "), array row r = " + r + " (token " + ((long) e.nt() * c.rows() + r)
                                + "): expected " + e.y()[r] + ", actual " + actual[r]);
                    }
                    valueDiffs++;
                }
            }
        }
        if (valueDiffs > MAX_LISTED) diffs.add("... " + (valueDiffs - MAX_LISTED) + " more value mismatches (" + valueDiffs + " in total)");
        if (checkCycles && run.cycles() != v.expectedCycles())
            diffs.add("cycles: expected " + v.expectedCycles() + " (golden model, microarchitecture section 4), actual " + run.cycles());
        return diffs;
    }

    private static String describe(long[] y) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(y.length, 8); i++) sb.append(i == 0 ? "" : ", ").append(y[i]);
        return sb.append(y.length > 8 ? ", ...]" : "]").toString();
    }
}
