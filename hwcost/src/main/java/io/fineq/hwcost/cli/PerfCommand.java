package io.fineq.hwcost.cli;

import io.fineq.hwcost.energy.EnergyModel;
import io.fineq.hwcost.energy.EnergyTable;
import io.fineq.hwcost.perf.LayerShape;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.report.Study;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code perf}: cycles, utilisation, time and energy of LLaMA-2-7B layers, FineQ vs MAC baseline. */
@Command(name = "perf", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Cycle and energy model of LLaMA-2-7B layer shapes on FineQ vs the MAC baseline.")
public final class PerfCommand implements Callable<Integer> {
    @Option(names = "--array", defaultValue = "64", description = "R = C (1..1024), default ${DEFAULT-VALUE}") int array;
    @Option(names = "--seq", defaultValue = "32,256,1024,2048", description = "sequence lengths, default ${DEFAULT-VALUE}") String seq;
    @Option(names = "--scale-down", defaultValue = "1",
            description = "divide every layer dimension by this (1 = real LLaMA-2-7B shapes), default ${DEFAULT-VALUE}") int scaleDown;
    @Option(names = "--clock-mhz", defaultValue = "400", description = "clock for times, default ${DEFAULT-VALUE}") double clockMhz;
    @Option(names = "--seed", defaultValue = "1", description = "synthetic weight seed, default ${DEFAULT-VALUE}") long seed;

    @Override
    public Integer call() {
        if (scaleDown < 1 || scaleDown > 4096) throw new io.fineq.hwcost.UserError("--scale-down: " + scaleDown + " is out of range 1..4096");
        if (!(clockMhz >= 1 && clockMhz <= 5000)) throw new io.fineq.hwcost.UserError("--clock-mhz: " + clockMhz + " is out of range 1..5000");
        FineqConfig cfg = new FineqConfig(array, array, 8, true, 0);
        List<Integer> seqs = Sizes.parse("--seq", seq, 1 << 20);
        List<LayerShape> shapes = scaleDown == 1 ? LayerShape.llama2_7b() : LayerShape.llama2_7bScaled(scaleDown);
        List<LlamaWorkload.Layer> layers = LlamaWorkload.build(shapes, cfg.cols(), seed, System.err);
        Study.PerfTables t = Study.perf(cfg, layers, seqs, new PerfModel(cfg, clockMhz), new EnergyModel(cfg, EnergyTable.horowitz45nm()));
        System.out.print(t.text());
        return 0;
    }
}
