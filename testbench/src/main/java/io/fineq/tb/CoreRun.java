package io.fineq.tb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the harness wrote to its {@code out=} file: the result beats in handshake order, the
 * cycle count (cycle of the last result handshake + 1), the beats consumed per input stream and
 * any result offered after the last expected one (a duplicate or spurious beat), and for a model
 * built with toggle coverage the cycles its counters cover ({@code simulatedCycles}, else -1), and
 * the harness process's peak resident memory ({@code peakRssKb}, -1 when not reported).
 */
public record CoreRun(List<String> results, long cycles, long actConsumed, long weightConsumed, List<String> extraResults,
                      long simulatedCycles, long peakRssKb) {

    /**
     * Reads the harness's out file. Result beats stay hex text (most significant digit first);
     * {@link Beats#unpackSignedHex} decodes and range-checks them where they are compared.
     */
    static CoreRun parse(Path out) throws IOException {
        List<String> beats = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        long cycles = -1, acts = -1, ws = -1, simulated = -1, rss = -1;
        int n = 0;
        // The harness writes ASCII only; one Latin-1 read and a split on '\n' is the cheapest way
        // through ~1 MB of result hex (a 64 x 64 job).
        String text = Files.readString(out, StandardCharsets.ISO_8859_1);
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl;
            String line = text.substring(from, to);
            from = to + 1;
            n++;
            String where = out + " line " + n;
            if (line.startsWith("cycles ")) cycles = Long.parseLong(line.substring(7).trim());
            else if (line.startsWith("consumed ")) {
                String[] f = line.substring(9).trim().split("\\s+");
                acts = Long.parseLong(f[0]);
                ws = Long.parseLong(f[1]);
            } else if (line.startsWith("extra_beat ")) extra.add(line.substring(11).trim());
            else if (line.startsWith("extra ")) continue;
            else if (line.startsWith("simulated ")) simulated = Long.parseLong(line.substring(10).trim());
            else if (line.startsWith("peak_rss_kb ")) rss = Long.parseLong(line.substring(12).trim());
            else if (line.startsWith("timeout ")) throw new IOException(where + ": simulation timed out: " + line);
            else if (!line.isBlank()) beats.add(line.trim());
        }
        if (cycles < 0) throw new IOException(out + ": no 'cycles' line (harness did not finish)");
        return new CoreRun(beats, cycles, acts, ws, extra, simulated, rss);
    }
}
