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

        // The second file cannot be created (its folder would be the file a.v): the write fails midway.
        List<GeneratedFile> broken = List.of(GeneratedFile.utf8("a.v", "second"), GeneratedFile.utf8("a.v/b.v", "x"));
        assertThatThrownBy(() -> writer.write(target, broken)).isInstanceOf(IOException.class);

        assertThat(Files.readString(target.resolve("a.v"))).isEqualTo("first");
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("fineq_2x2");
        }
    }

    @Test
    void regenerationReplacesGeneratedFilesAndKeepsTheUsersOwn() throws IOException {
        Path target = root.resolve("fineq_4x4");
        AtomicDirectoryWriter writer = new AtomicDirectoryWriter(null);
        List<GeneratedFile> first = new RtlGenerator().generate(new FineqConfig(4, 4, 8, true, 0));
        writer.write(target, first);
        // What a user (or the generated dc_synth.tcl) puts there, and a stale generated file.
        Files.writeString(target.resolve("notes.txt"), "mine");
        Files.createDirectories(target.resolve("reports"));
        Files.writeString(target.resolve("reports/area.rpt"), "area 1.0");
        Files.writeString(target.resolve("fineq_core.v"), "edited by hand");

        writer.write(target, new RtlGenerator().generate(new FineqConfig(4, 4, 8, true, 0)));

        assertThat(Files.readString(target.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(target.resolve("reports/area.rpt"))).isEqualTo("area 1.0");
        GeneratedFile core = first.stream().filter(f -> f.name().equals("fineq_core.v")).findFirst().orElseThrow();
        assertThat(Files.readAllBytes(target.resolve("fineq_core.v"))).isEqualTo(core.content());
        try (Stream<Path> s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("fineq_4x4");
        }
    }

    @Test
    void filesTheLastGenerationWroteAndTheNewOneDoesNotAreDropped() throws IOException {
        Path target = root.resolve("x");
        AtomicDirectoryWriter writer = new AtomicDirectoryWriter(null);
        writer.write(target, List.of(GeneratedFile.utf8("old.v", "1"),
                GeneratedFile.utf8("manifest.json", "{\"files\": [{\"name\": \"old.v\"}]}")));
        Files.writeString(target.resolve("user.txt"), "u");
        writer.write(target, List.of(GeneratedFile.utf8("new.v", "2")));
        try (Stream<Path> s = Files.list(target)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("new.v", "user.txt");
        }
    }
}
