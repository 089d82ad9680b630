package io.fineq.rtl;

import io.fineq.cli.CliConventions;
import io.fineq.cli.PathArg;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fineq-generator}: renders one FineQ core configuration into {@code <out>/fineq_<R>x<C>/}.
 * Used by {@code mvn generate-rtl} (exec:java) and as the executable jar. Options are taken as
 * strings so that an empty value means "not given" and every bad value gets one line naming the
 * parameter and its range. Exit codes: 0 done, 1 output could not be written, 2 bad parameter.
 */
@Command(name = "fineq-generator", mixinStandardHelpOptions = true, versionProvider = CliConventions.Version.class,
        sortOptions = false,
        description = "Generates the FineQ accelerator RTL (Verilog-2005) with filelist, Yosys, Design Compiler and FuseSoC files.")
public final class GeneratorCli implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_IO = 1;
    public static final int EXIT_USAGE = 2;

    @Option(names = "--core", paramLabel = "KIND", description = "fineq-shifted (default), fineq, mac-tree or mac-systolic: FineQ's core (shifted or the paper's unary coding) or a MAC baseline")
    String core;

    @Option(names = "--array", paramLabel = "N", description = "rows = cols = N (1..1024); not with --rows/--cols")
    String array;

    @Option(names = "--rows", paramLabel = "R", description = "array rows, tokens per tile (1..1024, default 64)")
    String rows;

    @Option(names = "--cols", paramLabel = "C", description = "array columns, channels per k-tile (1..1024, default 64)")
    String cols;

    @Option(names = "--act-width", paramLabel = "BITS", description = "activation width (2..16, default 8)")
    String actWidth;

    @Option(names = "--termination", paramLabel = "on|off", description = "early termination (on/off/true/false/1/0, default on)")
    String termination;

    @Option(names = "--adder-pipeline", paramLabel = "P", description = "pipeline register every P adder-tree levels (0..16, 0 = none, default 0)")
    String adderPipeline;

    @Option(names = "--clock-mhz", paramLabel = "MHZ", description = "synthesis clock in MHz for constraints.sdc (1..5000, default 400)")
    String clockMhz;

    @Option(names = "--top", paramLabel = "core|accel", description = "core (default): the bare core; accel: the accelerator around it (AXI4 DMA, AXI4-Lite registers, buffers, vector unit) -> <folder>_accel/")
    String top;

    @Option(names = "--bus-bits", paramLabel = "BITS", description = "accelerator AXI4 data width: 64, 128, 256 or 512, at most 8 * cols (default 512 or 8 * cols)")
    String busBits;

    @Option(names = "--backend", paramLabel = "NAME", description = "RTL back end (default velocity)")
    String backend;

    @Option(names = "--prefix", paramLabel = "NAME_", description = "module name prefix (default: derived from the configuration, "
            + "e.g. fineq_64x64_ -> fineq_64x64_core; fineq_ gives the plain names)")
    String prefix;

    @PathArg(PathArg.Kind.OUTPUT_FOLDER)
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rtl-out", description = "output root; files go to DIR/fineq_<R>x<C>/ (default rtl-out)")
    String out;

    private PrintStream stdout = System.out;

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line and returns its exit code (never throws for bad input): the project's
     * conventions (io.fineq.cli.CliConventions, docs/cli.md), paths checked before any work.
     */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        GeneratorCli cli = new GeneratorCli();
        cli.stdout = stdout;
        CommandLine cmd = CliConventions.configure(new CommandLine(cli), new java.io.PrintWriter(stdout, true), new java.io.PrintWriter(stderr, true));
        return CliConventions.execute(cmd, args);
    }

    @Option(names = "--maven-names", hidden = true, description = "name parameters as mvn generate-rtl's -D properties in messages")
    boolean mavenNames;

    /** The name the user typed: {@code --option} on the command line, {@code -Dproperty} under Maven. */
    private String name(String option, String property) {
        return mavenNames ? "-D" + property : "--" + option;
    }

    /** The configuration the options describe (defaults: FineqConfig.defaults()). */
    FineqConfig config() {
        FineqConfig d = FineqConfig.defaults();
        int side = ParameterParser.integer(name("array", "array"), array, 1, FineqConfig.MAX_DIM, -1);
        if (side > 0 && (ParameterParser.given(rows) || ParameterParser.given(cols)))
            throw new ConfigException(name("array", "array"), "sets rows and cols; give it or " + name("rows", "rows") + "/" + name("cols", "cols") + ", not both");
        int r = ParameterParser.integer(name("rows", "rows"), rows, 1, FineqConfig.MAX_DIM, side > 0 ? side : d.rows());
        int c = ParameterParser.integer(name("cols", "cols"), cols, 1, FineqConfig.MAX_DIM, side > 0 ? side : d.cols());
        int a = ParameterParser.integer(name("act-width", "actw"), actWidth, FineqConfig.MIN_ACT_W, FineqConfig.MAX_ACT_W, d.actWidth());
        boolean t = ParameterParser.onOff(name("termination", "termination"), termination, d.termination());
        int p = ParameterParser.integer(name("adder-pipeline", "pipe"), adderPipeline, 0, FineqConfig.MAX_PIPE, d.adderPipeline());
        CoreKind k = ParameterParser.given(core) ? CoreKind.byWord(name("core", "core"), core) : CoreKind.DEFAULT;
        return new FineqConfig(r, c, a, t, p, k);
    }

    boolean accelTop() {
        if (!ParameterParser.given(top) || top.trim().equals("core")) {
            if (ParameterParser.given(busBits)) throw new ConfigException(name("bus-bits", "bus"), "applies to " + name("top", "top") + " accel only");
            return false;
        }
        if (top.trim().equals("accel")) return true;
        throw new ConfigException(name("top", "top"), "'" + top.trim() + "' is not one of core, accel");
    }

    AccelConfig accelConfig(FineqConfig cfg) {
        try {
            AccelConfig d = AccelConfig.defaults(cfg);
            if (!ParameterParser.given(busBits)) return d;
            int bits = ParameterParser.integer(name("bus-bits", "bus"), busBits, 64, 512, d.busBits());
            if (Integer.bitCount(bits) != 1) throw new ConfigException(name("bus-bits", "bus"), bits + " is not one of 64, 128, 256, 512");
            return new AccelConfig(cfg, bits / 8, d.groupBlocks(), d.paramBlocks());
        } catch (ConfigException e) {
            String p = e.parameter();
            if (p.startsWith("-")) throw e;
            String property = switch (p) {
                case "bus-bits" -> "bus";
                case "act-width" -> "actw";
                default -> p;
            };
            throw new ConfigException(name(p, property), e.problem());
        }
    }

    SynthesisOptions synthesis() {
        return new SynthesisOptions(ParameterParser.integer(name("clock-mhz", "clock"), clockMhz,
                SynthesisOptions.MIN_CLOCK_MHZ, SynthesisOptions.MAX_CLOCK_MHZ, SynthesisOptions.DEFAULT_CLOCK_MHZ));
    }

    @Override
    public Integer call() throws IOException {
        FineqConfig cfg = config();
        boolean accel = accelTop();
        AccelConfig ac = accel ? accelConfig(cfg) : null;
        SynthesisOptions synth = synthesis();
        Path root = Path.of(ParameterParser.given(out) ? out.trim() : "rtl-out");
        TemplateRenderer renderer = new TemplateRenderer();
        RtlBackend rtl;
        try {
            rtl = RtlBackends.byName(ParameterParser.given(backend) ? backend : RtlBackends.DEFAULT, renderer);
        } catch (ConfigException e) {
            throw new ConfigException(name("backend", "backend"), e.problem());
        }
        Path target = root.resolve(accel ? AccelGenerator.outputFolder(ac, rtl) : rtl.outputFolder(cfg)).toAbsolutePath().normalize();

        long start = System.nanoTime();
        if (!rtl.name().equals(VelocityBackend.NAME) && !cfg.core().fineq()) {
            throw new ConfigException(name("core", "core"), cfg.core().word() + " comes from the velocity back end only (" + name("backend", "backend")
                    + " " + rtl.name() + " builds FineQ's cores, fineq and fineq-shifted)");
        }
        stdout.printf("fineq-generator: %s (%s back end, act_width %d, termination %s, adder pipeline %d) -> %s%n",
                cfg.name(), rtl.name(), cfg.actWidth(), cfg.termination() ? "on" : "off", cfg.adderPipeline(), target);
        
        String modulePrefix;
        try {
            modulePrefix = ParameterParser.given(prefix) ? ModulePrefix.validate(prefix.trim()) : ModulePrefix.derived(cfg, rtl.name());
        } catch (ConfigException e) {
            throw new ConfigException(name("prefix", "prefix"), e.problem());
        }
        List<GeneratedFile> files;
        if (accel) {
            if (!ParameterParser.given(prefix)) modulePrefix = modulePrefix + "accel_";
            stdout.printf("fineq-generator: accelerator shell, %d-bit AXI4, output groups of %d, Mp up to %d%n",
                    ac.busBits(), ac.groupOutputs(), ac.paramOutputs());
            files = new AccelGenerator(renderer).generate(ac, synth, rtl, modulePrefix);
        } else {
            files = new RtlGenerator(renderer).generate(cfg, synth, rtl, modulePrefix);
        }
        long rendered = System.nanoTime();
        new AtomicDirectoryWriter(stdout).write(target, files);
        long total = files.stream().mapToLong(GeneratedFile::size).sum();
        stdout.printf("fineq-generator: %d files, %,d bytes (render %d ms, write %d ms)%n", files.size(), total,
                (rendered - start) / 1_000_000, (System.nanoTime() - rendered) / 1_000_000);
        return EXIT_OK;
    }
}
