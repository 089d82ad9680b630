package io.fineq.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one place where every command's path options are resolved and checked, before the command
 * does any work (docs/cli.md, "Paths"; installed by {@link CliConventions#configure}):
 * <ol>
 *   <li>every {@link PathArg} value is resolved once against the current folder and written back as
 *       an absolute path, so nothing downstream (a tool run in another folder, a cache) depends on
 *       the folder the user typed the command in;</li>
 *   <li>inputs must be existing readable files or folders of the declared kind;</li>
 *   <li>an output file must not be a folder, a device, a FIFO or a socket, and its folder must exist;
 *       an output folder must be a folder or creatable;</li>
 *   <li>no output is an input of the same command, compared by real path (symbolic links, {@code ..},
 *       {@code ./}); no two outputs are one file; no input lies inside a work folder; no input is one of
 *       the names a command writes into its output folder.</li>
 * </ol>
 * A failure is one {@link PathError} naming the option, the path as typed and what is wrong.
 */
public final class CommandPaths {
    private CommandPaths() {
    }

    /** A path option that cannot be used: exit 2 (refused by rule) or 1 (the place cannot be written). */
    public static final class PathError extends RuntimeException implements CliConventions.ExitCode {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        PathError(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        @Override
        public int exitCode() {
            return exitCode;
        }
    }

    /** One path value of one argument. */
    record Value(String typed, Path abs, Path real) {
    }

    /** One annotated argument with its values. */
    record Arg(ArgSpec spec, String name, PathArg role, PathArg.Kind kind, List<Value> values) {
        boolean input() {
            return kind == PathArg.Kind.INPUT_FILE || kind == PathArg.Kind.INPUT_FOLDER;
        }
    }

    /** Checks and resolves the path arguments of the command {@code parsed} runs (its last subcommand). */
    public static void check(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) leaf = leaf.subcommand();
        check(leaf, Path.of("").toAbsolutePath());
    }

    /** As {@link #check(ParseResult)}, resolving relative paths against {@code base}. */
    static void check(ParseResult leaf, Path base) {
        List<Arg> args = arguments(leaf, base);
        // Overlaps first: "is the input" says more than what follows from it (x/../W.npy: "folder x does not exist").
        checkOverlaps(args);
        for (Arg a : args) {
            for (Value v : a.values()) checkOne(a, v);
        }
        for (Arg a : args) rewrite(a);
    }

    /** The annotated path arguments that have a value, in declaration order. */
    static List<Arg> arguments(ParseResult leaf, Path base) {
        CommandSpec spec = leaf.commandSpec();
        List<Arg> out = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            PathArg role = roleOf(arg);
            if (role == null) continue;
            Object value = arg.getValue();
            if (value == null) continue;
            String name = nameOf(arg);
            PathArg.Kind kind = role.value();
            if (!role.folderWith().isEmpty() && leaf.hasMatchedOption(role.folderWith()))
                kind = kind == PathArg.Kind.OUTPUT_FILE ? PathArg.Kind.OUTPUT_FOLDER : PathArg.Kind.INPUT_FOLDER;
            List<Value> values = new ArrayList<>();
            for (String typed : typedValues(role, value)) values.add(resolve(name, typed, base));
            if (!values.isEmpty()) out.add(new Arg(arg, name, role, kind, values));
        }
        return out;
    }

    /** The {@link PathArg} of a picocli argument declared on an annotated field, or null. */
    public static PathArg roleOf(ArgSpec arg) {
        return arg.userObject() instanceof Field f ? f.getAnnotation(PathArg.class) : null;
    }

    /** The name a user types: an option's longest name, a positional parameter's label. */
    public static String nameOf(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /** How a message names one value: "--out x.fqw" for an option, the path alone for a positional parameter. */
    private static String named(Arg a, Value v) {
        return a.spec() instanceof OptionSpec ? a.name() + " " + v.typed() : v.typed();
    }

    private static List<String> typedValues(PathArg role, Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Path p) {
            out.add(p.toString());
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) if (o != null) out.add(o.toString());
        } else if (!value.toString().isBlank()) {
            for (String part : parts(role, value.toString())) if (!isWord(role, part)) out.add(part);
        }
        return out;
    }

    /** A String field's paths as typed: the whole value, or its {@link PathArg#split} parts, stripped. */
    private static List<String> parts(PathArg role, String s) {
        if (role.split().isEmpty()) return List.of(s.strip());
        List<String> out = new ArrayList<>();
        for (String part : s.split(java.util.regex.Pattern.quote(role.split()), -1)) out.add(part.strip());
        return out;
    }

    /** The {@link PathArg#except} word, which stands for no path. */
    private static boolean isWord(PathArg role, String part) {
        return !role.except().isEmpty() && part.equalsIgnoreCase(role.except());
    }

    private static Value resolve(String name, String typed, Path base) {
        if (typed.isEmpty()) throw refused(name + ": an empty path");
        Path p;
        try {
            p = Path.of(typed);
        } catch (InvalidPathException e) {
            throw refused(name + " '" + typed + "': not a valid path (" + e.getReason() + ")");
        }
        Path abs = base.resolve(p);
        return new Value(typed, abs, real(abs));
    }

    /** The real path of {@code p}: links and {@code ..} resolved as far as the path exists. */
    static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            Path parent = p.getParent();
            Path file = p.getFileName();
            if (parent == null || file == null) return p.normalize();
            if (file.toString().equals("..")) return real(parent).getParent() == null ? real(parent) : real(parent).getParent();
            if (file.toString().equals(".")) return real(parent);
            Path r = real(parent).resolve(file);
            // missing/../link: once the missing part is gone, what is left may exist (and be a link).
            try {
                return r.toRealPath();
            } catch (IOException again) {
                return r;
            }
        }
    }

    private static void checkOne(Arg a, Value v) {
        String what = named(a, v);
        Path p = v.abs();
        switch (a.kind()) {
            case INPUT_FILE -> {
                if (!Files.exists(p)) throw refused(what + ": " + (Files.isSymbolicLink(p) ? "a broken symbolic link" : "no such file"));
                if (Files.isDirectory(p)) throw refused(what + ": is a folder, not a file");
                if (!Files.isRegularFile(p)) throw refused(what + ": is not a regular file (a device, FIFO or socket)");
                if (!Files.isReadable(p)) throw refused(what + ": cannot be read (permission denied)");
            }
            case INPUT_FOLDER -> {
                if (!Files.exists(p)) throw refused(what + ": no such folder");
                if (!Files.isDirectory(p)) throw refused(what + ": is not a folder");
                if (!Files.isReadable(p) || !Files.isExecutable(p)) throw refused(what + ": cannot be read (permission denied)");
            }
            case OUTPUT_FILE -> {
                if (Files.isDirectory(p)) throw refused(what + ": is a folder; an output file never replaces a folder");
                if (Files.exists(p) && !Files.isRegularFile(p))
                    throw refused(what + ": is a device, FIFO or socket; outputs are written to regular files only");
                Path dir = p.getParent();
                if (dir != null) {
                    String dirName = asTyped(v, dir);
                    if (!Files.exists(dir)) {
                        Path blocker = nonFolderAncestor(dir);
                        throw cannotWrite(what + ": " + (blocker != null ? asTyped(v, blocker) + " is not a folder" : "folder " + dirName + " does not exist (create it first)"));
                    }
                    if (!Files.isDirectory(dir)) throw cannotWrite(what + ": " + dirName + " is not a folder");
                    if (!Files.isWritable(dir)) throw cannotWrite(what + ": folder " + dirName + " is not writable");
                }
            }
            case OUTPUT_FOLDER, WORK_FOLDER -> {
                if (Files.exists(p)) {
                    if (!Files.isDirectory(p)) throw cannotWrite(what + ": is not a folder");
                    if (!Files.isWritable(p)) throw cannotWrite(what + ": folder is not writable");
                } else {
                    Path blocker = nonFolderAncestor(p);
                    if (blocker != null) throw cannotWrite(what + ": " + asTyped(v, blocker) + " is not a folder");
                    Path existing = nearestExisting(p);
                    if (existing != null && !Files.isWritable(existing)) throw cannotWrite(what + ": folder " + asTyped(v, existing) + " is not writable");
                }
            }
        }
    }

    private static void checkOverlaps(List<Arg> args) {
        List<Arg> owners = new ArrayList<>();
        List<Value> outputs = new ArrayList<>();
        for (Arg out : args) {
            if (out.input()) continue;
            for (Value o : out.values()) {
                for (Arg in : args) {
                    if (!in.input()) continue;
                    for (Value i : in.values()) checkInputAgainstOutput(in, i, out, o);
                }
                if (out.kind() != PathArg.Kind.OUTPUT_FILE) continue;
                for (int j = 0; j < outputs.size(); j++) {
                    if (outputs.get(j).real().equals(o.real()))
                        throw refused(named(out, o) + ": is the same file as " + named(owners.get(j), outputs.get(j)) + "; give each output its own name");
                }
                owners.add(out);
                outputs.add(o);
            }
        }
    }

    private static void checkInputAgainstOutput(Arg in, Value i, Arg out, Value o) {
        if (i.real().equals(o.real()))
            throw refused(named(out, o) + ": is the input " + named(in, i) + "; an output never replaces an input, choose another name");
        if (out.kind() == PathArg.Kind.WORK_FOLDER && i.real().startsWith(o.real()))
            throw refused(named(in, i) + ": lies inside the work folder " + named(out, o) + ", which the command rewrites; keep inputs outside it");
        if (out.kind() == PathArg.Kind.OUTPUT_FOLDER) {
            for (String name : out.role().writes()) {
                if (i.real().equals(o.real().resolve(name)))
                    throw refused(named(in, i) + ": is " + name + " in the output folder " + named(out, o)
                            + ", which the command writes; copy it elsewhere or choose another output folder");
            }
        }
    }

    /** Rewrites the field to the absolute paths, keeping the value's type and any {@link PathArg#except} word. */
    private static void rewrite(Arg a) {
        Object value = a.spec().getValue();
        List<Value> vs = a.values();
        if (value instanceof Path) {
            a.spec().setValue(vs.get(0).abs());
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Path) {
            List<Path> abs = new ArrayList<>();
            for (Value v : vs) abs.add(v.abs());
            a.spec().setValue(abs);
        } else if (value instanceof String s) {
            List<String> rewritten = new ArrayList<>();
            int next = 0;
            for (String part : parts(a.role(), s)) rewritten.add(isWord(a.role(), part) ? part.toLowerCase(Locale.ROOT) : vs.get(next++).abs().toString());
            a.spec().setValue(String.join(a.role().split(), rewritten));
        }
    }

    /**
     * An ancestor of a value's absolute path, spelled as the user typed it ({@code w.npy} for the
     * blocker of {@code w.npy/x}), or absolute where the typed path does not reach that far up.
     */
    private static String asTyped(Value v, Path ancestor) {
        Path abs = v.abs();
        Path typed = Path.of(v.typed());
        while (abs != null && typed != null && !abs.equals(ancestor)) {
            abs = abs.getParent();
            typed = typed.getParent();
        }
        return abs != null && typed != null ? typed.toString() : ancestor.toString();
    }

    /** The first ancestor of a missing path that exists but is not a folder, or null. */
    private static Path nonFolderAncestor(Path p) {
        Path e = nearestExisting(p);
        return e != null && !Files.isDirectory(e) ? e : null;
    }

    private static Path nearestExisting(Path p) {
        Path q = p;
        while (q != null && !Files.exists(q, LinkOption.NOFOLLOW_LINKS)) q = q.getParent();
        return q;
    }

    private static PathError refused(String msg) {
        return new PathError(CliConventions.EXIT_USAGE, msg);
    }

    private static PathError cannotWrite(String msg) {
        return new PathError(CliConventions.EXIT_FAILURE, msg);
    }
}
