package io.fineq.tb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Compiles a Verilog top plus a C++ harness into an executable ({@code verilator --cc --exe}, then
 * {@code make -j 2}: the same as {@code --build -j 2}), once per content: the cache key is a SHA-256 of the
 * Verilator version, the top name, the options, every source file's name and bytes and the
 * harness. A model is built in a temporary folder and renamed into the cache when complete, so
 * an interrupted build never leaves a half model behind.
 */
public final class VerilatorBuild {
    /**
     * Cache folder: the system property {@code fineq.verilator.cache} (surefire passes
     * target/verilator-cache), else the per-user cache {@code $XDG_CACHE_HOME/fineq/verilator}
     * ({@code ~/.cache/fineq/verilator}), never the current folder (docs/cli.md).
     */
    public static Path defaultCacheRoot() {
        String set = System.getProperty("fineq.verilator.cache");
        if (set != null && !set.isBlank()) return Path.of(set).toAbsolutePath();
        return userCache(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")).resolve("verilator");
    }

    /** {@code $XDG_CACHE_HOME/fineq} when that is an absolute path (the XDG rule), else {@code ~/.cache/fineq}. */
    static Path userCache(String xdgCacheHome, String home) {
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) return Path.of(xdgCacheHome, "fineq");
        return Path.of(home, ".cache", "fineq");
    }

    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
    private static final long BUILD_TIMEOUT_MINUTES = 30;

    private final Path cacheRoot;

    public VerilatorBuild(Path cacheRoot) {
        this.cacheRoot = cacheRoot.toAbsolutePath();
    }

    public VerilatorBuild() {
        this(defaultCacheRoot());
    }

    /**
     * A compiled model.
     *
     * @param executable   the simulator binary
     * @param folder       its cache folder (holds build.log)
     * @param buildSeconds wall-clock seconds of the Verilator + C++ build, 0 when it came from the cache
     */
    public record Model(Path executable, Path folder, double buildSeconds) {
        public boolean fromCache() {
            return buildSeconds == 0;
        }
    }

    /**
     * Returns the model for {@code top} built from {@code sources} (rendered RTL) and the classpath harness
     * {@code harnessResource} (e.g. {@code harness/fineq_core_tb.cpp}).
     */
    public Model build(String top, List<SourceFile> sources, String harnessResource, BuildOptions options) {
        String version = VerilatorTool.version();
        byte[] harness = resource(harnessResource);
        String key = cacheKey(version, top, sources, harnessResource, harness, options);
        Path dir = cacheRoot.resolve(top + "-" + options.tag() + "-" + key.substring(0, 16));
        Path exe = dir.resolve("obj_dir").resolve("V" + top);
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            if (Files.isExecutable(exe)) return new Model(exe, dir, 0);
            try {
                Files.createDirectories(cacheRoot);
                Path tmp = Files.createTempDirectory(cacheRoot, ".build-" + key.substring(0, 8) + "-");
                try {
                    long t0 = System.nanoTime();
                    compile(tmp, top, sources, harnessResource, harness, options);
                    double seconds = Math.max(1e-6, (System.nanoTime() - t0) / 1e9);
                    publish(tmp, dir);
                    return new Model(exe, dir, seconds);
                } finally {
                    deleteTree(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Verilator build of " + top + " in " + dir + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Verilates, then compiles with make. Same as {@code verilator --cc --exe --build -j 2}, split in
     * two so that the Verilator runtime objects (verilated*.o, identical for every model built with
     * the same options) are compiled once and copied in: they only depend on the .mk file's age.
     */
    private void compile(Path work, String top, List<SourceFile> sources, String harnessResource, byte[] harness, BuildOptions options)
            throws IOException {
        Path rtl = Files.createDirectories(work.resolve("rtl"));
        List<String> cmd = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--top-module", top, "--Mdir", "obj_dir"));
        cmd.addAll(options.verilatorFlags());
        // Copies keep the cached model self-contained and its sources inspectable next to it.
        for (SourceFile src : sources) {
            byte[] text = options.coverage()
                    ? PortCoverage.offExceptTop(new String(src.content(), java.nio.charset.StandardCharsets.UTF_8), top)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : src.content();
            Files.write(rtl.resolve(src.name()), text);
            cmd.add("rtl/" + src.name());
        }
        String harnessName = Path.of(harnessResource).getFileName().toString();
        Files.write(work.resolve(harnessName), harness);
        cmd.add(harnessName);
        Path log = work.resolve("build.log");
        Files.writeString(log, String.join(" ", cmd) + "\n");
        Processes.run(cmd, work, log, BUILD_TIMEOUT_MINUTES * 60);

        Path objDir = work.resolve("obj_dir");
        Path runtime = cacheRoot.resolve("runtime-" + runtimeKey(options));
        boolean reuse = Files.isDirectory(runtime);
        if (reuse) {
            try (Stream<Path> objs = Files.list(runtime)) {
                for (Path o : objs.toList()) Files.copy(o, objDir.resolve(o.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> make = new ArrayList<>(List.of("make", "-C", "obj_dir", "-f", "V" + top + ".mk", "-j", "2"));
        make.addAll(options.makeVariables());
        Files.writeString(log, String.join(" ", make) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Processes.run(make, work, log, BUILD_TIMEOUT_MINUTES * 60);
        if (!reuse) saveRuntime(objDir, runtime);
    }

    private void saveRuntime(Path objDir, Path runtime) throws IOException {
        Path tmp = Files.createTempDirectory(cacheRoot, ".runtime-");
        try {
            try (Stream<Path> objs = Files.list(objDir)) {
                for (Path o : objs.toList()) {
                    String n = o.getFileName().toString();
                    if (n.startsWith("verilated") && n.endsWith(".o")) Files.copy(o, tmp.resolve(n));
                }
            }
            try {
                Files.move(tmp, runtime, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another build saved the same runtime first.
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static String runtimeKey(BuildOptions options) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, VerilatorTool.version());
            // The runtime depends on the Verilator flags (threads, tracing) and OPT_GLOBAL, not on OPT_FAST.
            update(md, String.join(" ", options.verilatorFlags()));
            update(md, String.join(" ", options.makeVariables().stream().filter(v -> !v.startsWith("OPT_FAST=")).toList()));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another JVM finished the same build first (same content, so same model): keep theirs,
            // unless what is there is not a complete model.
            if (!Files.isDirectory(dir.resolve("obj_dir"))) throw e;
        }
    }

    static String cacheKey(String version, String top, List<SourceFile> sources, String harnessName, byte[] harness, BuildOptions options) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, version);
            update(md, top);
            update(md, options.toString());
            update(md, String.join(" ", options.verilatorFlags()));
            update(md, String.join(" ", options.makeVariables()));
            // Coverage builds compile the sources with port coverage off (PortCoverage); its version is part of the key.
            if (options.coverage()) update(md, PortCoverage.VERSION);
            for (SourceFile s : sources) {
                update(md, s.name());
                md.update(s.content());
            }
            update(md, harnessName);
            md.update(harness);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    static byte[] resource(String name) {
        try (InputStream in = VerilatorBuild.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("harness resource " + name + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ")";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
