package io.fineq.hwcost.area;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.mac.MacArrayGenerator;
import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.ModuleSet;
import io.fineq.rtl.RtlGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthesises the FineQ core (io.fineq.rtl, top fineq_core) and the MAC baseline (top mac_array)
 * of one configuration with {@link YosysAreaFlow} and splits both areas into the categories of
 * the paper's comparison.
 */
public final class ArrayAreaStudy {
    public static final String PES = "PEs";
    public static final String ENCODERS = "encoders";
    public static final String ACC = "ACC trees";
    public static final String DECODERS = "decoders";
    public static final String ARRAY_CONTROL = "array control";
    public static final String CORE_CONTROL = "core control";
    public static final String WEIGHT_FEED = "weight feed";
    public static final String WEIGHT_SKEW = "weight skew";

    private static final Map<String, String> FINEQ_CATEGORIES = Map.of(
            "fineq_pe", PES,
            "fineq_temporal_encoder", ENCODERS,
            "fineq_acc", ACC,
            "fineq_decoder", DECODERS,
            "fineq_array", ARRAY_CONTROL,
            "fineq_core", CORE_CONTROL);
    private static final Map<String, String> MAC_CATEGORIES = Map.of(
            "mac_pe_head", PES,
            "mac_pe", PES,
            "mac_wfeed", WEIGHT_FEED,
            "mac_wskew", WEIGHT_SKEW,
            "mac_array", ARRAY_CONTROL);

    /**
     * Both designs of one configuration, areas in GE of {@code lib}.
     *
     * @param fineq      FineQ core (PE array, encoders, ACC trees, decoders, block queue/control)
     * @param mac        MAC baseline array
     */
    public record Result(FineqConfig config, String library, HierarchyArea fineq, HierarchyArea mac,
                         double geScale, double fineqSeconds, double macSeconds) {
        /** FineQ PE array as the paper counts it: the core without its decoders and core-level control. */
        public double fineqArrayGe() {
            return (fineq.total() - fineq.category(DECODERS) - fineq.category(CORE_CONTROL)) / geScale;
        }

        public double fineqCoreGe() {
            return fineq.total() / geScale;
        }

        public double macArrayGe() {
            return mac.total() / geScale;
        }

        public double decodersGe() {
            return fineq.category(DECODERS) / geScale;
        }

        /** FineQ PE array / MAC array; the paper reports 0.370 / 0.954 = 0.388 at 64 x 64. */
        public double ratio() {
            return fineqArrayGe() / macArrayGe();
        }
    }

    private final YosysAreaFlow flow = new YosysAreaFlow();

    public Result run(FineqConfig cfg, CellLibrary lib, Path work) throws IOException {
        Path fineqDir = work.resolve(cfg.name());
        List<Path> fineqSources = writeFineq(cfg, fineqDir);
        YosysAreaFlow.Run f = flow.synthesize(fineqDir.resolve("area"), fineqSources, ModuleSet.TOP, lib);
        Path macDir = new MacArrayGenerator().generate(cfg, work);
        YosysAreaFlow.Run m = flow.synthesize(macDir.resolve("area"), MacArrayGenerator.sources(macDir), MacArrayGenerator.TOP, lib);
        HierarchyArea fa = new HierarchyArea(f.stat(), ModuleSet.TOP, FINEQ_CATEGORIES::get, CORE_CONTROL);
        HierarchyArea ma = new HierarchyArea(m.stat(), MacArrayGenerator.TOP, MAC_CATEGORIES::get, ARRAY_CONTROL);
        return new Result(cfg, lib.name(), fa, ma, lib.nand2(), f.seconds(), m.seconds());
    }

    /** Renders the FineQ core with the project's generator; returns its Verilog files in filelist order. */
    static List<Path> writeFineq(FineqConfig cfg, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> verilog = new ArrayList<>();
        for (GeneratedFile g : new RtlGenerator().generate(cfg)) {
            Path p = dir.resolve(g.name());
            AtomicFiles.write(p, out -> out.write(g.content()));
        }
        for (String v : ModuleSet.verilogFiles()) verilog.add(dir.resolve(v));
        return verilog;
    }
}
