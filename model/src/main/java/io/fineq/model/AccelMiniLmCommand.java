package io.fineq.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fineq.cli.CliConventions;
import io.fineq.cli.PathArg;
import io.fineq.format.AtomicFiles;
import io.fineq.rtl.AccelConfig;
import io.fineq.rtl.CoreKind;
import io.fineq.rtl.FineqConfig;
import io.fineq.tb.AccelSimulator;
import io.fineq.tb.VerilatorBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fineq accel-minilm}: MiniLM's 36 linear layers on the simulated 64 x 64 accelerator, on
 * Europarl paragraphs (docs/accelerator.md, "MiniLM on the RTL").
 */
@Command(name = "accel-minilm", mixinStandardHelpOptions = true, versionProvider = CliConventions.Version.class,
        description = "Embed Europarl paragraphs with all-MiniLM-L6-v2 whose 36 linear layers run on the FineQ accelerator (64 x 64, "
                + "shifted coding, 512-bit AXI4) simulated in Verilator; checks the embeddings bit for bit against the Java integer "
                + "datapath and reports cycles, simulated time at 400 MHz, wall time and the cosine to FP32.")
public final class AccelMiniLmCommand implements Callable<Integer> {

    /** The clock the simulated time is reported at (the PPA flow's target). */
    static final double CLOCK_HZ = 400e6;

    @Option(names = "--paragraphs", defaultValue = "8", description = "Europarl evaluation paragraphs to embed (1..1908, default 8)")
    int paragraphs;

    @Option(names = "--cores", split = ",", paramLabel = "KIND", description = "cores in the same shell, one run each (default fineq-shifted,mac-tree: FineQ's and the MAC tree built like it)")
    List<String> cores = List.of("fineq-shifted", "mac-tree");

    @Option(names = "--images", defaultValue = "default", paramLabel = "default|calibrated",
            description = "the layers' FineQ images: default (the quantizer's defaults, no calibration) or calibrated (GPTQ with the "
                    + "long-vector budget 0.3 on 96 Europarl calibration paragraphs, as 'fineq quantize --calibration' and model-eval's fineq-gptq-lv0.30)")
    String images;

    @Option(names = "--memory", defaultValue = "ideal", paramLabel = "ideal|stressed",
            description = "the AXI memory: ideal (no back-pressure, 1-cycle read latency, default) or stressed (30% back-pressure on every channel, 1..24 cycles latency)")
    String memory;

