package io.fineq.hwcost.ppa;

import io.fineq.format.AtomicFiles;
import io.fineq.format.FqwImage;
import io.fineq.golden.accel.AccelDescriptor;
import io.fineq.golden.accel.AccelModel;
import io.fineq.golden.accel.AccelTraffic;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.sram.SramLibrary;
import io.fineq.hwcost.util.Tools;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.AccelGenerator;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.ModulePrefix;
import io.fineq.rtl.ModuleSet;
import io.fineq.rtl.SynthesisOptions;
import io.fineq.rtl.TemplateRenderer;
import io.fineq.rtl.VelocityBackend;
import io.fineq.tb.AccelJobImage;
import io.fineq.tb.AccelSimulator;
import io.fineq.tb.JobInputs;
import io.fineq.tb.VerilatorBuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The accelerator ({@code fineq_accel}: a core in the AXI shell) for the PPA flow, its memories as
 * the macros of {@link SramLibrary} (docs/accelerator.md, "Accelerator PPA"). The core's blocks keep
 * their categories; the shell's are the vector unit, the partial-sum unit, the DMA (read and write
 * masters, fetch and feed units), registers and control, and the SRAM macros. The activity job is
 * the PPA flow's real MiniLM job ({@link ActivityWeights}, 2R tokens) run the way MiniLM runs on
 * the accelerator (int32 results, bias 0, multiplier 1), its memory image checked byte for byte
 * against the golden model before its toggles are used.
 */
public final class AccelPpaDesign implements PpaDesign {
    public static final String VECTOR_UNIT = "vector unit";
    public static final String PARTIAL_SUMS = "partial sums";
    public static final String DMA = "DMA and fetch";
    public static final String CONTROL = "registers and control";
    public static final String MACROS = "SRAM macros";
    /** The shell's own categories (the rest is the core's). */
    public static final List<String> SHELL = List.of(VECTOR_UNIT, PARTIAL_SUMS, DMA, CONTROL);

    private static final Map<String, String> SHELL_CATEGORIES = Map.ofEntries(
            Map.entry("fineq_sram", MACROS),
            Map.entry("fineq_vector_unit", VECTOR_UNIT),
            Map.entry("fineq_psum", PARTIAL_SUMS),
            Map.entry("fineq_dma_rd", DMA),
            Map.entry("fineq_dma_wr", DMA),
            Map.entry("fineq_param_fetch", DMA),
            Map.entry("fineq_act_fetch", DMA),
            Map.entry("fineq_w_fetch", DMA),
            Map.entry("fineq_act_feed", DMA),
            Map.entry("fineq_w_feed", DMA),
            Map.entry("fineq_gather", DMA),
            Map.entry("fineq_axil_regs", CONTROL),
            Map.entry("fineq_accel_ctrl", CONTROL),
            Map.entry("fineq_accel", CONTROL));

    private final AccelConfig cfg;
    private final int clockMhz;
    private final FineqPpaDesign core;

    public AccelPpaDesign(AccelConfig cfg, int clockMhz) {
        this.cfg = cfg;
        this.clockMhz = clockMhz;
        this.core = new FineqPpaDesign(cfg.core(), clockMhz);
    }

