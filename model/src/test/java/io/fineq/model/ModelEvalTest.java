package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end table on a subset of the real text (the full text runs in the model-eval
 * command): FP32 is its own reference, FineQ at 2.42 bits keeps the embeddings far closer to FP32
 * than every 2-bit baseline. Writes the table it measured to target/model-eval/minilm.json.
 */
class ModelEvalTest {

    @Test
    void fineqKeepsTheEmbeddingsWhereTwoBitBaselinesLoseThem() throws Exception {
        List<String> paragraphs = TextCorpus.paragraphs(Path.of(System.getProperty("fineq.root", ".."), "docs"));
        assertThat(paragraphs.size()).as("paragraphs of real text").isGreaterThan(40);
        List<String> subset = paragraphs.subList(0, 24);
        try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
            List<ModelEval.Row> rows = ModelEval.run(MiniLm.bundledOnnx(), tok, subset, ModelEval.methods(), System.out);
            List<long[]> seqs = subset.subList(0, 4).stream().map(tok::ids).toList();
            List<MatrixReport.Row> matrices = MatrixReport.run(MiniLm.bundledOnnx(), MatrixReport.capture(MiniLm.bundledOnnx(), seqs));
            System.out.print(MatrixReport.table(matrices));
            assertThat(matrices).hasSize(36);
            for (MatrixReport.Row m : matrices) {
                assertThat(m.fineqWeightDb()).as(m.name()).isGreaterThan(m.rtn2WeightDb());
                assertThat(m.meanL()).as(m.name()).isBetween(1.0, 3.0);
                assertThat(m.fineqOutputDb()).as(m.name()).isFinite();
            }
            Path out = Files.createDirectories(Path.of("target", "model-eval")).resolve("minilm.json");
            Files.writeString(out, ModelEval.json(rows, subset.size(), matrices));
            System.out.print(ModelEval.table(rows, subset.size()));
            Map<String, ModelEval.Row> by = rows.stream().collect(Collectors.toMap(ModelEval.Row::name, Function.identity()));
            assertThat(by.get("fp32").cosineToFp32()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            double fineq = by.get("fineq-absmax-paper").cosineToFp32();
            for (String twoBit : new String[] {"rtn2-asym-row", "rtn2-asym-g128", "uniform2-sym-row"}) {
                assertThat(fineq).as("FineQ vs %s", twoBit).isGreaterThan(by.get(twoBit).cosineToFp32());
            }
            assertThat(by.get("rtn4-asym-row").cosineToFp32()).isGreaterThan(by.get("rtn2-asym-row").cosineToFp32());
            assertThat(Files.readString(out)).contains("\"methods\"").contains("\"bits_per_weight\"").contains("\"cosine_to_fp32\"")
                    .contains("\"top1\"").contains("\"mrr\"");
        }
    }
}
