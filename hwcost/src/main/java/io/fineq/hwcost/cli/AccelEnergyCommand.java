package io.fineq.hwcost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fineq.cli.PathArg;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.energy.EnergyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code accel-energy}: accelerator-level area, throughput and energy of the runs of
 * {@code fineq accel-minilm --json} (docs/accelerator.md, "Accelerator energy"): per run the RTL's
 * cycles, the jobs' exact memory traffic, the core's power measured by the PPA flow, the buffers
 * as SRAM macros of a stated 45 nm model, and (separately) DRAM at a stated energy per byte.
 */
@Command(name = "accel-energy", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Energy per inference and per MAC, GMAC/s and area of the FineQ accelerator against the MAC-tree accelerator "
                + "(same shell, buffers and bus) from the runs of 'fineq accel-minilm --json'.")
public final class AccelEnergyCommand implements Callable<Integer> {

    /** Core power at 400 MHz, 64 x 64, Nangate45 typical with wire loads, activity of a real MiniLM job (docs/hwcost.md, 2026-12-03). */
    static final Map<String, Double> MEASURED_CORE_MW = Map.of("fineq", 125.3, "fineq-shifted", 169.3, "mac-tree", 367.2);
    /** Core area, same run (mm²). */
    static final Map<String, Double> MEASURED_CORE_MM2 = Map.of("fineq", 0.385, "fineq-shifted", 0.448, "mac-tree", 0.875);
    /** SRAM area per bit: the project's 45 nm macro model ({@link io.fineq.hwcost.sram.SramLibrary#AREA_UM2_PER_BIT}). */
    static final double SRAM_UM2_PER_BIT = io.fineq.hwcost.sram.SramLibrary.AREA_UM2_PER_BIT;

    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--run", required = true, paramLabel = "FILE", description = "the JSON of 'fineq accel-minilm --json'")
    Path run;

    @Option(names = "--core-mw", split = ",", paramLabel = "CORE=MW",
            description = "core power at 400 MHz per core kind (default: the PPA flow's 64 x 64 Nangate45 measurement, docs/hwcost.md: "
                    + "fineq=125.3, fineq-shifted=169.3, mac-tree=367.2)")
    Map<String, Double> coreMw = new LinkedHashMap<>();

    @Option(names = "--dram-pj-per-byte", defaultValue = "160", description = "off-chip energy per byte moved on the AXI bus "
            + "(default 160: 1.3 nJ per 64-bit DRAM access, Horowitz ISSCC 2014)")
    double dramPjPerByte;

    @Override
    public Integer call() throws IOException {
        if (!(dramPjPerByte >= 0 && dramPjPerByte <= 1e6)) throw new UserError("--dram-pj-per-byte: " + dramPjPerByte + " is out of range 0..1000000");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(run.toFile());
        } catch (IOException e) {
            throw new UserError(run + ": not the JSON of 'fineq accel-minilm --json' (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("runs").isArray() || root.path("runs").isEmpty()) throw new UserError(run + ": no 'runs' array (not the JSON of 'fineq accel-minilm --json')");
        double clockMhz = root.path("clock_mhz").asDouble(400);
        EnergyTable table = EnergyTable.horowitz45nm();
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : root.path("runs")) rows.add(row(r, clockMhz, table));
        System.out.print(text(rows, clockMhz));
        return 0;
    }

    /** One accelerator's figures on the run's texts. */
    record Row(String accelerator, String core, int texts, long cycles, double macs, double coreMm2, double sramMm2, double corePj,
               double coreAllCyclesPj, double sramPj, double dramPj, double utilisation) {
        /** The core at its measured power in the cycles it works, clock-gated (no dynamic energy) while it waits. */
        double onChipPj() {
            return corePj + sramPj;
        }

        /** The same with the core's measured power charged for every cycle of the job (an upper bound). */
        double onChipUpperPj() {
            return coreAllCyclesPj + sramPj;
        }

        double gmacPerS(double clockMhz) {
            return macs / (cycles / (clockMhz * 1e6)) / 1e9;
        }
    }

