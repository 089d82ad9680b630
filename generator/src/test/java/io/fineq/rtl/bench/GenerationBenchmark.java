package io.fineq.rtl.bench;

import io.fineq.rtl.AtomicDirectoryWriter;
import io.fineq.rtl.FineqConfig;
import io.fineq.rtl.GeneratedFile;
import io.fineq.rtl.RtlGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generation time inside the JVM (goal: 64x64 under 2 s). {@code render} builds the whole file
 * set in memory (Velocity templates, manifest hashes); {@code renderAndWrite} adds the atomic
 * folder write; {@code coldStart} includes creating the Velocity engine, as one CLI run does.
 * Run: see docs/rtl-generator.md, "Benchmark".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GenerationBenchmark {

    @Param({"64", "256"})
    public int array;

    private FineqConfig cfg;
    private RtlGenerator generator;
    private Path out;

    @Setup
    public void setup() throws IOException {
        cfg = new FineqConfig(array, array, 8, true, 0);
        generator = new RtlGenerator();
        out = Files.createTempDirectory("fineq-bench");
    }

    @Benchmark
    public List<GeneratedFile> render() {
        return generator.generate(cfg);
    }

    @Benchmark
    public List<GeneratedFile> coldStart() {
        return new RtlGenerator().generate(cfg);
    }

    @Benchmark
    public Path renderAndWrite() throws IOException {
        Path target = out.resolve(cfg.name());
        new AtomicDirectoryWriter(null).write(target, generator.generate(cfg));
        return target;
    }
}
