package io.fineq.rtl;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Settings of the synthesis flow files (not of the RTL): the target clock. The paper reports
 * its 45 nm results at 400 MHz, hence the default.
 *
 * @param clockMhz target clock frequency in MHz
 */
public record SynthesisOptions(int clockMhz) {

    public static final int DEFAULT_CLOCK_MHZ = 400;
    public static final int MIN_CLOCK_MHZ = 1;
    public static final int MAX_CLOCK_MHZ = 5000;

    public SynthesisOptions {
        if (clockMhz < MIN_CLOCK_MHZ || clockMhz > MAX_CLOCK_MHZ) {
            throw new ConfigException("clock-mhz",
                    clockMhz + " is out of range " + MIN_CLOCK_MHZ + ".." + MAX_CLOCK_MHZ);
        }
    }

    public static SynthesisOptions defaults() {
        return new SynthesisOptions(DEFAULT_CLOCK_MHZ);
    }

    /** {@code percent} % of the clock period in ns, three decimals: the SDC's I/O delays. */
    public String ioDelayNs(int percent) {
        return BigDecimal.valueOf(1000L * percent).divide(BigDecimal.valueOf(100L * clockMhz), 3, RoundingMode.HALF_UP).toPlainString();
    }

    /** Clock period in ns with three decimals, e.g. {@code 2.500} for 400 MHz (exact decimal arithmetic). */
    public String clockPeriodNs() {
        return BigDecimal.valueOf(1000).divide(BigDecimal.valueOf(clockMhz), 3, RoundingMode.HALF_UP).toPlainString();
    }
}
