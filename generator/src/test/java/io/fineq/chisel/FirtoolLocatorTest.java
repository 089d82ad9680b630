package io.fineq.chisel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where firtool comes from: the classpath jar (copied once into the cache) unless CHISEL_FIRTOOL_PATH says otherwise. */
class FirtoolLocatorTest {

    @TempDir
    Path tmp;

    @Test
    void extractsTheJarBinaryOnceIntoTheCacheFolder() throws Exception {
        Path cache = tmp.resolve("cache");
        Path first = FirtoolLocator.firtool(Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(first).startsWith(cache.resolve("fineq"));
        assertThat(first.getParent().getFileName().toString()).matches("firtool-\\d+-[0-9a-f]{8}");
        assertThat(Files.isExecutable(first)).isTrue();
        long written = Files.getLastModifiedTime(first).toMillis();
        Path second = FirtoolLocator.firtool(Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second).toMillis()).as("reused, not rewritten").isEqualTo(written);
        try (var files = Files.list(first.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary left").containsExactly("firtool");
        }
    }

    @Test
    void environmentVariableNamesTheFolderToUse() throws Exception {
        Path jarCopy = FirtoolLocator.firtool(Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()));
        assertThat(FirtoolLocator.firtool(Map.of("CHISEL_FIRTOOL_PATH", jarCopy.getParent().toString()))).isEqualTo(jarCopy);
    }

    @Test
    void environmentVariableWithoutFirtoolIsOneClearError() {
        Path empty = tmp.resolve("nothing-here");
        assertThatThrownBy(() -> FirtoolLocator.firtool(Map.of("CHISEL_FIRTOOL_PATH", empty.toString())))
                .isInstanceOf(FirtoolNotFoundException.class)
                .hasMessage("CHISEL_FIRTOOL_PATH=" + empty + ": no executable firtool in that directory");
    }
}
