package io.fineq.hwcost.cli;

import io.fineq.hwcost.UserError;
import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.List;

/** Parses "8,16,32" into a list of positive integers (array sizes 1..1024, sequence lengths). */
final class Sizes {
    private Sizes() {
    }

    /** One array side (perf, report --array): 1..FineqConfig.MAX_DIM. */
    static int side(String option, int n) {
        if (n < 1 || n > FineqConfig.MAX_DIM) throw new UserError(option + ": " + n + " is out of range 1.." + FineqConfig.MAX_DIM);
        return n;
    }

    static List<Integer> parse(String option, String text) {
        return parse(option, text, FineqConfig.MAX_DIM);
    }

    static List<Integer> parse(String option, String text, int max) {
        List<Integer> out = new ArrayList<>();
        for (String s : text.split(",")) {
            String t = s.strip();
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new UserError(option + ": '" + t + "' is not a number (expected a comma-separated list of sizes 1.." + max + ")");
            }
            if (n < 1 || n > max) throw new UserError(option + ": size " + n + " is out of range 1.." + max);
            out.add(n);
        }
        return out;
    }
}
