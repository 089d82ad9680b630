package io.fineq.hwcost.cli;

import io.fineq.hwcost.energy.EnergyModel;
import io.fineq.hwcost.energy.EnergyTable;
import io.fineq.hwcost.perf.LayerShape;
import io.fineq.hwcost.perf.LlamaWorkload;
import io.fineq.hwcost.perf.MiniLmWorkload;
import io.fineq.hwcost.perf.PerfModel;
import io.fineq.hwcost.report.Study;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code perf}: cycles, utilisation, time and energy of LLaMA-2-7B layers, FineQ vs MAC baseline. */
@Command(name = "perf", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Cycle and energy model of LLaMA-2-7B layer shapes or the real all-MiniLM-L6-v2 on FineQ vs the MAC baseline.")
public final class PerfCommand implements Callable<Integer> {
    @Option(names = "--array", defaultValue = "64", description = "R = C (1..1024), default ${DEFAULT-VALUE}") int array;
    @Option(names = "--seq", description = "sequence lengths, default 32,256,1024,2048 (minilm-l6: 32,128,256, its longest input)") String seq;
    @Option(names = "--workload", defaultValue = "llama2-7b",
            description = "llama2-7b (one decoder block's seven layers, llama-like synthetic weights) or minilm-l6 (all 36 layers of all-MiniLM-L6-v2 with its real trained weights), default ${DEFAULT-VALUE}")
    String workload;
    @Option(names = "--scale-down", defaultValue = "1",
            description = "divide every layer dimension by this (1 = real LLaMA-2-7B shapes), default ${DEFAULT-VALUE}") int scaleDown;
    @Option(names = "--clock-mhz", defaultValue = "400", description = "clock for times, default ${DEFAULT-VALUE}") double clockMhz;
    @Option(names = "--seed", defaultValue = "1", description = "synthetic weight seed, default ${DEFAULT-VALUE}") long seed;

    @Override
    public Integer call() throws java.io.IOException {
        if (scaleDown < 1 || scaleDown > 4096) throw new io.fineq.hwcost.UserError("--scale-down: " + scaleDown + " is out of range 1..4096");
        if (!(clockMhz >= 1 && clockMhz <= 5000)) throw new io.fineq.hwcost.UserError("--clock-mhz: " + clockMhz + " is out of range 1..5000");
        int side = Sizes.side("--array", array);
        FineqConfig cfg = new FineqConfig(side, side, 8, true, 0);
        boolean minilm = switch (workload) {
            case "llama2-7b" -> false;
            case "minilm-l6" -> true;
            default -> throw new io.fineq.hwcost.UserError("--workload must be llama2-7b or minilm-l6, got '" + workload + "'");
        };
        if (minilm && scaleDown != 1) throw new io.fineq.hwcost.UserError("--scale-down applies to --workload llama2-7b only (MiniLM runs its real shapes)");
        List<Integer> seqs = Sizes.parse("--seq", seq != null ? seq : minilm ? "32,128,256" : "32,256,1024,2048", 1 << 20);
        List<LlamaWorkload.Layer> layers;
        if (minilm) {
            layers = MiniLmWorkload.build(cfg.cols(), System.err);
        } else {
            List<LayerShape> shapes = scaleDown == 1 ? LayerShape.llama2_7b() : LayerShape.llama2_7bScaled(scaleDown);
            layers = LlamaWorkload.build(shapes, cfg.cols(), seed, System.err);
        }
        Study.PerfTables t = Study.perf(cfg, layers, seqs, new PerfModel(cfg, clockMhz), new EnergyModel(cfg, EnergyTable.horowitz45nm()),
                minilm ? "all-MiniLM-L6-v2, real trained weights (BLOCK = all 36 layers)" : "llama-like");
        System.out.print(t.text());
        if (minilm) {
            System.out.println();
            System.out.print(MiniLmWorkload.lengthComparison(layers, cfg.cols(), seed));
        }
        return 0;
    }
}
