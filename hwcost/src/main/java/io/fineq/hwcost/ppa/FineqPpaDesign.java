package io.fineq.hwcost.ppa;

import io.fineq.format.AtomicFiles;
import io.fineq.format.FqwImage;
import io.fineq.golden.JobResult;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.util.Tools;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.ModuleSet;
import io.fineq.rtl.RtlGenerator;
import io.fineq.rtl.SynthesisOptions;
import io.fineq.rtl.TemplateRenderer;
import io.fineq.rtl.VelocityBackend;
import io.fineq.tb.BuildOptions;
import io.fineq.tb.CoreCheck;
import io.fineq.tb.CoreRegression;
import io.fineq.tb.CoreRun;
import io.fineq.tb.CoreSimulator;
import io.fineq.tb.CoreVectors;
import io.fineq.tb.GoldenVectors;
import io.fineq.tb.JobInputs;
import io.fineq.tb.RtlSources;
import io.fineq.tb.VerilatorBuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A core in the FineQ shell ({@code fineq_core}) as the generator writes it, for the PPA flow:
 * FineQ's own ({@link CoreKind#FINEQ}, {@link CoreKind#FINEQ_SHIFTED}) or the MAC tree baseline ({@link CoreKind#MAC_TREE}),
 * measured on the same job by the same Verilator harness, checked against the golden model.
 */
public final class FineqPpaDesign implements PpaDesign {
    public static final String PES = "PEs";
    public static final String ENCODERS = "encoders";
    public static final String ACC = "ACC trees";
    public static final String DECODERS = "decoders";
    public static final String ARRAY_CONTROL = "array control";
    public static final String CORE_CONTROL = "core control";

    private static final Map<String, String> CATEGORIES = Map.of(
            "fineq_pe_row", PES,
            "fineq_act_latch", PES,
            "fineq_temporal_encoder", ENCODERS,
            "fineq_acc", ACC,
            "fineq_decoder", DECODERS,
            "fineq_array", ARRAY_CONTROL,
            "fineq_core", CORE_CONTROL,
            "fineq_mac_pe_row", PES,
            "fineq_mac_acc", ACC,
            "fineq_mac_array", ARRAY_CONTROL);

    private final FineqConfig cfg;
    private final int clockMhz;

    public FineqPpaDesign(FineqConfig cfg, int clockMhz) {
        if (!cfg.core().inShell()) throw new IllegalArgumentException(cfg.core().word() + " is not a core in the FineQ shell");
        this.cfg = cfg;
        this.clockMhz = clockMhz;
    }

    public FineqConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public String top() {
        return ModuleSet.top(cfg.core());
    }

    @Override
    public List<Path> writeRtl(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<GeneratedFile> files = new RtlGenerator().generate(cfg, new SynthesisOptions(clockMhz), new VelocityBackend(new TemplateRenderer()));
        for (GeneratedFile g : files) AtomicFiles.write(dir.resolve(g.name()), out -> out.write(g.content()));
        return coreFiles(dir, cfg.core());
    }

    /**
     * The files of a core's modules in {@code dir}, leaves first, without the technology primitive
     * the synthesis script maps onto library cells ({@code fineq_clock_gate}, SynthesisScript's cells.v).
     */
    static List<Path> coreFiles(Path dir, io.fineq.rtl.CoreKind core) {
        List<Path> rtl = new ArrayList<>();
        for (String m : ModuleSet.modules(core)) {
            if (!m.equals("fineq_clock_gate")) rtl.add(dir.resolve(m + ".v"));
        }
        return rtl;
    }

    @Override
    public Path writeSdc(Path dir, int mhz) {
        return dir.resolve("constraints.sdc");
    }

    @Override
    public Function<String, String> categories() {
        return CATEGORIES::get;
    }

    @Override
    public String topCategory() {
        return CORE_CONTROL;
    }

    @Override
    public List<String> arrayCategories() {
        return cfg.core().fineq() ? List.of(PES, ENCODERS, ACC, ARRAY_CONTROL) : List.of(PES, ACC, ARRAY_CONTROL);
    }

    @Override
    public long peCount() {
        return (long) cfg.rows() * cfg.cols();
    }

    /** Rows of the activity job's weight matrix: 8 blocks of 24 outputs. */
    public static final int JOB_M = 192;

    /**
     * A real quantized job: a 192 x 2C slice of a trained layer ({@link ActivityWeights}) quantised by FineQ, 2R tokens of
     * per-token-quantised activations ({@link JobInputs#tokenActivations}); the RTL's results are
     * checked against the golden model before its toggles are used.
     */
    @Override
    public SwitchingActivity simulate(Path work) throws IOException {
        Tools.require("verilator");
        Files.createDirectories(work);
        int k = 2 * cfg.cols();
        int n = 2 * cfg.rows();
        ActivityWeights.Weights weights = ActivityWeights.of(cfg.cols());
        FqwImage image = weights.image();
        int[][] x = JobInputs.tokenActivations(n, k, cfg.actWidth(), 1);
        JobResult golden = GoldenVectors.result(cfg, image, x);
        CoreVectors v = GoldenVectors.of(cfg, image, x, golden);
        VerilatorBuild.Model model;
        try {
            model = new VerilatorBuild().build(top(), RtlSources.synthesized(cfg), CoreRegression.HARNESS, BuildOptions.activity());
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("verilator build of " + cfg.name() + " for switching activity failed: " + e.getCause().getMessage().lines().findFirst().orElse(""));
        }
        Path coverage = work.resolve("toggles.dat");
        CoreRun run = new CoreSimulator(model).runWithCoverage(v, work, coverage);
        List<String> diffs = CoreCheck.compare(v, run, true);
        if (!diffs.isEmpty()) throw new UserError("activity job of " + cfg.name() + ": RTL disagrees with the golden model: " + diffs.get(0));
        Map<String, Map<String, Long>> toggles = SwitchingActivity.readToggleCoverage(coverage);
        long useful = (long) n * JOB_M * k;
        return new SwitchingActivity(toggles, run.simulatedCycles(), useful,
                weights.description() + ", " + n + " tokens, " + run.cycles() + " cycles");
    }
}
