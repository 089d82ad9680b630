package io.fineq.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The one set of command-line conventions of every FineQ command ({@code fineq ...} and the
 * per-module jars), documented in docs/cli.md:
 * <ul>
 *   <li>a failure is one line on stderr, {@code error: <what, where, allowed range>}, never a stack trace;</li>
 *   <li>exit 0 success; 2 the user's input is wrong (option, parameter, input file or its format,
 *       or a command that needs a subcommand was given none: usage on stderr); 1 the work failed
 *       for another reason (an output that cannot be written, an external tool that failed, an
 *       internal error);</li>
 *   <li>{@code --help} and {@code --version} on every command.</li>
 * </ul>
 */
public final class CliConventions {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final String PREFIX = "error: ";
    public static final String VERSION = "fineq 0.1.0";

    private CliConventions() {
    }

    /** Marks an exception whose message describes bad user input (exit 2). */
    public interface InputError {
    }

    /** An exception that knows its exit code ({@link CommandPaths.PathError}: 2 refused, 1 cannot be written). */
    public interface ExitCode {
        int exitCode();
    }

    /** picocli version provider shared by every command. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {VERSION};
        }
    }

    /** Installs the error handlers and streams on {@code cl} (and its subcommands). */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(PREFIX + ex.getMessage().replace('\n', ' ') + " (see " + cmd + " --help)");
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println(PREFIX + messageOf(ex));
            err.flush();
            return exitCodeOf(ex);
        });
        // Paths are resolved and checked once, before the command runs (CommandPaths, docs/cli.md).
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            if (!helpRequested(parsed)) {
                try {
                    CommandPaths.check(parsed);
                } catch (CommandPaths.PathError e) {
                    List<CommandLine> chain = parsed.asCommandLineList();
                    throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), e.getMessage(), e);
                }
            }
            return run.execute(parsed);
        });
        return cl;
    }

    /** Runs {@code cl} on {@code args}; errors that escape picocli (OutOfMemoryError) are still one line. */
    public static int execute(CommandLine cl, String[] args) {
        PrintWriter err = cl.getErr();
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError t) {
            err.println(PREFIX + "out of memory (Java heap at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB): use smaller sizes, or give Java more with JAVA_TOOL_OPTIONS=-Xmx<size>");
            code = EXIT_FAILURE;
        } catch (Throwable t) {
            err.println(PREFIX + messageOf(t));
            code = EXIT_FAILURE;
        }
        cl.getOut().flush();
        err.flush();
        return code;
    }

    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) return true;
        }
        return false;
    }

    /** 2 for bad user input, 1 for anything else. */
    public static int exitCodeOf(Throwable ex) {
        Throwable t = root(ex);
        if (t instanceof ExitCode e) return e.exitCode();
        boolean input = t instanceof InputError || t instanceof IllegalArgumentException
                || t instanceof NoSuchFileException || t instanceof CommandLine.ParameterException;
        return input ? EXIT_USAGE : EXIT_FAILURE;
    }

    /** The one-line message for an exception; the project's own exceptions already name file, field and range. */
    public static String messageOf(Throwable ex) {
        Throwable t = root(ex);
        String msg = t.getMessage();
        // No class names for users: an exception without a message is a bug in the tool, said as such.
        if (msg == null || msg.isBlank()) return "internal error (a bug in fineq; please report it with the command line)";
        msg = msg.replace('\n', ' ');
        if (t instanceof java.nio.file.FileSystemException fse) return fileSystemMessage(fse);
        // The project's own exceptions (io.fineq.*) carry messages written for users.
        boolean described = exitCodeOf(t) == EXIT_USAGE || t instanceof IOException || t.getClass().getName().startsWith("io.fineq.");
        return described ? msg : "internal error: " + msg;
    }

    /** "path: reason" for the file-system exceptions, whose own message is often just the path. */
    private static String fileSystemMessage(java.nio.file.FileSystemException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String words = kind.equals("FileSystem") ? "file system error" : kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(e.getFile() == null ? "" : e.getFile() + ": ");
        sb.append(words);
        if (e.getOtherFile() != null) sb.append(" (").append(e.getOtherFile()).append(')');
        if (e.getReason() != null && !e.getReason().isBlank()) sb.append(": ").append(e.getReason());
        return sb.toString();
    }

    private static Throwable root(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) t = t.getCause();
        return t;
    }

    /** For commands that only group subcommands, called without one: a usage error (exit 2). */
    public static CommandLine.ParameterException subcommandRequired(CommandLine cl) {
        return new CommandLine.ParameterException(cl, "a subcommand is required: " + String.join(", ", cl.getSubcommands().keySet()));
    }
}
