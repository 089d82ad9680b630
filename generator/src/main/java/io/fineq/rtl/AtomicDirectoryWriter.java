package io.fineq.rtl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes a file set as one folder, all or nothing: the files go into a hidden temporary sibling
 * of the target, which then replaces the target by rename. A failure before the rename deletes
 * the temporary folder and leaves any previous output untouched, so no half-written folder is
 * ever visible under the target name.
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
        Path staging = Files.createTempDirectory(parent, "." + base + ".tmp-");
        try {
            makeWorldReadable(staging);
            for (GeneratedFile f : files) {
                Files.write(staging.resolve(f.name()), f.content());
                if (progress != null) {
                    progress.printf("  %-28s %,12d bytes%n", f.name(), f.size());
                }
            }
            replace(parent, base, staging, target);
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves the previous output aside, renames the staging folder into place, then drops the old one. */
    private static void replace(Path parent, String base, Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(parent, "." + base + ".old-");
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

    /** Temporary folders are created owner-only; the output folder should look like any other. */
    private static void makeWorldReadable(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
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
