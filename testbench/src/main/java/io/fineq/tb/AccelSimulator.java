package io.fineq.tb;

import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.AccelGenerator;
import io.fineq.rtl.AccelRegisters;
import io.fineq.rtl.GeneratedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accelerator in Verilator (harness {@code fineq_accel_tb.cpp}: an AXI4 memory with random
 * latency, back-pressure and error responses, a CPU on AXI4-Lite, protocol checks): builds the
 * model once per configuration and runs jobs on it.
 */
public final class AccelSimulator {
    public static final String TOP = "fineq_accel";
    public static final String HARNESS = "harness/fineq_accel_tb.cpp";
    private static final long RUN_TIMEOUT_SECONDS = 30 * 60;

    /** How the memory behaves: back-pressure percentage, read latency range, an error range [lo, hi). */
    public record Memory(long seed, int stallPercent, int latMin, int latMax, long errLo, long errHi) {
        public static Memory ideal() {
            return new Memory(1, 0, 1, 1, 0, 0);
        }

        public static Memory stressed(long seed) {
            return new Memory(seed, 30, 1, 24, 0, 0);
        }

        public Memory withErrors(long lo, long hi) {
            return new Memory(seed, stallPercent, latMin, latMax, lo, hi);
        }
    }

    /**
     * One run: the final memory, the register reads in script order, the interrupt's cycle, the
     * simulated cycles and the bus counts.
     */
    public record Run(byte[] memory, List<long[]> reads, long irqCycle, long cycles, long arBursts, long awBursts, long rBeats, long wBeats) {
        /** The value of the {@code i}-th read of {@code offset}. */
        public long read(int offset, int i) {
            int seen = 0;
            for (long[] r : reads) if (r[0] == offset && seen++ == i) return r[1];
            throw new IllegalStateException("no read " + i + " of register " + Integer.toHexString(offset));
        }

        public int errorCode() {
            return (int) ((read(AccelRegisters.STATUS.offset(), 0) >>> AccelRegisters.STATUS_ERR_SHIFT) & 15);
        }

        public long jobCycles() {
            return read(AccelRegisters.CYCLES.offset(), 0);
        }
    }

    private final AccelConfig config;
    private final VerilatorBuild.Model model;

    public AccelSimulator(AccelConfig config, VerilatorBuild build) {
        this(config, build, BuildOptions.regression());
    }

    /** With build options, e.g. {@link BuildOptions#activity()} for toggle coverage. */
    public AccelSimulator(AccelConfig config, VerilatorBuild build, BuildOptions options) {
        this.config = config;
        this.model = build.build(TOP, sources(config), HARNESS, options);
    }

    /**
     * The model for switching activity: toggle coverage, and the core in its synthesised form (the
     * one the PPA flow's netlist names), not the regressions' simulation view.
     */
    public static AccelSimulator forActivity(AccelConfig config, VerilatorBuild build) {
        return new AccelSimulator(config, build.build(TOP, sources(config, RtlSources.synthesized(config.core())), HARNESS, BuildOptions.activity()));
    }

    private AccelSimulator(AccelConfig config, VerilatorBuild.Model model) {
        this.config = config;
        this.model = model;
    }

    public AccelConfig config() {
        return config;
    }

    public VerilatorBuild.Model model() {
        return model;
    }

    /** The accelerator's Verilog with standard names: the core as the regressions simulate it, then the shell. */
    public static List<SourceFile> sources(AccelConfig cfg) {
        return sources(cfg, RtlSources.core(cfg.core()));
    }

    private static List<SourceFile> sources(AccelConfig cfg, List<SourceFile> core) {
        List<SourceFile> out = new ArrayList<>(core);
        for (GeneratedFile f : new AccelGenerator(new io.fineq.rtl.TemplateRenderer()).shellModules(cfg)) {
            out.add(new SourceFile(f.name(), f.content()));
        }
        return List.copyOf(out);
    }

    /** Runs {@code job} in {@code work} (which receives the memory files, script and log). */
    public Run run(AccelJobImage job, Memory mem, Path work) throws IOException {
        return run(job, mem, work, null);
    }

    /**
     * As {@link #run(AccelJobImage, Memory, Path)}, writing the job's toggle-coverage counters to
     * {@code coverage} (null: none; the model must be built with coverage).
     */
    public Run run(AccelJobImage job, Memory mem, Path work, Path coverage) throws IOException {
        Files.createDirectories(work);
        Path in = work.resolve("mem_in.bin");
        Path out = work.resolve("mem_out.bin");
        Path regs = work.resolve("regs.txt");
        Path log = work.resolve("run.log");
        Path simLog = work.resolve("sim.log");
        Files.write(in, job.memory());
        Files.writeString(regs, job.script());
        Files.deleteIfExists(out);
        long maxCycles = 50_000_000L;
        List<String> cmd = new ArrayList<>(List.of(model.executable().toString(), "mem=" + in, "regs=" + regs, "out=" + out, "log=" + log,
                "seed=" + mem.seed(), "stall=" + mem.stallPercent(), "lat_min=" + mem.latMin(), "lat_max=" + mem.latMax(),
                "err_lo=" + mem.errLo(), "err_hi=" + mem.errHi(), "max_cycles=" + maxCycles));
        if (coverage != null) cmd.add("coverage=" + coverage);
        Files.writeString(simLog, String.join(" ", cmd) + "\n");
        Processes.run(cmd, work, simLog, RUN_TIMEOUT_SECONDS);
        Map<String, Long> stats = new HashMap<>();
        List<long[]> reads = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] p = line.trim().split("\\s+");
            if (p[0].equals("read")) reads.add(new long[] {Long.parseLong(p[1], 16), Long.parseLong(p[2], 16)});
            else if (p.length == 2) stats.put(p[0], Long.parseLong(p[1]));
        }
        return new Run(Files.readAllBytes(out), reads, stats.getOrDefault("irq_cycle", -1L), stats.get("cycles"),
                stats.get("ar_bursts"), stats.get("aw_bursts"), stats.get("r_beats"), stats.get("w_beats"));
    }
}
