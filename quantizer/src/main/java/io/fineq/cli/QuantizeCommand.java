package io.fineq.cli;

import io.fineq.format.AtomicFiles;

import io.fineq.format.FqwHeader;
import io.fineq.quant.CalibratedQuantizer;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.QuantizerOptions;
import io.fineq.quant.SecondMoment;
import io.fineq.tensor.NpyFile;
import io.fineq.report.FineqMethod;
import io.fineq.tensor.Tensor2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quantize}: weights to a {@code .fqw} image (and optionally its {@code .hex} form). */
@Command(name = "quantize", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Quantise a weight matrix (.npy, or a .safetensors tensor) to a FineQ .fqw image.")
public final class QuantizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--in", required = true, paramLabel = "W.npy|W.safetensors|M.onnx", description = "Input weights (rows = output features).")
    Path in;

    @Option(names = "--array-cols", required = true, paramLabel = "C", description = "Array width C >= 1; K is padded to a multiple of C.")
    int arrayCols;

    @PathArg(value = PathArg.Kind.OUTPUT_FILE, folderWith = "--all")
    @Option(names = "--out", required = true, paramLabel = "W.fqw|DIR",
            description = "Output image; with --all a directory receiving <tensor name>.fqw per tensor.")
    Path out;

    @PathArg(value = PathArg.Kind.OUTPUT_FILE, folderWith = "--all")
    @Option(names = "--hex", paramLabel = "W.hex|DIR", description = "Also write the $readmemh text form (with --all: a directory).")
    Path hex;

    @Option(names = "--tensor", paramLabel = "NAME", description = "The safetensors tensor, or the ONNX MatMul weight (initializer or node name), to quantise.")
    String tensor;

    @Option(names = "--all", description = "Quantise every 2-D tensor of a safetensors file (every MatMul weight of an ONNX model).")
    boolean all;

    @Option(names = "--scale", defaultValue = "absmax", paramLabel = "absmax|mse", description = "Per-channel scale rule (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--pairing", defaultValue = "paper", paramLabel = "paper|exhaustive", description = "Pair rule (default: ${DEFAULT-VALUE}).")
    String pairing;

    @Option(names = "--threshold", defaultValue = "4", paramLabel = "T", description = "Outlier threshold T > 0 (default: ${DEFAULT-VALUE}).")
    double threshold;

    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--calibration", paramLabel = "X.npy",
            description = "Calibrate on activations: a tokens x K .npy (float32/16) of inputs reaching the layer; codes and scales are then chosen by output error (docs/quantizer.md).")
    Path calibration;

    @Option(names = "--calibrated", defaultValue = "gptq", paramLabel = "gptq|output-mse",
            description = "Calibrated mode with --calibration: gptq (error compensation through the activations' second moment, default) or output-mse (per-channel scale by output error).")
    String calibrated;

    @Option(names = "--damping", defaultValue = "0.1", paramLabel = "D",
            description = "With --calibration: damping as a fraction of the activations' mean second moment, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double damping;

    @Option(names = "--long-vector-budget", defaultValue = "0.3", paramLabel = "F",
            description = "With --calibration: cycle-aware calibration, at most this fraction of weight vectors (C weights of one output row and k-tile) "
                    + "may hold a magnitude 3, the others are quantized within +-2 (one bit-time less each), in [0, 1]; 1 = plain calibration (default: ${DEFAULT-VALUE}).")
    double longVectorBudget;

    /** The calibrated quantizer for --calibration, after checking the options that go with it; null without. */
    private CalibratedQuantizer calibratedQuantizer(QuantizerOptions opts) {
        boolean given = calibration != null;
        for (String o : new String[] {"--calibrated", "--damping", "--long-vector-budget"}) {
            if (!given && spec.commandLine().getParseResult().hasMatchedOption(o)) throw new CliException(o + " applies only with --calibration X.npy");
        }
        if (!given) return null;
        if (all) throw new CliException("--calibration holds the activations of one layer; use it with a single tensor, not --all");
        if (spec.commandLine().getParseResult().hasMatchedOption("--scale"))
            throw new CliException("--scale does not apply with --calibration (the calibrated mode chooses the scales)");
        if (!(damping > 0 && damping <= 1)) throw new CliException("--damping must be in (0, 1], got " + damping);
        if (!(longVectorBudget >= 0 && longVectorBudget <= 1)) throw new CliException("--long-vector-budget must be in [0, 1], got " + longVectorBudget);
        CalibratedQuantizer.Mode mode;
        try {
            mode = CalibratedQuantizer.Mode.parse(calibrated);
        } catch (IllegalArgumentException e) {
            throw new CliException("--calibrated must be gptq or output-mse, got '" + calibrated + "'");
        }
        return new CalibratedQuantizer(opts, new CalibratedQuantizer.Options(mode, damping, true, 2, longVectorBudget));
    }

    /** The second moment of the activations in --calibration, for a layer with K input channels. */
    private SecondMoment secondMoment(int k) throws java.io.IOException {
        Tensor2D x = NpyFile.open(calibration);
        if (x.cols() != k)
            throw new CliException("--calibration " + calibration + ": activations have " + x.cols() + " channels (columns), the weights K = " + k);
        SecondMoment h = new SecondMoment(k);
        float[][] batch = new float[Math.min(256, x.rows())][k];
        for (int r0 = 0; r0 < x.rows(); r0 += batch.length) {
            int n = Math.min(batch.length, x.rows() - r0);
            float[][] b = n == batch.length ? batch : java.util.Arrays.copyOf(batch, n);
            for (int i = 0; i < n; i++) {
                x.readRow(r0 + i, b[i]);
                for (int c = 0; c < k; c++) {
                    if (!Float.isFinite(b[i][c]))
                        throw new CliException("--calibration " + calibration + ": activation [" + (r0 + i) + ", " + c + "] is " + b[i][c] + "; all must be finite");
                }
            }
            h.add(b);
        }
        return h;
    }

    @Override
    public Integer call() throws Exception {
        QuantizerOptions opts = Options.quantizer(spec, arrayCols, scale, pairing, threshold);
        CalibratedQuantizer cq = calibratedQuantizer(opts);
        List<InputTensors.Source> sources = InputTensors.select(in, tensor, all);
        Map<String, String> seen = new HashMap<>();
        if (all) {
            for (InputTensors.Source s : sources) {
                String prev = seen.put(InputTensors.fileNameOf(s.name()), s.name());
                if (prev != null)
                    throw new CliException(in + ": tensors '" + prev + "' and '" + s.name() + "' map to the same output file name " + InputTensors.fileNameOf(s.name()) + ".fqw");
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        FineqQuantizer quantizer = new FineqQuantizer(opts);
        // A calibrated pass takes seconds to minutes: say so even for one tensor.
        try (Progress progress = new Progress(spec.commandLine().getErr(), sources.size(), cq != null)) {
            for (InputTensors.Source s : sources) {
                Tensor2D t = s.open();
                // The activations are read and checked (shape, finite values) before the progress line opens.
                SecondMoment moment = cq == null ? null : secondMoment(t.cols());
                progress.begin(t.name(), t.shape() + (cq != null ? " (" + calibrated + " on " + calibration.getFileName() + ")" : ""));
                QuantizedTensor qt = cq == null ? quantizer.quantize(t) : cq.quantize(t, moment);
                Path fqw = all ? out.resolve(InputTensors.fileNameOf(t.name()) + ".fqw") : out;
                // The image and its hex form are committed together: both complete, then both renamed.
                try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
                    qt.image().write(batch, fqw);
                    if (hex != null) qt.image().writeHex(batch, all ? hex.resolve(InputTensors.fileNameOf(t.name()) + ".hex") : hex);
                    batch.commit();
                }
                progress.end();
                FqwHeader h = qt.image().header();
                stdout.printf(Locale.ROOT, "%s: %s %dx%d -> %s (padded %dx%d, %d blocks, %.4f bits/weight)%n",
                        in, t.name(), h.rows(), h.cols(), fqw, h.paddedRows(), h.paddedCols(), h.blockCount(), FineqMethod.bitsPerWeight(h));
            }
        }
        return 0;
    }
}
