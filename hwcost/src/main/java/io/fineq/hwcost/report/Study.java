package io.fineq.hwcost.report;

import io.fineq.hwcost.ppa.PaperFigures;
import io.fineq.hwcost.energy.EnergyEvent;
import io.fineq.hwcost.energy.EnergyModel;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.perf.VectorStats;
import io.fineq.rtl.FineqConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the performance and energy models over layers x sequence lengths and tabulates them. */
public final class Study {
    private Study() {
    }

    /** One (layer, sequence length) point. */
    public record Point(LlamaWorkload.Layer layer, PerfModel.Result perf, EnergyModel.Result energy) {
    }

    /** Sum over all layers of one sequence length (one LLaMA decoder block). */
    public record BlockTotal(int tokens, long fineqCycles, long macCycles, long macs, double fineqPj, double macPj,
                             double fineqArrayPj, double macArrayPj, double fineqSeconds, double macSeconds, int peCount) {
        public double efficiency() {
            return macPj / fineqPj;
        }

        public double arrayEfficiency() {
            return macArrayPj / fineqArrayPj;
        }

        public double fineqUtilisation() {
            return macs / ((double) peCount * fineqCycles);
        }

        public double macUtilisation() {
            return macs / ((double) peCount * macCycles);
        }
    }

    public record PerfTables(List<Point> points, List<BlockTotal> totals, String text) {
    }

    public static PerfTables perf(FineqConfig cfg, List<LlamaWorkload.Layer> layers, List<Integer> seqs,
                                  PerfModel perf, EnergyModel energy) {
        return perf(cfg, layers, seqs, perf, energy, "llama-like");
    }

    /** As above; {@code weights} says where the weights come from (e.g. "llama-like", "all-MiniLM-L6-v2 (real)"). */
    public static PerfTables perf(FineqConfig cfg, List<LlamaWorkload.Layer> layers, List<Integer> seqs,
                                  PerfModel perf, EnergyModel energy, String weights) {
        List<Point> points = new ArrayList<>();
        List<BlockTotal> totals = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "FineQ %dx%d vs MAC baseline; weights: %s, FineQ-quantized (absmax, T=4)%n",
                cfg.rows(), cfg.cols(), weights));
        for (LlamaWorkload.Layer l : layers) {
            VectorStats s = l.stats();
            sb.append(String.format(Locale.ROOT, "  %-11s %5dx%-5d  vectors %d  L=1: %5.1f%%  L=2: %5.1f%%  L=3: %5.1f%%  mean L %.3f  (quantized in %.1f s)%n",
                    l.shape().name(), l.shape().outFeatures(), l.shape().inFeatures(), s.vectors(),
                    100.0 * s.lengthCounts()[1] / s.vectors(), 100.0 * s.lengthCounts()[2] / s.vectors(),
                    100.0 * s.lengthCounts()[3] / s.vectors(), s.meanLength(), l.quantizeSeconds()));
        }
        sb.append(String.format(Locale.ROOT, "%-10s %6s %14s %14s %7s %7s %7s %11s %11s %11s %11s %7s %7s%n",
                "layer", "seq", "FineQ cyc", "MAC cyc", "ratio", "utilF", "utilM", "FineQ ms", "MAC ms", "FineQ uJ", "MAC uJ", "eff", "effA"));
        for (int n : seqs) {
            long fc = 0, mc = 0, macs = 0;
            double fe = 0, me = 0, fa = 0, ma = 0, fs = 0, ms = 0;
            for (LlamaWorkload.Layer l : layers) {
                PerfModel.Result p = perf.run(l.shape(), l.stats(), n);
                EnergyModel.Result e = energy.run(p, l.stats());
                points.add(new Point(l, p, e));
                fc += p.fineqCycles();
                mc += p.macCycles();
                macs += p.macs();
                fe += e.fineqPj();
                me += e.macPj();
                fa += e.fineqArrayPj();
                ma += e.macArrayPj();
                fs += p.fineqSeconds();
                ms += p.macSeconds();
                sb.append(line(l.shape().name(), n, p.fineqCycles(), p.macCycles(), p.fineqUtilisation(), p.macUtilisation(),
                        p.fineqSeconds(), p.macSeconds(), e.fineqPj(), e.macPj(), e.fineqArrayPj(), e.macArrayPj()));
            }
            BlockTotal t = new BlockTotal(n, fc, mc, macs, fe, me, fa, ma, fs, ms, cfg.rows() * cfg.cols());
            totals.add(t);
            sb.append(line("BLOCK", n, fc, mc, t.fineqUtilisation(), t.macUtilisation(), fs, ms, fe, me, fa, ma));
        }
        sb.append(String.format(Locale.ROOT, "eff = MAC energy / FineQ energy, accelerator (paper: up to %.2fx); effA = the same for the arrays alone;%n"
                + "ratio = FineQ cycles / MAC cycles; util = useful MACs / (R*C*cycles)%n", PaperFigures.ENERGY_EFFICIENCY));
        if (!points.isEmpty()) sb.append(events(points.get(points.size() - 1)));
        return new PerfTables(points, totals, sb.toString());
    }

    private static String line(String name, int n, long fc, long mc, double uf, double um, double fs, double ms,
                               double fe, double me, double fa, double ma) {
        return String.format(Locale.ROOT, "%-10s %6d %14d %14d %7.3f %7.3f %7.3f %11.3f %11.3f %11.2f %11.2f %7.3f %7.3f%n",
                name, n, fc, mc, fc / (double) mc, uf, um, fs * 1e3, ms * 1e3, fe * 1e-6, me * 1e-6, me / fe, ma / fa);
    }

    /** Event breakdown of one point. */
    public static String events(Point p) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "events of %s at seq %d (count x pJ = uJ):%n", p.layer().shape().name(), p.perf().tokens()));
        for (String side : new String[] {"FineQ", "MAC"}) {
            for (EnergyEvent e : side.equals("FineQ") ? p.energy().fineq() : p.energy().mac()) {
                sb.append(String.format(Locale.ROOT, "  %-5s %-52s %16d x %9.5f = %10.3f%s%n", side, e.name(), e.count(), e.energyPj(),
                        e.totalPj() * 1e-6, e.shared() ? "  (shared)" : ""));
            }
        }
        return sb.toString();
    }
}
