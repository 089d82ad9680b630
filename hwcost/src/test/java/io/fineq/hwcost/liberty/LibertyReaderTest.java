package io.fineq.hwcost.liberty;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Liberty reader on hand-written text: syntax, units, cell kinds, functions, and one-line errors. */
class LibertyReaderTest {
    private static final String LIB = """
            /* a comment */
            library (tiny) {
              time_unit : "1ps";              // picoseconds: tables are scaled to ns
              capacitive_load_unit (1, pf);  // picofarads: capacitances are scaled to fF
              voltage_map (VDD, 0.9);
              nom_voltage : 0.9;
              lu_table_template (t2) {
                variable_1 : input_net_transition;
                variable_2 : total_output_net_capacitance;
                index_1 ("10, 100");
                index_2 ("0.001, 0.01");
              }
              cell (NAND2) {
                area : 1.5;
                cell_leakage_power : 3.0;
                pin (A) { direction : input; capacitance : 0.002; }
                pin (B) { direction : input; capacitance : 0.002; }
                pin (Y) {
                  direction : output;
                  function : "!(A B)";
                  timing () {
                    related_pin : "A";
                    rise_transition (t2) {
                      values ("20, 60", \\
                              "30, 70");
                    }
                  }
                }
              }
              cell (LAT) {
                area : 4;
                latch (IQ, IQN) { enable : "G"; data_in : "D"; }
                pin (D) { direction : input; capacitance : 0.001; }
                pin (G) { direction : input; capacitance : 0.001; }
                pin (Q) { direction : output; function : "IQ"; }
              }
              cell (SPARE) {
                area : 1;
                dont_use : true;
                pin (A) { direction : input; }
                pin (Y) { direction : output; function : "A'"; }
              }
            }
            """;

    @Test
    void readsUnitsCellsAndTables() {
        Liberty lib = Liberty.of(LIB, Path.of("tiny.lib"));
        assertThat(lib.name()).isEqualTo("tiny");
        assertThat(lib.capUnitFf()).isEqualTo(1000.0);
        assertThat(lib.voltage()).isEqualTo(0.9);
        Liberty.Cell nand = lib.cell("NAND2");
        assertThat(nand.kind()).isEqualTo(Liberty.Kind.COMBINATIONAL);
        assertThat(nand.area()).isEqualTo(1.5);
        assertThat(nand.pin("A").capacitance()).isCloseTo(2.0, within(1e-12));   // fF
        // 1 ps = 0.001 ns; the table is in ps and pF: (0.055 ns, 5.5 fF) is its middle.
        Liberty.Table t = nand.pin("Y").arcs().get(0).riseTransition();
        assertThat(t.at(0.055, 5.5)).isCloseTo((20 + 60 + 30 + 70) / 4.0 * 0.001, within(1e-12));
        assertThat(lib.cell("LAT").kind()).isEqualTo(Liberty.Kind.LATCH);
        assertThat(lib.cell("SPARE").dontUse()).isTrue();
        assertThat(lib.textForLogicMapping()).contains("cell (NAND2)").doesNotContain("cell (SPARE)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "!(A B);          A,B;    0b0111",
            "!(A & B);        A,B;    0b0111",
            "A' + B;          A,B;    0b1101",
            "A ^ B;           A,B;    0b0110",
            "(A & B) | (CI & (A | B)); A,B,CI; 0b11101000",
            "A ^ B ^ CI;      A,B,CI; 0b10010110",
            "!A * B | 0;      A,B;    0b0100",
            "1;               A;      0b11"})
    void functionsGiveTheirTruthTables(String function, String vars, String table) {
        long expected = Long.parseLong(table.substring(2), 2);
        assertThat(BoolFunction.parse(function).truthTable(List.of(vars.split(",")))).isEqualTo(expected);
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        String broken = "library (x) {\n  cell (A) {\n    area : 1;\n  \n";
        assertThatThrownBy(() -> Liberty.of(broken, Path.of("broken.lib")))
                .isInstanceOf(LibertyException.class)
                .hasMessageStartingWith("broken.lib:5: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> BoolFunction.parse("A & & B")).isInstanceOf(LibertyException.class).hasMessageContaining("A & & B");
    }
}
