package io.fineq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fineq.format.FqwImage;
import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.ArrayTensor;
import io.fineq.tensor.DType;
import io.fineq.tensor.NpyFile;
import io.fineq.tensor.NpyWriter;
import io.fineq.tensor.SafetensorsWriter;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class QuantizerCliTest {
    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void synthQuantizeInspectRoundTrip() throws IOException {
        CliRunner s = CliRunner.run("synth", "--kind", "llama-like", "--rows", "128", "--cols", "96", "--seed", "1", "--out", p("W.npy"));
        assertThat(s.exit()).isZero();
        CliRunner q = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "64", "--out", p("W.fqw"), "--hex", p("W.hex"));
        assertThat(q.exit()).as(q.err()).isZero();
        FqwImage img = FqwImage.read(dir.resolve("W.fqw"));
        // the file holds exactly what the library produces for the same input and defaults
        FqwImage lib = new FineqQuantizer(QuantizerOptions.defaults(64)).quantize(NpyFile.open(dir.resolve("W.npy"))).image();
        assertThat(Files.readAllBytes(dir.resolve("W.fqw"))).isEqualTo(lib.toBytes());
        assertThat(img.header().paddedRows()).isEqualTo(144);
        assertThat(img.header().paddedCols()).isEqualTo(128);
        // hex: one line per block, byte 6 first
        List<String> lines = Files.readAllLines(dir.resolve("W.hex"));
        assertThat(lines).hasSize((int) img.header().blockCount());
        for (int i : new int[] {0, 1, 100, lines.size() - 1}) {
            StringBuilder sb = new StringBuilder();
            for (int b = 6; b >= 0; b--) sb.append(String.format("%02x", img.blocks()[7 * i + b] & 0xFF));
            assertThat(lines.get(i)).isEqualTo(sb.toString());
        }
        CliRunner in = CliRunner.run("inspect", p("W.fqw"));
        assertThat(in.exit()).isZero();
        // pair-code histogram counted straight from the index bytes
        long[] codes = new long[4];
        for (int off = 0; off < img.blocks().length; off += 7)
            for (int pr = 0; pr < 4; pr++) codes[(img.blocks()[off] >> (2 * pr)) & 3]++;
        for (int c = 0; c < 4; c++) {
            Matcher m = Pattern.compile("(?m)^  " + String.format("%2s", Integer.toBinaryString(c)).replace(' ', '0') + " .*?\\s(\\d+)\\s").matcher(in.out());
            assertThat(m.find()).as(in.out()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(codes[c]);
        }
        assertThat(in.out()).contains("scale         absmax", "pairing       paper", "q values", "per padded weight");
        // bits per padded weight: 56/24 + 32/144
        assertThat(in.out()).contains(String.format(java.util.Locale.ROOT, "%.4f per padded weight", 7.0 / 3 + 32.0 / 144));
    }

    @Test
    void allWritesOneImagePerMatrixWithSanitisedNamesAndShowsProgress() throws IOException {
        Path st = dir.resolve("m.safetensors");
        SafetensorsWriter.write(st, List.of(
                SafetensorsWriter.Item.matrix(new SyntheticTensor("model/layers.0.q_proj.weight", SynthKind.GAUSSIAN, 30, 20, 1), DType.BF16),
                new SafetensorsWriter.Item(new SyntheticTensor("bias", SynthKind.GAUSSIAN, 1, 20, 2), DType.F32, new long[] {20}),
                SafetensorsWriter.Item.matrix(new SyntheticTensor("k", SynthKind.STUDENT_T, 48, 16, 3), DType.F16)));
        CliRunner r = CliRunner.run("quantize", "--in", st.toString(), "--all", "--array-cols", "8", "--out", p("out"), "--hex", p("hex"),
                "--scale", "mse", "--pairing", "exhaustive", "--threshold", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("k.fqw", "model_layers.0.q_proj.weight.fqw");
        }
        assertThat(dir.resolve("hex/k.hex")).exists();
        FqwImage k = FqwImage.read(dir.resolve("out/k.fqw"));
        assertThat(k.header().scale()).isEqualTo("mse");
        assertThat(k.header().pairing()).isEqualTo("exhaustive");
        assertThat(k.header().threshold()).isEqualTo(3.0);
        assertThat(r.err()).containsPattern("\\[1/2\\] model/layers.0.q_proj.weight 30x20 \\.\\.\\. \\d+\\.\\d s")
                .containsPattern("\\[2/2\\] k 48x16 \\.\\.\\. \\d+\\.\\d s");
    }

    @Test
    void reportPrintsAnAlignedTableAndWritesJson() throws IOException {
        CliRunner.run("synth", "--kind", "gaussian", "--rows", "48", "--cols", "64", "--out", p("g.npy"));
        CliRunner r = CliRunner.run("report", "--in", p("g.npy"), "--array-cols", "16", "--tokens", "8", "--json", p("r.json"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> table = Arrays.stream(r.out().split("\n")).skip(1).toList();
        assertThat(table).hasSize(8);
        assertThat(table).allSatisfy(l -> assertThat(l).hasSameSizeAs(table.get(0)));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
        JsonNode methods = json.get("tensors").get(0).get("methods");
        assertThat(methods).hasSize(7);
        assertThat(methods.get(4).get("method").asText()).isEqualTo("rtn2-asym-row");
        assertThat(methods.get(0).get("bits_per_weight").asDouble()).isCloseTo(7.0 / 3 + 32.0 / 48, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void onnxModelsAreAnInputFormat() throws IOException {
        Path model = dir.resolve("minilm.onnx");
        try (java.io.InputStream in = QuantizerCliTest.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            Files.copy(in, model);
        }
        CliRunner one = CliRunner.run("quantize", "--in", model.toString(), "--tensor", "/encoder/layer.0/attention/self/query/MatMul",
                "--array-cols", "64", "--out", p("q0.fqw"));
        assertThat(one.exit()).as(one.err()).isZero();
        FqwImage q0 = FqwImage.read(dir.resolve("q0.fqw"));
        assertThat(q0.header().rows()).isEqualTo(384);
        assertThat(q0.header().cols()).isEqualTo(384);
        assertFailsCleanly(CliRunner.run("quantize", "--in", model.toString(), "--array-cols", "64", "--out", p("x.fqw")),
                "holds 36 MatMul weights; choose one with --tensor NAME or use --all", dir.resolve("x.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", model.toString(), "--tensor", "nope", "--array-cols", "64", "--out", p("x.fqw")),
                "no 2-D MatMul weight named 'nope'", dir.resolve("x.fqw"));
        Files.write(dir.resolve("bad.onnx"), new byte[] {8, 1, 0x3a, 100, 1, 2});
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("bad.onnx"), "--all", "--array-cols", "64", "--out", p("o")),
                "bad.onnx: not a valid ONNX model", null);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void anOutputThatIsTheInputOrTheOtherOutputIsRefusedAndNothingIsTouched() throws IOException {
        assertThat(CliRunner.run("synth", "--kind", "llama-like", "--rows", "24", "--cols", "16", "--seed", "3", "--out", p("W.npy")).exit()).isZero();
        byte[] input = Files.readAllBytes(dir.resolve("W.npy"));
        CliRunner same = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "8", "--out", p("W.npy"));
        assertFailsCleanly(same, "--out " + p("W.npy") + ": is the input --in", null);
        CliRunner viaDots = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "8", "--out", p("x/../W.npy"));
        assertFailsCleanly(viaDots, "is the input --in", null);
        CliRunner hexIsIn = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "8", "--out", p("W.fqw"), "--hex", p("W.npy"));
        assertFailsCleanly(hexIsIn, "--hex " + p("W.npy") + ": is the input --in", dir.resolve("W.fqw"));
        CliRunner hexIsOut = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "8", "--out", p("W.fqw"), "--hex", p("W.fqw"));
        assertFailsCleanly(hexIsOut, "is the same file as --out", dir.resolve("W.fqw"));
        assertThat(Files.readAllBytes(dir.resolve("W.npy"))).isEqualTo(input);
    }


    @Test
    void calibratedQuantizationFromAnActivationFile() throws IOException {
        CliRunner s = CliRunner.run("synth", "--kind", "llama-like", "--rows", "72", "--cols", "40", "--seed", "2", "--out", p("W.npy"));
        assertThat(s.exit()).isZero();
        java.util.Random r = new java.util.Random(3);
        float[] x = new float[300 * 40];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() + (i % 40 == 5 ? 4 * r.nextGaussian() : 0));
        NpyWriter.write(dir.resolve("X.npy"), new ArrayTensor("X", 300, 40, x), DType.F32);
        CliRunner q = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("W.fqw"), "--hex", p("W.hex"), "--calibration", p("X.npy"));
        assertThat(q.exit()).as(q.err()).isZero();
        // The file is what the library gives for the same weights and the activations' second moment.
        io.fineq.quant.SecondMoment h = new io.fineq.quant.SecondMoment(40);
        float[][] rows = new float[300][40];
        for (int t = 0; t < 300; t++) System.arraycopy(x, 40 * t, rows[t], 0, 40);
        h.add(rows);
        FqwImage lib = new io.fineq.quant.CalibratedQuantizer(QuantizerOptions.defaults(16),
                new io.fineq.quant.CalibratedQuantizer.Options(io.fineq.quant.CalibratedQuantizer.Mode.GPTQ, 0.1, true, 2,
                        io.fineq.quant.LongVectorBudget.DEFAULT_FRACTION))
                .quantize(NpyFile.open(dir.resolve("W.npy")), h).image();
        assertThat(Files.readAllBytes(dir.resolve("W.fqw"))).isEqualTo(lib.toBytes());
        assertThat(FqwImage.read(dir.resolve("W.fqw")).header().scale()).isEqualTo("gptq");
        CliRunner o = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("O.fqw"), "--calibration", p("X.npy"),
                "--calibrated", "output-mse");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(FqwImage.read(dir.resolve("O.fqw")).header().scale()).isEqualTo("output-mse");

        NpyWriter.write(dir.resolve("X39.npy"), new ArrayTensor("X39", 10, 39, new float[390]), DType.F32);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("X39.npy")),
                "--calibration " + p("X39.npy") + ": activations have 39 channels (columns), the weights K = 40", dir.resolve("B.fqw"));
        float[] nan = new float[400];
        nan[47] = Float.NaN;
        NpyWriter.write(dir.resolve("Xnan.npy"), new ArrayTensor("Xnan", 10, 40, nan), DType.F32);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("Xnan.npy")),
                "activation [1, 7] is NaN; all must be finite", dir.resolve("B.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibrated", "gptq"),
                "--calibrated applies only with --calibration X.npy", dir.resolve("B.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("X.npy"),
                "--calibrated", "awq"), "--calibrated must be gptq or output-mse, got 'awq'", dir.resolve("B.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("X.npy"),
                "--damping", "0"), "--damping must be in (0, 1], got 0.0", dir.resolve("B.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("X.npy"),
                "--scale", "mse"), "--scale does not apply with --calibration", dir.resolve("B.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("X.npy"),
                "--long-vector-budget", "1.5"), "--long-vector-budget must be in [0, 1], got 1.5", dir.resolve("B.fqw"));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--long-vector-budget", "0.5"),
                "--long-vector-budget applies only with --calibration X.npy", dir.resolve("B.fqw"));
        // With a budget of 0 no weight vector of the file holds a 3.
        CliRunner z = CliRunner.run("quantize", "--in", p("W.npy"), "--array-cols", "16", "--out", p("Z.fqw"), "--calibration", p("X.npy"),
                "--long-vector-budget", "0");
        assertThat(z.exit()).as(z.err()).isZero();
        FqwImage zi = FqwImage.read(dir.resolve("Z.fqw"));
        assertThat(io.fineq.golden.GoldenJob.sumLength(zi, new io.fineq.golden.CoreParams(4, 8, true, 0, io.fineq.golden.ArrayKind.SHIFTED)))
                .isEqualTo((long) zi.header().kTiles() * zi.header().paddedRows());
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("nope.npy"), "--array-cols", "16", "--out", p("B.fqw"), "--calibration", p("X.npy")),
                "nope.npy", dir.resolve("B.fqw"));
    }

    private void assertFailsCleanly(CliRunner r, String expected, Path mustNotExist) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains(expected);
        assertThat(r.err().strip().lines()).as("one line: " + r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        if (mustNotExist != null) {
            assertThat(mustNotExist).doesNotExist();
            try (var files = Files.list(mustNotExist.getParent())) {
                assertThat(files.map(Path::toString).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void nanAndInfWeightsNameTensorRowAndColumn() throws IOException {
        float[] d = new float[6 * 5];
        d[1 * 5 + 2] = Float.NaN;
        NpyWriter.write(dir.resolve("nan.npy"), new ArrayTensor("nan", 6, 5, d), DType.F32);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("nan.npy"), "--array-cols", "4", "--out", p("nan.fqw")),
                "tensor 'nan': weight at row 1, column 2 is NaN", dir.resolve("nan.fqw"));
        d[1 * 5 + 2] = 0;
        d[4 * 5] = Float.NEGATIVE_INFINITY;
        SafetensorsWriter.write(dir.resolve("inf.safetensors"), List.of(SafetensorsWriter.Item.matrix(new ArrayTensor("w.inf", 6, 5, d), DType.F16)));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("inf.safetensors"), "--array-cols", "4", "--out", p("inf.fqw")),
                "tensor 'w.inf': weight at row 4, column 0 is -Infinity", dir.resolve("inf.fqw"));
        assertFailsCleanly(CliRunner.run("report", "--in", p("inf.safetensors")), "row 4, column 0", null);
    }

    @Test
    void unsupportedDtypes() throws IOException {
        Files.write(dir.resolve("f8.npy"), io.fineq.tensor.NpyFileTestBytes.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", new byte[8]));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("f8.npy"), "--array-cols", "4", "--out", p("f8.fqw")),
                "unsupported dtype '<f8'", dir.resolve("f8.fqw"));
        String json = "{\"w\":{\"dtype\":\"I32\",\"shape\":[1,2],\"data_offsets\":[0,8]}}";
        Files.write(dir.resolve("i.safetensors"), io.fineq.tensor.NpyFileTestBytes.safetensors(json, new byte[8]));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("i.safetensors"), "--tensor", "w", "--array-cols", "4", "--out", p("i.fqw")),
                "tensor 'w' has unsupported dtype I32 (supported: F32, F16, BF16)", dir.resolve("i.fqw"));
    }

    @Test
    void corruptImagesAreReportedByInspect() throws IOException {
        CliRunner.run("synth", "--rows", "24", "--cols", "8", "--out", p("s.npy"));
        CliRunner.run("quantize", "--in", p("s.npy"), "--array-cols", "8", "--out", p("s.fqw"));
        byte[] good = Files.readAllBytes(dir.resolve("s.fqw"));
        int headerEnd = 8 + (good[4] & 0xFF);
        Object[][] cases = {
                {"XQW1".getBytes(), "wrong magic"},
                {Arrays.copyOf(good, 6), "short header"},
                {Arrays.copyOf(good, headerEnd - 3), "short header"},
                {Arrays.copyOf(good, headerEnd + 10), "scales missing"},
                {Arrays.copyOf(good, good.length - 1), "blocks missing"},
        };
        for (Object[] c : cases) {
            byte[] bytes = (byte[]) c[0];
            if (bytes.length == 4) bytes = concat(bytes, Arrays.copyOfRange(good, 4, good.length));
            Path f = dir.resolve("bad.fqw");
            Files.write(f, bytes);
            CliRunner r = CliRunner.run("inspect", f.toString());
            assertFailsCleanly(r, (String) c[1], null);
            assertThat(r.err()).contains(f.toString());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    @Test
    void synthRefusesDuplicateNamesAndOutputsLargerThanTheDisk() {
        Path st = dir.resolve("d.safetensors");
        assertFailsCleanly(CliRunner.run("synth", "--tensor", "a=8x8", "--tensor", "a=4x4", "--out", st.toString()),
                "--tensor a is given twice; tensor names must be unique", st);
        Path big = dir.resolve("big.npy");
        // 10^6 x 10^6 F32 = 4 TB: refused before a byte is written.
        assertFailsCleanly(CliRunner.run("synth", "--rows", "1000000", "--cols", "1000000", "--out", big.toString()),
                "the tensors need 4000.0 GB, the file system has", big);
    }

    @Test
    void safetensorsWithOverlappingOrUnindexedBytesAndFqwHeadersWithStringNumbersAreRejected() throws IOException {
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[8,16]}}";
        Files.write(dir.resolve("o.safetensors"), io.fineq.tensor.NpyFileTestBytes.safetensors(overlap, new byte[16]));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("o.safetensors"), "--tensor", "a", "--array-cols", "4", "--out", p("o.fqw")), "overlap tensor 'a' [0, 16]", dir.resolve("o.fqw"));
        String hole = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[12,20]}}";
        Files.write(dir.resolve("h.safetensors"), io.fineq.tensor.NpyFileTestBytes.safetensors(hole, new byte[20]));
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("h.safetensors"), "--tensor", "a", "--array-cols", "4", "--out", p("h.fqw")), "bytes 8..12 of the data buffer belong to no tensor", dir.resolve("h.fqw"));

        assertThat(CliRunner.run("synth", "--rows", "8", "--cols", "8", "--out", p("s.npy")).exit()).isZero();
        assertThat(CliRunner.run("quantize", "--in", p("s.npy"), "--array-cols", "8", "--out", p("s.fqw")).exit()).isZero();
        byte[] good = Files.readAllBytes(dir.resolve("s.fqw"));
        String text = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1);
        String bad = text.replace("\"rows\":8", "\"rows\":\"8\"");
        assertThat(bad).isNotEqualTo(text);
        // The JSON length field (4 bytes little-endian after the magic) grows by the two quotes.
        byte[] b = bad.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int lenAt = text.indexOf('{') - 4;
        java.nio.ByteBuffer.wrap(b, lenAt, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(java.nio.ByteBuffer.wrap(good, lenAt, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() + 2);
        Files.write(dir.resolve("str.fqw"), b);
        assertFailsCleanly(CliRunner.run("inspect", p("str.fqw")), "header field 'rows' has the wrong type", null);
    }

    @Test
    void unknownTensorAndBadOptions() throws IOException {
        SafetensorsWriter.write(dir.resolve("m.safetensors"), List.of(
                SafetensorsWriter.Item.matrix(new SyntheticTensor("a", SynthKind.GAUSSIAN, 4, 4, 1), DType.F32),
                SafetensorsWriter.Item.matrix(new SyntheticTensor("b", SynthKind.GAUSSIAN, 4, 4, 1), DType.F32)));
        Path out = dir.resolve("o.fqw");
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "c", "--array-cols", "4", "--out", out.toString()),
                "no tensor named 'c' (2-D tensors: a, b)", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--array-cols", "4", "--out", out.toString()),
                "holds 2 2-D tensors; choose one with --tensor NAME or use --all", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "a", "--array-cols", "0", "--out", out.toString()),
                "--array-cols must be 1..1024, got 0", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "a", "--array-cols", "-3", "--out", out.toString()),
                "--array-cols must be 1..1024, got -3", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "a", "--array-cols", "2147483647", "--out", out.toString()),
                "--array-cols must be 1..1024, got 2147483647", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "a", "--array-cols", "1025", "--out", out.toString()),
                "--array-cols must be 1..1024, got 1025", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "a", "--array-cols", "4", "--threshold", "0", "--out", out.toString()),
                "--threshold must be a finite number > 0", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("m.safetensors"), "--tensor", "a", "--array-cols", "4", "--scale", "max", "--out", out.toString()),
                "--scale must be one of absmax|mse, got 'max'", out);
        assertFailsCleanly(CliRunner.run("quantize", "--in", p("missing.npy"), "--array-cols", "4", "--out", out.toString()), "no such file", out);
        assertFailsCleanly(CliRunner.run("quantize", "--array-cols", "4", "--out", out.toString()), "Missing required option: '--in", out);
        assertFailsCleanly(CliRunner.run("frobnicate"), "Unmatched argument", null);
        assertFailsCleanly(CliRunner.run(), "a subcommand is required", null);
    }
}
