package io.fineq.hwcost.cli;

import io.fineq.hwcost.UserError;
import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.List;

/** Parses "8,16,32" into square array sizes 1..1024. */
final class Sizes {
    private Sizes() {
    }

    static List<Integer> parse(String option, String text) {
        List<Integer> out = new ArrayList<>();
        for (String s : text.split(",")) {
            String t = s.strip();
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new UserError(option + ": '" + t + "' is not a number (expected a comma-separated list of sizes 1.." + FineqConfig.MAX_DIM + ")");
            }
            if (n < 1 || n > FineqConfig.MAX_DIM) throw new UserError(option + ": size " + n + " is out of range 1.." + FineqConfig.MAX_DIM);
            out.add(n);
        }
        return out;
    }
}
