package io.fineq.bench;

import io.fineq.quant.FineqQuantizer;
import io.fineq.quant.QuantizedTensor;
import io.fineq.quant.QuantizerOptions;
import io.fineq.tensor.ArrayTensor;
import io.fineq.tensor.SynthKind;
import io.fineq.tensor.SyntheticTensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Quantization throughput on a 4096 x 4096 float32 llama-like matrix held in memory, all cores
 * (the quantizer's parallel mode on the common fork-join pool). One operation = one weight, so
 * JMH's ops/us figure is millions of weights per second. Each invocation runs every pass: column
 * absmax with the finiteness check, scale, quantisation and packing of all 700,416 blocks (4104 padded rows / 24 x 4096 columns).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QuantizerBenchmark {
    static final int M = 4096;
    static final int K = 4096;

    @Param({"absmax"})
    public String scale;

    @Param({"paper"})
    public String pairing;

    /** true: all cores (the default mode of the quantizer); false: one thread, for a per-core figure. */
    @Param({"true"})
    public boolean parallel;

    private ArrayTensor weights;
    private FineqQuantizer quantizer;

    @Setup
    public void setUp() {
        weights = ArrayTensor.copyOf(new SyntheticTensor("bench", SynthKind.LLAMA_LIKE, M, K, 1));
        quantizer = new FineqQuantizer(QuantizerOptions.defaults(64)
                .withScale(io.fineq.quant.ScaleRule.parse(scale))
                .withPairing(io.fineq.quant.Pairing.parse(pairing))
                .withParallel(parallel));
    }

    @Benchmark
    @OperationsPerInvocation(M * K)
    public QuantizedTensor quantize4096x4096() {
        return quantizer.quantize(weights);
    }
}
