package io.fineq.golden;

import io.fineq.format.FqwImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenJobTest {
    private static final byte[] EXAMPLE = SpecBlocks.hex("ce 89 8e 0a 00 d0 1d");
    private static final int[] EXAMPLE_Q = {1, 0, 1, 2, 0, -3, 0, -1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, -1, 3, 0, -3, 0, 0};
    private static final SpecBlocks.Block ZERO = new SpecBlocks.Block(new byte[7], new int[24]);
    private static final SpecBlocks.Block WORKED = new SpecBlocks.Block(EXAMPLE, EXAMPLE_Q);

    // Shapes: M not a multiple of 24, K not a multiple of C, N not a multiple of R, and aligned ones.
    @ParameterizedTest(name = "M={0} K={1} N={2} R={3} C={4} ACT_W={5} term={6}")
    @CsvSource({
            "24,4,4,4,4,8,true",
            "25,5,3,2,2,8,true",
            "50,7,5,4,3,8,false",
            "71,13,9,4,5,8,true",
            "1,1,1,1,1,8,true",
            "47,9,7,3,4,4,true",
            "30,6,2,8,8,16,false",
            "96,17,11,5,6,2,true"})
    void yIsThePlainMatmulOfTheEncodedWeights(int m, int k, int n, int rows, int cols, int actW, boolean term) {
        Random rnd = new Random(m * 1000L + k * 10L + n);
        TestImages.Built valid = TestImages.randomValid(m, k, cols, rnd);
        TestImages.Built bytes = TestImages.randomBytes(m, k, cols, rnd);
        CoreParams p = new CoreParams(rows, actW, term, 0);
        for (TestImages.Built built : new TestImages.Built[] {valid, bytes}) {
            int[][] x = TestImages.randomActivations(n, k, actW, rnd);
            JobResult res = GoldenJob.run(built.image(), x, p);
            assertThat(res.y()).isDeepEqualTo(TestImages.matmul(x, built.q(), m, k));
        }
    }

    @ParameterizedTest
    @CsvSource({"25,5,3,2,2", "71,13,9,4,5", "48,8,8,4,4"})
    void partialSumsOverKTilesAddUpToY(int m, int k, int n, int rows, int cols) {
        Random rnd = new Random(42 + m);
        TestImages.Built built = TestImages.randomValid(m, k, cols, rnd);
        int[][] x = TestImages.randomActivations(n, k, 8, rnd);
        JobResult res = GoldenJob.run(built.image(), x, new CoreParams(rows, 8, true, 0));
        int kTiles = built.image().header().kTiles();
        int nTiles = (n + rows - 1) / rows;
        assertThat(res.tiles()).hasSize(kTiles * nTiles);
        long[][] sum = new long[n][m];
        for (int kt = 0; kt < kTiles; kt++) {
            for (int nt = 0; nt < nTiles; nt++) {
                TileResult t = res.tile(kt, nt);
                assertThat(t.beats()).hasNumberOfRows(built.image().header().paddedRows());
                for (int row = 0; row < m; row++) {
                    for (int r = 0; r < rows; r++) {
                        int token = nt * rows + r;
                        if (token < n) sum[token][row] += t.beats()[row][r];
                    }
                }
                // The partial of one tile is the matmul restricted to its C channels.
                for (int row = 0; row < m; row++) {
                    for (int r = 0; r < rows && nt * rows + r < n; r++) {
                        long expect = 0;
                        for (int c = 0; c < cols && kt * cols + c < k; c++) expect += (long) x[nt * rows + r][kt * cols + c] * built.q()[row][kt * cols + c];
                        assertThat(t.beats()[row][r]).isEqualTo(expect);
                    }
                }
            }
        }
        assertThat(sum).isDeepEqualTo(res.y());
    }

    @Test
    void paddingRowsAndPaddingTokensGiveZero() {
        // M = 25 -> Mp = 48: rows 25..47 are zero weights; N = 3 on R = 2 -> token 3 is a zero activation row.
        Random rnd = new Random(5);
        TestImages.Built built = TestImages.randomValid(25, 5, 2, rnd);
        int[][] x = TestImages.randomActivations(3, 5, 8, rnd);
        JobResult res = GoldenJob.run(built.image(), x, new CoreParams(2, 8, true, 0));
        for (TileResult t : res.tiles()) {
            for (int row = 25; row < 48; row++) assertThat(t.beats()[row]).containsOnly(0);
            if (t.nt() == 1) for (int[] beat : t.beats()) assertThat(beat[1]).isZero();
        }
    }

    @Test
    void garbageInPaddingColumnsDoesNotReachY() {
        // K = 3 on C = 2: channel 3 is padding; its activations are zero, so any weights there are harmless.
        Random rnd = new Random(9);
        TestImages.Built built = TestImages.build(24, 3, 2, (col, mb) -> col == 3 ? new SpecBlocks.Block(SpecBlocks.hex("ff ff ff ff ff ff ff"), new int[24]) : SpecBlocks.randomValid(rnd));
        int[][] x = TestImages.randomActivations(4, 3, 8, rnd);
        JobResult res = GoldenJob.run(built.image(), x, new CoreParams(2, 8, true, 0));
        assertThat(res.y()).isDeepEqualTo(TestImages.matmul(x, built.q(), 24, 3));
        // ... but it does cost bit-times: an 0xff block has pair code 11 (position 2 zero) and -3 at positions 0 and 1,
        // so in k-tile 1 rows 3j, 3j+1 take L = 3 and rows 3j+2 take max(1, |q| of channel 2).
        long expected = 0;
        for (int row = 0; row < 24; row++) expected += row % 3 == 2 ? Math.max(1, Math.abs(built.q()[row][2])) : 3;
        assertThat(res.tile(1, 0).sumLength()).isEqualTo(expected);
    }

    /**
     * Hand-derived cycle count. R = 2, C = 2, M = 24, K = 2, N = 3: one k-tile, two token tiles, T = 2.
     * Column 0 = all-zero block, column 1 = the spec's worked example, whose |q| per row are
     * 1 0 1 | 2 0 3 | 0 1 0 | 2 0 0 | 0 0 0 | 0 0 0 | 1 3 0 | 3 0 0, so L = max(1, |q|) per vector is
     * 1 1 1 | 2 1 3 | 1 1 1 | 2 1 1 | 1 1 1 | 1 1 1 | 1 3 1 | 3 1 1 = 3+6+3+4+3+3+5+5 = 32 per tile.
     * Timeline (termination on, S = 0): cycles 0-1 load tile 0 (weight beat 0 handshakes at cycle 0),
     * 2-33 its 32 bit-times at the encoders, 34-35 load tile 1, 36-67 its bit-times; the last bit-time
     * is in the column broadcast register in cycle 68, in the accumulator from the edge ending cycle 68,
     * and the result handshakes in cycle 69: 70 cycles = 2*2 + 64 + 0 + 2.
     * Termination off: every vector takes 3, 2*2 + 2*72 + 2 = 150. S = 2: 72.
     */
    @ParameterizedTest
    @CsvSource({"true,0,64,70", "false,0,144,150", "true,2,64,72", "false,3,144,153"})
    void cycleCountOfAHandDerivedJob(boolean term, int stages, long sumL, long cycles) {
        TestImages.Built built = TestImages.build(24, 2, 2, (col, mb) -> col == 1 ? WORKED : ZERO);
        int[][] x = {{1, 2}, {3, 4}, {5, 6}};
        CoreParams p = new CoreParams(2, 8, term, stages);
        JobResult res = GoldenJob.run(built.image(), x, p);
        assertThat(res.sumLength()).isEqualTo(sumL);
        assertThat(res.tiles()).extracting(TileResult::sumLength).containsExactly(sumL / 2, sumL / 2);
        assertThat(res.cycles()).isEqualTo(cycles);
        assertThat(CoreSimulation.run(GoldenJob.streams(built.image(), x, p), p).cycles()).isEqualTo(cycles);
    }

    @Test
    void smallestJobCycleCount() {
        // R = C = 1, M = 24 zero weights, one token: cycle 0 loads the token (and takes the weight beat),
        // cycles 1..24 are the 24 one-bit-time vectors at the encoders, vector m (issued in cycle m + 1)
        // is in the column register in cycle m + 2, in the accumulator after it, and its result
        // handshakes in cycle m + 3, the last in cycle 26: 27 cycles = 1*1 + 24 + 0 + 2.
        TestImages.Built built = TestImages.build(24, 1, 1, (col, mb) -> ZERO);
        CoreParams p = new CoreParams(1, 8, true, 0);
        assertThat(GoldenJob.run(built.image(), new int[][] {{-7}}, p).cycles()).isEqualTo(27);
        assertThat(CycleFormula.cycles(1, 1, 24, 0)).isEqualTo(27);
    }

    @ParameterizedTest
    @CsvSource({"25,5,3,2,2,true,0", "71,13,9,4,5,false,2", "48,8,1,8,4,true,1"})
    void cyclesFromWeightsAloneEqualTheJobRun(int m, int k, int n, int rows, int cols, boolean term, int stages) {
        Random rnd = new Random(77 + m);
        TestImages.Built built = TestImages.randomBytes(m, k, cols, rnd);
        CoreParams p = new CoreParams(rows, 8, term, stages);
        long fromRun = GoldenJob.run(built.image(), TestImages.randomActivations(n, k, 8, rnd), p).cycles();
        // Independently: T*R + ceil(N/R) * sum over all Kp columns' vectors of L from the decoded values + S + 2.
        int kp = built.q()[0].length;
        long sumL = 0;
        for (int kt = 0; kt < kp / cols; kt++) {
            for (int[] row : built.q()) {
                int max = 0;
                for (int c = 0; c < cols; c++) max = Math.max(max, Math.abs(row[kt * cols + c]));
                sumL += term ? Math.max(1, max) : 3;
            }
        }
        int nTiles = (n + rows - 1) / rows;
        long expected = (long) (kp / cols) * nTiles * rows + nTiles * sumL + stages + 2;
        assertThat(fromRun).isEqualTo(expected);
        assertThat(GoldenJob.cycles(built.image(), n, p)).isEqualTo(expected);
    }

    @Test
    void cycleFormulaTerms() {
        assertThat(CycleFormula.cycles(2, 2, 64, 0)).isEqualTo(70);
        assertThat(CycleFormula.cycles(64, 64, 1_000_000, 4)).isEqualTo(64 * 64 + 1_000_000 + 6);
        assertThat(CycleFormula.tiles(3, 65, 64)).isEqualTo(6);
        assertThat(CycleFormula.vectorLength(0, true)).isEqualTo(1);
        assertThat(CycleFormula.vectorLength(2, true)).isEqualTo(2);
        assertThat(CycleFormula.vectorLength(1, false)).isEqualTo(3);
    }

    /**
     * Beat encodings worked by hand. R = 2, C = 2, ACT_W = 8 (ACC_W = 11), M = 24, K = 3 (Kp = 4), N = 2.
     * Channel 1 and channel 2 hold the worked example block, channels 0 and 3 zero.
     * X = [[-1, 5, 7], [2, 0, -128]].
     */
    @Test
    void beatStreamsOfAHandWorkedJob() {
        TestImages.Built built = TestImages.build(24, 3, 2, (col, mb) -> col == 1 || col == 2 ? WORKED : ZERO);
        int[][] x = {{-1, 5, 7}, {2, 0, -128}};
        JobStreams s = GoldenJob.streams(built.image(), x, new CoreParams(2, 8, true, 0));
        assertThat(s.accWidth()).isEqualTo(11);
        assertThat(s.tiles()).isEqualTo(2);
        assertThat(s.actBeatWidth()).isEqualTo(16);
        assertThat(s.weightBeatWidth()).isEqualTo(112);
        assertThat(s.resultBeatWidth()).isEqualTo(22);
        // Activation beats: channel c at [8c +: 8]; tile kt=0 holds channels 0,1, tile kt=1 channels 2,3 (3 is padding).
        assertThat(s.activations()).extracting(b -> BeatCodec.hex(b, 16)).containsExactly("05ff", "0002", "0007", "0080");
        // Weight beats: block c at [56c +: 56]; the example block is 0x1dd0000a8e89ce.
        assertThat(s.weights()).extracting(b -> BeatCodec.hex(b.data(), 112))
                .containsExactly("1dd0000a8e89ce00000000000000", "000000000000001dd0000a8e89ce");
        assertThat(s.weights()).extracting(WeightBeat::last).containsExactly(true, true);
        // Result beats: row r at [11r +: 11]. Tile 0 row m=0 (q = 1 on channel 1): y = (5, 0) -> 0x000005;
        // m=5 (q = -3): y = (-15, 0) -> 0x7f1. Tile 1 row 0 (q = 1 on channel 2): y = (7, -128) -> 0x780 << 11 | 7 = 0x3c0007;
        // m=5: y = (-21, 384) -> 0x180 << 11 | 0x7eb = 0x0c07eb.
        assertThat(s.results()).hasSize(48);
        assertThat(BeatCodec.hex(s.results().get(0), 22)).isEqualTo("000005");
        assertThat(BeatCodec.hex(s.results().get(5), 22)).isEqualTo("0007f1");
        assertThat(BeatCodec.hex(s.results().get(24), 22)).isEqualTo("3c0007");
        assertThat(BeatCodec.hex(s.results().get(24 + 5), 22)).isEqualTo("0c07eb");
        JobResult res = GoldenJob.run(built.image(), x, new CoreParams(2, 8, true, 0));
        assertThat(res.y()[0][5]).isEqualTo(-36);
        assertThat(res.y()[1][5]).isEqualTo(384);
    }

    @Test
    void beatCodecRoundTrips() {
        long[] vals = {-1024, 1023, 0, -1};
        BigInteger beat = BeatCodec.packSigned(vals, 11);
        assertThat(BeatCodec.unpackSigned(beat, 4, 11)).containsExactly(vals);
        long[] blocks = {0x1dd0000a8e89ceL, 0xffffffffffffffL, 0};
        assertThat(BeatCodec.unpackBlocks(BeatCodec.packBlocks(blocks), 3)).containsExactly(blocks);
        assertThatThrownBy(() -> BeatCodec.packSigned(new long[] {1024}, 11)).hasMessageContaining("does not fit 11 signed bits");
    }

    @Test
    void rejectsBadInputsWithOneClearLine() {
        FqwImage image = TestImages.build(24, 3, 2, (col, mb) -> ZERO).image();
        CoreParams p = new CoreParams(2, 8, true, 0);
        assertThatThrownBy(() -> GoldenJob.run(image, new int[][] {{0, 128, 0}}, p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activations: X[0][1] = 128 is out of range -128..127 for ACT_W = 8");
        assertThatThrownBy(() -> GoldenJob.run(image, new int[][] {{0, 0, 0}, {0, -129, 0}}, p))
                .hasMessage("activations: X[1][1] = -129 is out of range -128..127 for ACT_W = 8");
        assertThatThrownBy(() -> GoldenJob.run(image, new int[][] {{0, 0}}, p))
                .hasMessage("activations: row 0 has 2 columns, must equal the image's cols (K) = 3");
        assertThatThrownBy(() -> GoldenJob.run(image, new int[0][], p))
                .hasMessage("activations: need at least one token row (N >= 1), got none");
        assertThatThrownBy(() -> GoldenJob.run(image, new int[][] {{0, 2, 0}}, new CoreParams(2, 2, true, 0)))
                .hasMessage("activations: X[0][1] = 2 is out of range -2..1 for ACT_W = 2");
        assertThatThrownBy(() -> new CoreParams(0, 8, true, 0)).hasMessage("core parameter rows must be 1..1024, got 0");
        assertThatThrownBy(() -> new CoreParams(4, 17, true, 0)).hasMessage("core parameter actWidth must be 2..16, got 17");
        assertThatThrownBy(() -> new CoreParams(4, 8, true, -1)).hasMessage("core parameter pipeStages must be 0..64, got -1");
    }
}
