package io.fineq.rtl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a file set as one folder, all or nothing: the files go into a hidden temporary sibling
 * of the target, which then replaces the target by rename. A failure before the rename deletes
 * the temporary folder and leaves any previous output untouched, so no half-written folder is
 * ever visible under the target name.
 *
 * <p>Files the generator did not write are the user's and survive a regeneration (for example
 * the reports that the generated {@code dc_synth.tcl} writes into the folder): every entry of the
 * previous folder that is neither in the new file set nor listed in the previous
 * {@code manifest.json} is hard-linked into the new folder before the swap, so the previous folder
 * keeps its own copy until the swap has succeeded.
 */
public final class AtomicDirectoryWriter {

    private final PrintStream progress;

    /** @param progress where to report each written file, or null for silence */
    public AtomicDirectoryWriter(PrintStream progress) {
        this.progress = progress;
    }

    public void write(Path target, List<GeneratedFile> files) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder");
        }
        String base = target.getFileName().toString();
        Path staging = freshFolder(parent, "." + base + ".tmp-");
        try {
            Set<String> owned = new HashSet<>(previouslyGenerated(target));
            for (GeneratedFile f : files) {
                Path out = staging.resolve(f.name());
                if (out.getParent() != null) Files.createDirectories(out.getParent());
                Files.write(out, f.content());
                owned.add(topName(f.name()));
                if (progress != null) {
                    progress.printf("  %-28s %,12d bytes%n", f.name(), f.size());
                }
            }
            if (Files.isDirectory(target)) keepUserEntries(target, staging, owned);
            replace(parent, base, staging, target);
        } finally {
            deleteTree(staging);
        }
    }

    private static String topName(String relative) {
        int slash = relative.indexOf('/');
        return slash < 0 ? relative : relative.substring(0, slash);
    }

    /** The names the previous generation wrote (its manifest's file list and the manifest itself); empty without one. */
    static List<String> previouslyGenerated(Path target) {
        Path manifest = target.resolve(ManifestWriter.FILE_NAME);
        if (!Files.isRegularFile(manifest)) return List.of();
        List<String> names = new ArrayList<>();
        names.add(ManifestWriter.FILE_NAME);
        try {
            JsonNode files = new ObjectMapper().readTree(manifest.toFile()).path("files");
            for (JsonNode f : files) {
                if (f.path("name").isTextual()) names.add(topName(f.path("name").asText()));
            }
        } catch (IOException e) {
            // An unreadable manifest claims nothing: every other entry is then kept as the user's.
        }
        return names;
    }

    /** Hard-links every entry of {@code previous} that the generator does not own into {@code staging}. */
    private static void keepUserEntries(Path previous, Path staging, Set<String> owned) throws IOException {
        try (Stream<Path> entries = Files.list(previous)) {
            for (Path e : entries.toList()) {
                if (!owned.contains(e.getFileName().toString())) linkTree(e, staging.resolve(e.getFileName().toString()));
            }
        }
    }

    private static void linkTree(Path from, Path to) throws IOException {
        if (Files.isSymbolicLink(from)) {
            Files.createSymbolicLink(to, Files.readSymbolicLink(from));
        } else if (Files.isDirectory(from)) {
            Files.createDirectory(to);
            try (Stream<Path> entries = Files.list(from)) {
                for (Path e : entries.toList()) linkTree(e, to.resolve(e.getFileName().toString()));
            }
        } else {
            try {
                Files.createLink(to, from);
            } catch (UnsupportedOperationException | IOException e) {
                // A file system without hard links: copy (the original stays until the swap succeeded).
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Moves the previous output aside, renames the staging folder into place, then drops the old one. */
    private static void replace(Path parent, String base, Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = freshFolder(parent, "." + base + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /**
     * A new empty folder in {@code parent}, created with the default mode (0777 less the umask) like
     * any folder the user makes; Files.createTempDirectory would make it owner-only (0700).
     */
    static Path freshFolder(Path parent, String prefix) throws IOException {
        while (true) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
