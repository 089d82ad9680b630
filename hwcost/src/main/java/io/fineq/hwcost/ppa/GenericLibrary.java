package io.fineq.hwcost.ppa;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.liberty.Liberty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own Liberty library ({@code cells/fineq_generic.lib}), extracted for the tools to read. */
public final class GenericLibrary {
    public static final String RESOURCE = "/cells/fineq_generic.lib";
    public static final String FILE = "fineq_generic.lib";

    private GenericLibrary() {
    }

    /** Writes the library into {@code dir} (once per content) and returns its path. */
    public static Path extract(Path dir) throws IOException {
        byte[] bytes;
        try (InputStream in = GenericLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException(RESOURCE + " missing from the class path");
            bytes = in.readAllBytes();
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            AtomicFiles.write(file, out -> out.write(bytes));
        }
        return file;
    }

    public static Liberty liberty(Path dir) throws IOException {
        return Liberty.read(extract(dir));
    }
}
