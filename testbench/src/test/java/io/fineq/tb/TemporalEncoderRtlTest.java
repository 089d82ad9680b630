package io.fineq.tb;

import io.fineq.golden.TemporalEncoderModel;
import io.fineq.rtl.FineqConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * fineq_temporal_encoder for every magnitude and bit-time. (Termination on/off is a property of
 * the array's control; {@link ArraySizesRtlTest} and {@link QuantizedJobRtlTest} check it through
 * the cycle counts of whole jobs.)
 */
class TemporalEncoderRtlTest {
    @Test
    void everyMagnitudeAtEveryBitTime() throws IOException {
        VerilatorBuild.Model model = Rtl.unit(FineqConfig.defaults(), EncoderHarness.TOP, EncoderHarness.RESOURCE);
        EncoderHarness.Table table = new EncoderHarness(model).run(CoreRegression.workRoot().resolve("temporal-encoder"));
        for (int mag = 0; mag <= 3; mag++) {
            for (int t = 0; t <= 2; t++) {
                // Definition (spec section 5 / microarchitecture section 2), then the golden model.
                int bit = t < mag ? 1 : 0;
                int done = t + 1 >= mag ? 1 : 0;
                assertThat(TemporalEncoderModel.bit(mag, t)).isEqualTo(bit == 1);
                assertThat(TemporalEncoderModel.done(mag, t)).isEqualTo(done == 1);
                assertThat(table.bit()[mag][t]).as("bit_o for mag %d, t %d", mag, t).isEqualTo(bit);
                assertThat(table.done()[mag][t]).as("done_o for mag %d, t %d", mag, t).isEqualTo(done);
            }
        }
    }
}
