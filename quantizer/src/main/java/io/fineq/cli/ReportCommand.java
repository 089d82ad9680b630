package io.fineq.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fineq.format.AtomicFiles;
import io.fineq.report.ErrorReporter;
import io.fineq.report.ReportTable;
import io.fineq.report.TensorReport;
import io.fineq.tensor.Tensor2D;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code report}: the error table of FineQ (every variant) against RTN / uniform baselines. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Weight and output error of FineQ (absmax/mse x paper/exhaustive) vs RTN 2-bit, uniform 2-bit and RTN 3-bit.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--in", required = true, paramLabel = "W.npy|W.safetensors|M.onnx", description = "Input weights.")
    Path in;

    @Option(names = "--tensor", paramLabel = "NAME", description = "The safetensors tensor, or the ONNX MatMul weight, to report on.")
    String tensor;

    @Option(names = "--all", description = "Report on every 2-D tensor of a safetensors file (every MatMul weight of an ONNX model).")
    boolean all;

    @Option(names = "--array-cols", defaultValue = "64", paramLabel = "C", description = "Array width for FineQ padding (default ${DEFAULT-VALUE}).")
    int arrayCols;

    @Option(names = "--threshold", defaultValue = "4", paramLabel = "T", description = "FineQ outlier threshold (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--tokens", defaultValue = "64", paramLabel = "N", description = "Random activation vectors for the output error (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the activations (default ${DEFAULT-VALUE}).")
    long seed;

    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--json", paramLabel = "out.json", description = "Also write the report as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Options.quantizer(spec, arrayCols, "absmax", "paper", threshold);
        if (tokens < 1) throw new ParameterException(spec.commandLine(), "--tokens must be >= 1, got " + tokens);
        List<InputTensors.Source> sources = InputTensors.select(in, tensor, all);
        ErrorReporter reporter = new ErrorReporter(arrayCols, threshold, tokens, seed, true);
        List<TensorReport> reports = new ArrayList<>();
        try (Progress progress = new Progress(spec.commandLine().getErr(), sources.size())) {
            for (InputTensors.Source s : sources) {
                Tensor2D t = s.open();
                progress.begin(t.name(), t.shape());
                reports.add(reporter.report(t));
                progress.end();
            }
        }
        spec.commandLine().getOut().print(ReportTable.render(reports));
        spec.commandLine().getOut().flush();
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("input", in.toString());
            doc.put("tensors", reports);
            byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
            AtomicFiles.write(json, o -> o.write(bytes));
        }
        return 0;
    }
}
