package io.fineq.tb;

import io.fineq.golden.DecoderModel;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** fineq_decoder against the golden DecoderModel and the spec text, exhaustively per cluster slot. */
class DecoderRtlTest {
    private static DecoderHarness.Run run;
    private static List<Long> blocks;
    /** The spec's worked example (section 3): bytes ce 89 8e 0a 00 d0 1d. */
    private static final long SPEC_BLOCK = 0x1dd0000a8e89ceL;

    @BeforeAll
    static void simulate() throws IOException {
        // Every cluster slot j, every pair code of its pair, every 6-bit field value; the other
        // pairs' codes and the other fields are random so neighbouring slots are exercised too.
        Random rnd = new Random(4);
        blocks = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            for (int code = 0; code < 4; code++) {
                for (int f = 0; f < 64; f++) {
                    long b = rnd.nextLong() & DecoderModel.BLOCK_MASK;
                    b &= ~(3L << (2 * (j >> 1)));
                    b |= (long) code << (2 * (j >> 1));
                    b &= ~(63L << (8 + 6 * j));
                    b |= (long) f << (8 + 6 * j);
                    blocks.add(b);
                }
            }
        }
        blocks.add(SPEC_BLOCK);
        VerilatorBuild.Model model = Rtl.unit(FineqConfig.defaults(), DecoderHarness.TOP, DecoderHarness.RESOURCE);
        run = new DecoderHarness(model).run(blocks, CoreRegression.workRoot().resolve("decoder-exhaustive"));
    }

    @Test
    void allFourCodesTimesAll64FieldValuesInEveryClusterSlotMatchTheGoldenDecoder() {
        assertThat(blocks).hasSize(8 * 4 * 64 + 1);
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            long b = blocks.get(i);
            int[] spec = SpecBlocks.codes(b);
            for (int clu = 0; clu < 8; clu++) {
                for (int pos = 0; pos < 3; pos++) {
                    int golden = DecoderModel.decode(b, clu, pos);
                    int rtl = run.cur().get(i)[3 * clu + pos];
                    // The golden model and the test's own reading of the spec must agree first.
                    assertThat(golden).as("golden vs spec, block %014x clu %d pos %d", b, clu, pos).isEqualTo(spec[3 * clu + pos]);
                    if (rtl != golden && mismatches++ < 20) {
                        report.append(String.format("block %d (%014x), cluster %d, position %d (row %d): expected w_o=%s, actual %s%n",
                                i, b, clu, pos, 3 * clu + pos, Integer.toBinaryString(golden), Integer.toBinaryString(rtl)));
                    }
                }
            }
        }
        if (mismatches > 0) fail(mismatches + " decoded weights differ:\n" + report);
    }

    @Test
    void nxtLoadLeavesTheCurrentBlockAndSwapMovesItIn() {
        for (int i = 1; i < blocks.size(); i += 2) {
            assertThat(run.held().get(i)).as("w_o while block %d waits in nxt_q must still decode block %d", i, i - 1)
                    .containsExactly(SpecBlocks.codes(blocks.get(i - 1)));
        }
    }

    @Test
    void specWorkedExampleDecodesToTheHandDerivedValues() {
        int[] rtl = run.cur().get(blocks.size() - 1);
        int[] values = new int[24];
        for (int i = 0; i < 24; i++) values[i] = SpecBlocks.value(rtl[i]);
        assertThat(values).containsExactly(1, 0, 1, 2, 0, -3, 0, -1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, -1, 3, 0, -3, 0, 0);
    }
}
