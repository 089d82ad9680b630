package io.fineq.hwcost.cli;

import io.fineq.cli.PathArg;

import io.fineq.hwcost.UserError;
import io.fineq.hwcost.energy.EnergyModel;
import io.fineq.hwcost.energy.EnergyTable;
import io.fineq.hwcost.perf.LayerShape;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.ppa.PpaComparison;
import io.fineq.hwcost.ppa.PpaFlow;
import io.fineq.hwcost.ppa.PpaReport;
import io.fineq.hwcost.ppa.PpaStudy;
import io.fineq.hwcost.report.HtmlReport;
import io.fineq.hwcost.report.Study;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code report}: area (the PPA flow without power), performance and energy in one HTML page with PNG plots. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Write an HTML report with PNG plots: area breakdown, cycles and energy vs sequence length, code histograms.")
public final class ReportCommand implements Callable<Integer> {
    @PathArg(PathArg.Kind.OUTPUT_FOLDER)
    @Option(names = "--out", required = true, description = "output folder (index.html and PNGs)") Path out;
    @Option(names = "--sizes", defaultValue = "8,16", description = "array sizes for the area study (the ppa flow without power), 'none' to skip, default ${DEFAULT-VALUE}") String sizes;
    @Option(names = "--array", defaultValue = "64", description = "R = C of the performance/energy model (1..1024), default ${DEFAULT-VALUE}") int array;
    @Option(names = "--seq", defaultValue = "32,256,1024,2048", description = "sequence lengths, default ${DEFAULT-VALUE}") String seq;
    @Option(names = "--scale-down", defaultValue = "1", description = "divide every LLaMA-2-7B layer dimension by this (1 = real shapes), default ${DEFAULT-VALUE}") int scaleDown;
    @Option(names = "--clock-mhz", defaultValue = "400", description = "clock for times, default ${DEFAULT-VALUE}") double clockMhz;
    @Option(names = "--seed", defaultValue = "1", description = "synthetic weight seed, default ${DEFAULT-VALUE}") long seed;
    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--liberty", description = "Liberty file for the area study; default -Dliberty=..., else the project's fineq_generic.lib") Path liberty;
    @PathArg(PathArg.Kind.WORK_FOLDER)
    @Option(names = "--work", defaultValue = "build/ppa", description = "work folder of the area study, default ${DEFAULT-VALUE}") Path work;
    @PathArg(PathArg.Kind.INPUT_FOLDER)
    @Option(names = "--sweep", description = "a sweep's work folder: its Pareto plots and table join the report") Path sweep;
    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--model-eval", paramLabel = "minilm.json", description = "the JSON of fineq model-eval --json: a page for the real model joins the report") Path modelEval;

    @Override
    public Integer call() throws Exception {
        if (scaleDown < 1 || scaleDown > 4096) throw new UserError("--scale-down: " + scaleDown + " is out of range 1..4096");
        if (!(clockMhz > 0) || clockMhz > 1e5) throw new UserError("--clock-mhz: " + clockMhz + " is out of range (0, 100000]");
        int side = Sizes.side("--array", array);
        FineqConfig cfg = new FineqConfig(side, side, 8, true, 0);
        if (modelEval != null) io.fineq.hwcost.report.ModelEvalPage.check(modelEval);
        List<io.fineq.hwcost.sweep.SweepPlan.PointResult> swept = sweep == null ? List.of() : io.fineq.hwcost.sweep.SweepPlan.read(sweep).results();
        List<Integer> seqs = Sizes.parse("--seq", seq, 1 << 20);
        List<PpaComparison> area = new ArrayList<>();
        if (!sizes.equalsIgnoreCase("none")) {
            List<Integer> sz = Sizes.parse("--sizes", sizes);
            PpaFlow.Options opts = new PpaFlow.Options(PpaStudy.liberty(liberty), (int) Math.round(clockMhz), work, false);
            PpaStudy.Outcome o = PpaStudy.run(sz, 8, 0, PpaStudy.Designs.BOTH, opts, System.out);
            System.out.print(PpaReport.table(o.results()));
            System.out.print(PpaReport.ratios(o.comparisons()));
            area.addAll(o.comparisons());
        }
        List<LayerShape> shapes = scaleDown == 1 ? LayerShape.llama2_7b() : LayerShape.llama2_7bScaled(scaleDown);
        long t0 = System.nanoTime();
        List<LlamaWorkload.Layer> layers = LlamaWorkload.build(shapes, cfg.cols(), seed, System.err);
        System.out.printf(Locale.ROOT, "quantized %d layers in %.1f s%n", layers.size(), (System.nanoTime() - t0) / 1e9);
        Study.PerfTables perf = Study.perf(cfg, layers, seqs, new PerfModel(cfg, clockMhz), new EnergyModel(cfg, EnergyTable.horowitz45nm()));
        System.out.print(perf.text());
        List<String> files = HtmlReport.write(out, cfg, clockMhz, area, layers, perf, swept, modelEval);
        System.out.println("wrote " + out.resolve("index.html") + " and " + (files.size() - 1) + " plots");
        return 0;
    }
}