    Row row(JsonNode r, double clockMhz, EnergyTable table) {
        String core = r.path("core").asText();
        Double mw = coreMw.getOrDefault(core, MEASURED_CORE_MW.get(core));
        if (mw == null) throw new UserError("--core-mw: no power for core '" + core + "' (give " + core + "=MW)");
        long cycles = r.path("cycles").asLong();
        int busBytes = r.path("bus_bits").asInt() / 8;
        double macs = 0, sramBits = 0, busBytesMoved = 0, coreCycles = 0;
        for (JsonNode j : r.path("jobs")) {
            if (!j.has("core_cycles")) throw new UserError(run + ": a job has no core_cycles (not the JSON of this version's 'fineq accel-minilm --json')");
            coreCycles += j.path("core_cycles").asDouble();
            macs += j.path("macs").asDouble();
            sramBits += j.path("act_buffer_bits").asDouble() + j.path("weight_buffer_bits").asDouble() + j.path("psum_bits").asDouble()
                    + j.path("param_bits").asDouble();
            busBytesMoved += (j.path("read_beats").asDouble() + j.path("write_beats").asDouble()) * busBytes;
        }
        if (!r.has("buffer_bits")) throw new UserError(run + ": a run has no buffer_bits (not the JSON of this version's 'fineq accel-minilm --json')");
        double sramBitsCapacity = r.path("buffer_bits").asDouble();
        double pjPerCycle = mw / clockMhz * 1e3;
        return new Row(r.path("accelerator").asText(), core, r.path("texts").size(), cycles, macs,
                MEASURED_CORE_MM2.getOrDefault(core, Double.NaN), sramBitsCapacity * SRAM_UM2_PER_BIT / 1e6,
                coreCycles * pjPerCycle, cycles * pjPerCycle, sramBits * table.sramBit(), busBytesMoved * dramPjPerByte, r.path("utilisation").asDouble());
    }

    String text(List<Row> rows, double clockMhz) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Accelerator energy (%,.0f MHz; SRAM %.1f pJ per 64 bits, %s; DRAM %.0f pJ/byte)%n",
                clockMhz, EnergyTable.horowitz45nm().sram64(), "Horowitz 45 nm", dramPjPerByte));
        sb.append(String.format(Locale.ROOT, "%-28s %9s %10s %10s %12s %12s %12s %12s %11s %11s%n", "accelerator", "cycles", "util.",
                "GMAC/s", "area mm2", "core uJ*", "SRAM uJ", "DRAM uJ", "pJ/MAC chip", "pJ/MAC +DRAM"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-28s %,9d %9.1f%% %10.1f %5.3f+%5.3f %12.2f %12.2f %12.2f %11.3f %11.3f%n", r.accelerator(), r.cycles(),
                    100 * r.utilisation(), r.gmacPerS(clockMhz), r.coreMm2(), r.sramMm2(), r.corePj() / 1e6, r.sramPj() / 1e6, r.dramPj() / 1e6,
                    r.onChipPj() / r.macs(), (r.onChipPj() + r.dramPj()) / r.macs()));
        }
        sb.append("* core energy in the cycles the core works (its tiles' loads and vectors); it waits clock-gated the rest of the job\n");
        for (Row f : rows) {
            if (!f.core().startsWith("fineq")) continue;
            for (Row m : rows) {
                if (!m.core().startsWith("mac")) continue;
                sb.append(String.format(Locale.ROOT, "%s against %s: energy per inference %.2fx on chip (%.2fx charging the cores' waiting cycles "
                                + "at full power), %.2fx with DRAM (the paper: 1.79x); GMAC/s per mm2 %.2fx (core + buffers); per text %.1f vs %.1f uJ on chip%n",
                        f.core(), m.core(), m.onChipPj() / f.onChipPj(), m.onChipUpperPj() / f.onChipUpperPj(),
                        (m.onChipPj() + m.dramPj()) / (f.onChipPj() + f.dramPj()),
                        (f.gmacPerS(clockMhz) / (f.coreMm2() + f.sramMm2())) / (m.gmacPerS(clockMhz) / (m.coreMm2() + m.sramMm2())),
                        f.onChipPj() / f.texts() / 1e6, m.onChipPj() / m.texts() / 1e6));
            }
        }
        return sb.toString();
    }
}
