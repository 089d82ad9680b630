package io.fineq.model;

import io.fineq.format.FqwImage;
import io.fineq.golden.accel.AccelDescriptor;
import io.fineq.golden.accel.AccelModel;
import io.fineq.golden.accel.AccelTraffic;
import io.fineq.rtl.AccelConfig;
import io.fineq.tb.AccelJobImage;
import io.fineq.tb.AccelSimulator;
import io.fineq.tb.VerilatorBuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Linear layers' integers from the accelerator simulated in Verilator (docs/accelerator.md,
 * "MiniLM on the RTL"): each call is one accelerator job - the driver lays out the FineQ image and
 * the int8 activations, starts the job over AXI4-Lite, the DMA moves everything, and Y (int32,
 * bias 0, multiplier 1, no activation) is read back from memory. Thread-safe; every job is recorded.
 */
public final class AccelRunner implements DatapathLinear.IntegerProduct {

    /** One job: its shape, the accelerator's CYCLES register, what it moved and the wall time of its simulation. */
    public record Job(int outputs, int inputs, int tokens, long cycles, long coreCycles, AccelTraffic traffic, double seconds) { }

    private final AccelSimulator sim;
    private final AccelSimulator.Memory memory;
    private final Path work;
    private final List<Job> jobs = Collections.synchronizedList(new ArrayList<>());
    private int next;

    public AccelRunner(AccelConfig cfg, VerilatorBuild build, AccelSimulator.Memory memory, Path work) {
        this.sim = new AccelSimulator(cfg, build);
        this.memory = memory;
        this.work = work;
    }

    public AccelSimulator simulator() {
        return sim;
    }

    public List<Job> jobs() {
        synchronized (jobs) {
            return List.copyOf(jobs);
        }
    }

    @Override
    public long[][] integers(FqwImage image, int[][] xq) {
        int id;
        synchronized (this) {
            id = next++;
        }
        AccelJobImage job = AccelJobImage.of(sim.config(), image, xq, null, null, false, AccelDescriptor.ACT_NONE, 0, null);
        long t0 = System.nanoTime();
        AccelSimulator.Run run;
        try {
            run = sim.run(job, memory, work.resolve("job" + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (run.errorCode() != 0) throw new IllegalStateException("accelerator job " + id + " ended with error " + run.errorCode());
        int m = image.header().rows();
        AccelDescriptor d = job.descriptor();
        byte[] mem = run.memory();
        long[][] y = new long[xq.length][m];
        for (int t = 0; t < xq.length; t++) {
            for (int r = 0; r < m; r++) y[t][r] = AccelModel.word(mem, d.yAddr() + t * d.yStride() + 4L * r);
        }
        var shape = AccelJobImage.shape(sim.config());
        long core = AccelModel.coreCycles(shape, d, job.memory(), AccelJobImage.arrayKind(sim.config()));
        jobs.add(new Job(m, image.header().cols(), xq.length, run.jobCycles(), core, AccelTraffic.of(shape, d), seconds));
        return y;
    }
}
