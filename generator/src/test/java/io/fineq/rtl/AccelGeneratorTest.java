package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accelerator's file set ({@code --top accel}, docs/accelerator.md): -Wall clean with every core
 * that has stream ports and several bus widths, Yosys' structural checks, one-line errors for
 * shells that cannot be built, deterministic output, and a C header that agrees with the RTL's
 * register decoder.
 */
class AccelGeneratorTest {

    @TempDir
    Path out;

    private int run(ByteArrayOutputStream err, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out=" + out);
        return GeneratorCli.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1}x{2} bus {3}")
    @CsvSource({"fineq-shifted, 8, 8, 64", "fineq, 4, 16, 128", "mac-tree, 8, 8, 64", "fineq-shifted, 64, 64, 512", "mac-tree, 16, 32, 256",
            "fineq-shifted, 3, 8, 64"})
    void lintClean(String core, int rows, int cols, int bus) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--top=accel", "--core=" + core, "--rows=" + rows, "--cols=" + cols, "--bus-bits=" + bus, "--prefix=fineq_"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path dir = Files.list(out).filter(p -> p.getFileName().toString().endsWith("_accel")).findFirst().orElseThrow();
        ExternalTool.Result r = ExternalTool.run(dir, 600, List.of("verilator", "--lint-only", "-Wall", "-F", "fineq.f", "--top-module", "fineq_accel"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("%Warning").doesNotContain("%Error");
    }

    /**
     * Yosys elaborates the generated shell (synth.ys' front half: every file of the filelist,
     * hierarchy -check, proc) and finds no undriven wire, multiple driver or combinational loop
     * (check -assert) and no latch outside the two primitives. The full synth.ys also passes; it
     * takes two minutes at 8 x 8 (the multipliers of the vector unit), too long for every build.
     */
    @Test
    void yosysElaboratesAndChecksTheShell() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--top=accel", "--array=8")).isZero();
        Path dir = out.resolve("fineq_shifted_8x8_accel");
        List<String> ys = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("synth.ys"))) {
            if (line.startsWith("synth ")) break;
            ys.add(line);
        }
        String latch = Files.readAllLines(dir.resolve("synth.ys")).stream().filter(l -> l.startsWith("select -assert-none")).findFirst().orElseThrow();
        ys.add(latch);
        Files.write(dir.resolve("check.ys"), ys);
        assertThat(String.join("\n", ys)).contains("hierarchy -check -top fineq_shifted_8x8_accel_accel").contains("check -assert");
        ExternalTool.Result r = ExternalTool.run(dir, 600, List.of("yosys", "-q", "-s", "check.ys"));
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--top=soc                                 | --top: 'soc' is not one of core, accel",
        "--bus-bits=128                            | --bus-bits: applies to --top accel only",
        "--top=accel --bus-bits=96                 | --bus-bits: 96 is not one of 64, 128, 256, 512",
        "--top=accel --bus-bits=1024               | --bus-bits: 1024 is out of range 64..512",
        "--top=accel --array=8 --bus-bits=128      | --bus-bits: 128 is out of range: a power of two in 64..64 (at most 8 * cols)",
        "--top=accel --cols=12                     | --cols: 12: the accelerator needs a power of two 8..1024",
        "--top=accel --act-width=4                 | --act-width: 4: the accelerator moves int8 activations",
        "--top=accel --core=mac-systolic           | --core: mac-systolic has no stream ports",
    })
    void impossibleShellsGiveOneLine(String args, String message) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(err, args.trim().split("\\s+"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(text.lines().toList()).hasSize(1);
        assertThat(text).contains(message.trim()).doesNotContain("Exception");
        try (var s = Files.list(out)) {
            assertThat(s.count()).as("nothing written").isZero();
        }
    }

    @Test
    void sameParametersGiveByteIdenticalFiles() {
        AccelConfig cfg = AccelConfig.defaults(FineqConfig.defaults().withCore(CoreKind.FINEQ_SHIFTED));
        AccelGenerator g = new AccelGenerator(new TemplateRenderer());
        List<GeneratedFile> a = g.generate(cfg, SynthesisOptions.defaults(), new VelocityBackend(new TemplateRenderer()), "x_");
        List<GeneratedFile> b = new AccelGenerator(new TemplateRenderer()).generate(cfg, SynthesisOptions.defaults(),
                new VelocityBackend(new TemplateRenderer()), "x_");
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
            assertThat(a.get(i).content()).as(a.get(i).name()).isEqualTo(b.get(i).content());
        }
    }

    /** Every register the C header names is decoded at that offset by fineq_axil_regs (its localparams), and vice versa. */
    @Test
    void headerOffsetsAreTheRtlDecoders() {
        AccelConfig cfg = AccelConfig.defaults(new FineqConfig(8, 8, 8, true, 0, CoreKind.FINEQ_SHIFTED));
        String regs = new AccelGenerator(new TemplateRenderer()).shellModules(cfg).stream()
                .filter(f -> f.name().equals("fineq_axil_regs.v")).findFirst().map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
        Matcher m = Pattern.compile("localparam \\[9:0\\] Adr(\\w+)\\s*= 10'h([0-9a-f]+);").matcher(regs);
        java.util.Map<String, Integer> rtl = new java.util.TreeMap<>();
        while (m.find()) rtl.put(m.group(1), Integer.parseInt(m.group(2), 16) * 4);
        assertThat(rtl).containsEntry("Id", AccelRegisters.ID.offset()).containsEntry("Array", AccelRegisters.ARRAY.offset())
                .containsEntry("Limits", AccelRegisters.LIMITS.offset()).containsEntry("Bus", AccelRegisters.BUS.offset())
                .containsEntry("Ctrl", AccelRegisters.CTRL.offset()).containsEntry("Status", AccelRegisters.STATUS.offset())
                .containsEntry("Desc0", AccelRegisters.W_ADDR.offset()).containsEntry("Cycles", AccelRegisters.CYCLES.offset())
                .containsEntry("Lut0", AccelRegisters.LUT.offset());
        // The eleven descriptor words follow W_ADDR in the header's order.
        List<AccelRegisters.Register> desc = List.of(AccelRegisters.W_ADDR, AccelRegisters.X_ADDR, AccelRegisters.Y_ADDR, AccelRegisters.BIAS_ADDR,
                AccelRegisters.MULT_ADDR, AccelRegisters.MB, AccelRegisters.KT, AccelRegisters.N, AccelRegisters.X_STRIDE, AccelRegisters.Y_STRIDE, AccelRegisters.VU);
        for (int i = 0; i < desc.size(); i++) assertThat(desc.get(i).offset()).isEqualTo(AccelRegisters.W_ADDR.offset() + 4 * i);
        assertThat(regs).contains("assign w_addr_o    = desc_q[0];").contains("assign vu_o        = desc_q[10];");
        String h = AccelRegisters.cHeader(cfg, List.of("test"));
        assertThat(h).contains("#define FINEQ_ACCEL_REG_VU 0x00000040u").contains("#define FINEQ_ACCEL_COLS 8u")
                .contains("#define FINEQ_ACCEL_ID_VALUE 0x46510100u");
    }

    @Test
    void configurationRules() {
        FineqConfig c8 = new FineqConfig(8, 8, 8, true, 0, CoreKind.FINEQ_SHIFTED);
        assertThatThrownBy(() -> new AccelConfig(c8, 8, 0, 8)).hasMessageContaining("group-blocks");
        assertThatThrownBy(() -> new AccelConfig(new FineqConfig(8, 64, 8, true, 0, CoreKind.FINEQ_SHIFTED), 64, 4, 64))
                .hasMessageContaining("group-blocks: 4 is not a multiple of 8");
        assertThatThrownBy(() -> new AccelConfig(c8, 8, 4, 2)).hasMessageContaining("param-blocks");
        AccelConfig d = AccelConfig.defaults(FineqConfig.defaults().withCore(CoreKind.FINEQ_SHIFTED));
        assertThat(d.busBits()).isEqualTo(512);
        assertThat(d.actWords()).isEqualTo(1);
        assertThat(d.weightWords()).isEqualTo(7);
        assertThat(d.psumDepth()).isEqualTo(24);
        assertThat(d.actBufferRows()).isEqualTo(128);
    }
}
