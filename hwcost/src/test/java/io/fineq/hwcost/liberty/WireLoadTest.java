package io.fineq.hwcost.liberty;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Wire-load models read from Liberty text, against hand arithmetic of the table rules. */
class WireLoadTest {
    private static final String LIB = """
            library (wl) {
              capacitive_load_unit (1, pf);
              wire_load ("small") {
                capacitance : 0.0002;
                resistance : 0.003;
                slope : 5.0;
                fanout_length (1, 1.5);
                fanout_length (2, 3.5);
                fanout_length (4, 9.5);
              }
              default_wire_load : "small";
              cell (BUF) { area : 1; pin (A) { direction : input; capacitance : 0.001; } pin (Z) { direction : output; function : "A"; } }
            }
            """;

    @Test
    void lengthsInterpolateAndExtrapolateWithTheSlopeAndCapacitanceUsesTheFileUnit() {
        Liberty lib = Liberty.of(LIB, Path.of("wl.lib"));
        WireLoad w = lib.defaultWireLoad();
        assertThat(w.name()).isEqualTo("small");
        assertThat(w.length(0)).isZero();
        assertThat(w.length(1)).isEqualTo(1.5);
        assertThat(w.length(3)).isCloseTo(6.5, within(1e-12));            // halfway between 3.5 and 9.5
        assertThat(w.length(10)).isCloseTo(9.5 + 6 * 5.0, within(1e-12));  // beyond the table: slope per extra sink
        // 0.0002 pF = 0.2 fF per unit length.
        assertThat(w.capFf(2)).isCloseTo(3.5 * 0.2, within(1e-12));
    }

    @Test
    void aDefaultNamingNoGroupIsOneLineError() {
        assertThatThrownBy(() -> Liberty.of(LIB.replace("default_wire_load : \"small\"", "default_wire_load : \"big\""), Path.of("x.lib")))
                .isInstanceOf(LibertyException.class).hasMessage("liberty: 'x.lib': default_wire_load 'big' names no wire_load group");
    }

    @Test
    void theProjectLibraryCarriesItsOwnModel() throws Exception {
        Liberty lib = io.fineq.hwcost.ppa.GenericLibrary.liberty(java.nio.file.Files.createTempDirectory("wl"));
        assertThat(lib.defaultWireLoad().name()).isEqualTo("fineq_generic_wires");
        assertThat(lib.defaultWireLoad().capFf(16)).isCloseTo(32 * 0.2, within(1e-12));
        assertThat(lib.defaultWireLoad().capFf(20)).isCloseTo((32 + 4 * 2.0) * 0.2, within(1e-12));
    }
}
