package io.fineq.app;

import io.fineq.cli.CliConventions;
import io.fineq.cli.InspectCommand;
import io.fineq.cli.QuantizeCommand;
import io.fineq.cli.SynthCommand;
import io.fineq.hwcost.cli.AreaCommand;
import io.fineq.hwcost.cli.MacCommand;
import io.fineq.hwcost.cli.PerfCommand;
import io.fineq.hwcost.cli.PpaCommand;
import io.fineq.hwcost.cli.SweepCommand;
import io.fineq.rtl.GeneratorCli;
import io.fineq.tb.VectorsCli;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fineq}: the project's one command (launcher {@code ./fineq} in the repository, jar
 * {@code app/target/fineq.jar}). Every tool of the project is a subcommand, with the conventions
 * of {@link CliConventions} (docs/cli.md): one {@code error:} line, exit 2 for bad input, 1 for
 * other failures, {@code --help} and {@code --version} everywhere.
 */
@Command(name = "fineq", mixinStandardHelpOptions = true, versionProvider = CliConventions.Version.class,
        description = "FineQ: 2.33-bit weight quantizer, RTL generator, golden vectors, PPA flow, sweeps and reports.")
public final class FineqCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw CliConventions.subcommandRequired(spec.commandLine());
    }

    /** The command tree: weights, RTL, vectors, hardware cost. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FineqCli());
        cl.addSubcommand("quantize", new QuantizeCommand());
        cl.addSubcommand("inspect", new InspectCommand());
        cl.addSubcommand("synth", new SynthCommand());
        cl.addSubcommand("error-report", new io.fineq.cli.ReportCommand());
        cl.addSubcommand("generate", new GeneratorCli());
        cl.addSubcommand("vectors", new VectorsCli());
        cl.addSubcommand("mac", new MacCommand());
        cl.addSubcommand("area", new AreaCommand());
        cl.addSubcommand("ppa", new PpaCommand());
        cl.addSubcommand("sweep", new SweepCommand());
        cl.addSubcommand("perf", new PerfCommand());
        cl.addSubcommand("accel-energy", new io.fineq.hwcost.cli.AccelEnergyCommand());
        cl.addSubcommand("accel-ppa", new io.fineq.hwcost.cli.AccelPpaCommand());
        cl.addSubcommand("report", new io.fineq.hwcost.cli.ReportCommand());
        cl.addSubcommand("model-eval", new io.fineq.model.ModelEvalCommand());
        cl.addSubcommand("accel-minilm", new io.fineq.model.AccelMiniLmCommand());
        // Usage lines and "see ... --help" name the command the user types (fineq error-report, not the
        // standalone jars' own names such as fineq-generator).
        cl.getSubcommands().forEach((name, sub) -> sub.getCommandSpec().name(name));
        return cl;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code fineq args}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CliConventions.execute(CliConventions.configure(commandLine(), out, err), args);
    }
}
