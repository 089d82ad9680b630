package io.fineq.model;

import io.fineq.cli.CliConventions;
import io.fineq.cli.PathArg;
import io.fineq.format.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fineq model-eval}: the MiniLM quality table on the full text (docs/model.md). */
@Command(name = "model-eval", mixinStandardHelpOptions = true, versionProvider = CliConventions.Version.class,
        description = "Run all-MiniLM-L6-v2 with its 36 linear layers in FP32, FineQ and 2/3/4-bit baselines on real text: "
                + "embedding cosine to FP32 and half-paragraph retrieval (top-1, MRR).")
public final class ModelEvalCommand implements Callable<Integer> {
    @PathArg(PathArg.Kind.INPUT_FOLDER)
    @Option(names = "--docs", paramLabel = "DIR", description = "folder of Markdown files added to the text (default: the project's docs, shipped in the jar)")
    Path docs;

    @Option(names = "--paragraphs", defaultValue = "0", description = "evaluate on the first N paragraphs of the evaluation text only (0 = all, default)")
    int paragraphs;

    @Option(names = "--calibration-paragraphs", defaultValue = "0",
            description = "calibrate on the first N paragraphs of the calibration text only (0 = all, default)")
    int calibrationParagraphs;

    @Option(names = "--long-vector-budgets", split = ",", paramLabel = "F",
            description = "also calibrate GPTQ images with these long-vector budgets (fractions in [0, 1) of weight vectors that may hold a 3) "
                    + "and print the quality-versus-cycles curve, e.g. 0.5,0.25,0.1")
    List<Double> budgets = List.of();

    @Option(names = "--methods", split = ",", paramLabel = "NAME",
            description = "evaluate only these methods (fp32, the reference, always runs; default: all), e.g. fineq-gptq,fineq-gptq-lv0.35")
    List<String> methods = List.of();

    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--json", paramLabel = "FILE", description = "also write the table as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (paragraphs < 0) throw new IllegalArgumentException("--paragraphs must be >= 0, got " + paragraphs);
        if (calibrationParagraphs < 0) throw new IllegalArgumentException("--calibration-paragraphs must be >= 0, got " + calibrationParagraphs);
        for (double f : budgets)
            if (!(f >= 0 && f < 1)) throw new IllegalArgumentException("--long-vector-budgets: each budget must be in [0, 1), got " + f);
        List<String> all = docs == null ? TextCorpus.paragraphs() : TextCorpus.paragraphs(docs);
        List<String> eval = first(TextCorpus.evaluation(all), paragraphs);
        List<String> cal = first(TextCorpus.calibration(all), calibrationParagraphs);
        if (eval.size() < 2) throw new IllegalArgumentException((docs == null ? "the bundled docs" : "--docs " + docs) + ": only " + eval.size() + " paragraph(s) of evaluation text; retrieval needs 2 or more");
        if (cal.isEmpty()) throw new IllegalArgumentException((docs == null ? "the bundled docs" : "--docs " + docs) + ": no calibration paragraph (every fourth paragraph is one)");
        System.err.printf("model-eval: %d evaluation paragraphs, %d calibration paragraphs%n", eval.size(), cal.size());
        ModelEval.Report report = ModelEval.evaluate(eval, cal, budgets, methods, System.err);
        System.out.print(report.table());
        if (json != null) AtomicFiles.writeString(json, report.json());
        return 0;
    }

    private static List<String> first(List<String> list, int n) {
        return n == 0 || n >= list.size() ? list : list.subList(0, n);
    }
}
