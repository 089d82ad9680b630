package io.fineq.hwcost.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: the report's files, determinism, and one-line errors for bad input. */
class HwCostCliTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path tmp;

    @Test
    void reportWritesHtmlAndReadablePngsDeterministically() throws Exception {
        String[] args = {"report", "--sizes", "none", "--array", "16", "--scale-down", "64", "--seq", "32,256", "--out", tmp.resolve("a").toString()};
        assertThat(run(args).code).isZero();
        args[args.length - 1] = tmp.resolve("b").toString();
        assertThat(run(args).code).isZero();
        String html = Files.readString(tmp.resolve("a/index.html"));
        assertThat(html).contains("<img src=\"cycles.png\"", "<img src=\"energy.png\"", "<img src=\"codes.png\"", "0.388", "1.79");
        for (String png : new String[] {"cycles.png", "energy.png", "codes.png", "pairs.png", "lengths.png"}) {
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(png));
            assertThat(a).startsWith(PNG_MAGIC);
            assertThat(a.length).isGreaterThan(2000);
            assertThat(a).as(png + " is deterministic").isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(png)));
        }
        assertThat(html).isEqualTo(Files.readString(tmp.resolve("b/index.html")));
    }

    @Test
    void badSizeIsOneLineError() {
        Result r = run("area", "--sizes", "8,0", "--work", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: --sizes: size 0 is out of range 1..1024");
    }

    /** The design list, the workload list, the token count and a plot without a workload: one line each, before any work. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "--designs|fineq,mac-tre|error: --designs: 'mac-tre' is not one of fineq, fineq-shifted, mac-tree, mac-systolic, mac (= mac-systolic), both (= fineq,mac-systolic), all",
            "--workload|minilm|error: --workload: 'minilm' is not one of minilm-l6, minilm-l6-gptq, minilm-l6-gptq-lvF (F in [0, 1), e.g. minilm-l6-gptq-lv0.25), llama2-7b, none",
            "--workload|minilm-l6-gptq|error: --workload minilm-l6-gptq: the calibrated images are built for C = 64; --sizes must be 64",
            "--workload|minilm-l6-gptq-lv0.3|error: --workload minilm-l6-gptq-lv0.3: the calibrated images are built for C = 64; --sizes must be 64",
            "--workload|minilm-l6-gptq-lv1.5|error: --workload: 'minilm-l6-gptq-lv1.5' is not one of minilm-l6, minilm-l6-gptq, minilm-l6-gptq-lvF (F in [0, 1), e.g. minilm-l6-gptq-lv0.25), llama2-7b, none",
            "--tokens|0|error: --tokens: 0 is out of range 1..1048576",
            "--plot|PLOT|error: --plot: needs --workload (the plot shows the equal-work figures)"})
    void badEqualWorkOptionsAreOneLineErrors(String option, String value, String message) {
        String v = value.equals("PLOT") ? tmp.resolve("p.png").toString() : value;
        Result r = run("ppa", "--sizes", "4", option, v, "--work", tmp.resolve("w").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo(message);
        assertThat(tmp.resolve("p.png")).doesNotExist();
    }

    /** accel-ppa's size, design list and wire mode: one line each, before any work (nothing in the work folder). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "--size|12|error: --size: 12 is out of range: a power of two 8..1024 (an activation row is whole bus words)",
            "--size|4|error: --size: 4 is out of range: a power of two 8..1024 (an activation row is whole bus words)",
            "--designs|mac-systolic|error: --designs: 'mac-systolic' is not one of fineq, fineq-shifted, mac-tree",
            "--designs|fineq,macc|error: --designs: 'macc' is not one of fineq, fineq-shifted, mac-tree",
            "--wires|both|error: --wires: 'both' is not one of off, on"})
    void badAccelPpaOptionsAreOneLineErrors(String option, String value, String message) {
        Result r = run("accel-ppa", option, value, "--work", tmp.resolve("w").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo(message);
        assertThat(tmp.resolve("w")).doesNotExist();
    }

    @Test
    void missingLibertyIsOneLineErrorAndWritesNothing() {
        Path out = tmp.resolve("rep");
        Result r = run("report", "--sizes", "8", "--liberty", tmp.resolve("nope.lib").toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: --liberty " + tmp.resolve("nope.lib") + ": no such file");
        assertThat(out).doesNotExist();
    }

    @Test
    void reportWithAMissingSweepIsOneLineError() {
        Result r = run("report", "--sizes", "none", "--sweep", tmp.resolve("nosweep").toString(), "--out", tmp.resolve("rep").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: --sweep " + tmp.resolve("nosweep") + ": no such folder");
        assertThat(tmp.resolve("rep")).doesNotExist();
        // A folder that exists but holds no sweep.
        java.nio.file.Path empty = tmp.resolve("empty");
        assertThat(empty.toFile().mkdir()).isTrue();
        Result e = run("report", "--sizes", "none", "--sweep", empty.toString(), "--out", tmp.resolve("rep").toString());
        assertThat(e.code).isEqualTo(2);
        assertThat(e.err.strip()).startsWith("error: sweep: no sweep.json in").doesNotContain("\n");
        assertThat(tmp.resolve("rep")).doesNotExist();
    }

    @Test
    void perfClockOutOfRangeIsOneLineError() {
        for (String clock : new String[] {"0", "-5", "NaN", "1e9"}) {
            Result r = run("perf", "--clock-mhz", clock);
            assertThat(r.code).as(clock).isEqualTo(2);
            assertThat(r.err.strip()).as(clock).startsWith("error: --clock-mhz: ").endsWith("is out of range 1..5000");
            assertThat(r.out).doesNotContain("Infinity");
        }
    }

    @Test
    void badArrayIsOneLineError() {
        Result r = run("mac", "--array", "0", "--out", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("error: --array: 0 is out of range 1..1024");
    }

    @Test
    void reportWithAModelEvaluationGetsItsPage() throws Exception {
        // A hand-written evaluation in the shape fineq model-eval --json writes.
        String json = """
                {"model": "all-MiniLM-L6-v2", "corpus": "Europarl (English, 1271 documents)", "paragraphs": 10, "calibration_paragraphs": 3,
                 "calibration_tokens": 321, "bootstrap_resamples": 2000,
                 "methods": [{"name": "fp32", "bits_per_weight": 32, "cosine_to_fp32": 1.0, "top1": 0.5, "mrr": 0.6,
                              "cosine_ci": [1.0, 1.0], "top1_ci": [0.2, 0.8], "mrr_ci": [0.4, 0.8], "paired": []},
                             {"name": "fineq-gptq", "bits_per_weight": 2.4167, "cosine_to_fp32": 0.8123, "top1": 0.4, "mrr": 0.55,
                              "cosine_ci": [0.8011, 0.8234], "top1_ci": [0.1, 0.7], "mrr_ci": [0.35, 0.75],
                              "paired": [{"against": "fp32", "cosine": {"diff": -0.1877, "lo": -0.1989, "hi": -0.1766, "p": 0.0, "significant": true},
                                          "top1": {"diff": -0.1, "lo": -0.3, "hi": 0.1, "p": 0.62, "significant": false},
                                          "mrr": {"diff": -0.05, "lo": -0.2, "hi": 0.1, "p": 0.7, "significant": false}}]},
                             {"name": "rtn2-asym-row", "bits_per_weight": 2.0885, "cosine_to_fp32": 0.0736, "top1": 0.1, "mrr": 0.2}],
                 "matrices": [{"name": "/encoder/layer.0/attention/self/query/MatMul", "rows": 384, "cols": 384,
                               "fineq_weight_sqnr_db": 8.1, "fineq_output_sqnr_db": 9.2, "gptq_weight_sqnr_db": 7.3, "gptq_output_sqnr_db": 12.4,
                               "rtn2_weight_sqnr_db": 4.5, "rtn2_output_sqnr_db": 5.6, "mean_vector_length": 2.345, "gptq_mean_vector_length": 2.678}]}
                """;
        Path eval = Files.writeString(tmp.resolve("minilm.json"), json);
        Path out = tmp.resolve("rep");
        Result r = run("report", "--sizes", "none", "--array", "8", "--scale-down", "256", "--seq", "32", "--model-eval", eval.toString(), "--out", out.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readString(out.resolve("index.html"))).contains("<a href=\"model.html\">");
        String page = Files.readString(out.resolve("model.html"));
        assertThat(page).contains("fineq-gptq", "0.8123", "2.4167", "/encoder/layer.0/attention/self/query/MatMul", "12.40", "2.678", "321 tokens");
        // Intervals and paired differences as the JSON gives them; a method without them (older JSON) still has its row.
        assertThat(page).contains("Europarl (English, 1271 documents)", "0.8123 [0.8011, 0.8234]", "&Delta; cosine vs fp32", "-0.1877 <b>*</b>", "-0.100<",
                "<td>rtn2-asym-row</td>", "0.0736<");
        for (String png : new String[] {"model-cosine.png", "model-top1.png", "model-sqnr.png"})
            assertThat(Files.readAllBytes(out.resolve(png))).startsWith(PNG_MAGIC);

        Files.writeString(tmp.resolve("bad.json"), "{\"methods\": [{\"name\": \"x\"}]}");
        Result bad = run("report", "--sizes", "none", "--array", "8", "--scale-down", "256", "--seq", "32", "--model-eval", tmp.resolve("bad.json").toString(),
                "--out", tmp.resolve("rep2").toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err.strip()).doesNotContain("\n").contains("bad.json: a method lacks \"bits_per_weight\"");
        Result missing = run("report", "--sizes", "none", "--model-eval", tmp.resolve("none.json").toString(), "--out", tmp.resolve("rep3").toString());
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err.strip()).doesNotContain("\n").contains("none.json: no such file");
        assertThat(tmp.resolve("rep3")).doesNotExist();
    }

    @Test
    void perfWorkloadIsChecked() {
        Result r = run("perf", "--workload", "bert");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).doesNotContain("\n").contains("--workload must be llama2-7b or minilm-l6, got 'bert'");
        Result s = run("perf", "--workload", "minilm-l6", "--scale-down", "4");
        assertThat(s.code).isEqualTo(2);
        assertThat(s.err.strip()).doesNotContain("\n").contains("--scale-down applies to --workload llama2-7b only");
    }

    private record Result(int code, String err, String out) {
    }

    private static Result run(String... args) {
        String[] r = CliCapture.run(args);
        return new Result(Integer.parseInt(r[0]), r[2], r[1]);
    }
}
