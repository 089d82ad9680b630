package io.fineq.tb;

import io.fineq.format.AtomicFiles;
import io.fineq.golden.BeatCodec;
import io.fineq.rtl.FineqConfig;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text files the Verilator harness reads and the golden-vector export writes
 * (format in docs/testbench.md and the exported README.txt):
 * <ul>
 *   <li>{@value #ACT}: one activation beat per line, C*ACT_W bits as hex, most significant digit first;</li>
 *   <li>{@value #WEIGHTS}: one weight beat per line, {@code <last> <hex>}, C*56 bits;</li>
 *   <li>{@value #EXPECTED}: one expected result beat per line, R*ACC_W bits as hex;</li>
 *   <li>{@value #EXPECTED_DEC}: the same beats in decimal, {@code tile kt nt m y[0] .. y[R-1]};</li>
 *   <li>{@value #CYCLES}: the expected cycle count (no stalls), one number.</li>
 * </ul>
 */
public final class StimulusFiles {
    public static final String ACT = "activations.hex";
    public static final String WEIGHTS = "weights.hex";
    public static final String EXPECTED = "expected.hex";
    public static final String EXPECTED_DEC = "expected.txt";
    public static final String CYCLES = "cycles.txt";

    private StimulusFiles() {
    }

    /** Writes all five files of {@code v} into {@code dir}, committed together. */
    public static void write(CoreVectors v, Path dir) throws IOException {
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            write(v, dir, batch);
            batch.commit();
        }
    }

    /** Adds the five files of {@code v} in {@code dir} to {@code batch}. */
    public static void write(CoreVectors v, Path dir, AtomicFiles.Batch batch) throws IOException {
        FineqConfig c = v.config();
        Files.createDirectories(dir);
        batch.writeText(dir.resolve(ACT), w -> {
            for (BigInteger b : v.activationBeats()) w.write(BeatCodec.hex(b, c.actBeatWidth()) + "\n");
        });
        batch.writeText(dir.resolve(WEIGHTS), w -> {
            for (CoreVectors.WeightBeat b : v.weightBeats()) w.write((b.last() ? "1 " : "0 ") + BeatCodec.hex(b.data(), c.weightBeatWidth()) + "\n");
        });
        batch.writeText(dir.resolve(EXPECTED), w -> {
            for (CoreVectors.ResultBeat r : v.expected()) w.write(BeatCodec.hex(r.packed(c.accWidth()), c.resultBeatWidth()) + "\n");
        });
        batch.writeText(dir.resolve(EXPECTED_DEC), w -> {
            StringBuilder sb = new StringBuilder();
            for (CoreVectors.ResultBeat r : v.expected()) {
                sb.setLength(0);
                sb.append(r.tile()).append(' ').append(r.kt()).append(' ').append(r.nt()).append(' ').append(r.m());
                for (long y : r.y()) sb.append(' ').append(y);
                w.write(sb.append('\n').toString());
            }
        });
        batch.writeString(dir.resolve(CYCLES), v.expectedCycles() + "\n");
    }

    /** Reads the files back; the inverse of {@link #write}. Errors name the file and line. */
    public static CoreVectors read(FineqConfig c, Path dir) throws IOException {
        List<BigInteger> acts = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(dir.resolve(ACT))) {
            n++;
            acts.add(Beats.parseHex(line, c.actBeatWidth(), dir.resolve(ACT) + " line " + n));
        }
        List<CoreVectors.WeightBeat> ws = new ArrayList<>();
        n = 0;
        for (String line : Files.readAllLines(dir.resolve(WEIGHTS))) {
            n++;
            String where = dir.resolve(WEIGHTS) + " line " + n;
            String[] f = line.trim().split("\\s+");
            if (f.length != 2 || !(f[0].equals("0") || f[0].equals("1")))
                throw new IOException(where + ": expected '<0|1> <hex>'");
            ws.add(new CoreVectors.WeightBeat(Beats.parseHex(f[1], c.weightBeatWidth(), where), f[0].equals("1")));
        }
        List<String> hex = Files.readAllLines(dir.resolve(EXPECTED));
        List<String> dec = Files.readAllLines(dir.resolve(EXPECTED_DEC));
        if (hex.size() != dec.size())
            throw new IOException(dir + ": " + EXPECTED + " has " + hex.size() + " lines but " + EXPECTED_DEC + " has " + dec.size());
        List<CoreVectors.ResultBeat> res = new ArrayList<>();
        for (int i = 0; i < dec.size(); i++) {
            String where = dir.resolve(EXPECTED_DEC) + " line " + (i + 1);
            String[] f = dec.get(i).trim().split("\\s+");
            if (f.length != 4 + c.rows()) throw new IOException(where + ": expected 4 + " + c.rows() + " numbers, got " + f.length);
            long[] y = new long[c.rows()];
            for (int r = 0; r < y.length; r++) y[r] = Long.parseLong(f[4 + r]);
            CoreVectors.ResultBeat beat = new CoreVectors.ResultBeat(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]), Integer.parseInt(f[3]), y);
            BigInteger h = Beats.parseHex(hex.get(i), c.resultBeatWidth(), dir.resolve(EXPECTED) + " line " + (i + 1));
            if (!h.equals(beat.packed(c.accWidth())))
                throw new IOException(dir.resolve(EXPECTED) + " line " + (i + 1) + ": hex beat disagrees with " + EXPECTED_DEC);
            res.add(beat);
        }
        long cycles = Long.parseLong(Files.readString(dir.resolve(CYCLES)).trim());
        return new CoreVectors(c, acts, ws, res, cycles);
    }
}
