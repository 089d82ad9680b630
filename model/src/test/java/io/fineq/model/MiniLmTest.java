package io.fineq.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java forward pass equals the artifact's own embedding model (ONNX Runtime) to 1e-4. */
class MiniLmTest {
    static MiniLm model;
    static MiniLmTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        model = new MiniLm(MiniLm.bundledOnnx(), MiniLm.fp32());
        tokenizer = new MiniLmTokenizer(MiniLm.bundledTokenizer());
    }

    @Test
    void fp32EmbeddingsMatchOnnxRuntime() {
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        List<String> texts = List.of(
                "The quick brown fox jumps over the lazy dog.",
                "FineQ stores 24 weights of one column in 7 bytes.",
                "Licensed under the Apache License, Version 2.0; you may not use this file except in compliance with the License.",
                "a");
        for (String text : texts) {
            float[] ours = model.embed(tokenizer.ids(text));
            float[] ref = reference.embed(text).content().vector();
            assertThat(ours).hasSameSizeAs(ref);
            double maxDiff = 0;
            for (int i = 0; i < ref.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - ref[i]));
            System.out.printf("MiniLmTest: %d tokens, max |java - onnxruntime| = %.2e%n", tokenizer.ids(text).length, maxDiff);
            assertThat(maxDiff).as("max |ours - onnxruntime| for '%s'", text).isLessThan(1e-4);
        }
    }

    @Test
    void erfIsAccurate() {
        // Reference values of erf (Abramowitz and Stegun table 7.1, 10 digits).
        assertThat(MiniLm.erf(0.5)).isCloseTo(0.5204998778, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MiniLm.erf(1.0)).isCloseTo(0.8427007929, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MiniLm.erf(2.0)).isCloseTo(0.9953222650, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MiniLm.erf(-1.5)).isCloseTo(-0.9661051465, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(MiniLm.erf(3.0)).isCloseTo(0.9999779095, org.assertj.core.data.Offset.offset(1e-9));
    }
}
