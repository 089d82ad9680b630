package io.fineq.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model's own WordPiece tokenizer ({@code all-minilm-l6-v2-tokenizer.json}) through DJL's
 * HuggingFace tokenizers: [CLS] text [SEP], at most {@value #MAX_TOKENS} tokens (the length the
 * sentence-transformers model was trained with; longer text is truncated).
 */
public final class MiniLmTokenizer implements AutoCloseable {
    public static final int MAX_TOKENS = 256;
    private final HuggingFaceTokenizer tokenizer;

    public MiniLmTokenizer(Path tokenizerJson) throws IOException {
        tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                Map.of("truncation", "true", "maxLength", Integer.toString(MAX_TOKENS), "padding", "false"));
    }

    public long[] ids(String text) {
        Encoding e = tokenizer.encode(text);
        return e.getIds();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
