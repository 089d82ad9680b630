package io.fineq.tb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Port lists of inner modules lose toggle coverage; the top, bodies and comments stay as they were. */
class PortCoverageTest {
    private static final String SRC = """
            // module fake (in a comment) (
            module leaf #(
              parameter integer W = 8   // (W) bits
            ) (
              input  wire [W-1:0] a_i,  // operand (signed)
              output wire [W-1:0] y_o
            );
              wire [W-1:0] t = ~a_i;
              assign y_o = t;
            endmodule
            module top (
              input  wire [7:0] a_i,
              output wire [7:0] y_o
            );
              leaf #(.W(8)) u_leaf (.a_i(a_i), .y_o(y_o));
            endmodule
            """;

    @Test
    void innerPortListsAreWrappedTheTopIsNot() {
        String out = PortCoverage.offExceptTop(SRC, "top");
        assertThat(out).contains(") ( " + PortCoverage.OFF + "\n\n  input  wire [W-1:0] a_i,  // operand (signed)\n  output wire [W-1:0] y_o\n"
                + PortCoverage.ON + "\n);");
        assertThat(out.split("verilator coverage_off", -1)).hasSize(2);
        assertThat(out.replace(" " + PortCoverage.OFF + "\n", "").replace(PortCoverage.ON + "\n", "")).isEqualTo(SRC);
        assertThat(PortCoverage.offExceptTop(SRC, "leaf")).contains("module top ( " + PortCoverage.OFF);
    }
}
