package io.fineq.hwcost.sweep;

import io.fineq.hwcost.ppa.GenericLibrary;
import io.fineq.hwcost.ppa.PpaDesign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The name of a point's result: a SHA-256 of everything that determines it, so that a re-run finds
 * finished points and a changed parameter, template, library or tool recomputes only the points it
 * changes: the point's parameters, the RTL and SDC the generators render for it (templates and
 * generator code show up there), the Liberty file's bytes, and the versions of the tools.
 */
public final class PointKey {
    private PointKey() {
    }

    /**
     * @param tools the tool versions of this machine ({@link #toolVersions})
     * @param scratch a folder the point's RTL may be rendered into
     */
    public static String of(SweepPoint p, String tools, Path scratch) throws IOException {
        MessageDigest md = sha256();
        update(md, p.toString());
        update(md, tools);
        update(md, "throughput llama/" + SweepPlan.LLAMA_SCALE_DOWN + " tokens " + Throughput.TOKENS);
        PpaDesign d = p.ppaDesign();
        Path rtl = scratch.resolve("key-" + p.label());
        List<Path> files = new java.util.ArrayList<>(d.writeRtl(rtl));
        files.add(d.writeSdc(rtl, p.clockMhz()));
        for (Path f : files) {
            update(md, f.getFileName().toString());
            md.update(Files.readAllBytes(f));
        }
        if (p.liberty().isEmpty()) {
            try (InputStream in = GenericLibrary.class.getResourceAsStream(GenericLibrary.RESOURCE)) {
                md.update(in.readAllBytes());
            }
        } else {
            md.update(Files.readAllBytes(Path.of(p.liberty())));
        }
        deleteTree(rtl);
        return HexFormat.of().formatHex(md.digest()).substring(0, 20);
    }

    /** Versions of Yosys, OpenSTA and Verilator as they report them (absent tools are named as such). */
    public static String toolVersions() {
        StringBuilder sb = new StringBuilder();
        for (List<String> cmd : List.of(List.of("yosys", "-V"), List.of("sta", "-version"), List.of("verilator", "--version"))) {
            sb.append(cmd.get(0)).append(' ').append(version(cmd)).append('\n');
        }
        return sb.toString();
    }

    private static String version(List<String> cmd) {
        try {
            Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            pr.waitFor();
            return out.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "absent";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
