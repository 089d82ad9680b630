package io.fineq.chisel;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The proofs and lint runs need Yosys / Verilator on PATH; a missing tool fails the test with one clear line (never a silent skip). */
final class ExternalTools {

    private ExternalTools() {
    }

    static void require(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail(tool + " is not on PATH; it is needed by this test (.ci/run installs it with apt-get)");
    }
}
