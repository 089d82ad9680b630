package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated synth.ys runs clean on 8x8: no latch, nothing undriven, and the logic is really there. */
class YosysSynthTest {

    @TempDir
    Path out;

    @Test
    void synthesises8x8WithoutLatchesOrUndrivenNets() throws Exception {
        FineqConfig cfg = new FineqConfig(8, 8, 8, true, 0);
        Path dir = Generated.into(out, cfg);
        String script = Files.readString(dir.resolve("synth.ys"));
        assertThat(script).contains("synth -top fineq_core").contains("check -assert").contains("stat");

        ExternalTool.Result r = ExternalTool.run(dir, 600, List.of("yosys", "-l", "yosys.log", "-s", "synth.ys"));
        String log = Files.readString(dir.resolve("yosys.log"), StandardCharsets.UTF_8);
        assertThat(r.exitCode()).as(tail(log)).isZero();
        assertThat(log).doesNotContain("ERROR").doesNotContain("Latch inferred for signal")
                .doesNotContain("has no driver").doesNotContain("multiple conflicting drivers");
        // Every CHECK pass (the two in synth.ys and synth's own) found nothing.
        Matcher problems = Pattern.compile("Found and reported (\\d+) problems").matcher(log);
        int checks = 0;
        while (problems.find()) {
            assertThat(Integer.parseInt(problems.group(1))).isZero();
            checks++;
        }
        assertThat(checks).isGreaterThanOrEqualTo(2);
        assertThat(log).doesNotContainPattern("\\$_DLATCH|\\$dlatch ");

        // Not optimised away: at least the PE activation registers (R*C*ACT_W) and the two block
        // buffers per decoder (C*2*56) survive as flip-flops in the hierarchy totals.
        String totals = log.substring(log.lastIndexOf("=== design hierarchy ==="));
        Matcher ff = Pattern.compile("\\$_(?:S?DFFE?|ADFFE?|DFF)[A-Z0-9_]*\\s+(\\d+)").matcher(totals);
        int flops = 0;
        while (ff.find()) {
            flops += Integer.parseInt(ff.group(1));
        }
        int lower = cfg.rows() * cfg.cols() * cfg.actWidth() + cfg.cols() * 2 * FineqConfig.BLOCK_BITS
                + cfg.rows() * cfg.accWidth();
        assertThat(flops).isGreaterThanOrEqualTo(lower);
    }

    private static String tail(String log) {
        return log.length() < 4000 ? log : log.substring(log.length() - 4000);
    }
}
