package io.fineq.cli;

import io.fineq.format.FqwHeader;
import io.fineq.format.FqwImage;
import io.fineq.quant.DecodedImage;
import io.fineq.report.FineqMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code inspect}: header, pair-code histogram, bits per weight and decoded statistics of a {@code .fqw}. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class, description = "Describe a .fqw weight image.")
public final class InspectCommand implements Callable<Integer> {
    private static final String[] CODE_MEANING = {"all 2-bit", "first zero", "second zero", "third zero"};

    @Spec
    CommandSpec spec;

    @PathArg(PathArg.Kind.INPUT_FILE)
    @Parameters(index = "0", paramLabel = "W.fqw", description = "The image to inspect.")
    Path file;

    @Override
    public Integer call() throws Exception {
        FqwImage img = FqwImage.read(file);
        FqwHeader h = img.header();
        DecodedImage d = new DecodedImage(img);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "file          %s%n", file);
        o.printf(Locale.ROOT, "shape         %d x %d (rows x cols), padded %d x %d%n", h.rows(), h.cols(), h.paddedRows(), h.paddedCols());
        o.printf(Locale.ROOT, "array_cols    %d (%d k-tiles x %d row blocks x %d columns = %d blocks of 7 bytes)%n",
                h.arrayCols(), h.kTiles(), h.rowBlocks(), h.arrayCols(), h.blockCount());
        o.printf(Locale.ROOT, "scale         %s%n", h.scale());
        o.printf(Locale.ROOT, "threshold     %s%n", h.threshold());
        o.printf(Locale.ROOT, "pairing       %s%n", h.pairing());
        double padded = (double) h.paddedRows() * h.paddedCols();
        o.printf(Locale.ROOT, "bits/weight   %.4f per padded weight (56/24 blocks + 32/%d scales); %.4f per real weight (all block and scale bits / (M*K))%n",
                (56.0 * h.blockCount() + 32.0 * h.paddedCols()) / padded, h.paddedRows(), FineqMethod.bitsPerWeight(h));
        long[] codes = d.pairCodeHistogram();
        long pairs = 4 * h.blockCount();
        o.println("pair codes    (all blocks, padding included)");
        for (int c = 0; c < 4; c++)
            o.printf(Locale.ROOT, "  %2s %-12s %12d  %6.2f %%%n", Integer.toBinaryString(c | 4).substring(1), CODE_MEANING[c], codes[c], 100.0 * codes[c] / pairs);
        long[] values = d.valueHistogram();
        long n = (long) h.rows() * h.cols();
        o.println("q values      (real rows x cols)");
        for (int v = -3; v <= 3; v++) o.printf(Locale.ROOT, "  %2d %12d  %6.2f %%%n", v, values[v + 3], 100.0 * values[v + 3] / n);
        float[] s = img.scales();
        double min = Double.POSITIVE_INFINITY, max = 0, sum = 0;
        for (int k = 0; k < h.cols(); k++) {
            min = Math.min(min, s[k]);
            max = Math.max(max, s[k]);
            sum += s[k];
        }
        o.printf(Locale.ROOT, "scales        min %.6g  max %.6g  mean %.6g  (%d real columns; padded columns have 1)%n", min, max, sum / h.cols(), h.cols());
        return 0;
    }
}
