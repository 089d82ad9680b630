package io.fineq.rtl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json}: parameters, derived widths, synthesis settings and every other output
 * file with its size and SHA-256. Keys are sorted and the line separator is fixed, so identical
 * inputs give identical bytes on every platform.
 */
public final class ManifestWriter {

    public static final String FILE_NAME = "manifest.json";
    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public GeneratedFile write(FineqConfig cfg, SynthesisOptions synth, String backend, List<GeneratedFile> files) {
        Map<String, Object> root = new TreeMap<>();
        root.put("format", FORMAT_VERSION);
        root.put("name", cfg.name());
        root.put("top", ModuleSet.top(cfg.core()));
        root.put("backend", backend);
        root.put("parameters", parameters(cfg));
        root.put("derived", derived(cfg));
        Map<String, Object> synthesis = new TreeMap<>();
        synthesis.put("clock_mhz", synth.clockMhz());
        synthesis.put("clock_period_ns", synth.clockPeriodNs());
        root.put("synthesis", synthesis);
        List<Map<String, Object>> list = new ArrayList<>();
        files.stream().sorted(Comparator.comparing(GeneratedFile::name)).forEach(f -> {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("name", f.name());
            entry.put("bytes", f.size());
            entry.put("sha256", f.sha256());
            list.add(entry);
        });
        root.put("files", list);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            String json = mapper.writer(printer).writeValueAsString(root) + "\n";
            return new GeneratedFile(FILE_NAME, json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest of plain maps and numbers cannot fail to serialise", e);
        }
    }

    static Map<String, Object> parameters(FineqConfig cfg) {
        Map<String, Object> p = new TreeMap<>();
        p.put("core", cfg.core().word());
        p.put("rows", cfg.rows());
        p.put("cols", cfg.cols());
        p.put("act_width", cfg.actWidth());
        p.put("termination", cfg.termination());
        p.put("adder_pipeline", cfg.adderPipeline());
        return p;
    }

    static Map<String, Object> derived(FineqConfig cfg) {
        Map<String, Object> d = new TreeMap<>();
        d.put("tree_depth", cfg.treeDepth());
        d.put("pipe_stages", cfg.pipeStages());
        d.put("leaf_width", cfg.leafWidth());
        d.put("tree_width", cfg.treeWidth());
        d.put("acc_width", cfg.accWidth());
        d.put("row_index_width", cfg.rowIndexWidth());
        d.put("act_beat_width", cfg.actBeatWidth());
        d.put("weight_beat_width", cfg.weightBeatWidth());
        d.put("result_beat_width", cfg.resultBeatWidth());
        d.put("level_sizes", cfg.levelSizes());
        List<Integer> registered = new ArrayList<>();
        for (int l = 0; l <= cfg.treeDepth(); l++) {
            if (cfg.registeredAfterLevel(l)) {
                registered.add(l);
            }
        }
        d.put("registered_after_levels", registered);
        return d;
    }
}
