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
 * {@code java -jar fineq-quantizer.jar quantize|inspect|synth|report ...}. Every failure is one
 * line on stderr ({@code fineq-quantizer: <what, where, allowed range>}) and exit code 2.
 */
@Command(name = "fineq-quantizer", mixinStandardHelpOptions = true, version = "fineq-quantizer 0.1.0",
        description = "FineQ 2.33-bit weight quantizer: .npy/.safetensors -> .fqw/.hex images, inspection, synthetic tensors, error reports.",
        subcommands = {QuantizeCommand.class, InspectCommand.class, SynthCommand.class, ReportCommand.class})
public final class QuantizerCli implements Callable<Integer> {
    public static final int EXIT_USAGE_OR_INPUT = 2;
    static final String PREFIX = "fineq-quantizer: ";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: quantize, inspect, synth or report");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = run(args, out, err);
        } catch (Throwable t) { // Errors such as OutOfMemoryError escape picocli; still one line.
            err.println(PREFIX + "internal error: " + t);
            code = EXIT_USAGE_OR_INPUT;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new QuantizerCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(PREFIX + ex.getMessage() + " (see --help)");
            err.flush();
            return EXIT_USAGE_OR_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println(PREFIX + messageOf(ex));
            err.flush();
            return EXIT_USAGE_OR_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The one-line message for an exception; our own exceptions already name file/field/range. */
    static String messageOf(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) t = t.getCause();
        String msg = t.getMessage();
        boolean ours = t instanceof CliException || t instanceof FqwFormatException || t instanceof IOException
                || t instanceof IllegalArgumentException;
        if (msg == null || msg.isBlank()) return "internal error: " + t.getClass().getName();
        msg = msg.replace('\n', ' ');
        return ours ? msg : "internal error: " + t.getClass().getSimpleName() + ": " + msg;
    }
}
