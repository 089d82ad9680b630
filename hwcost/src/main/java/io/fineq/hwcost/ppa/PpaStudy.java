package io.fineq.hwcost.ppa;

import io.fineq.hwcost.UserError;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The PPA flow over square sizes for the FineQ core and the MAC baselines, with the comparison
 * of FineQ against every baseline that ran at the same size. The {@code ppa}, {@code area} and
 * {@code report} commands share it.
 */
public final class PpaStudy {
    /**
     * Which designs a study runs: FineQ's core and the MAC baselines ({@link CoreKind}), in the
     * order fineq, fineq-shifted, mac-tree, mac-systolic.
     */
    public record Designs(java.util.Set<CoreKind> kinds) {
        /** The words {@code --designs} takes: the core kinds, {@code mac} (= mac-systolic), {@code both} (fineq, mac-systolic), {@code all}. */
        public static final String WORDS = "fineq, fineq-shifted, mac-tree, mac-systolic, mac (= mac-systolic), both (= fineq,mac-systolic), all";
        public static final Designs BOTH = new Designs(java.util.EnumSet.of(CoreKind.FINEQ, CoreKind.MAC_SYSTOLIC));
        public static final Designs ALL = new Designs(java.util.EnumSet.allOf(CoreKind.class));

        public Designs {
            kinds = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(kinds));
        }

        /** One word of {@link #WORDS} (any case); {@code option} names the flag in the error. */
        public static Designs parse(String option, String value) {
            String w = value.strip().toLowerCase(Locale.ROOT);
            return switch (w) {
                case "mac" -> new Designs(java.util.EnumSet.of(CoreKind.MAC_SYSTOLIC));
                case "both" -> BOTH;
                case "all" -> ALL;
                default -> {
                    for (CoreKind k : CoreKind.values()) if (k.word().equals(w)) yield new Designs(java.util.EnumSet.of(k));
                    throw new UserError(option + ": '" + value + "' is not one of " + WORDS);
                }
            };
        }

        /** A comma list of {@link #parse} words ({@code fineq,mac-tree}, {@code all}); a design named twice runs once. */
        public static Designs parseList(String option, String text) {
            java.util.EnumSet<CoreKind> set = java.util.EnumSet.noneOf(CoreKind.class);
            for (String t : text.split(",", -1)) {
                if (t.isBlank()) throw new UserError(option + ": empty entry in '" + text + "' (" + WORDS + ", comma separated)");
                set.addAll(parse(option, t).kinds());
            }
            return new Designs(set);
        }
    }

    /** The PPA design of {@code cfg}'s sizes for core {@code kind}. */
    public static PpaDesign design(FineqConfig cfg, CoreKind kind, int clockMhz) {
        return kind == CoreKind.MAC_SYSTOLIC ? new MacPpaDesign(cfg, clockMhz) : new FineqPpaDesign(cfg.withCore(kind), clockMhz);
    }

    /**
     * The equal-work rows ({@link EqualWork}) of a study's results: for every size, every workload
     * (built for that size's C), every wire mode that ran and every design, the array and core
     * rows; the systolic array's core basis is charged the MAC tree of the same size and wire mode.
     */
    public static List<EqualWork> equalWork(Outcome o, List<Integer> sizes, int actWidth, int adderPipeline, Designs which,
                                            List<String> workloads, int tokens, int clockMhz, PrintStream progress) throws IOException {
        List<EqualWork> out = new ArrayList<>();
        if (workloads.isEmpty()) return out;
        List<String> wireModes = o.results().stream().map(PpaResult::wires).distinct().toList();
        for (int n : sizes) {
            FineqConfig cfg = new FineqConfig(n, n, actWidth, true, adderPipeline);
            List<String> treeArray = design(cfg, CoreKind.MAC_TREE, clockMhz).arrayCategories();
            for (io.fineq.hwcost.perf.Workloads.Workload w : io.fineq.hwcost.perf.Workloads.build(workloads, n, progress)) {
                for (String wires : wireModes) {
                    PpaResult tree = result(o, cfg.withCore(CoreKind.MAC_TREE), wires);
                    for (CoreKind k : which.kinds()) {
                        PpaResult r = result(o, cfg.withCore(k), wires);
                        if (r == null) continue;
                        out.addAll(EqualWork.of(r, design(cfg, k, clockMhz).arrayCategories(), tree, treeArray, cfg, k, w.name(), w.layers(), tokens));
                    }
                }
            }
        }
        return out;
    }

    /** The result of configuration {@code cfg} in wire mode {@code wires}, or null when it did not run. */
    private static PpaResult result(Outcome o, FineqConfig cfg, String wires) {
        return o.results().stream().filter(r -> r.design().equals(cfg.name()) && r.wires().equals(wires)).findFirst().orElse(null);
    }

    /** Every measured design in run order, and the comparisons of the sizes where both ran. */
    public record Outcome(List<PpaResult> results, List<PpaComparison> comparisons) { }

    private PpaStudy() {
    }

    /**
     * The Liberty file a command uses: its {@code --liberty} option, else the {@code liberty}
     * system property ({@code -Dliberty=...}), else null for the project's generic library.
     */
    public static Path liberty(Path option) {
        if (option != null) return option;
        String prop = System.getProperty("liberty", "").strip();
        return prop.isEmpty() ? null : Path.of(prop);
    }

    public static Outcome run(List<Integer> sizes, int actWidth, int adderPipeline, Designs which, PpaFlow.Options options,
                              PrintStream progress) throws IOException {
        PpaFlow flow = new PpaFlow(progress);
        List<PpaResult> results = new ArrayList<>();
        List<PpaComparison> cmp = new ArrayList<>();
        for (int n : sizes) {
            FineqConfig cfg = new FineqConfig(n, n, actWidth, true, adderPipeline);
            // FineQ's cores come first in CoreKind order, so every baseline is compared with each of them.
            List<PpaResult> fineq = new ArrayList<>();
            List<CoreKind> fineqKind = new ArrayList<>();
            List<List<String>> fineqArray = new ArrayList<>();
            for (CoreKind k : which.kinds()) {
                PpaDesign d = design(cfg, k, options.clockMhz());
                PpaResult r = flow.run(d, options);
                results.add(r);
                if (k.fineq()) {
                    fineq.add(r);
                    fineqKind.add(k);
                    fineqArray.add(d.arrayCategories());
                } else {
                    for (int i = 0; i < fineq.size(); i++) cmp.add(new PpaComparison(cfg.withCore(fineqKind.get(i)), k, fineq.get(i), r, fineqArray.get(i),
                            d.arrayCategories()));
                }
            }
        }
        return new Outcome(results, cmp);
    }
}
