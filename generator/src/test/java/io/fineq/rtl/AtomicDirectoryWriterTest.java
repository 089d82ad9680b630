package io.fineq.rtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves the previous output exactly as it was and no temporary folder behind. */
class AtomicDirectoryWriterTest {

    @TempDir
    Path root;

    @Test
    void failureKeepsThePreviousOutput() throws IOException {
        Path target = root.resolve("fineq_2x2");
        AtomicDirectoryWriter writer = new AtomicDirectoryWriter(null);
        writer.write(target, List.of(GeneratedFile.utf8("a.v", "first")));

        // The second file cannot be created (its folder does not exist): the write fails midway.
        List<GeneratedFile> broken = List.of(GeneratedFile.utf8("a.v", "second"), GeneratedFile.utf8("no/such/b.v", "x"));
        assertThatThrownBy(() -> writer.write(target, broken)).isInstanceOf(IOException.class);

        assertThat(Files.readString(target.resolve("a.v"))).isEqualTo("first");
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("fineq_2x2");
        }
    }

    @Test
    void successReplacesTheWholeFolder() throws IOException {
        Path target = root.resolve("x");
        AtomicDirectoryWriter writer = new AtomicDirectoryWriter(null);
        writer.write(target, List.of(GeneratedFile.utf8("old.v", "1")));
        writer.write(target, List.of(GeneratedFile.utf8("new.v", "2")));
        try (Stream<Path> s = Files.list(target)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("new.v");
        }
    }
}
