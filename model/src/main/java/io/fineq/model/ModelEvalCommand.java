package io.fineq.model;

import io.fineq.cli.CliConventions;
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
    @Option(names = "--docs", defaultValue = "docs", description = "folder of Markdown files added to the text (default ${DEFAULT-VALUE})")
    Path docs;

    @Option(names = "--paragraphs", defaultValue = "0", description = "use only the first N paragraphs (0 = all, default)")
    int paragraphs;

    @Option(names = "--json", description = "also write the table as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (paragraphs < 0) throw new IllegalArgumentException("--paragraphs must be >= 0, got " + paragraphs);
        List<String> all = TextCorpus.paragraphs(docs);
        List<String> use = paragraphs == 0 || paragraphs >= all.size() ? all : all.subList(0, paragraphs);
        if (use.size() < 2) throw new IllegalArgumentException("--docs " + docs + ": only " + use.size() + " paragraph(s) of text; retrieval needs 2 or more");
        System.err.printf("model-eval: %d paragraphs, %d methods (each embeds %d texts)%n", use.size(), ModelEval.methods().size(), 2 * use.size());
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            List<ModelEval.Row> rows = ModelEval.run(MiniLm.bundledOnnx(), tok, use, ModelEval.methods(), System.err);
            System.out.print(ModelEval.table(rows, use.size()));
            // Per matrix, on the activations of the first 8 paragraphs.
            List<long[]> seqs = use.subList(0, Math.min(8, use.size())).stream().map(tok::ids).toList();
            List<MatrixReport.Row> matrices = MatrixReport.run(MiniLm.bundledOnnx(), MatrixReport.capture(MiniLm.bundledOnnx(), seqs));
            System.out.println();
            System.out.print(MatrixReport.table(matrices));
            if (json != null) AtomicFiles.writeString(json, ModelEval.json(rows, use.size(), matrices));
        }
        return 0;
    }
}
