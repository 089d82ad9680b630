package io.fineq.tb;

import io.fineq.format.FqwImage;
import io.fineq.golden.ArrayKind;
import io.fineq.golden.accel.AccelDescriptor;
import io.fineq.golden.accel.AccelModel;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.AccelRegisters;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accelerator (docs/accelerator.md) in Verilator against the golden model {@link AccelModel}:
 * whole memory images compared byte for byte, under an ideal memory and under random latency and
 * back-pressure on every channel, error responses, a bad descriptor, and the MAC tree in the same
 * shell. The harness's AXI protocol checks fail a run by its exit code.
 */
class AccelRtlTest {

    /** 8 x 8, 64-bit bus, output groups of 48 (two blocks), Mp up to 192: every loop of the tile order runs more than once. */
    static final AccelConfig SMALL = new AccelConfig(new FineqConfig(8, 8, 8, true, 0, CoreKind.FINEQ_SHIFTED), 8, 2, 8);

    static AccelSimulator small;

    static synchronized AccelSimulator sim(AccelConfig cfg) {
        if (cfg.equals(SMALL)) {
            if (small == null) small = new AccelSimulator(SMALL, Rtl.BUILD);
            return small;
        }
        return new AccelSimulator(cfg, Rtl.BUILD);
    }


    /** A job on a quantized synthetic layer (M x K), N random int8 tokens, random bias and multipliers. */
    static AccelJobImage job(AccelConfig cfg, int m, int k, int n, boolean int8, int act, int shift, long seed) {
        FqwImage image = new FineqQuantizer(QuantizerOptions.defaults(cfg.core().cols()))
                .quantize(new SyntheticTensor("w", SynthKind.LLAMA_LIKE, m, k, seed)).image();
        Random rnd = new Random(seed);
        int[][] x = new int[n][k];
        for (int[] row : x) for (int i = 0; i < k; i++) row[i] = rnd.nextInt(256) - 128;
        int mp = image.header().paddedRows();
        int[] bias = new int[mp];
        int[] mult = new int[mp];
        for (int i = 0; i < mp; i++) {
            bias[i] = rnd.nextInt(2001) - 1000;
            mult[i] = rnd.nextInt(65536) - 32768;
        }
        byte[] lut = new byte[256];
        for (int i = 0; i < 256; i++) lut[i] = (byte) rnd.nextInt(256);
        return AccelJobImage.of(cfg, image, x, bias, mult, int8, act, shift, lut);
    }

    /** Runs {@code job} on the RTL and on the golden model and compares the whole memory. */
    static AccelSimulator.Run check(AccelConfig cfg, AccelJobImage job, AccelSimulator.Memory mem, Path work) throws IOException {
        AccelSimulator.Run run = sim(cfg).run(job, mem, work);
        byte[] expected = job.memory().clone();
        AccelModel.Result golden = AccelModel.run(AccelJobImage.shape(cfg), job.descriptor(), expected, AccelJobImage.arrayKind(cfg));
        assertThat(run.read(AccelRegisters.ID.offset(), 0)).isEqualTo(AccelConfig.ID);
        assertThat(run.errorCode()).as("STATUS.ERR").isEqualTo(golden.error());
        assertThat(run.irqCycle()).as("interrupt").isPositive();
        assertThat(run.read(AccelRegisters.STATUS.offset(), 0) & AccelRegisters.STATUS_DONE).isNotZero();
        assertThat(run.read(AccelRegisters.STATUS.offset(), 1)).as("STATUS after W1C").isZero();
        assertMemoryEquals(expected, run.memory());
        if (golden.error() == 0) {
            // The traffic model counts the beats the simulated bus carried.
            io.fineq.golden.accel.AccelTraffic t = io.fineq.golden.accel.AccelTraffic.of(AccelJobImage.shape(cfg), job.descriptor());
            assertThat(run.rBeats()).as("read beats").isEqualTo(t.readBeats());
            assertThat(run.wBeats()).as("write beats").isEqualTo(t.writeBeats());
        }
        return run;
    }

