package io.fineq.hwcost.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;
import io.fineq.hwcost.ppa.PpaFlow;
import io.fineq.hwcost.ppa.PpaResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sweep's shared work folder: the planned points with their keys ({@code sweep.json}), one
 * result per finished point ({@code results/<key>.json}, written atomically when the point
 * succeeds), each point's tool folder ({@code points/<key>/}) and log ({@code logs/<key>.log}).
 * Any executor runs points through {@link #runPoint}; a point whose result exists is done.
 */
public final class SweepPlan {
    public static final String PLAN = "sweep.json";

    /** A planned point and its key. */
    public record Entry(SweepPoint point, String key) { }

    /**
     * A finished point.
     *
     * @param throughput useful GMAC/s and GMAC/s per mm² on model shapes ({@link Throughput})
     */
    public record PointResult(SweepPoint point, String key, PpaResult result, Map<String, Double> throughput) { }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** LLaMA-2-7B shapes are divided by this for the throughput figures (part of every point's key). */
    public static final int LLAMA_SCALE_DOWN = 8;

    private final Path work;
    private final List<Entry> entries;

    private SweepPlan(Path work, List<Entry> entries) {
        this.work = work;
        this.entries = entries;
    }

    /** Keys every point and writes the plan into {@code work}. */
    public static SweepPlan create(Path work, List<SweepPoint> points) throws IOException {
        Files.createDirectories(work);
        String tools = PointKey.toolVersions();
        Path scratch = Files.createDirectories(work.resolve("tmp"));
        List<Entry> entries = new ArrayList<>();
        try {
            for (SweepPoint p : points) entries.add(new Entry(p, PointKey.of(p, tools, scratch)));
        } finally {
            PointKey.deleteTree(scratch);   // a failed keying leaves no scratch folder behind either
        }
        AtomicFiles.writeString(work.resolve(PLAN), JSON.writeValueAsString(entries));
        return new SweepPlan(work, entries);
    }

    /** Reads the plan a {@link #create} wrote. */
    public static SweepPlan read(Path work) throws IOException {
        Path f = work.resolve(PLAN);
        if (!Files.isRegularFile(f)) throw new UserError("sweep: no " + PLAN + " in " + work);
        List<Entry> entries = JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), new TypeReference<List<Entry>>() { });
        return new SweepPlan(work, entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Path work() {
        return work;
    }

    public Path resultFile(Entry e) {
        return work.resolve("results").resolve(e.key() + ".json");
    }

    public Path logFile(Entry e) {
        return work.resolve("logs").resolve(e.key() + ".log");
    }

    public boolean done(Entry e) {
        return Files.isRegularFile(resultFile(e));
    }

    /** Runs one point (unless its result exists) and writes its result; the PPA flow's progress goes to its log. */
    public void runPoint(Entry e) throws IOException {
        if (done(e)) return;
        Files.createDirectories(logFile(e).getParent());
        Files.createDirectories(resultFile(e).getParent());
        SweepPoint p = e.point();
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile(e)), true, StandardCharsets.UTF_8)) {
            log.println("point " + p.label() + " key " + e.key());
            PpaFlow.Options opts = new PpaFlow.Options(p.liberty().isEmpty() ? null : Path.of(p.liberty()), p.clockMhz(),
                    work.resolve("points").resolve(e.key()), p.power());
            try {
                PpaResult r = new PpaFlow(log).run(p.ppaDesign(), opts);
                log.println("throughput on model shapes (performance model)");
                Map<String, Double> tp = Throughput.of(p, r, LLAMA_SCALE_DOWN);
                AtomicFiles.writeString(resultFile(e), JSON.writeValueAsString(new PointResult(p, e.key(), r, tp)));
                log.println("done");
            } catch (IOException | RuntimeException ex) {
                log.println("failed: " + ex);
                throw ex;
            }
        }
    }

    /** Every finished point, in plan order. */
    public List<PointResult> results() throws IOException {
        List<PointResult> out = new ArrayList<>();
        for (Entry e : entries) {
            if (done(e)) out.add(JSON.readValue(Files.readString(resultFile(e), StandardCharsets.UTF_8), PointResult.class));
        }
        return out;
    }
}
