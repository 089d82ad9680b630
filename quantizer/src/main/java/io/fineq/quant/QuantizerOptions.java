package io.fineq.quant;

/**
 * Parameters of one quantization run.
 *
 * @param arrayCols array width C; K is padded to a multiple of it
 * @param scale     scale rule
 * @param pairing   pair rule
 * @param threshold outlier threshold T of the own-code rule, finite and > 0
 * @param parallel  use the common fork-join pool; the output is identical either way
 */
public record QuantizerOptions(int arrayCols, ScaleRule scale, Pairing pairing, double threshold, boolean parallel) {
    public static final double DEFAULT_THRESHOLD = 4.0;

    public QuantizerOptions {
        if (arrayCols < 1) throw new IllegalArgumentException("array-cols must be >= 1, got " + arrayCols);
        if (!(threshold > 0) || Double.isInfinite(threshold))
            throw new IllegalArgumentException("threshold must be a finite number > 0, got " + threshold);
        if (scale == null || pairing == null) throw new IllegalArgumentException("scale and pairing are required");
    }

    /** The spec's defaults (absmax, paper, T = 4) on a C-column array, parallel. */
    public static QuantizerOptions defaults(int arrayCols) {
        return new QuantizerOptions(arrayCols, ScaleRule.ABSMAX, Pairing.PAPER, DEFAULT_THRESHOLD, true);
    }

    public QuantizerOptions withScale(ScaleRule s) {
        return new QuantizerOptions(arrayCols, s, pairing, threshold, parallel);
    }

    public QuantizerOptions withPairing(Pairing p) {
        return new QuantizerOptions(arrayCols, scale, p, threshold, parallel);
    }

    public QuantizerOptions withParallel(boolean par) {
        return new QuantizerOptions(arrayCols, scale, pairing, threshold, par);
    }
}