    static void assertMemoryEquals(byte[] expected, byte[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                int diffs = 0;
                for (int j = i; j < expected.length; j++) if (expected[j] != actual[j]) diffs++;
                throw new AssertionError(String.format("memory differs at 0x%x: expected %02x, RTL %02x (%d bytes differ)",
                        i, expected[i] & 0xFF, actual[i] & 0xFF, diffs));
            }
        }
    }

    @Test
    void int32OutputsEqualTheGoldenModelAndTheCycleModelBoundsTheRtl(@TempDir Path dir) throws IOException {
        // Mp = 120: groups of 2, 2 and 1 blocks; Kp = 24: three k-tiles; N = 11: a full and a partial token tile.
        AccelJobImage job = job(SMALL, 100, 20, 11, false, AccelDescriptor.ACT_NONE, 0, 1);
        AccelSimulator.Run run = check(SMALL, job, AccelSimulator.Memory.ideal(), dir);
        long estimate = AccelModel.run(AccelJobImage.shape(SMALL), job.descriptor(), job.memory().clone(), ArrayKind.SHIFTED).cycleEstimate();
        assertThat(run.jobCycles()).isGreaterThanOrEqualTo(estimate);
        // With memory keeping up, the units overlap as designed: only pipeline fill and hand-overs are added.
        assertThat(run.jobCycles()).isLessThanOrEqualTo(estimate + estimate / 20 + 64);
        System.out.printf("accel 8x8 int32 job: %d cycles, estimate %d (%.2fx)%n", run.jobCycles(), estimate, run.jobCycles() / (double) estimate);
    }

    @ParameterizedTest(name = "act {0}")
    @ValueSource(ints = {AccelDescriptor.ACT_NONE, AccelDescriptor.ACT_RELU, AccelDescriptor.ACT_TABLE})
    void int8OutputsThroughTheVectorUnit(int act, @TempDir Path dir) throws IOException {
        check(SMALL, job(SMALL, 72, 16, 9, true, act, 14, 10 + act), AccelSimulator.Memory.ideal(), dir);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomLatencyAndBackPressureOnEveryChannel(long seed, @TempDir Path dir) throws IOException {
        AccelJobImage job = job(SMALL, 96, 24, 13, seed == 2, seed == 3 ? AccelDescriptor.ACT_RELU : AccelDescriptor.ACT_NONE, 12, 20 + seed);
        check(SMALL, job, AccelSimulator.Memory.stressed(seed), dir);
    }

    /** The paper's unary core and the MAC tree behind the same shell: same memory image out, their own cycle counts. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fineq", "mac-tree"})
    void otherCoresInTheSameShell(String core, @TempDir Path dir) throws IOException {
        AccelConfig cfg = new AccelConfig(SMALL.core().withCore(CoreKind.byWord("core", core)), 8, 2, 8);
        AccelJobImage job = job(cfg, 72, 24, 10, true, AccelDescriptor.ACT_RELU, 13, 30);
        AccelSimulator.Run run = check(cfg, job, AccelSimulator.Memory.stressed(4), dir);
        assertThat(run.jobCycles()).isGreaterThanOrEqualTo(
                AccelModel.run(AccelJobImage.shape(cfg), job.descriptor(), job.memory().clone(), AccelJobImage.arrayKind(cfg)).cycleEstimate());
    }

    @Test
    void readErrorIsReportedAndTheJobEnds(@TempDir Path dir) throws IOException {
        AccelJobImage job = job(SMALL, 48, 16, 5, false, AccelDescriptor.ACT_NONE, 0, 5);
        long x = job.descriptor().xAddr();
        AccelSimulator.Run run = sim(SMALL).run(job, AccelSimulator.Memory.stressed(7).withErrors(x, x + 8), dir);
        assertThat(run.errorCode()).isEqualTo(AccelRegisters.ERR_READ);
        assertThat(run.irqCycle()).isPositive();
    }

    @Test
    void writeErrorIsReportedAndTheJobEnds(@TempDir Path dir) throws IOException {
        AccelJobImage job = job(SMALL, 48, 16, 5, false, AccelDescriptor.ACT_NONE, 0, 6);
        long y = job.descriptor().yAddr();
        AccelSimulator.Run run = sim(SMALL).run(job, AccelSimulator.Memory.ideal().withErrors(y, y + 4096), dir);
        assertThat(run.errorCode()).isEqualTo(AccelRegisters.ERR_WRITE);
        assertThat(run.irqCycle()).isPositive();
        // The erroring writes were dropped by the memory: the output region is untouched.
        assertMemoryEquals(job.memory(), run.memory());
    }

    @Test
    void badDescriptorEndsAtOnceWithoutBusTraffic(@TempDir Path dir) throws IOException {
        AccelJobImage good = job(SMALL, 48, 16, 5, false, AccelDescriptor.ACT_NONE, 0, 8);
        AccelDescriptor d = good.descriptor();
        AccelDescriptor bad = new AccelDescriptor(d.wAddr() + 4, d.xAddr(), d.yAddr(), d.biasAddr(), d.multAddr(), d.mb(), d.kt(), d.n(),
                d.xStride(), d.yStride(), d.vu(), d.lut());
        assertThat(AccelModel.descriptorProblem(AccelJobImage.shape(SMALL), bad)).contains("W_ADDR");
        AccelJobImage job = new AccelJobImage(good.memory(), bad, good.yBytes());
        AccelSimulator.Run run = check(SMALL, job, AccelSimulator.Memory.ideal(), dir);
        assertThat(run.errorCode()).isEqualTo(AccelRegisters.ERR_DESCRIPTOR);
        assertThat(run.arBursts() + run.awBursts()).isZero();
    }
}
