package io.fineq.rtl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Generates a configuration into a folder through the same path the CLI uses. */
final class Generated {

    private static final RtlGenerator GENERATOR = new RtlGenerator();

    private Generated() {
    }

    static Path into(Path root, FineqConfig cfg) {
        Path target = root.resolve(cfg.name());
        try {
            new AtomicDirectoryWriter(null).write(target, GENERATOR.generate(cfg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
