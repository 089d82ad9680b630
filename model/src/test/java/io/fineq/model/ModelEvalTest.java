package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end table on a subset of the real text (the full text runs in the model-eval
 * command): FP32 is its own reference; FineQ keeps the embeddings far closer to FP32 than every
 * 2-bit baseline; the calibrated modes beat the weight-error ones; calibration text and evaluation
 * text never overlap. Writes the table it measured to target/model-eval/minilm.json.
 */
class ModelEvalTest {

    @Test
    void fineqKeepsTheEmbeddingsWhereTwoBitBaselinesLoseThem() throws Exception {
        List<String> paragraphs = TextCorpus.paragraphs(Path.of(System.getProperty("fineq.root", ".."), "docs"));
        assertThat(paragraphs.size()).as("paragraphs of real text").isGreaterThan(100);
        List<String> evaluation = TextCorpus.evaluation(paragraphs);
        List<String> calibration = TextCorpus.calibration(paragraphs);
        assertThat(evaluation).doesNotContainAnyElementsOf(calibration);
        assertThat(evaluation.size() + calibration.size()).isEqualTo(paragraphs.size());

        ModelEval.Report report = ModelEval.evaluate("docs", evaluation.subList(0, 24), calibration.subList(0, 16), List.of(0.0),
                List.of("fineq-absmax-paper", "fineq-mse", "fineq-output-mse", "fineq-gptq", "fineq-gptq-int8-datapath", "fineq-gptq-lv0.30",
                        "fineq-gptq-lv0.00", "rtn2-asym-row", "rtn2-asym-g128", "uniform2-sym-row", "rtn4-asym-row"), System.out);
        System.out.print(report.table());
        Path out = Files.createDirectories(Path.of("target", "model-eval")).resolve("minilm.json");
        Files.writeString(out, report.json());

        Map<String, ModelEval.Row> by = report.methods().stream().collect(Collectors.toMap(ModelEval.Row::name, Function.identity()));
        assertThat(by.get("fp32").cosineToFp32()).isCloseTo(1.0, Offset.offset(1e-6)); // float embeddings
        double fineq = by.get("fineq-absmax-paper").cosineToFp32();
        for (String twoBit : new String[] {"rtn2-asym-row", "rtn2-asym-g128", "uniform2-sym-row"}) {
            assertThat(fineq).as("FineQ vs %s", twoBit).isGreaterThan(by.get(twoBit).cosineToFp32());
            assertThat(by.get("fineq-gptq").cosineToFp32()).as("calibrated FineQ vs %s", twoBit).isGreaterThan(by.get(twoBit).cosineToFp32() + 0.3);
        }
        assertThat(by.get("rtn4-asym-row").cosineToFp32()).isGreaterThan(by.get("rtn2-asym-row").cosineToFp32());
        // Output-aware beats weight-error-only: the calibrated modes against the mse scale rule.
        assertThat(by.get("fineq-output-mse").cosineToFp32()).isGreaterThan(by.get("fineq-mse").cosineToFp32());
        assertThat(by.get("fineq-gptq").cosineToFp32()).isGreaterThan(by.get("fineq-output-mse").cosineToFp32());
        // The integer datapath (8-bit activations) stays close to its dequantized weights.
        assertThat(by.get("fineq-gptq-int8-datapath").cosineToFp32()).isCloseTo(by.get("fineq-gptq").cosineToFp32(), Offset.offset(0.05));

        // The default images (long-vector budget 0.3) stay close to plain GPTQ; the curve's invariants:
        // no budget leaves long vectors, budget 0 leaves none (every vector one bit-time on the shifted
        // core, at most two on the unary one).
        assertThat(by.get("fineq-gptq-lv0.30").cosineToFp32()).isCloseTo(by.get("fineq-gptq").cosineToFp32(), Offset.offset(0.05));
        assertThat(report.cycleCurve()).extracting(ModelEval.CyclePoint::name).containsExactly("fineq-gptq", "fineq-gptq-lv0.00");
        ModelEval.CyclePoint plain = report.cycleCurve().get(0), none = report.cycleCurve().get(1);
        assertThat(plain.longFraction()).isPositive();
        assertThat(plain.meanLShifted()).isCloseTo(1 + plain.longFraction(), Offset.offset(1e-12));
        assertThat(none.longFraction()).isZero();
        assertThat(none.meanLShifted()).isEqualTo(1.0);
        assertThat(none.meanLUnary()).isBetween(1.0, 2.0).isLessThan(plain.meanLUnary());
        assertThat(report.matrices()).hasSize(36);
        for (MatrixReport.Row m : report.matrices()) {
            assertThat(m.fineqWeightDb()).as(m.name()).isGreaterThan(m.rtn2WeightDb());
            assertThat(m.meanL()).as(m.name()).isBetween(1.0, 3.0);
            assertThat(m.gptqMeanL()).as(m.name()).isBetween(1.0, 3.0);
        }
        assertThat(Files.readString(out)).contains("\"methods\"").contains("\"bits_per_weight\"").contains("\"cosine_to_fp32\"")
                .contains("\"top1\"").contains("\"mrr\"").contains("\"matrices\"");
    }
}
