package io.fineq.hwcost.sim;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.mac.MacArrayGenerator;
import io.fineq.hwcost.util.Tools;
import io.fineq.tb.PortCoverage;
import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the MAC baseline array with Verilator (-Wall, so the build is also a lint) and runs
 * cycle schedules from {@link io.fineq.hwcost.mac.MacSchedule} through harness/mac_array_tb.cpp.
 */
public final class MacVerilatorRunner {
    private final FineqConfig cfg;
    private final Path work;
    private final Path binary;

    /**
     * One simulation: result beats (R signed values each) with their cycle, the cycle count, and
     * for a coverage build the cycles its toggle counters cover (else -1).
     */
    public record Result(List<long[]> beats, List<Long> beatCycles, long cycles, long simulatedCycles) {
    }

    /** Renders the RTL for {@code cfg} into {@code work} and builds the simulator there. */
    public MacVerilatorRunner(FineqConfig cfg, Path work) throws IOException {
        this(cfg, work, false);
    }

    /**
     * As {@link #MacVerilatorRunner(FineqConfig, Path)}; with {@code coverage}, the model counts
     * the toggles of every signal bit (Verilator toggle coverage, modules not inlined: see
     * io.fineq.tb.BuildOptions) and {@link #run(List, Path)} writes them.
     */
    public MacVerilatorRunner(FineqConfig cfg, Path work, boolean coverage) throws IOException {
        this.cfg = cfg;
        this.work = work;
        Files.createDirectories(work);
        Path rtl = new MacArrayGenerator().generate(cfg, work);
        Path harness = work.resolve("mac_array_tb.cpp");
        try (InputStream in = MacVerilatorRunner.class.getResourceAsStream("/harness/mac_array_tb.cpp")) {
            if (in == null) throw new IOException("harness/mac_array_tb.cpp missing from the class path");
            AtomicFiles.write(harness, out -> in.transferTo(out));
        }
        List<String> cmd = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "2", "-Wall",
                "--top-module", MacArrayGenerator.TOP, "-Mdir", work.resolve("obj").toString(), "-o", "Vmac_tb"));
        // As io.fineq.tb.BuildOptions: the model code at -O1 (at -O0 the 64 x 64 MAC simulates 6x
        // slower and builds no faster); initialisation code, run once, always at -O0.
        cmd.addAll(List.of("-MAKEFLAGS", "OPT_FAST=-O1", "-MAKEFLAGS", "OPT_SLOW=-O0",
                "-MAKEFLAGS", "OPT_GLOBAL=-O1"));
        if (coverage) cmd.addAll(List.of("-fno-inline", "--coverage-toggle", "--coverage-max-width", "1048576"));
        for (Path p : MacArrayGenerator.sources(rtl)) {
            if (coverage) {
                // Port toggles of inner modules are miscounted by Verilator 5.006: io.fineq.tb.PortCoverage.
                AtomicFiles.writeString(p, PortCoverage.offExceptTop(Files.readString(p, StandardCharsets.UTF_8), MacArrayGenerator.TOP));
            }
            cmd.add(p.toString());
        }
        cmd.add(harness.toString());
        Tools.run(cmd, work, work.resolve("verilator-build.log"), 3600);
        binary = work.resolve("obj").resolve("Vmac_tb");
    }

    /** Idle cycles simulated after a schedule: enough for the last vector's result to leave the array. */
    public static int drainCycles(FineqConfig cfg) {
        return cfg.cols() + 2;
    }

    /** Runs one schedule (one line per cycle) and collects every res_valid_o beat. */
    public Result run(List<String> schedule) throws IOException {
        return run(schedule, null);
    }

    /** As {@link #run(List)}; a model built with coverage writes its toggle counters to {@code coverage}. */
    public Result run(List<String> schedule, Path coverage) throws IOException {
        Path sched = work.resolve("sched.txt");
        Path out = work.resolve("out.txt");
        AtomicFiles.writeString(sched, String.join("\n", schedule) + "\n");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "sched=" + sched, "out=" + out, "drain=" + drainCycles(cfg)));
        if (coverage != null) cmd.add("coverage=" + coverage);
        Tools.runBinary(cmd, work, work.resolve("sim.log"), 600);
        List<long[]> beats = new ArrayList<>();
        List<Long> cycles = new ArrayList<>();
        long total = -1;
        long simulated = -1;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cycles")) {
                total = Long.parseLong(f[1]);
            } else if (f[0].equals("simulated")) {
                simulated = Long.parseLong(f[1]);
            } else {
                cycles.add(Long.parseLong(f[0]));
                beats.add(io.fineq.tb.Beats.unpackSignedHex(f[1], cfg.rows(), cfg.accWidth(), out + ": result beat"));
            }
        }
        if (total < 0) throw new IOException(out + ": no 'cycles' line");
        return new Result(beats, cycles, total, simulated);
    }
}
