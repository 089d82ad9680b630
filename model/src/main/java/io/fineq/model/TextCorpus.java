package io.fineq.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * English text a fresh machine has: the license and notice files inside the jars on the class
 * path and the project's own Markdown docs, split into paragraphs (blank-line separated, 200 to
 * 1,500 characters, de-duplicated, whitespace collapsed). Deterministic order: class-path files by
 * name, then docs by name.
 */
public final class TextCorpus {
    private static final int MIN_CHARS = 200;
    private static final int MAX_CHARS = 1500;

    private TextCorpus() {
    }

    /** Class-path folder holding the project's docs (model/pom.xml copies docs/*.md there). */
    static final String BUNDLED_DOCS = "fineq-docs";

    /** The default text: licences on the class path and the docs bundled in the jar, whatever the current folder. */
    public static List<String> paragraphs() throws IOException {
        URL url = TextCorpus.class.getClassLoader().getResource(BUNDLED_DOCS);
        if (url == null) throw new IOException("the bundled docs (" + BUNDLED_DOCS + "/ on the class path) are missing; pass --docs DIR");
        try {
            java.net.URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                    return paragraphs(fs.getPath("/" + BUNDLED_DOCS));
                }
            }
            return paragraphs(Path.of(uri));
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot read the bundled docs at " + url + ": " + e.getMessage());
        }
    }

    public static List<String> paragraphs(Path docsDir) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        for (String res : new String[] {"META-INF/LICENSE", "META-INF/LICENSE.txt", "META-INF/NOTICE", "META-INF/NOTICE.txt", "LICENSE", "NOTICE"}) {
            Enumeration<URL> urls = TextCorpus.class.getClassLoader().getResources(res);
            List<URL> sorted = new ArrayList<>();
            while (urls.hasMoreElements()) sorted.add(urls.nextElement());
            sorted.sort(java.util.Comparator.comparing(URL::toString));
            for (URL u : sorted) {
                try (InputStream in = u.openStream()) {
                    texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        if (docsDir != null && Files.isDirectory(docsDir)) {
            try (Stream<Path> s = Files.list(docsDir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) texts.add(Files.readString(p));
            }
        }
        for (String t : texts) {
            for (String para : t.replace("\r", "").split("\n\\s*\n")) {
                String p = para.replaceAll("\\s+", " ").strip();
                // Prose only: no tables, code or lists of paths.
                if (p.length() < MIN_CHARS || p.length() > MAX_CHARS || p.startsWith("|") || p.startsWith("```") || p.chars().filter(c -> c == '|').count() > 4) continue;
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** Every fourth paragraph (index 3, 7, 11, ...) is calibration text; never evaluated on. */
    public static final int CALIBRATION_STRIDE = 4;

    /** The evaluation text: the paragraphs that are not calibration text, in order. */
    public static List<String> evaluation(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) if (i % CALIBRATION_STRIDE != CALIBRATION_STRIDE - 1) out.add(paragraphs.get(i));
        return out;
    }

    /** The calibration text for the calibrated quantization modes: every fourth paragraph, in order. */
    public static List<String> calibration(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (int i = CALIBRATION_STRIDE - 1; i < paragraphs.size(); i += CALIBRATION_STRIDE) out.add(paragraphs.get(i));
        return out;
    }

    /** The first and second half of a paragraph, split at the word boundary nearest its middle. */
    public static String[] halves(String paragraph) {
        int mid = paragraph.length() / 2;
        int cut = paragraph.indexOf(' ', mid);
        if (cut < 0) cut = paragraph.lastIndexOf(' ', mid);
        if (cut < 0) cut = mid;
        return new String[] {paragraph.substring(0, cut).strip(), paragraph.substring(cut).strip()};
    }
}
