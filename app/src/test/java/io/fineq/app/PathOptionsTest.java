package io.fineq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fineq.cli.CommandPaths;
import io.fineq.cli.PathArg;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Table-driven check of every path option of every subcommand (docs/cli.md, "Paths"): walks the
 * picocli spec of {@code fineq}, finds each {@link PathArg}, and tries each kind of bad value on it
 * with every other path valid — a folder, a missing file, a device, a FIFO, each input of the same
 * command (as typed, through {@code ./}, through {@code ..}, through a symbolic link), a parent that
 * is a file, a missing parent, a relative path from the current folder, an input inside a work
 * folder or named like a file the command writes. Each case must end with exit 2 (refused) or 1
 * (cannot be written), one {@code error:} line naming the option and the path as typed, and the
 * work folder byte-identical (inputs untouched, nothing created). A new command or path option is
 * covered without new test code.
 */
class PathOptionsTest {

    @TempDir
    static Path root;

    private static final AtomicInteger CASES = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.println("PathOptionsTest: " + CASES.get() + " bad-path cases over every subcommand's path options");
    }

    /** One path argument of one command. */
    record PathSpec(String command, ArgSpec arg, PathArg role) {
        String name() {
            return CommandPaths.nameOf(arg);
        }

        boolean option() {
            return arg instanceof OptionSpec;
        }
    }

    /** One bad value: what it replaces, the exit code and the fragment the message must contain. */
    record BadCase(String label, PathSpec target, String value, int exit, String fragment, Map<PathSpec, String> overrides) {
    }

    static List<PathSpec> pathSpecs(String command) {
        CommandSpec spec = FineqCli.commandLine().getSubcommands().get(command).getCommandSpec();
        List<PathSpec> out = new ArrayList<>();
        for (ArgSpec a : spec.args()) {
            PathArg role = CommandPaths.roleOf(a);
            if (role != null) out.add(new PathSpec(command, a, role));
        }
        return out;
    }

    /** A path option without {@link PathArg} would escape the checks: every Path-typed argument declares what it is. */
    @org.junit.jupiter.api.Test
    void everyPathTypedArgumentIsDeclared() {
        List<String> undeclared = new ArrayList<>();
        FineqCli.commandLine().getSubcommands().forEach((name, cl) -> {
            for (ArgSpec a : cl.getCommandSpec().args()) {
                boolean pathTyped = a.type() == Path.class || java.util.Arrays.asList(a.auxiliaryTypes()).contains(Path.class);
                if (pathTyped && CommandPaths.roleOf(a) == null) undeclared.add(name + " " + CommandPaths.nameOf(a));
            }
        });
        assertThat(undeclared).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyPathOptionOfEverySubcommand() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int commandsWithPaths = 0;
        for (String command : FineqCli.commandLine().getSubcommands().keySet()) {
            List<PathSpec> specs = pathSpecs(command);
            if (specs.isEmpty()) continue;
            commandsWithPaths++;
            Path ws = Files.createDirectories(root.resolve(command));
            Map<PathSpec, String> valid = fixtures(ws, specs);
            tests.add(DynamicTest.dynamicTest(command + ": every path valid passes the check and becomes absolute",
                    () -> assertValidPasses(command, specs, valid)));
            tests.add(DynamicTest.dynamicTest(command + ": every path relative to the current folder passes and becomes absolute",
                    () -> assertValidPasses(command, specs, relativeToCwd(valid))));
            for (BadCase c : badCases(ws, specs, valid)) {
                tests.add(DynamicTest.dynamicTest(command + " " + c.target().name() + ": " + c.label(), () -> assertRefused(command, specs, valid, c, ws)));
            }
        }
        // Every subcommand that reads or writes files declares its paths.
        assertThat(commandsWithPaths).isGreaterThanOrEqualTo(12);
        return tests.stream();
    }

    /** An existing input of each input argument, a fresh name for each output. */
    private static Map<PathSpec, String> fixtures(Path ws, List<PathSpec> specs) throws IOException {
        Map<PathSpec, String> valid = new LinkedHashMap<>();
        Path in = Files.createDirectories(ws.resolve("inputs"));
        for (PathSpec s : specs) {
            String base = s.name().replaceAll("[^A-Za-z0-9]", "");
            Path p = switch (s.role().value()) {
                case INPUT_FILE -> Files.writeString(in.resolve(base + ".bin"), "input of " + s.name() + "\n");
                case INPUT_FOLDER -> {
                    Path d = Files.createDirectories(in.resolve(base + "-folder"));
                    Files.writeString(d.resolve("inside.md"), "a file in " + s.name() + "\n");
                    yield d;
                }
                case OUTPUT_FILE -> ws.resolve(base + ".out");
                case OUTPUT_FOLDER, WORK_FOLDER -> ws.resolve(base + "-out");
            };
            valid.put(s, p.toString());
        }
        return valid;
    }

    private static List<BadCase> badCases(Path ws, List<PathSpec> specs, Map<PathSpec, String> valid) throws IOException {
        List<BadCase> cases = new ArrayList<>();
        Path folder = Files.createDirectories(ws.resolve("a-folder"));
        Path fifo = ws.resolve("a-fifo");
        if (!Files.exists(fifo)) {
            try {
                int rc = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
                assertThat(rc).as("mkfifo").isZero();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }
        Path aFile = Files.writeString(ws.resolve("a-file"), "a regular file\n");
        Path cwd = Path.of("").toAbsolutePath();
        for (PathSpec s : specs) {
            switch (s.role().value()) {
                case INPUT_FILE -> {
                    cases.add(bad("a folder", s, folder.toString(), 2, "is a folder"));
                    cases.add(bad("missing", s, ws.resolve("missing.bin").toString(), 2, "no such file"));
                    cases.add(bad("missing, relative to the current folder", s, cwd.relativize(ws.resolve("missing.bin")).toString(), 2, "no such file"));
                    cases.add(bad("a device", s, "/dev/null", 2, "not a regular file"));
                    cases.add(bad("a FIFO", s, fifo.toString(), 2, "not a regular file"));
                    Path broken = ws.resolve("broken-link-" + s.name().replaceAll("[^A-Za-z0-9]", ""));
                    if (!Files.isSymbolicLink(broken)) Files.createSymbolicLink(broken, ws.resolve("nowhere"));
                    cases.add(bad("a broken symbolic link", s, broken.toString(), 2, "broken symbolic link"));
                }
                case INPUT_FOLDER -> {
                    cases.add(bad("a file", s, aFile.toString(), 2, "is not a folder"));
                    cases.add(bad("missing", s, ws.resolve("missing-folder").toString(), 2, "no such folder"));
                }
                case OUTPUT_FILE -> {
                    cases.add(bad("a folder", s, folder.toString(), 2, "is a folder"));
                    cases.add(bad("a device", s, "/dev/null", 2, "device, FIFO or socket"));
                    cases.add(bad("a FIFO", s, fifo.toString(), 2, "device, FIFO or socket"));
                    cases.add(bad("parent is a file", s, aFile.resolve("x.out").toString(), 1, "is not a folder"));
                    cases.add(bad("parent is missing", s, ws.resolve("no-such-folder/x.out").toString(), 1, "does not exist"));
                    for (PathSpec other : specs) {
                        if (other == s || other.role().value() != PathArg.Kind.OUTPUT_FILE) continue;
                        cases.add(bad("the same file as " + other.name(), s, valid.get(other), 2, "same file"));
                    }
                }
                case OUTPUT_FOLDER, WORK_FOLDER -> {
                    cases.add(bad("a file", s, aFile.toString(), 1, "is not a folder"));
                    cases.add(bad("parent is a file", s, aFile.resolve("sub").toString(), 1, "is not a folder"));
                }
            }
            if (s.role().value() == PathArg.Kind.INPUT_FILE || s.role().value() == PathArg.Kind.INPUT_FOLDER) continue;
            // Outputs against every input of the same command, compared by real path.
            for (PathSpec in : specs) {
                PathArg.Kind k = in.role().value();
                if (k != PathArg.Kind.INPUT_FILE && k != PathArg.Kind.INPUT_FOLDER) continue;
                Path input = Path.of(valid.get(in));
                boolean folderOut = s.role().value() != PathArg.Kind.OUTPUT_FILE;
                if (folderOut != (k == PathArg.Kind.INPUT_FOLDER)) {
                    // A file output onto an input folder is "a folder"; a folder output onto an input file is "not a folder": both above.
                } else {
                    cases.add(bad("the input " + in.name(), s, input.toString(), 2, "is the input"));
                    cases.add(bad("the input " + in.name() + " through ./", s, input.getParent() + "/./" + input.getFileName(), 2, "is the input"));
                    cases.add(bad("the input " + in.name() + " through ..", s,
                            input.getParent() + "/../" + input.getParent().getFileName() + "/" + input.getFileName(), 2, "is the input"));
                    cases.add(bad("the input " + in.name() + " relative to the current folder", s, cwd.relativize(input).toString(), 2, "is the input"));
                    Path link = ws.resolve("link-to-" + in.name().replaceAll("[^A-Za-z0-9]", "") + "-for-" + s.name().replaceAll("[^A-Za-z0-9]", ""));
                    if (!Files.isSymbolicLink(link)) Files.createSymbolicLink(link, input);
                    cases.add(bad("a symbolic link to the input " + in.name(), s, link.toString(), 2, "is the input"));
                }
                if (s.role().value() == PathArg.Kind.WORK_FOLDER) {
                    cases.add(bad("the folder holding the input " + in.name(), s, input.getParent().toString(), 2, "lies inside the work folder"));
                }
                if (s.role().value() == PathArg.Kind.OUTPUT_FOLDER && k == PathArg.Kind.INPUT_FILE) {
                    for (String written : s.role().writes()) {
                        Path holder = Files.createDirectories(ws.resolve("holds-" + written));
                        Path named = holder.resolve(written);
                        if (!Files.exists(named)) Files.copy(input, named);
                        Map<PathSpec, String> both = new LinkedHashMap<>();
                        both.put(in, named.toString());
                        cases.add(new BadCase("holds " + in.name() + " as " + written, s, holder.toString(), 2, "which the command writes", both));
                    }
                }
            }
        }
        return cases;
    }

    private static BadCase bad(String label, PathSpec target, String value, int exit, String fragment) {
        return new BadCase(label, target, value, exit, fragment, Map.of());
    }

    private static Map<PathSpec, String> relativeToCwd(Map<PathSpec, String> valid) {
        Path cwd = Path.of("").toAbsolutePath();
        Map<PathSpec, String> rel = new LinkedHashMap<>();
        valid.forEach((k, v) -> rel.put(k, cwd.relativize(Path.of(v)).toString()));
        return rel;
    }

    /** The command line: required non-path options get a value of their type, every path its value. */
    private static List<String> argv(String command, List<PathSpec> specs, Map<PathSpec, String> values) {
        CommandSpec spec = FineqCli.commandLine().getSubcommands().get(command).getCommandSpec();
        List<String> argv = new ArrayList<>(List.of(command));
        for (OptionSpec o : spec.options()) {
            if (!o.required() || CommandPaths.roleOf(o) != null) continue;
            argv.add(o.longestName());
            argv.add(o.type() == int.class || o.type() == Integer.class || o.type() == long.class || o.type() == double.class ? "8" : "x");
        }
        List<String> positionals = new ArrayList<>();
        for (PathSpec s : specs) {
            if (s.option()) {
                argv.add(s.name());
                argv.add(values.get(s));
            } else {
                positionals.add(values.get(s));
            }
        }
        argv.addAll(positionals);
        return argv;
    }

    private static void assertValidPasses(String command, List<PathSpec> specs, Map<PathSpec, String> values) {
        CommandLine cl = FineqCli.commandLine();
        CommandLine.ParseResult pr = cl.parseArgs(argv(command, specs, values).toArray(String[]::new));
        CommandPaths.check(pr);
        CommandSpec leaf = pr.subcommand().commandSpec();
        for (ArgSpec a : leaf.args()) {
            PathArg role = CommandPaths.roleOf(a);
            if (role == null || a.getValue() == null) continue;
            for (String v : String.valueOf((Object) a.getValue()).split(",")) {
                if (!role.except().isEmpty() && v.equalsIgnoreCase(role.except())) continue;
                assertThat(Path.of(v.replace("[", "").replace("]", "")).isAbsolute()).as(command + " " + CommandPaths.nameOf(a) + " = " + v).isTrue();
            }
        }
    }

    private static void assertRefused(String command, List<PathSpec> specs, Map<PathSpec, String> valid, BadCase c, Path ws) throws IOException {
        Map<PathSpec, String> values = new LinkedHashMap<>(valid);
        values.putAll(c.overrides());
        values.put(c.target(), c.value());
        Map<String, String> before = snapshot(ws);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> argv = argv(command, specs, values);
        int code = FineqCli.run(argv.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        CASES.incrementAndGet();
        String e = err.toString();
        assertThat(code).as(String.join(" ", argv) + "\n" + e).isEqualTo(c.exit());
        assertThat(e.strip().lines()).as(e).hasSize(1);
        assertThat(e).startsWith("error: ").contains(c.value()).contains(c.fragment()).doesNotContain("Exception").doesNotContain("\tat ");
        if (c.target().option()) assertThat(e).contains(c.target().name());
        assertThat(snapshot(ws)).as("the work folder after " + String.join(" ", argv)).isEqualTo(before);
    }

    /** Every entry under {@code dir}: files by SHA-256, folders, links and FIFOs by kind. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) m.put(key, "link " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p)) m.put(key, "folder");
                else if (Files.isRegularFile(p)) m.put(key, sha256(p));
                else m.put(key, "special");
            }
        }
        return m;
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
