package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated fineq_decoder under Verilator on hand-derived blocks: the spec's worked
 * example (section 3), plus blocks covering the pair code 01 and the all-2-bit code.
 */
class DecoderSimulationTest {

    /** Spec section 3 worked example: bytes ce 89 8e 0a 00 d0 1d as the 56-bit {byte6..byte0}. */
    static final String WORKED_EXAMPLE = "1dd0000a8e89ce";
    static final int[] WORKED_EXAMPLE_Q = {1, 0, 1, 2, 0, -3, 0, -1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, -1, 3, 0, -3, 0, 0};

    /** Index 0x55 (every pair code 01: position 0 zero); each cluster F = 110_011: +3 then -2. */
    static final String CODE01_BLOCK = "cf3cf3cf3cf355";
    /** Index 0x00 (2-bit values); each cluster F = 01_01_01: {s=0, m0=1} three times = +1. */
    static final String ALL_PLUS_ONE_BLOCK = "55555555555500";

    @TempDir
    static Path work;
    static Path binary;

    @BeforeAll
    static void build() throws IOException {
        Path rtl = Generated.into(work, new FineqConfig(1, 1, 8, true, 0));
        Path tb = work.resolve("decoder_tb.cpp");
        try (InputStream in = DecoderSimulationTest.class.getResourceAsStream("/decoder_tb/decoder_tb.cpp")) {
            Files.copy(in, tb);
        }
        ExternalTool.Result r = ExternalTool.run(work, 600, List.of("verilator", "--cc", "--exe", "--build",
                "-Wall", "-j", "2", "-Mdir", "obj_dir", "--top-module", "fineq_decoder",
                rtl.resolve("fineq_clock_gate.v").toString(), rtl.resolve("fineq_decoder.v").toString(), tb.toString(),
                "-o", "decoder_tb"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        binary = work.resolve("obj_dir/decoder_tb");
    }

    private static int[][] run(String a, String b) {
        ExternalTool.Result r = ExternalTool.run(work, 60, List.of(binary.toString(), a, b));
        assertThat(r.exitCode()).as(r.output()).isZero();
        String[] lines = r.output().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("cur ");
        assertThat(lines[1]).startsWith("swapped ");
        return new int[][] {values(lines[0]), values(lines[1])};
    }

    /** Sign-magnitude {s, m1, m0} to an integer; s = 1, m = 0 reads as zero (spec section 1). */
    private static int[] values(String line) {
        int[] codes = Arrays.stream(line.substring(line.indexOf(' ') + 1).trim().split(" "))
                .mapToInt(Integer::parseInt).toArray();
        assertThat(codes).hasSize(24);
        return Arrays.stream(codes).map(c -> ((c & 4) != 0 ? -1 : 1) * (c & 3)).toArray();
    }

    @Test
    void decodesTheSpecWorkedExample() {
        int[][] q = run(WORKED_EXAMPLE, ALL_PLUS_ONE_BLOCK);
        assertThat(q[0]).containsExactly(WORKED_EXAMPLE_Q);
    }

    @Test
    void nextBlockLoadsWithoutDisturbingTheCurrentOneAndSwapsIn() {
        int[][] q = run(ALL_PLUS_ONE_BLOCK, WORKED_EXAMPLE);
        int[] ones = new int[24];
        Arrays.fill(ones, 1);
        assertThat(q[0]).containsExactly(ones);
        assertThat(q[1]).containsExactly(WORKED_EXAMPLE_Q);
    }

    @Test
    void pairCodeOneZeroesTheFirstPosition() {
        int[][] q = run(CODE01_BLOCK, WORKED_EXAMPLE);
        int[] expected = new int[24];
        for (int j = 0; j < 8; j++) {
            expected[3 * j] = 0;
            expected[3 * j + 1] = 3;
            expected[3 * j + 2] = -2;
        }
        assertThat(q[0]).containsExactly(expected);
        assertThat(q[1]).containsExactly(WORKED_EXAMPLE_Q);
    }
}
