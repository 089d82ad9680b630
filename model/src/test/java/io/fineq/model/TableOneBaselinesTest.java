package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The evaluation on the default corpus (Europarl) with the paper's Table I baselines, on a subset
 * (the full run is the model-eval command): GPTQ's compensation beats round-to-nearest at the same
 * grid, OWQ's FP16 weak channels beat GPTQ at the same groups, bit counts as hand-derived, and the
 * statistics agree with the means they summarise (intervals around them, paired differences equal
 * to the differences of the means).
 */
class TableOneBaselinesTest {

    @Test
    void tableOneBaselinesOnEuroparl() throws Exception {
        EuroparlCorpus.Split split = EuroparlCorpus.split();
        ModelEval.Report report = ModelEval.evaluate("Europarl subset", split.evaluation().subList(0, 40), split.calibration().subList(0, 12), List.of(),
                List.of("fineq-gptq-lv0.30", "gptq2-asym-row", "gptq2-asym-g128", "pbllm-10", "owq2-g128", "rtn2-asym-row", "rtn2-asym-g128"), System.out);
        System.out.print(report.table());
        Map<String, ModelEval.Row> by = report.methods().stream().collect(Collectors.toMap(ModelEval.Row::name, Function.identity()));
        assertThat(by.keySet()).containsExactlyInAnyOrder("fp32", "fineq-gptq-lv0.30", "gptq2-asym-row", "gptq2-asym-g128", "pbllm-10", "owq2-g128",
                "rtn2-asym-row", "rtn2-asym-g128");

        // Calibration helps at equal storage; FP16 weak channels help at equal groups.
        assertThat(by.get("gptq2-asym-row").cosineToFp32()).isGreaterThan(by.get("rtn2-asym-row").cosineToFp32());
        assertThat(by.get("gptq2-asym-g128").cosineToFp32()).isGreaterThan(by.get("rtn2-asym-g128").cosineToFp32());
        assertThat(by.get("owq2-g128").cosineToFp32()).isGreaterThan(by.get("gptq2-asym-g128").cosineToFp32());

        // Bits per weight on a 384 x 384 layer, by hand: RTN's count for GPTQ; Table I's 2.7 for PB-LLM; OWQ: 2 weak
        // channels (round(0.005 x 384)), per row 382 x 2 bits + 3 groups x (32 + 2) + 2 x 16, and a 16-bit index per weak channel.
        Offset<Double> exact = Offset.offset(1e-12);
        assertThat(by.get("gptq2-asym-row").bitsPerWeight()).isCloseTo(2 + 34.0 / 384, exact);
        assertThat(by.get("gptq2-asym-g128").bitsPerWeight()).isCloseTo(2 + 34.0 / 128, exact);
        assertThat(by.get("pbllm-10").bitsPerWeight()).isCloseTo(2.7, exact);
        assertThat(by.get("owq2-g128").bitsPerWeight()).isCloseTo((382 * 2 + 3 * 34 + 2 * 16) / 384.0 + 32.0 / (384 * 384), exact);

        ModelEval.Row fp32 = by.get("fp32");
        assertThat(fp32.cosine().lo()).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(fp32.against("fp32")).isEmpty();
        for (ModelEval.Row r : report.methods()) {
            for (PairedBootstrap.Interval i : List.of(r.cosine(), r.top1Interval(), r.mrrInterval()))
                assertThat(i.mean()).as(r.name()).isBetween(i.lo(), i.hi());
            if (r != by.get("fineq-gptq-lv0.30")) {
                ModelEval.Paired vsFineq = r.against("fineq-gptq-lv0.30").orElseThrow();
                assertThat(vsFineq.mrr().mean()).isCloseTo(r.mrr() - by.get("fineq-gptq-lv0.30").mrr(), exact);
            }
            if (r == fp32) continue;
            ModelEval.Paired vsFp32 = r.against("fp32").orElseThrow();
            assertThat(vsFp32.cosine().mean()).isCloseTo(r.cosineToFp32() - fp32.cosineToFp32(), exact);
            assertThat(vsFp32.top1().mean()).isCloseTo(r.top1() - fp32.top1(), exact);
            assertThat(vsFp32.cosine().significant()).as("%s is measurably different from FP32", r.name()).isTrue();
        }
        assertThat(report.json()).contains("\"corpus\" : \"Europarl subset\"").contains("\"cosine_ci\"").contains("\"paired\"").contains("\"against\" : \"fp32\"");
    }
}
