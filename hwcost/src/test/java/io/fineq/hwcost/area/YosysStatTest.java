package io.fineq.hwcost.area;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Parsing of Yosys 0.23 'stat -liberty -top' text and the hierarchy arithmetic, on a hand-written excerpt. */
class YosysStatTest {
    private static final String TEXT = """

            === $paramod$abc123\\mac_pe ===

               Number of wires:                 10
               Number of cells:                  3
                 DFF                             2
                 NAND2                           1

               Chip area for module '$paramod$abc123\\mac_pe': 12.334000

            === \\mac_array ===

               Number of wires:                 20
               Number of cells:                  6
                 $paramod$abc123\\mac_pe          4
                 INV                             2

               Area for cell type $paramod$abc123\\mac_pe is unknown!

               Chip area for module '\\mac_array': 1.334000

            === design hierarchy ===

               mac_array                         1
                 $paramod$abc123\\mac_pe          4

               Number of cells:                 14

               Chip area for top module '\\mac_array': 50.670000
            """;

    @Test
    void parsesModulesCellsAndAreas() {
        YosysStat s = YosysStat.parse(TEXT);
        assertThat(s.modules()).containsOnlyKeys("$paramod$abc123\\mac_pe", "mac_array");
        assertThat(s.modules().get("mac_array").cells()).containsEntry("$paramod$abc123\\mac_pe", 4L).containsEntry("INV", 2L);
        assertThat(s.modules().get("$paramod$abc123\\mac_pe").ownArea()).isEqualTo(12.334);
        assertThat(s.top()).isEqualTo("mac_array");
        assertThat(s.topArea()).isEqualTo(50.67);
    }

    @Test
    void hierarchyAreaMultipliesInstances() {
        YosysStat s = YosysStat.parse(TEXT);
        HierarchyArea h = new HierarchyArea(s, "mac_array", Map.of("mac_pe", "PEs")::get, "control");
        // 4 x 12.334 + 1.334 = 50.670, Yosys' own total.
        assertThat(h.total()).isCloseTo(50.670, within(1e-9));
        assertThat(h.category("PEs")).isCloseTo(49.336, within(1e-9));
        assertThat(h.category("control")).isCloseTo(1.334, within(1e-9));
        assertThat(h.libraryCells()).containsEntry("DFF", 8L).containsEntry("NAND2", 4L).containsEntry("INV", 2L);
    }

    @Test
    void baseNamesOfParameterisedModules() {
        assertThat(YosysStat.baseName("$paramod$3259ab\\mac_pe")).isEqualTo("mac_pe");
        assertThat(YosysStat.baseName("$paramod\\mac_wskew\\DELAY=s32'00000000000000000000000000000011")).isEqualTo("mac_wskew");
        assertThat(YosysStat.baseName("\\fineq_pe")).isEqualTo("fineq_pe");
    }

    @Test
    void rejectsTextWithoutAreas() {
        assertThatThrownBy(() -> YosysStat.parse("ERROR: Module `top' not found!\n"))
                .hasMessageContaining("no '=== module ===' sections");
    }
}
