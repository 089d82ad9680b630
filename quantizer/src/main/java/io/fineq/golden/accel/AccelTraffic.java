package io.fineq.golden.accel;

/**
 * What one job moves, counted from the descriptor (the shell's dataflow is fixed by it; docs/
 * accelerator.md, "Traffic"): bus beats read and written, and bits read and written in each
 * on-chip memory as the RTL enables them (a partial-sum read-modify-write reads and writes one
 * 32-bit lane memory of each of the R banks; the write-back reads all lanes of one bank and both
 * parameter words per bus word). {@code AccelRtlTest} checks the beat counts against the simulated bus.
 */
public record AccelTraffic(long readBeats, long writeBeats, long actBufferBits, long weightBufferBits, long psumBits, long paramBits,
                           long resultBeats, long macs) {

    public static AccelTraffic of(AccelShape s, AccelDescriptor d) {
        int r = s.rows();
        int c = s.cols();
        int bus = s.busBytes();
        long busBits = 8L * bus;
        long mb = d.mb();
        long kt = d.kt();
        long n = d.n();
        long tokenTiles = (n + r - 1) / r;
        long groups = (mb + s.groupBlocks() - 1) / s.groupBlocks();
        long paramWords = (96 * mb + bus - 1) / bus;
        long actRows = groups * kt * n;                     // rows of tokens < N, per (group, k-tile)
        long actBeats = actRows * (c / bus);
        long weightBeats = tokenTiles * kt * mb;            // core beats (C blocks each)
        long weightWords = weightBeats * (7L * c / bus);
        long results = tokenTiles * kt * mb * 24;           // result beats of the core
        long firstResults = tokenTiles * mb * 24;           // of the first k-tile: written, not read
        // Write-back: per token and group, bus words of int32 (lanes) or int8 (bytes; four psum reads each).
        long writeWords = 0;
        long wbReads = 0;
        for (long g = 0; g < groups; g++) {
            long outs = 24 * Math.min(s.groupBlocks(), mb - g * s.groupBlocks());
            long words = d.int8() ? (outs + bus - 1) / bus : (outs + s.lanes() - 1) / s.lanes();
            writeWords += n * words;
            wbReads += n * words * (d.int8() ? 4 : 1);
        }
        long psum = (results - firstResults) * r * 32 + results * r * 32 + wbReads * busBits;
        long param = 2 * paramWords * busBits + 2 * wbReads * busBits;
        long act = 2 * actRows * 8L * c;
        long weight = 2 * weightBeats * 56L * c;
        return new AccelTraffic(2 * paramWords + actBeats + weightWords, writeWords, act, weight, psum, param, results,
                n * mb * 24 * kt * c);
    }

    /** Bits read and written in all on-chip memories. */
    public long sramBits() {
        return actBufferBits + weightBufferBits + psumBits + paramBits;
    }
}
