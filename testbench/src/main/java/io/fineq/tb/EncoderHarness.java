package io.fineq.tb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Drives {@code harness/fineq_temporal_encoder_tb.cpp}: every (mag_i, t_i) pair of the combinational encoder. */
public final class EncoderHarness {
    public static final String TOP = "fineq_temporal_encoder";
    public static final String RESOURCE = "harness/fineq_temporal_encoder_tb.cpp";

    /** bit[mag][t] = bit_o, done[mag][t] = done_o, for mag and t in 0..3. */
    public record Table(int[][] bit, int[][] done) {
    }

    private final VerilatorBuild.Model model;

    public EncoderHarness(VerilatorBuild.Model model) {
        this.model = model;
    }

    public Table run(Path work) throws IOException {
        Files.createDirectories(work);
        Path out = work.resolve("encoder.txt");
        Path log = work.resolve("sim.log");
        Files.deleteIfExists(out);
        Files.writeString(log, "");
        Processes.run(List.of(model.executable().toString(), "out=" + out), work, log, 60);
        int[][] bit = new int[4][4];
        int[][] done = new int[4][4];
        int[][] seen = new int[4][4];
        for (String line : Files.readAllLines(out)) {
            String[] f = line.trim().split(" ");
            if (f.length != 4) throw new IOException(out + ": expected '<mag> <t> <bit> <done>', got '" + line + "'");
            int mag = Integer.parseInt(f[0]), t = Integer.parseInt(f[1]);
            bit[mag][t] = Integer.parseInt(f[2]);
            done[mag][t] = Integer.parseInt(f[3]);
            seen[mag][t]++;
        }
        for (int m = 0; m < 4; m++)
            for (int t = 0; t < 4; t++)
                if (seen[m][t] != 1) throw new IOException(out + ": (mag " + m + ", t " + t + ") reported " + seen[m][t] + " times");
        return new Table(bit, done);
    }
}
