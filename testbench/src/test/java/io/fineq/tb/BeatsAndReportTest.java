package io.fineq.tb;

import io.fineq.golden.BeatCodec;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure-Java parts of the flow: beat packing, harness output parsing, mismatch reports, missing tools. */
class BeatsAndReportTest {

    @Test
    void signedFieldsPackLeastSignificantFirstAndRoundTrip() {
        BigInteger b = BeatCodec.packSigned(new long[] {-1, 2, -128}, 8);
        // field 0 = 0xff at bits [7:0], field 1 = 0x02, field 2 = 0x80
        assertThat(BeatCodec.hex(b, 24)).isEqualTo("8002ff");
        assertThat(BeatCodec.unpackSigned(b, 3, 8)).containsExactly(-1, 2, -128);
        assertThat(BeatCodec.hex(BigInteger.ONE, 13)).isEqualTo("0001");
        assertThatThrownBy(() -> BeatCodec.packSigned(new long[] {128}, 8)).hasMessageContaining("does not fit 8 signed bits");
        assertThatThrownBy(() -> Beats.parseHex("1ff", 8, "f line 3")).hasMessageContaining("f line 3");
    }

    @Test
    void hexLanesEqualTheBigIntegerUnpacking() {
        java.util.Random rnd = new java.util.Random(5);
        for (int[] shape : new int[][] {{64, 16}, {7, 13}, {1, 10}, {3, 63}, {5, 1}}) {
            int count = shape[0], width = shape[1];
            for (int t = 0; t < 200; t++) {
                BigInteger beat = new BigInteger(count * width, rnd);
                // The harness zero-extends to 32-bit words: leading zero digits must not matter.
                String hex = "0000000" + beat.toString(16);
                assertThat(Beats.unpackSignedHex(hex, count, width, "t"))
                        .containsExactly(BeatCodec.unpackSigned(beat, count, width));
            }
        }
        assertThatThrownBy(() -> Beats.unpackSignedHex("1ff", 1, 8, "out line 4")).hasMessageContaining("out line 4")
                .hasMessageContaining("above bit 7");
        assertThatThrownBy(() -> Beats.unpackSignedHex("0g", 1, 8, "out line 5")).hasMessageContaining("out line 5")
                .hasMessageContaining("not a hex number");
    }

    @Test
    void harnessOutputParsesResultsCyclesConsumptionAndExtraBeats(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o.txt");
        Files.writeString(out, "0000ffff\n00000001\nextra_beat 00000002\ncycles 17\nconsumed 4 2\nextra 1\n");
        CoreRun run = CoreRun.parse(out);
        assertThat(run.results()).containsExactly("0000ffff", "00000001");
        assertThat(run.cycles()).isEqualTo(17);
        assertThat(run.actConsumed()).isEqualTo(4);
        assertThat(run.weightConsumed()).isEqualTo(2);
        assertThat(run.extraResults()).containsExactly("00000002");
        assertThat(run.peakRssKb()).isEqualTo(-1);
        Files.writeString(out, "00000003\r\ncycles 5\r\nconsumed 1 1\r\nextra 0\r\npeak_rss_kb 4812\r\n");
        run = CoreRun.parse(out);
        assertThat(run.results()).containsExactly("00000003");
        assertThat(run.cycles()).isEqualTo(5);
        assertThat(run.peakRssKb()).isEqualTo(4812);
        Files.writeString(out, "timeout 99\n");
        assertThatThrownBy(() -> CoreRun.parse(out)).hasMessageContaining("timed out");
    }

    @Test
    void mismatchReportNamesTileBeatRowExpectedAndActual() {
        FineqConfig c = new FineqConfig(2, 1, 8, true, 0); // ACC_W = bitlength(3*1*128)+1 = 10
        assertThat(c.accWidth()).isEqualTo(10);
        CoreVectors v = new CoreVectors(c, List.of(BigInteger.ZERO, BigInteger.ZERO), List.of(),
                List.of(new CoreVectors.ResultBeat(0, 0, 0, 0, new long[] {1, 2}),
                        new CoreVectors.ResultBeat(1, 1, 0, 7, new long[] {-5, 300})), 42);
        CoreRun run = new CoreRun(List.of(BeatCodec.packSigned(new long[] {1, 2}, 10).toString(16), BeatCodec.packSigned(new long[] {-5, -300}, 10).toString(16)),
                43, 2, 0, List.of(), -1, -1);
        List<String> diffs = CoreCheck.compare(v, run, true);
        assertThat(diffs).containsExactly(
                "tile 1 (kt 1, nt 0), result beat 1 (output row m = 7), array row r = 1 (token 1): expected 300, actual -300",
                "cycles: expected 42 (golden model, microarchitecture section 4), actual 43");
        assertThat(CoreCheck.compare(v, run, false)).hasSize(1);
    }

    @Test
    void lostAndDuplicatedBeatsAreReported() {
        FineqConfig c = new FineqConfig(1, 1, 8, true, 0);
        CoreVectors v = new CoreVectors(c, List.of(BigInteger.ONE), List.of(new CoreVectors.WeightBeat(BigInteger.ZERO, true)),
                List.of(new CoreVectors.ResultBeat(0, 0, 0, 0, new long[] {0}), new CoreVectors.ResultBeat(0, 0, 0, 1, new long[] {0})), 5);
        CoreRun run = new CoreRun(List.of("00000000"), 5, 1, 0, List.of("00000000"), -1, -1);
        assertThat(CoreCheck.compare(v, run, true)).containsExactly(
                "weight stream: 1 beats offered, 0 consumed",
                "result stream: expected 2 beats, got 1",
                "result stream: 1 extra beat(s) after the last expected one (duplicate or spurious), first [0]");
    }

    @Test
    void aMissingSimulatorIsAFailureWithAnInstallHint() {
        assertThatThrownBy(() -> VerilatorTool.probe("verilator-not-installed-here"))
                .isInstanceOf(VerilatorTool.ToolMissingException.class)
                .hasMessageContaining("not found on PATH").hasMessageContaining("apt-get install verilator");
    }

    @Test
    void cacheKeyFollowsContentAndOptions() {
        BuildOptions o = new BuildOptions("-O1", 1, false);
        List<SourceFile> a = List.of(new SourceFile("a.v", "module a; endmodule\n".getBytes()));
        List<SourceFile> b = List.of(new SourceFile("a.v", "module a;  endmodule\n".getBytes()));
        String k = VerilatorBuild.cacheKey("V 5", "a", a, "h.cpp", new byte[] {1}, o);
        assertThat(VerilatorBuild.cacheKey("V 5", "a", a, "h.cpp", new byte[] {1}, o)).isEqualTo(k);
        assertThat(VerilatorBuild.cacheKey("V 5", "a", b, "h.cpp", new byte[] {1}, o)).isNotEqualTo(k);
        assertThat(VerilatorBuild.cacheKey("V 5", "a", a, "h.cpp", new byte[] {2}, o)).isNotEqualTo(k);
        assertThat(VerilatorBuild.cacheKey("V 5", "a", a, "h.cpp", new byte[] {1}, o.withTrace(true))).isNotEqualTo(k);
        assertThat(VerilatorBuild.cacheKey("V 5.1", "a", a, "h.cpp", new byte[] {1}, o)).isNotEqualTo(k);
        assertThat(VerilatorBuild.cacheKey("V 5", "a", a, "h.cpp", new byte[] {1}, new BuildOptions("-O3", 1, false))).isNotEqualTo(k);
    }
}
