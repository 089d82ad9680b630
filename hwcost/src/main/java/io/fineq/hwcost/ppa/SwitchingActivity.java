package io.fineq.hwcost.ppa;

import io.fineq.hwcost.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Switching activity measured in simulation: toggles of every signal bit (Verilator toggle
 * coverage) over a job of {@code cycles} clock cycles that performed {@code usefulMacs}
 * multiply-accumulates of the real (unpadded) problem. Signals are named by their RTL hierarchy
 * below the top, e.g. {@code u_array.g_row[3].u_acc.acc_q[5]}.
 */
public record SwitchingActivity(Map<String, Long> toggles, long cycles, long usefulMacs, String job) {

    /** Toggles per clock cycle of one signal bit, or -1 when the simulation did not see it. */
    public double activity(String signal) {
        Long t = toggles.get(signal);
        return t == null ? -1 : (double) t / cycles;
    }

    /**
     * Reads a Verilator coverage file ({@code VerilatedCov::write}) and keeps its toggle points:
     * {@code <hierarchy>.<signal>[bit]} with the {@code TOP.<top>.} prefix removed.
     */
    public static Map<String, Long> readToggleCoverage(Path file, String top) throws IOException {
        Map<String, Long> out = new HashMap<>();
        String prefix = "TOP." + top;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.startsWith("C '")) continue;
            int end = line.lastIndexOf('\'');
            String key = line.substring(3, end);
            long count = Long.parseLong(line.substring(end + 1).trim());
            String page = field(key, "page");
            if (page == null || !page.startsWith("v_toggle")) continue;
            String signal = field(key, "o");
            String hier = field(key, "h");
            if (signal == null || hier == null) continue;
            String scope = hier.equals(prefix) ? "" : hier.startsWith(prefix + ".") ? hier.substring(prefix.length() + 1) + "." : null;
            if (scope == null) continue;
            out.merge(scope + signal, count, Long::sum);
        }
        if (out.isEmpty()) throw new UserError(file + ": no toggle coverage points (was the model built with --coverage-toggle?)");
        return out;
    }

    /** Field {@code name} of a coverage key: \u0001name\u0002value pairs. */
    private static String field(String key, String name) {
        String tag = "\u0001" + name + "\u0002";
        int i = key.indexOf(tag);
        if (i < 0) return null;
        int start = i + tag.length();
        int end = key.indexOf('\u0001', start);
        return key.substring(start, end < 0 ? key.length() : end);
    }
}
