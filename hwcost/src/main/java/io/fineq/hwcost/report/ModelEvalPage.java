package io.fineq.hwcost.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's page for a real model: {@code model.html} from the JSON that {@code fineq model-eval}
 * writes (docs/model.md): the methods table (bits per weight, embedding cosine to FP32, retrieval
 * top-1 and MRR) with a bar chart, and per matrix the weight and output SQNR of FineQ, calibrated
 * FineQ (GPTQ) and RTN 2-bit and the mean vector length L of both FineQ images, with the output
 * SQNR averaged per layer role in a chart.
 */
public final class ModelEvalPage {
    /** Layer roles in MiniLM's node names, and their chart labels. */
    private static final String[][] ROLES = {{"/attention/self/query/", "query"}, {"/attention/self/key/", "key"}, {"/attention/self/value/", "value"},
            {"/attention/output/dense/", "attn out"}, {"/intermediate/dense/", "ffn up"}, {"/output/dense/", "ffn down"}};

    private ModelEvalPage() {
    }

    /** Reads {@code json} and writes the page and its plots into {@code out}; returns the file names. */
    public static List<String> write(Path out, Path json) throws IOException {
        JsonNode root = read(json);
        JsonNode methods = root.path("methods");
        JsonNode matrices = root.path("matrices");
        List<String> files = new ArrayList<>();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FineQ on a real model</title>\n"
                + "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;}" + HtmlReport.TABLE_STYLE + "</style>\n</head><body>\n");
        h.append("<h1>").append(HtmlReport.esc(root.path("model").asText("model"))).append(": FineQ on real weights and real text</h1>\n");
        String corpus = root.path("corpus").asText("");
        h.append(String.format(Locale.ROOT, "<p>%s%d evaluation paragraphs (retrieval: each paragraph's first half must find its own second half "
                        + "among all second halves); calibrated methods use %d other paragraphs (%d tokens). From <code>fineq model-eval</code> (docs/model.md).",
                corpus.isEmpty() ? "" : HtmlReport.esc(corpus) + ": ", root.path("paragraphs").asInt(), root.path("calibration_paragraphs").asInt(),
                root.path("calibration_tokens").asInt()));
        boolean intervals = methods.get(0).has("cosine_ci");
        if (intervals)
            h.append(String.format(Locale.ROOT, " Brackets: 95 %% bootstrap intervals over the paragraphs (%d resamples); differences are paired "
                    + "(the same paragraphs, the same resamples), <b>*</b> where the interval excludes 0.", root.path("bootstrap_resamples").asInt()));
        h.append("</p>\n");
        List<String> references = new ArrayList<>();
        for (JsonNode m : methods) for (JsonNode p : m.path("paired")) if (!references.contains(p.path("against").asText())) references.add(p.path("against").asText());
        h.append("<table>\n<tr><th>method</th><th>bits/weight</th><th>cosine to FP32</th><th>top-1</th><th>MRR</th>");
        for (String ref : references) h.append("<th>&Delta; cosine vs ").append(HtmlReport.esc(ref)).append("</th><th>&Delta; top-1 vs ").append(HtmlReport.esc(ref)).append("</th>");
        h.append("</tr>\n");
        List<Charts.QualityPoint> cosine = new ArrayList<>(), top1 = new ArrayList<>();
        Double fp32Top1 = null;
        for (JsonNode m : methods) {
            String name = m.path("name").asText();
            double bits = m.path("bits_per_weight").asDouble();
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.4f</td><td>%s</td><td>%s</td><td>%s</td>", HtmlReport.esc(name), bits,
                    withInterval(m, "cosine_to_fp32", "cosine_ci", 4), withInterval(m, "top1", "top1_ci", 3), withInterval(m, "mrr", "mrr_ci", 3)));
            for (String ref : references) {
                JsonNode p = null;
                for (JsonNode x : m.path("paired")) if (x.path("against").asText().equals(ref)) p = x;
                h.append("<td>").append(p == null ? "-" : difference(p.path("cosine"), 4)).append("</td><td>")
                        .append(p == null ? "-" : difference(p.path("top1"), 3)).append("</td>");
            }
            h.append("</tr>\n");
            if (bits >= 16) { // FP32 is the reference: a line, not a point far to the right
                if (name.equals("fp32")) fp32Top1 = m.path("top1").asDouble();
                continue;
            }
            cosine.add(point(name, bits, m, "cosine_to_fp32", "cosine_ci"));
            top1.add(point(name, bits, m, "top1", "top1_ci"));
        }
        h.append("</table>\n");
        Charts.qualityAgainstBits(out.resolve("model-cosine.png"), "Embedding cosine to FP32 against bits per weight (95% intervals)", "mean cosine to FP32", cosine, null);
        Charts.qualityAgainstBits(out.resolve("model-top1.png"), "Retrieval top-1 against bits per weight (95% intervals)", "top-1 accuracy", top1, fp32Top1);
        files.add("model-cosine.png");
        files.add("model-top1.png");
        h.append("<p><img src=\"model-cosine.png\" alt=\"Embedding cosine to FP32 against bits per weight\" width=\"").append(Charts.WIDTH).append("\"></p>\n");
        h.append("<p><img src=\"model-top1.png\" alt=\"Retrieval top-1 against bits per weight\" width=\"").append(Charts.WIDTH).append("\"></p>\n");

        if (matrices.size() > 0) {
            Map<String, Map<String, Double>> byRole = new LinkedHashMap<>();
            String[][] series = {{"FineQ", "fineq_output_sqnr_db"}, {"FineQ GPTQ", "gptq_output_sqnr_db"}, {"RTN 2-bit", "rtn2_output_sqnr_db"}};
            for (String[] s : series) {
                Map<String, Double> v = new LinkedHashMap<>();
                for (String[] role : ROLES) {
                    double sum = 0;
                    int n = 0;
                    for (JsonNode m : matrices) {
                        String name = m.path("name").asText();
                        // "/output/dense/" also ends "/attention/output/dense/": the FFN down role is the one not under attention.
                        boolean match = role[1].equals("ffn down") ? name.contains(role[0]) && !name.contains("/attention" + role[0]) : name.contains(role[0]);
                        if (match) {
                            sum += m.path(s[1]).asDouble();
                            n++;
                        }
                    }
                    if (n > 0) v.put(role[1], sum / n);
                }
                byRole.put(s[0], v);
            }
            Charts.bars(out.resolve("model-sqnr.png"), "Output SQNR on real activations, mean over the six layers", "layer role", "dB", byRole);
            files.add("model-sqnr.png");
            h.append("<h2>Per matrix</h2>\n<p><img src=\"model-sqnr.png\" alt=\"Output SQNR per layer role\" width=\"").append(Charts.WIDTH).append("\"></p>\n");
            h.append("<table>\n<tr><th>matrix</th><th>M x K</th><th>FineQ w dB</th><th>FineQ y dB</th><th>GPTQ w dB</th><th>GPTQ y dB</th>"
                    + "<th>RTN2 w dB</th><th>RTN2 y dB</th><th>mean L FineQ</th><th>mean L GPTQ</th></tr>\n");
            for (JsonNode m : matrices) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%dx%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.3f</td><td>%.3f</td></tr>\n",
                        HtmlReport.esc(m.path("name").asText()), m.path("rows").asInt(), m.path("cols").asInt(), m.path("fineq_weight_sqnr_db").asDouble(),
                        m.path("fineq_output_sqnr_db").asDouble(), m.path("gptq_weight_sqnr_db").asDouble(), m.path("gptq_output_sqnr_db").asDouble(),
                        m.path("rtn2_weight_sqnr_db").asDouble(), m.path("rtn2_output_sqnr_db").asDouble(), m.path("mean_vector_length").asDouble(),
                        m.path("gptq_mean_vector_length").asDouble()));
            }
            h.append("</table>\n<p>SQNR = 10 log10(signal power / error power) of the weights (w) and of the layer's output on the FP32 model's "
                    + "activations of real text (y). Mean L = cycles per weight vector on a 64-column core (early termination): the calibrated "
                    + "images trade longer vectors (more 3-bit values) for output accuracy.</p>\n");
        }
        h.append("</body></html>\n");
        AtomicFiles.writeString(out.resolve("model.html"), HtmlReport.alignCells(h.toString()));
        files.add(0, "model.html");
        return files;
    }

    private static String withInterval(JsonNode m, String mean, String ci, int digits) {
        String f = "%." + digits + "f";
        JsonNode c = m.path(ci);
        if (!c.isArray() || c.size() != 2) return String.format(Locale.ROOT, f, m.path(mean).asDouble());
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", m.path(mean).asDouble(), c.get(0).asDouble(), c.get(1).asDouble());
    }

    private static String difference(JsonNode d, int digits) {
        if (d.isMissingNode()) return "-";
        return String.format(Locale.ROOT, "%+." + digits + "f%s", d.path("diff").asDouble(), d.path("significant").asBoolean() ? " <b>*</b>" : "");
    }

    private static Charts.QualityPoint point(String name, double bits, JsonNode m, String mean, String ci) {
        double v = m.path(mean).asDouble();
        JsonNode c = m.path(ci);
        boolean has = c.isArray() && c.size() == 2;
        return new Charts.QualityPoint(name, bits, v, has ? c.get(0).asDouble() : v, has ? c.get(1).asDouble() : v);
    }

    /** Checks the file before any long work: one line naming the file and what is wrong. */
    public static void check(Path json) {
        read(json);
    }

    private static JsonNode read(Path json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(json));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("--model-eval " + json + ": no such file");
        } catch (IOException e) {
            throw new UserError("--model-eval " + json + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("methods").isArray() || root.path("methods").isEmpty())
            throw new UserError("--model-eval " + json + ": no \"methods\" array; expected the JSON of fineq model-eval --json");
        for (JsonNode m : root.path("methods")) {
            for (String f : new String[] {"name", "bits_per_weight", "cosine_to_fp32", "top1", "mrr"}) {
                if (m.path(f).isMissingNode()) throw new UserError("--model-eval " + json + ": a method lacks \"" + f + "\"");
            }
        }
        return root;
    }
}
