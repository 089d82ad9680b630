package io.fineq.chisel;

import io.fineq.rtl.ChiselRtlBackend;
import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.RtlBackend;
import io.fineq.rtl.TemplateRenderer;
import io.fineq.rtl.VelocityBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The module files of both back ends for one configuration, written once per test run into a temporary folder. */
final class ModuleSets {

    private static final Path ROOT;
    private static final Map<String, List<Path>> CACHE = new ConcurrentHashMap<>();

    static {
        try {
            ROOT = Files.createTempDirectory("fineq-equiv");
            Runtime.getRuntime().addShutdownHook(new Thread(ModuleSets::deleteRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModuleSets() {
    }

    /** Keeps the scripts and logs for inspection when FINEQ_KEEP_PROOFS is set; deletes them otherwise. */
    private static void deleteRoot() {
        if (System.getenv("FINEQ_KEEP_PROOFS") != null) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(ROOT)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at JVM exit: a left-over temporary folder is harmless.
        }
    }

    static Path root() {
        return ROOT;
    }

    static List<Path> velocity(FineqConfig cfg) {
        return files(cfg, new VelocityBackend(new TemplateRenderer()));
    }

    static List<Path> chisel(FineqConfig cfg) {
        return files(cfg, new ChiselRtlBackend());
    }

    private static List<Path> files(FineqConfig cfg, RtlBackend backend) {
        String key = backend.name() + "-" + cfg.name() + "-a" + cfg.actWidth() + "-t" + (cfg.termination() ? 1 : 0)
                + "-p" + cfg.adderPipeline();
        return CACHE.computeIfAbsent(key, k -> {
            try {
                Path dir = Files.createDirectories(ROOT.resolve(k));
                List<Path> out = new ArrayList<>();
                for (GeneratedFile f : backend.renderModules(cfg)) {
                    out.add(Files.write(dir.resolve(f.name()), f.content()));
                }
                return List.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
