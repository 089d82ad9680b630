package io.fineq.chisel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formal equivalence of two Verilog designs with Yosys' equiv flow (a proof, not simulation):
 * both designs are elaborated, flattened and paired by {@code equiv_make} (ports, registers and
 * other wires of the same hierarchical name get an {@code $equiv} cell); {@code equiv_simple}
 * proves what follows combinationally or within a few cycles, {@code equiv_induct} proves the rest
 * by temporal induction over all {@code $equiv} cells together, and {@code equiv_status -assert}
 * fails unless every cell is proven. Registers are compared from equal start states: reset
 * registers after reset, data registers (no reset) from equal contents.
 */
final class YosysEquivalence {

    /** One side: its Verilog files and Yosys commands run after elaboration, before flattening. */
    record Design(List<Path> files, List<String> beforeFlatten) {
    }

    /** Outcome: proven only if Yosys succeeded and every $equiv cell is proven. */
    record Result(boolean proven, int equivCells, int unprovenCells, String log) {
        String tail() {
            String[] lines = log.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
        }
    }

    private static final Pattern TOTAL = Pattern.compile("Found (\\d+) \\$equiv cells in equiv:");
    private static final Pattern SPLIT = Pattern.compile("Of those cells (\\d+) are proven and (\\d+) are unproven\\.");
    private static final long TIMEOUT_SECONDS = 600;

    private YosysEquivalence() {
    }

    static Result prove(Design gold, Design gate, String top, Path workDir) throws IOException, InterruptedException {
        List<String> s = new ArrayList<>();
        side(s, gold, top, "gold");
        side(s, gate, top, "gate");
        s.add("design -copy-from gold -as gold gold");
        s.add("design -copy-from gate -as gate gate");
        s.add("equiv_make gold gate equiv");
        s.add("hierarchy -top equiv");
        // Asynchronous resets become synchronous muxes; both sides get the same treatment.
        s.add("async2sync");
        s.add("equiv_simple -seq 2");
        s.add("equiv_induct -seq 2");
        s.add("equiv_status");
        s.add("equiv_status -assert");
        Path script = workDir.resolve("equiv_" + top + ".ys");
        Files.write(script, s, StandardCharsets.UTF_8);
        Path log = workDir.resolve("equiv_" + top + ".log");

        Process p = new ProcessBuilder("yosys", "-s", script.toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("yosys equivalence of " + top + " timed out after " + TIMEOUT_SECONDS + " s");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int total = last(TOTAL, text, 1);
        int unproven = last(SPLIT, text, 2);
        boolean proven = p.exitValue() == 0 && total > 0 && unproven == 0;
        return new Result(proven, total, unproven, text);
    }

    private static void side(List<String> s, Design d, String top, String name) {
        StringBuilder read = new StringBuilder("read_verilog");
        for (Path f : d.files()) {
            read.append(' ').append(f.toAbsolutePath());
        }
        s.add(read.toString());
        s.add("hierarchy -check -top " + top);
        s.addAll(d.beforeFlatten());
        s.add("proc");
        s.add("flatten");
        s.add("opt_clean");
        s.add("rename " + top + " " + name);
        s.add("design -stash " + name);
    }

    private static int last(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        int value = -1;
        while (m.find()) {
            value = Integer.parseInt(m.group(group));
        }
        return value;
    }
}
