package io.fineq.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files through a temporary sibling and a rename, so a failure never leaves a partial output.
 *
 * <p>Outputs that belong together (a {@code .fqw} and its {@code .hex}, a set of golden vectors) go
 * through one {@link Batch}: every file is written completely to its temporary first, and only then
 * are the temporaries renamed into place, back to back. A failure or an interrupt before that point
 * changes none of the outputs.
 *
 * <p>Temporaries are named {@code .<name>.<pid>-<random>.tmp}. Those of a live process are deleted
 * by a shutdown hook (SIGTERM, SIGINT, a normal exit); after a SIGKILL, the next write into the
 * same folder deletes the temporaries whose process no longer exists.
 */
public final class AtomicFiles {
    private static final long PID = ProcessHandle.current().pid();
    private static final Pattern TEMP = Pattern.compile("\\..+\\.(\\d+)-\\d+\\.tmp");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : LIVE) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort at exit; the next write into the folder removes it.
                }
            }
        }, "fineq-temp-cleanup"));
    }

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface StreamBody {
        void writeTo(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    public interface TextBody {
        void writeTo(Writer out) throws IOException;
    }

    public static void write(Path file, StreamBody body) throws IOException {
        try (Batch b = new Batch()) {
            b.write(file, body);
            b.commit();
        }
    }

    public static void writeText(Path file, TextBody body) throws IOException {
        write(file, text(body));
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static StreamBody text(TextBody body) {
        return out -> {
            Writer w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.writeTo(w);
            w.flush();
        };
    }

    /** A group of outputs committed together: {@link #commit} renames them all; {@link #close} drops what was not committed. */
    public static final class Batch implements AutoCloseable {
        private final Map<Path, Path> temps = new LinkedHashMap<>();
        private boolean committed;

        public void write(Path file, StreamBody body) throws IOException {
            Path abs = file.toAbsolutePath().normalize();
            if (temps.containsKey(abs)) throw new IllegalArgumentException(abs + " is written twice in one batch");
            Path dir = abs.getParent();
            if (dir != null) Files.createDirectories(dir);
            removeStaleTemps(dir);
            // Created with the default mode (0666 less the umask), like any file the user writes;
            // Files.createTempFile would make it owner-only (0600).
            Path tmp;
            OutputStream raw;
            while (true) {
                tmp = dir.resolve("." + abs.getFileName() + "." + PID + "-" + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
                try {
                    raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    break;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another name
                }
            }
            LIVE.add(tmp);
            temps.put(abs, tmp);
            try (OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
                body.writeTo(out);
            }
        }

        public void writeText(Path file, TextBody body) throws IOException {
            write(file, text(body));
        }

        public void writeString(Path file, String text) throws IOException {
            write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }

        /** Renames every complete temporary onto its output, in the order written. */
        public void commit() throws IOException {
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException x) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
                LIVE.remove(e.getValue());
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (committed) return;
            for (Path tmp : temps.values()) {
                Files.deleteIfExists(tmp);
                LIVE.remove(tmp);
            }
        }
    }

    /** Deletes temporaries in {@code dir} left by processes that no longer exist (a SIGKILL mid-write). */
    static void removeStaleTemps(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) return;
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) stale.add(p);
            }
        }
        for (Path p : stale) Files.deleteIfExists(p);
    }
}
