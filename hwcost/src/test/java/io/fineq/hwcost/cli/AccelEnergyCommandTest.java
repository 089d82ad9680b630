package io.fineq.hwcost.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code accel-energy} on hand-made runs: the arithmetic worked by hand, and bad input as one line. */
class AccelEnergyCommandTest {

    @TempDir
    Path dir;

    private static String run(int core, String kind, long cycles, long macs, long sramBits, long beats) {
        return "{\"accelerator\":\"" + kind + "_64x64_accel\",\"core\":\"" + kind + "\",\"rows\":64,\"cols\":64,\"bus_bits\":512,\"buffer_bits\":964608,\"cycles\":" + cycles
                + ",\"utilisation\":0.5,\"texts\":[{\"tokens\":10}],\"jobs\":[{\"core_cycles\":" + (cycles / 2) + ",\"macs\":" + macs + ",\"read_beats\":" + beats
                + ",\"write_beats\":0,\"act_buffer_bits\":" + sramBits + ",\"weight_buffer_bits\":0,\"psum_bits\":0,\"param_bits\":0}]}";
    }

    @Test
    void energyAndRatiosWorkedByHand() throws Exception {
        // FineQ: 1000 cycles (500 working) at 169.3 mW / 400 MHz = 423.25 pJ per cycle -> 0.211625 uJ working, 0.42325 uJ in all;
        // 6400 SRAM bits at 10/64 pJ = 1000 pJ; 10 beats of 64 bytes at 160 pJ = 102,400 pJ.
        // MAC: 500 cycles (250 working) x 918 pJ = 0.2295 / 0.459 uJ, same SRAM and DRAM.
        Path f = Files.writeString(dir.resolve("r.json"), "{\"clock_mhz\":400,\"runs\":[" + run(0, "fineq-shifted", 1000, 1_000_000, 6400, 10) + ","
                + run(1, "mac-tree", 500, 1_000_000, 6400, 10) + "]}");
        String[] r = runCli("accel-energy", "--run", f.toString());
        assertThat(r[0]).isEqualTo("0");
        String out = r[1];
        assertThat(out).contains("0.21").contains("0.23");
        double fineqChip = 211625 + 1000, macChip = 250 * (367.2 / 400 * 1000) + 1000;
        double fineqAll = 423250 + 1000, macAll = 500 * (367.2 / 400 * 1000) + 1000;
        assertThat(out).contains(String.format(java.util.Locale.ROOT, "energy per inference %.2fx on chip (%.2fx charging", macChip / fineqChip, macAll / fineqAll));
        assertThat(out).contains(String.format(java.util.Locale.ROOT, "%.2fx with DRAM", (macChip + 102400) / (fineqChip + 102400)));
        assertThat(out).contains(String.format(java.util.Locale.ROOT, "%11.3f", fineqChip / 1_000_000));
    }

    @Test
    void badRunFileIsOneLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\"something\": 1}");
        String[] r = runCli("accel-energy", "--run", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines().toList()).hasSize(1);
        assertThat(r[2]).contains("bad.json").contains("accel-minilm");
        String[] missing = runCli("accel-energy", "--run", dir.resolve("none.json").toString());
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2].strip().lines().toList()).hasSize(1);
    }

    private static String[] runCli(String... args) {
        return CliCapture.run(args);
    }
}