    @PathArg(PathArg.Kind.OUTPUT_FILE)
    @Option(names = "--json", paramLabel = "FILE", description = "also write the run as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
        AccelSimulator.Memory mem = switch (memory.trim().toLowerCase(Locale.ROOT)) {
            case "ideal" -> AccelSimulator.Memory.ideal();
            case "stressed" -> AccelSimulator.Memory.stressed(1);
            default -> throw new IllegalArgumentException("--memory: '" + memory + "' is not one of ideal, stressed");
        };
        String imageKind = images.trim().toLowerCase(Locale.ROOT);
        if (!imageKind.equals("default") && !imageKind.equals("calibrated"))
            throw new IllegalArgumentException("--images: '" + images + "' is not one of default, calibrated");
        EuroparlCorpus.Split split = EuroparlCorpus.split();
        List<String> all = split.evaluation();
        if (paragraphs < 1 || paragraphs > all.size()) throw new IllegalArgumentException("--paragraphs must be 1.." + all.size() + ", got " + paragraphs);
        List<AccelConfig> configs = new java.util.ArrayList<>();
        for (String c : cores) {
            CoreKind kind;
            try {
                kind = CoreKind.byWord("--cores", c.trim());
            } catch (io.fineq.rtl.ConfigException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            if (!kind.inShell()) throw new IllegalArgumentException("--cores: " + c.trim() + " has no stream ports; one of fineq, fineq-shifted, mac-tree");
            configs.add(AccelConfig.defaults(FineqConfig.defaults().withCore(kind)));
        }
        AccelMiniLm.Images layers = AccelMiniLm.defaultImages();
        if (imageKind.equals("calibrated")) {
            try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
                List<long[]> cal = split.calibration().subList(0, ModelEvalCommand.DEFAULT_CALIBRATION_PARAGRAPHS).stream().map(tok::ids).toList();
                layers = AccelMiniLm.calibratedImages(new CalibratedModels(MiniLm.bundledOnnx(), cal, System.err));
            }
        }
        Path work = Files.createTempDirectory("fineq-accel-minilm-");
        List<AccelMiniLm.Result> results = new java.util.ArrayList<>();
        try {
            for (AccelConfig cfg : configs) {
                System.err.printf("accel-minilm: building the %s accelerator in Verilator (cached after the first run) ...%n", cfg.name());
                long t0 = System.nanoTime();
                AccelRunner runner = new AccelRunner(cfg, new VerilatorBuild(), mem, work.resolve(cfg.name()));
                System.err.printf(Locale.ROOT, "accel-minilm: model ready in %.0f s%n", (System.nanoTime() - t0) / 1e9);
                try (MiniLmTokenizer tok = new MiniLmTokenizer(MiniLm.bundledTokenizer())) {
                    AccelMiniLm.Result r = AccelMiniLm.run(MiniLm.bundledOnnx(), tok, all.subList(0, paragraphs), layers, runner, System.err);
                    results.add(r);
                    System.out.print(table(cfg, r));
                }
            }
            if (json != null) AtomicFiles.writeString(json, json(configs, results, memory.trim().toLowerCase(Locale.ROOT), imageKind));
            return results.stream().allMatch(AccelMiniLm.Result::allBitIdentical) ? 0 : 1;
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** MACs of a job (outputs x inputs x tokens) over the core's peak of R x C per cycle. */
    static double utilisation(AccelConfig cfg, List<AccelRunner.Job> jobs) {
        double macs = 0;
        long cycles = 0;
        for (AccelRunner.Job j : jobs) {
            macs += (double) j.outputs() * j.inputs() * j.tokens();
            cycles += j.cycles();
        }
        return macs / ((double) cycles * cfg.core().rows() * cfg.core().cols());
    }

    static String table(AccelConfig cfg, AccelMiniLm.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "MiniLM on the simulated %s accelerator: %d paragraphs, %d tokens, %d accelerator jobs%n",
                cfg.name(), r.texts().size(), r.texts().stream().mapToInt(AccelMiniLm.Text::tokens).sum(), r.jobs().size()));
        sb.append(String.format(Locale.ROOT, "%-10s %6s %14s %12s%n", "layer", "jobs", "cycles", "utilisation"));
        for (int[] shape : new int[][] {{384, 384}, {1536, 384}, {384, 1536}}) {
            List<AccelRunner.Job> js = r.jobs().stream().filter(j -> j.outputs() == shape[0] && j.inputs() == shape[1]).toList();
            sb.append(String.format(Locale.ROOT, "%-10s %6d %,14d %11.1f%%%n", shape[0] + "x" + shape[1], js.size(),
                    js.stream().mapToLong(AccelRunner.Job::cycles).sum(), 100 * utilisation(cfg, js)));
        }
        sb.append(String.format(Locale.ROOT, "total: %,d cycles = %.3f ms at 400 MHz; core utilisation %.1f%%; wall %.0f s (%.2f s per job)%n",
                r.cycles(), r.cycles() / CLOCK_HZ * 1e3, 100 * utilisation(cfg, r.jobs()), r.wallSeconds(),
                r.jobs().stream().mapToDouble(AccelRunner.Job::seconds).average().orElse(0)));
        sb.append(String.format(Locale.ROOT, "embeddings bit-identical to the Java integer datapath: %d of %d; mean cosine to FP32 %.4f%n",
                r.texts().stream().filter(AccelMiniLm.Text::bitIdentical).count(), r.texts().size(), r.meanCosine()));
        return sb.toString();
    }

    static String json(List<AccelConfig> configs, List<AccelMiniLm.Result> results, String memory, String images)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("memory", memory);
        root.put("images", images);
        root.put("clock_mhz", CLOCK_HZ / 1e6);
        ArrayNode runs = root.putArray("runs");
        for (int i = 0; i < configs.size(); i++) {
            AccelConfig cfg = configs.get(i);
            AccelMiniLm.Result r = results.get(i);
            ObjectNode run = runs.addObject();
            run.put("accelerator", cfg.name());
            run.put("core", cfg.core().core().word());
            run.put("rows", cfg.core().rows());
            run.put("cols", cfg.core().cols());
            run.put("bus_bits", cfg.busBits());
            run.put("buffer_bits", cfg.bufferBits());
            run.put("cycles", r.cycles());
            run.put("simulated_ms", r.cycles() / CLOCK_HZ * 1e3);
            run.put("utilisation", utilisation(cfg, r.jobs()));
            run.put("wall_seconds", r.wallSeconds());
            run.put("all_bit_identical", r.allBitIdentical());
            run.put("mean_cosine_to_fp32", r.meanCosine());
            ArrayNode texts = run.putArray("texts");
            for (AccelMiniLm.Text t : r.texts()) {
                texts.addObject().put("tokens", t.tokens()).put("bit_identical", t.bitIdentical()).put("cosine_to_fp32", t.cosineToFp32());
            }
            ArrayNode jobs = run.putArray("jobs");
            for (AccelRunner.Job j : r.jobs()) {
                var t = j.traffic();
                jobs.addObject().put("outputs", j.outputs()).put("inputs", j.inputs()).put("tokens", j.tokens()).put("cycles", j.cycles())
                        .put("core_cycles", j.coreCycles()).put("seconds", j.seconds()).put("macs", t.macs()).put("read_beats", t.readBeats()).put("write_beats", t.writeBeats())
                        .put("act_buffer_bits", t.actBufferBits()).put("weight_buffer_bits", t.weightBufferBits())
                        .put("psum_bits", t.psumBits()).put("param_bits", t.paramBits());
            }
        }
        return m.writeValueAsString(root) + "\n";
    }
}
