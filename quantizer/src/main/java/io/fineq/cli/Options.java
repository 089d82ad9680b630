package io.fineq.cli;

import io.fineq.quant.Pairing;
import io.fineq.quant.QuantizerOptions;
import io.fineq.quant.ScaleRule;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Validation of the options shared by quantize and report. */
final class Options {
    private Options() {
    }

    /** Widest array the generator builds; wider images only pad (C = 10^6 would store 46,875 bits per weight). */
    static final int MAX_ARRAY_COLS = 1024;

    static QuantizerOptions quantizer(CommandSpec spec, int arrayCols, String scale, String pairing, double threshold) {
        // The array width of a real core: the RTL generator's range (io.fineq.rtl.FineqConfig.MAX_DIM).
        if (arrayCols < 1 || arrayCols > MAX_ARRAY_COLS)
            throw new ParameterException(spec.commandLine(), "--array-cols must be 1.." + MAX_ARRAY_COLS + ", got " + arrayCols);
        if (!(threshold > 0) || Double.isInfinite(threshold))
            throw new ParameterException(spec.commandLine(), "--threshold must be a finite number > 0, got " + threshold);
        ScaleRule s;
        Pairing p;
        try {
            s = ScaleRule.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--scale must be one of " + ScaleRule.names() + ", got '" + scale + "'");
        }
        try {
            p = Pairing.parse(pairing);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--pairing must be one of " + Pairing.names() + ", got '" + pairing + "'");
        }
        return new QuantizerOptions(arrayCols, s, p, threshold, true);
    }
}
