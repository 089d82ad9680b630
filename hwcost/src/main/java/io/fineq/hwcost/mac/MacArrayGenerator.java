package io.fineq.hwcost.mac;

import io.fineq.format.AtomicFiles;
import io.fineq.rtl.FineqConfig;
import io.fineq.hwcost.util.Templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the MAC baseline array (templates/mac/) for a FineQ configuration into
 * {@code <out>/mac_<R>x<C>/}: one module per file plus {@code mac.f} (file list, top last).
 */
public final class MacArrayGenerator {
    /** Module files in dependency order; the top, mac_array, comes last. */
    public static final List<String> MODULES = List.of("mac_pe_head", "mac_pe", "mac_wfeed", "mac_wskew", "mac_array");
    public static final String TOP = "mac_array";

    private final Templates templates = new Templates();

    /** Folder name for a configuration, e.g. {@code mac_8x8}. */
    public static String name(FineqConfig cfg) {
        return "mac_" + cfg.rows() + "x" + cfg.cols();
    }

    /** Renders every file into {@code outRoot/mac_RxC/} and returns that folder. */
    public Path generate(FineqConfig cfg, Path outRoot) throws IOException {
        Path dir = outRoot.resolve(name(cfg));
        Files.createDirectories(dir);
        Map<String, Object> ctx = context(cfg);
        StringBuilder filelist = new StringBuilder();
        for (String module : MODULES) {
            String text = templates.render("templates/mac/" + module + ".v.vm", ctx);
            AtomicFiles.writeString(dir.resolve(module + ".v"), text);
            filelist.append(module).append(".v\n");
        }
        AtomicFiles.writeString(dir.resolve("mac.f"), filelist.toString());
        return dir;
    }

    /** Paths of the Verilog files of a generated folder, top last. */
    public static List<Path> sources(Path dir) {
        List<Path> files = new ArrayList<>();
        for (String m : MODULES) files.add(dir.resolve(m + ".v"));
        return files;
    }

    static Map<String, Object> context(FineqConfig cfg) {
        MacGeometry geo = new MacGeometry(cfg);
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("R", cfg.rows());
        ctx.put("C", cfg.cols());
        ctx.put("R_1", cfg.rows() - 1);
        ctx.put("C_1", cfg.cols() - 1);
        ctx.put("C_2", cfg.cols() - 2);
        ctx.put("ACT_W", cfg.actWidth());
        ctx.put("ACC_W", cfg.accWidth());
        ctx.put("ROW_W", cfg.rowIndexWidth());
        ctx.put("ROW_W_1", cfg.rowIndexWidth() - 1);
        ctx.put("ACT_BEAT_1", cfg.actBeatWidth() - 1);
        ctx.put("W_BEAT_1", 3 * cfg.cols() - 1);
        ctx.put("RES_BEAT_1", cfg.resultBeatWidth() - 1);
        ctx.put("sumW", geo.sumWidths());
        ctx.put("math", new Templates.Arith());
        return ctx;
    }
}
