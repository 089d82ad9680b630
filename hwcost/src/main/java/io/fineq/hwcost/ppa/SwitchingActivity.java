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
 * multiply-accumulates of the real (unpadded) problem. Verilator counts toggle coverage per
 * module, summed over all instances of the module: {@code toggles.get("fineq_acc").get("acc_q[5]")}
 * is the sum over every row's accumulator, so one instance's activity is the average
 * ({@link #activity}).
 */
public record SwitchingActivity(Map<String, Map<String, Long>> toggles, Map<String, Map<String, Long>> instances, long cycles,
                                long usefulMacs, String job, Map<String, Double> accessPj) {

    /** Activity whose per-bit instance counts are those of the netlist (every variant of a module has every bit). */
    public SwitchingActivity(Map<String, Map<String, Long>> toggles, long cycles, long usefulMacs, String job) {
        this(toggles, Map.of(), cycles, usefulMacs, job, Map.of());
    }

    public SwitchingActivity(Map<String, Map<String, Long>> toggles, Map<String, Map<String, Long>> instances, long cycles,
                             long usefulMacs, String job) {
        this(toggles, instances, cycles, usefulMacs, job, Map.of());
    }

    /**
     * The same activity with the energy of the job's memory-macro accesses, pJ by power category
     * (counted exactly from the job: the macros' read/write energy is not a toggle rate).
     */
    public SwitchingActivity withAccessEnergy(Map<String, Double> pjByCategory) {
        return new SwitchingActivity(toggles, instances, cycles, usefulMacs, job, Map.copyOf(pjByCategory));
    }

    /**
     * Toggles per clock cycle of one signal bit of module {@code module}, averaged over the
     * instances that have it, or -1 when the simulation did not see it. The instance count is
     * the source's own when it gives one ({@code instances}: the variants of a parameterised
     * module may differ in width), else {@code netlistInstances}, the module's instance count.
     *
     * @param signal signal name with its bit index, e.g. {@code acc_q[5]}
     */
    public double activity(String module, String signal, long netlistInstances) {
        Map<String, Long> m = toggles.get(module);
        if (m == null) return -1;
        Long t = m.get(signal);
        if (t == null) {
            // A one-bit vector ({@code reg [0:0] state_q}): Verilator names its bit state_q[0], a netlist state_q.
            signal = signal.endsWith("[0]") ? signal.substring(0, signal.length() - 3) : signal + "[0]";
            t = m.get(signal);
        }
        if (t == null) return -1;
        long n = instances.getOrDefault(module, Map.of()).getOrDefault(signal, netlistInstances);
        return n <= 0 ? -1 : (double) t / n / cycles;
    }

    /**
     * Reads a Verilator coverage file ({@code VerilatedCov::write}) and keeps its toggle points,
     * by RTL module ({@code page v_toggle/<module>}, every parameterisation together) and signal bit.
     */
    public static Map<String, Map<String, Long>> readToggleCoverage(Path file) throws IOException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.startsWith("C '")) continue;
            int end = line.lastIndexOf('\'');
            String key = line.substring(3, end);
            long count = Long.parseLong(line.substring(end + 1).trim());
            String page = field(key, "page");
            if (page == null || !page.startsWith("v_toggle/")) continue;
            String signal = field(key, "o");
            if (signal == null) continue;
            // A parameterised module's pages carry Verilator's parameter suffix (mac_pe__Se): merge them under the RTL name.
            String module = page.substring("v_toggle/".length());
            int suffix = module.indexOf("__");
            if (suffix > 0) module = module.substring(0, suffix);
            out.computeIfAbsent(module, k -> new HashMap<>()).merge(signal, count, Long::sum);
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
