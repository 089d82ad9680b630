package io.fineq.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs committed together, no temporary left behind by a failure, a SIGTERM or a SIGKILL. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBatchThatFailsMidwayChangesNoOutput() throws IOException {
        AtomicFiles.writeString(dir.resolve("w.fqw"), "old image");
        AtomicFiles.writeString(dir.resolve("w.hex"), "old hex");
        assertThatThrownBy(() -> {
            try (AtomicFiles.Batch b = new AtomicFiles.Batch()) {
                b.writeString(dir.resolve("w.fqw"), "new image");
                b.write(dir.resolve("w.hex"), out -> {
                    out.write("new h".getBytes());
                    throw new IOException("disk full");
                });
                b.commit();
            }
        }).hasMessageContaining("disk full");
        assertThat(Files.readString(dir.resolve("w.fqw"))).isEqualTo("old image");
        assertThat(Files.readString(dir.resolve("w.hex"))).isEqualTo("old hex");
        assertThat(names()).containsExactly("w.fqw", "w.hex");
    }

    @Test
    void aCommittedBatchReplacesEveryOutput() throws IOException {
        try (AtomicFiles.Batch b = new AtomicFiles.Batch()) {
            b.writeString(dir.resolve("a.txt"), "1");
            b.writeString(dir.resolve("b.txt"), "2");
            b.commit();
        }
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("1");
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("2");
        assertThat(names()).containsExactly("a.txt", "b.txt");
    }

    @Test
    void outputsGetTheModeOfAnyNewFileNotOwnerOnly() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt")); // 0666 less this process's umask
        AtomicFiles.writeString(dir.resolve("out.txt"), "x");
        assertThat(Files.getPosixFilePermissions(dir.resolve("out.txt"))).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void temporariesOfADeadProcessAreRemovedByTheNextWrite() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        long deadPid = p.pid();
        Files.writeString(dir.resolve(".w.fqw." + deadPid + "-123456.tmp"), "left by a SIGKILL");
        Files.writeString(dir.resolve(".notes.tmp"), "user"); // not one of ours: kept
        AtomicFiles.writeString(dir.resolve("w.fqw"), "image");
        assertThat(names()).containsExactly(".notes.tmp", "w.fqw");
    }

    @Test
    void sigtermDuringAWriteLeavesNoTemporary() throws Exception {
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                SlowWriter.class.getName(), dir.resolve("big.fqw").toString()).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (names().stream().noneMatch(n -> n.endsWith(".tmp"))) {
            assertThat(System.nanoTime()).as("the writer never started").isLessThan(deadline);
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(names()).isEmpty();
    }

    /** Writes a file through a batch and does not finish before a signal ends it. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            try (AtomicFiles.Batch b = new AtomicFiles.Batch()) {
                b.write(Path.of(args[0]), out -> {
                    out.write(new byte[1 << 20]);
                    out.flush();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                b.commit();
            }
        }
    }
}
