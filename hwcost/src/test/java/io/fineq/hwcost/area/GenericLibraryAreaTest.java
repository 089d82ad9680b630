package io.fineq.hwcost.area;

import io.fineq.format.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The area flow on a netlist whose mapping is known by hand: flip-flops and an inverter, in a
 * two-level hierarchy. Expected areas come from the Nangate 45nm X1 cell areas (um^2) divided by
 * NAND2_X1 = 0.798 um^2, not from the library file under test.
 */
class GenericLibraryAreaTest {
    private static final double NAND2 = 0.798;
    private static final double DFFR = 5.320 / NAND2;   // 4-bit register with async reset
    private static final double DFF = 4.522 / NAND2;    // 3-bit register without reset
    private static final double INV = 0.532 / NAND2;

    @TempDir
    Path tmp;

    private static final String LEAF = """
            module leaf (
              input  wire       clk_i,
              input  wire       rst_ni,
              input  wire [3:0] d_i,
              input  wire [2:0] e_i,
              input  wire       a_i,
              output wire [3:0] q_o,
              output wire [2:0] p_o,
              output wire       y_o
            );
              reg [3:0] q_q;
              reg [2:0] p_q;
              always @(posedge clk_i or negedge rst_ni) begin
                if (!rst_ni) q_q <= 4'd0;
                else         q_q <= d_i;
              end
              always @(posedge clk_i) begin
                p_q <= e_i;
              end
              assign q_o = q_q;
              assign p_o = p_q;
              assign y_o = ~a_i;
            endmodule
            """;
    private static final String TOP = """
            module top (
              input  wire       clk_i,
              input  wire       rst_ni,
              input  wire [3:0] d_i,
              input  wire [2:0] e_i,
              input  wire       a_i,
              output wire [7:0] q_o,
              output wire [5:0] p_o,
              output wire [1:0] y_o
            );
              leaf u_a (.clk_i(clk_i), .rst_ni(rst_ni), .d_i(d_i), .e_i(e_i), .a_i(a_i),
                        .q_o(q_o[3:0]), .p_o(p_o[2:0]), .y_o(y_o[0]));
              leaf u_b (.clk_i(clk_i), .rst_ni(rst_ni), .d_i(d_i), .e_i(e_i), .a_i(a_i),
                        .q_o(q_o[7:4]), .p_o(p_o[5:3]), .y_o(y_o[1]));
            endmodule
            """;

    @Test
    void builtInLibraryGivesHandComputedArea() throws Exception {
        CellLibrary lib = CellLibrary.builtIn(tmp);
        YosysAreaFlow.Run run = synth(lib);
        double leaf = 4 * DFFR + 3 * DFF + INV;
        assertThat(run.stat().modules().get("leaf").ownArea()).isCloseTo(leaf, within(0.01));
        assertThat(run.stat().modules().get("leaf").cells()).containsEntry("DFFR", 4L).containsEntry("DFF", 3L).containsEntry("INV", 1L);
        HierarchyArea h = new HierarchyArea(run.stat(), "top", Map.of("leaf", "leaves")::get, "glue");
        assertThat(h.total()).isCloseTo(2 * leaf, within(0.02));
        assertThat(h.total()).isCloseTo(run.stat().topArea(), within(1e-6));
        assertThat(h.category("leaves")).isCloseTo(2 * leaf, within(0.02));
        assertThat(h.instances()).containsEntry("leaf", 2L);
        assertThat(h.libraryCells()).containsEntry("DFFR", 8L).containsEntry("DFF", 6L).containsEntry("INV", 2L);
    }

    @Test
    void userLibraryInSquareMicronsConvertsToTheSameGateEquivalents() throws Exception {
        // The generic library with Nangate-style names and areas in um^2 (GE x 0.798).
        String text = new String(CellLibrary.class.getResourceAsStream(CellLibrary.RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("area :")) {
                double ge = Double.parseDouble(t.substring(6, t.length() - 1).strip());
                line = line.replace(t, "area : " + String.format(java.util.Locale.ROOT, "%.6f", ge * NAND2) + ";");
            }
            sb.append(line.replaceAll("cell\\((\\w+)\\)", "cell($1_X1)")).append('\n');
        }
        Path user = tmp.resolve("nangate_like.lib");
        AtomicFiles.writeString(user, sb.toString());
        CellLibrary lib = CellLibrary.user(user);
        assertThat(lib.builtIn()).isFalse();
        assertThat(lib.nand2()).isCloseTo(NAND2, within(1e-6));
        YosysAreaFlow.Run run = synth(lib);
        double leafUm2 = 4 * 5.320 + 3 * 4.522 + 0.532;
        assertThat(run.stat().modules().get("leaf").ownArea()).isCloseTo(leafUm2, within(0.01));
        assertThat(lib.toGe(run.stat().topArea())).isCloseTo(2 * (4 * DFFR + 3 * DFF + INV), within(0.02));
    }

    private YosysAreaFlow.Run synth(CellLibrary lib) throws Exception {
        Path dir = tmp.resolve(lib.builtIn() ? "builtin" : "user");
        Files.createDirectories(dir);
        Path leaf = dir.resolve("leaf.v"), top = dir.resolve("top.v");
        AtomicFiles.writeString(leaf, LEAF);
        AtomicFiles.writeString(top, TOP);
        return new YosysAreaFlow().synthesize(dir, List.of(leaf, top), "top", lib);
    }
}
