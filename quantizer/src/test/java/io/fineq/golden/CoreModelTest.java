package io.fineq.golden;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cycle-stepped fineq_core model (FSM, block queue, decoders, array) against the job API:
 * same result beats, and with ideal streams exactly the cycle formula of microarchitecture section 4.
 */
class CoreModelTest {

    @ParameterizedTest(name = "M={0} K={1} N={2} R={3} C={4} term={5} S={6}")
    @CsvSource({
            // corners: R = 1 with a single block row (Mp = 24), C = 1, S > R, several k-tiles
            "24,1,1,1,1,true,0",
            "24,1,3,1,1,true,0",
            "24,3,5,1,1,false,2",
            "24,2,1,1,2,true,5",
            "1,1,1,1,1,false,0",
            "48,4,4,2,2,true,1",
            "25,5,3,2,2,true,0",
            "71,13,9,4,5,true,2",
            "50,7,5,3,3,false,1",
            "24,9,8,8,3,true,3"})
    void idealStreamsTakeExactlyTheFormula(int m, int k, int n, int rows, int cols, boolean term, int stages) {
        Random rnd = new Random(m * 7919L + k * 31L + n * 7L + rows + cols);
        TestImages.Built built = TestImages.randomValid(m, k, cols, rnd);
        int[][] x = TestImages.randomActivations(n, k, 8, rnd);
        CoreParams p = new CoreParams(rows, 8, term, stages);
        JobStreams streams = GoldenJob.streams(built.image(), x, p);
        CoreSimulation.Outcome out = CoreSimulation.run(streams, p);
        assertThat(out.results()).containsExactlyElementsOf(streams.results());
        assertThat(out.cycles()).isEqualTo(streams.expectedCycles());
    }

    @RepeatedTest(40)
    void randomJobsMatchFormulaAndBeats(RepetitionInfo info) {
        Random rnd = new Random(1000 + info.getCurrentRepetition());
        int rows = 1 + rnd.nextInt(5);
        int cols = 1 + rnd.nextInt(5);
        int actW = 2 + rnd.nextInt(9);
        int m = 1 + rnd.nextInt(60);
        int k = 1 + rnd.nextInt(12);
        int n = 1 + rnd.nextInt(9);
        CoreParams p = new CoreParams(rows, actW, rnd.nextBoolean(), rnd.nextInt(4));
        TestImages.Built built = rnd.nextBoolean() ? TestImages.randomValid(m, k, cols, rnd) : TestImages.randomBytes(m, k, cols, rnd);
        int[][] x = TestImages.randomActivations(n, k, actW, rnd);
        JobStreams streams = GoldenJob.streams(built.image(), x, p);
        CoreSimulation.Outcome out = CoreSimulation.run(streams, p);
        assertThat(out.results()).containsExactlyElementsOf(streams.results());
        assertThat(out.cycles()).as("cycles for %s, C=%d, M=%d K=%d N=%d", p, cols, m, k, n).isEqualTo(streams.expectedCycles());
    }

    @RepeatedTest(25)
    void stallsChangeTimingButNotResults(RepetitionInfo info) {
        Random rnd = new Random(5000 + info.getCurrentRepetition());
        int rows = 1 + rnd.nextInt(4);
        int cols = 1 + rnd.nextInt(4);
        int m = 1 + rnd.nextInt(50);
        int k = 1 + rnd.nextInt(9);
        int n = 1 + rnd.nextInt(7);
        CoreParams p = new CoreParams(rows, 8, rnd.nextBoolean(), rnd.nextInt(3));
        TestImages.Built built = TestImages.randomValid(m, k, cols, rnd);
        int[][] x = TestImages.randomActivations(n, k, 8, rnd);
        JobStreams streams = GoldenJob.streams(built.image(), x, p);
        CoreSimulation.Outcome out = CoreSimulation.run(streams, p, new Random(info.getCurrentRepetition()));
        assertThat(out.results()).containsExactlyElementsOf(streams.results());
        assertThat(out.cycles()).isGreaterThanOrEqualTo(streams.expectedCycles());
    }
}