    public AccelConfig config() {
        return cfg;
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public String top() {
        return ModuleSet.ACCEL_TOP;
    }

    @Override
    public List<AccelConfig.Memory> memories() {
        return cfg.memories();
    }

    /** The generator's files, then {@code fineq_sram} replaced by its macros ({@link SramLibrary#verilog}). */
    @Override
    public List<Path> writeRtl(Path dir) throws IOException {
        Files.createDirectories(dir);
        TemplateRenderer renderer = new TemplateRenderer();
        List<GeneratedFile> files = new AccelGenerator(renderer).generate(cfg, new SynthesisOptions(clockMhz), new VelocityBackend(renderer),
                ModulePrefix.STANDARD);
        for (GeneratedFile g : files) AtomicFiles.write(dir.resolve(g.name()), out -> out.write(g.content()));
        Path macros = dir.resolve("fineq_sram_macros.v");
        AtomicFiles.writeString(macros, SramLibrary.verilog(memories()));
        List<Path> rtl = new ArrayList<>(FineqPpaDesign.coreFiles(dir, cfg.core().core()));
        rtl.add(macros);
        for (String m : ModuleSet.ACCEL_MODULES) {
            if (!m.equals("fineq_sram")) rtl.add(dir.resolve(m + ".v"));
        }
        return rtl;
    }

    @Override
    public Path writeSdc(Path dir, int mhz) {
        return dir.resolve("constraints.sdc");
    }

    @Override
    public Function<String, String> categories() {
        Function<String, String> inCore = core.categories();
        return m -> SHELL_CATEGORIES.containsKey(m) ? SHELL_CATEGORIES.get(m) : inCore.apply(m);
    }

    @Override
    public String topCategory() {
        return CONTROL;
    }

    @Override
    public List<String> arrayCategories() {
        return core.arrayCategories();
    }

    /** The core's categories (its array and its decoders and control). */
    public List<String> coreCategories() {
        List<String> all = new ArrayList<>(core.arrayCategories());
        all.add(FineqPpaDesign.DECODERS);
        all.add(FineqPpaDesign.CORE_CONTROL);
        return all;
    }

    @Override
    public long peCount() {
        return core.peCount();
    }

    @Override
    public String activitySource() {
        return "Verilator toggle coverage of an accelerator job";
    }

    /**
     * The activity job on the accelerator, ideal memory; the final memory image must equal the
     * golden model's. The macros' access energy is the job's exact access count ({@link AccelTraffic})
     * at {@link SramLibrary#accessPjPerBit}.
     */
    @Override
    public SwitchingActivity simulate(Path work) throws IOException {
        Tools.require("verilator");
        Files.createDirectories(work);
        int c = cfg.core().cols();
        int n = 2 * cfg.core().rows();
        ActivityWeights.Weights weights = ActivityWeights.of(c);
        FqwImage image = weights.image();
        int[][] x = JobInputs.tokenActivations(n, image.header().cols(), 8, 1);
        AccelJobImage job = AccelJobImage.of(cfg, image, x, null, null, false, AccelDescriptor.ACT_NONE, 0, null);
        byte[] expected = job.memory().clone();
        AccelModel.Result golden = AccelModel.run(AccelJobImage.shape(cfg), job.descriptor(), expected, AccelJobImage.arrayKind(cfg));
        if (golden.error() != AccelModel.ERR_NONE) throw new IllegalStateException("activity job rejected by the golden model: " + golden.error());
        AccelSimulator sim;
        try {
            sim = AccelSimulator.forActivity(cfg, new VerilatorBuild());
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("verilator build of " + cfg.name() + " for switching activity failed: "
                    + e.getCause().getMessage().lines().findFirst().orElse(""));
        }
        Path coverage = work.resolve("toggles.dat");
        AccelSimulator.Run run = sim.run(job, AccelSimulator.Memory.ideal(), work, coverage);
        if (run.errorCode() != 0) throw new UserError("activity job of " + cfg.name() + ": the accelerator reported error " + run.errorCode());
        if (!Arrays.equals(run.memory(), expected)) {
            int at = Arrays.mismatch(run.memory(), expected);
            throw new UserError("activity job of " + cfg.name() + ": RTL memory differs from the golden model at byte " + at);
        }
        AccelTraffic traffic = AccelTraffic.of(AccelJobImage.shape(cfg), job.descriptor());
        Map<String, Map<String, Long>> toggles = SwitchingActivity.readToggleCoverage(coverage);
        long useful = (long) n * FineqPpaDesign.JOB_M * image.header().cols();
        Map<String, Double> access = new LinkedHashMap<>();
        access.put(MACROS, traffic.sramBits() * SramLibrary.accessPjPerBit());
        return new SwitchingActivity(toggles, run.cycles(), useful,
                weights.description() + ", " + n + " tokens on the accelerator (int32, ideal memory), " + run.jobCycles() + " job cycles")
                .withAccessEnergy(access);
    }
}
