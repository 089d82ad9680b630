package io.fineq.tb;

import io.fineq.cli.PathArg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fineq.format.AtomicFiles;
import io.fineq.format.FqwFormatException;
import io.fineq.format.FqwImage;
import io.fineq.rtl.ConfigException;
import io.fineq.rtl.FineqConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code fineq-vectors}: writes the golden vectors of one job (stimulus, expected results, expected
 * cycle count, the weight image and the activations) plus a README.txt of their format, so the
 * same check can run in any simulator or a gate-level flow. Everything is a function of the
 * options: the same command writes byte-identical files.
 */
@Command(name = "fineq-vectors", mixinStandardHelpOptions = true, versionProvider = io.fineq.cli.CliConventions.Version.class,
        description = "Write FineQ core golden vectors (stimulus + expected outputs) for a configuration and a seed.")
public final class VectorsCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--rows", description = "array rows R, 1..1024 (default ${DEFAULT-VALUE})", defaultValue = "64")
    int rows;
    @Option(names = "--cols", description = "array columns C, 1..1024 (default ${DEFAULT-VALUE})", defaultValue = "64")
    int cols;
    @Option(names = "--act-width", description = "activation width ACT_W, 2..16 (default ${DEFAULT-VALUE})", defaultValue = "8")
    int actWidth;
    @Option(names = "--termination", paramLabel = "on|off", description = "early termination (on/off/true/false/1/0, default ${DEFAULT-VALUE})", defaultValue = "on")
    String termination;
    @Option(names = "--adder-pipeline", description = "P, a register after every P adder-tree levels, 0..16 (default ${DEFAULT-VALUE})", defaultValue = "0")
    int adderPipeline;
    @Option(names = "--core", paramLabel = "KIND", defaultValue = "fineq-shifted",
            description = "the core the vectors are for: fineq-shifted (default, what the generator builds by default), fineq (the paper's unary coding) or mac-tree; "
                    + "the cycle count depends on it")
    String core;

    @Option(names = "--seed", description = "seed of the synthetic weights and of the activations (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;
    @PathArg(PathArg.Kind.INPUT_FILE)
    @Option(names = "--fqw", description = "weight image to use instead of a synthetic one (its array_cols must equal --cols)")
    Path fqw;
    @Option(names = "--m", description = "rows M of the synthetic llama-like weight matrix, 1..65536 (default ${DEFAULT-VALUE})", defaultValue = "100")
    int m;
    @Option(names = "--k", description = "columns K of the synthetic llama-like weight matrix, 1..65536 (default: 2*cols - 1)")
    Integer k;
    @Option(names = "--tokens", description = "tokens N of the activation matrix, 1..65536 (default: rows + 1)")
    Integer tokens;
    @PathArg(value = PathArg.Kind.OUTPUT_FOLDER, writes = {"activations.hex", "weights.hex", "expected.hex", "expected.txt", "cycles.txt",
            "weights.fqw", "activations.txt", "job.json", "README.txt"})
    @Option(names = "--out", required = true, description = "output folder (created; existing files of the same names are replaced)")
    Path out;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command; returns the exit code (io.fineq.cli.CliConventions: 0 ok, 2 bad input, 1 other failure). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return io.fineq.cli.CliConventions.execute(io.fineq.cli.CliConventions.configure(new CommandLine(new VectorsCli()), out, err), args);
    }

    @Override
    public Integer call() throws IOException {
        FineqConfig cfg;
        try {
            io.fineq.rtl.CoreKind kind = io.fineq.rtl.CoreKind.byWord("--core", core);
            if (!kind.inShell()) throw new ConfigException("--core", "'" + core + "' has no fineq_core shell; one of fineq-shifted, fineq, mac-tree");
            cfg = new FineqConfig(rows, cols, actWidth, io.fineq.rtl.ParameterParser.onOff("--termination", termination, true), adderPipeline, kind);
        } catch (ConfigException e) {
            // FineqConfig names its own parameters (rows, act-width, ...): the options of the same names.
            throw new IllegalArgumentException(e.parameter().startsWith("-") ? e.getMessage() : e.forOption("--" + e.parameter()));
        }
        var parsed = spec.commandLine().getParseResult();
        if (fqw != null) {
            for (String o : new String[] {"--m", "--k"}) {
                if (parsed.hasMatchedOption(o)) throw new IllegalArgumentException(o + " sets the synthetic weights' shape; --fqw brings its own, give one or the other");
            }
        }
        int kk = k != null ? k : 2 * cols - 1;
        int n = tokens != null ? tokens : rows + 1;
        check("--m", m, 1, 65536);
        check("--k", kk, 1, 65536);
        check("--tokens", n, 1, 65536);
        FqwImage image;
        if (fqw != null) {
            image = FqwImage.read(fqw);
            if (image.header().arrayCols() != cols)
                throw new IllegalArgumentException(fqw + ": header field array_cols = " + image.header().arrayCols() + " must equal --cols = " + cols);
            kk = image.header().cols();
        } else {
            image = JobInputs.syntheticImage(m, kk, cols, seed);
        }
        int[][] x = JobInputs.randomActivations(n, kk, actWidth, seed);
        java.io.PrintWriter progress = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        progress.printf(java.util.Locale.ROOT, "fineq-vectors: golden model of %s on M=%d K=%d N=%d ...%n",
                cfg.name(), image.header().rows(), kk, n);
        progress.flush();
        CoreVectors v = GoldenVectors.of(cfg, image, x);
        progress.printf(java.util.Locale.ROOT, "fineq-vectors: %d result beats, %d cycles (%.1f s); writing %s ...%n",
                v.expected().size(), v.expectedCycles(), (System.nanoTime() - t0) / 1e9, out);
        progress.flush();
        write(cfg, image, x, v, out);
        spec.commandLine().getOut().println("fineq-vectors: wrote " + v.expected().size() + " expected result beats, " + v.expectedCycles()
                + " expected cycles, to " + out);
        return 0;
    }

    private static void check(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) throw new IllegalArgumentException(name + " = " + v + " is out of range " + lo + ".." + hi);
    }

    /**
     * Writes every file of the export into {@code dir}, committed together: all are written
     * completely before any replaces a previous export's file, so new activations never sit beside
     * old expected results.
     */
    static void write(FineqConfig cfg, FqwImage image, int[][] x, CoreVectors v, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            write(cfg, image, x, v, dir, batch);
            batch.commit();
        }
    }

    private static void write(FineqConfig cfg, FqwImage image, int[][] x, CoreVectors v, Path dir, AtomicFiles.Batch batch) throws IOException {
        StimulusFiles.write(v, dir, batch);
        image.write(batch, dir.resolve("weights.fqw"));
        batch.writeText(dir.resolve("activations.txt"), w -> {
            StringBuilder sb = new StringBuilder();
            for (int[] row : x) {
                sb.setLength(0);
                for (int i = 0; i < row.length; i++) sb.append(i == 0 ? "" : " ").append(row[i]);
                w.write(sb.append('\n').toString());
            }
        });
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode job = json.createObjectNode();
        job.put("rows", cfg.rows()).put("cols", cfg.cols()).put("act_width", cfg.actWidth())
                .put("termination", cfg.termination()).put("adder_pipeline", cfg.adderPipeline())
                .put("pipe_stages", cfg.pipeStages()).put("acc_width", cfg.accWidth())
                .put("act_beat_bits", cfg.actBeatWidth()).put("weight_beat_bits", cfg.weightBeatWidth())
                .put("result_beat_bits", cfg.resultBeatWidth())
                .put("m", image.header().rows()).put("k", image.header().cols()).put("tokens", x.length)
                .put("activation_beats", v.activationBeats().size()).put("weight_beats", v.weightBeats().size())
                .put("result_beats", v.expected().size()).put("expected_cycles", v.expectedCycles());
        batch.writeString(dir.resolve("job.json"), json.writeValueAsString(job) + "\n");
        batch.writeString(dir.resolve("README.txt"), readme(cfg));
    }

    static String readme(FineqConfig c) {
        return """
                FineQ golden vectors (written by fineq-vectors; docs/testbench.md in the FineQ sources)

                Core: fineq_core, R = %d rows, C = %d cols, ACT_W = %d, termination = %s, adder pipeline P = %d
                (S = %d tree pipeline registers), ACC_W = %d. job.json repeats these and the stream lengths.

                Hex beats: one per line, exactly ceil(bits/4) lowercase hex digits, most significant
                digit first (the form $readmemh reads; weights.hex puts a 0/1 last flag and a space
                before each beat, see below); field i of a beat sits at bits [i*w +: w], i.e. field 0
                is at the right end of the beat.

                activations.hex  act_data_i beats (C*ACT_W = %d bits), in order; channel c at [c*ACT_W +: ACT_W],
                                 two's complement. Tile by tile: R beats per tile, beat r = token nt*R + r.
                weights.hex      "<last> <hex>" per line: w_last_i (0/1) and w_data_i (C*56 = %d bits);
                                 column c's 7-byte block at [56c +: 56], {byte6, ..., byte0}.
                expected.hex     res_data_o beats (R*ACC_W = %d bits) in the order the core emits them;
                                 row r at [r*ACC_W +: ACC_W], two's complement.
                expected.txt     the same beats in decimal: "tile kt nt m y[0] ... y[R-1]" -- tile index, k-tile,
                                 token tile, output row m (0..Mp-1), then the partial sum of token nt*R + r
                                 for r = 0..R-1.
                cycles.txt       expected cycles with no stalls: from the first rising edge after reset is
                                 released (cycle 0) up to and including the last result handshake, every input
                                 valid whenever the core is ready and res_ready_i = 1 throughout.
                weights.fqw      the weight image the weight beats come from (spec section 4).
                activations.txt  the activation matrix X, N lines of K signed decimal numbers.

                Check: drive activations.hex and weights.hex (valid/ready), collect res_data_o on every
                res_valid_o && res_ready_i, compare with expected.hex line by line. With random stalls the
                results must be identical; the cycle count holds only without stalls. The host sums the
                partial sums of one (token, m) over kt to get Y = X * W^T (for m < M, tokens < N).
                """.formatted(c.rows(), c.cols(), c.actWidth(), c.termination(), c.adderPipeline(), c.pipeStages(),
                c.accWidth(), c.actBeatWidth(), c.weightBeatWidth(), c.resultBeatWidth());
    }
}
