package io.fineq.hwcost.ppa;

import io.fineq.golden.accel.AccelDescriptor;
import io.fineq.golden.accel.AccelTraffic;
import io.fineq.hwcost.sram.SramLibrary;
import io.fineq.hwcost.util.Tools;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.tb.AccelJobImage;
import io.fineq.tb.JobInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PPA flow on the whole accelerator (8 x 8, the project's library, 400 MHz): Yosys with the
 * memories as macros, OpenSTA, and power from an accelerator job whose memory image the flow checks
 * against the golden model. Checked against independent figures: the macros' area is the shell's
 * buffer bits at the model's area per bit, every memory became a macro, the macros' power holds at
 * least their leakage and the access energy of the job's exact traffic, and OpenSTA times the macro
 * outputs with the model's access time.
 */
class AccelPpaFlowTest {
    @TempDir
    Path tmp;

    @Test
    void wholeAcceleratorWithMemoryMacros() throws Exception {
        AccelConfig cfg = AccelConfig.defaults(new FineqConfig(8, 8, 8, true, 0).withCore(CoreKind.FINEQ_SHIFTED));
        AccelPpaDesign d = new AccelPpaDesign(cfg, 400);
        PpaResult r = new PpaFlow(null).run(d, new PpaFlow.Options(null, 400, tmp, true));
        Path work = tmp.resolve(d.name());

        // Area: every bit of buffer at the model's area per bit, and nothing else in the macro category.
        assertThat(r.areaByCategory().get(AccelPpaDesign.MACROS)).isCloseTo(cfg.bufferBits() * 0.346 / 0.6, within(1e-3));
        // The hierarchical netlist: one module per memory configuration, holding its macro and nothing else.
        List<String> types = Files.readAllLines(work.resolve("netlist.v")).stream().filter(l -> l.startsWith("  fineq_sram_w"))
                .map(l -> l.strip().split(" ")[0]).toList();
        assertThat(types).containsExactlyInAnyOrderElementsOf(SramLibrary.configurations(cfg.memories()).keySet());
        assertThat(r.areaOf(d.coreCategories()) + r.areaOf(AccelPpaDesign.SHELL) + r.areaOf(List.of(AccelPpaDesign.MACROS)))
                .isCloseTo(r.area(), within(1e-6 * r.area()));

        // Power: the job's macro accesses (the golden model's traffic of the same job) and leakage are in the macros' share.
        ActivityWeights.Weights w = ActivityWeights.of(8);
        int[][] x = JobInputs.tokenActivations(16, w.image().header().cols(), 8, 1);
        AccelJobImage job = AccelJobImage.of(cfg, w.image(), x, null, null, false, AccelDescriptor.ACT_NONE, 0, null);
        AccelTraffic t = AccelTraffic.of(AccelJobImage.shape(cfg), job.descriptor());
        double seconds = r.activityCycles() / 400e6;
        double accessMw = t.sramBits() * 0.15625e-12 / seconds * 1e3;
        double leakMw = cfg.bufferBits() * 20e-12 * 1e3;
        double sramMw = r.powerByCategory().get(AccelPpaDesign.MACROS);
        assertThat(sramMw).isGreaterThanOrEqualTo(accessMw + leakMw).isLessThan(1.5 * (accessMw + leakMw));
        assertThat(r.powerMw()).isGreaterThan(sramMw);
        assertThat(r.usefulMacs()).isEqualTo(16L * FineqPpaDesign.JOB_M * 16);
        assertThat(r.annotated()).as("sequential cells with a measured toggle rate").isGreaterThan(0.95);
        assertThat(r.holdSlack()).isNotNegative();
        assertThat(r.slewViolations() + r.fanoutViolations() + r.capacitanceViolations()).isZero();

        // OpenSTA reads the macros' timing: a path through the activation buffer's read data leaves the
        // macro at least the model's access time after the clock.
        Tools.require("sta");
        String tcl = Files.readString(work.resolve("sta.tcl"));
        tcl = tcl.substring(0, tcl.indexOf("puts \"@@setup\"")) + "report_checks -path_delay max -through [get_pins "
                + "{u_act_buf/u_mem/*g_macro0_u_macro/rdata_o_0}] -format full -digits 4\n";
        Path probe = tmp.resolve("probe.tcl");
        Files.writeString(probe, tcl);
        String log = Tools.run(List.of("sta", "-no_splash", "-exit", probe.toString()), tmp, tmp.resolve("probe.log"), 600);
        Matcher m = Pattern.compile("([0-9.]+)\\s+([0-9.]+) [v^] \\S+/rdata_o_0 \\(" + Pattern.quote(SramLibrary.cellName(cfg.memories().get(0))) + "\\)").matcher(log);
        assertThat(m.find()).as("a path through the macro's read data in:\n"
                + String.join("\n", log.lines().filter(l -> !l.startsWith("Warning")).toList())).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(SramLibrary.accessNs(cfg.memories().get(0)) - 1e-4);
    }
}
