package io.fineq.cli;

import io.fineq.format.FqwFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * {@code java -jar fineq-quantizer.jar quantize|inspect|synth|report ...} (also {@code fineq quantize ...}).
 * Errors and exit codes follow {@link CliConventions}.
 */
@Command(name = "fineq-quantizer", mixinStandardHelpOptions = true, versionProvider = CliConventions.Version.class,
        description = "FineQ 2.33-bit weight quantizer: .npy/.safetensors -> .fqw/.hex images, inspection, synthetic tensors, error reports.",
        subcommands = {QuantizeCommand.class, InspectCommand.class, SynthCommand.class, ReportCommand.class})
public final class QuantizerCli implements Callable<Integer> {
    /** Exit code of bad input and usage errors ({@link CliConventions#EXIT_USAGE}). */
    public static final int EXIT_USAGE_OR_INPUT = CliConventions.EXIT_USAGE;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw CliConventions.subcommandRequired(spec.commandLine());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CliConventions.execute(CliConventions.configure(new CommandLine(new QuantizerCli()), out, err), args);
    }
}
