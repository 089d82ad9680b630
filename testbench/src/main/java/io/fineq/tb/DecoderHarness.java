package io.fineq.tb;

import io.fineq.format.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@code harness/fineq_decoder_tb.cpp}: loads blocks alternately through load_cur and
 * through load_nxt + swap, and reads the 24 decoded weights of each, in (clu, pos) order.
 */
public final class DecoderHarness {
    public static final String TOP = "fineq_decoder";
    public static final String RESOURCE = "harness/fineq_decoder_tb.cpp";
    public static final int WEIGHTS_PER_BLOCK = 24;

    /**
     * Decoded weights per block, {@code cur.get(i)[3*clu + pos]} = 3-bit {@code w_o} after block i
     * reached cur_q; {@code held.get(i)} (odd i only, null for even i) = w_o after block i was
     * loaded into nxt_q, i.e. still block i-1.
     */
    public record Run(List<int[]> cur, List<int[]> held) {
    }

    private final VerilatorBuild.Model model;

    public DecoderHarness(VerilatorBuild.Model model) {
        this.model = model;
    }

    public Run run(List<Long> blocks, Path work) throws IOException {
        Files.createDirectories(work);
        Path in = work.resolve("blocks.hex");
        Path out = work.resolve("decoded.txt");
        AtomicFiles.writeText(in, w -> {
            for (long b : blocks) w.write(String.format("%014x%n", b));
        });
        Files.deleteIfExists(out);
        Path log = work.resolve("sim.log");
        Files.writeString(log, "");
        Processes.run(List.of(model.executable().toString(), "blocks=" + in, "out=" + out), work, log, 600);
        List<int[]> cur = new ArrayList<>();
        List<int[]> held = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(out)) {
            n++;
            String[] f = line.split(" ");
            if (f.length != 2 || f[1].length() != WEIGHTS_PER_BLOCK)
                throw new IOException(out + " line " + n + ": expected '<cur|held> <24 octal digits>', got '" + line + "'");
            int[] w = new int[WEIGHTS_PER_BLOCK];
            for (int i = 0; i < w.length; i++) w[i] = f[1].charAt(i) - '0';
            if (f[0].equals("held")) {
                held.add(w);
            } else {
                if (held.size() == cur.size()) held.add(null);
                cur.add(w);
            }
        }
        if (cur.size() != blocks.size())
            throw new IOException(out + ": " + cur.size() + " blocks decoded, " + blocks.size() + " loaded");
        return new Run(cur, held);
    }
}
