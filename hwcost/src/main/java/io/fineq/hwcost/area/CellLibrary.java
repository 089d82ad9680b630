package io.fineq.hwcost.area;

import io.fineq.format.AtomicFiles;
import io.fineq.hwcost.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Liberty file for {@code abc -liberty} / {@code stat -liberty}: the project's generic library
 * (cells/fineq_generic.lib, areas in NAND2 gate equivalents) or a user's file, whose areas are
 * converted to GE through its smallest NAND2 cell.
 *
 * @param path     the file Yosys reads
 * @param builtIn  true for fineq_generic.lib
 * @param nand2    area of one GE in the file's area unit (1.0 for the built-in library)
 * @param cells    cell name -> area, in the file's unit
 */
public record CellLibrary(Path path, boolean builtIn, double nand2, Map<String, Double> cells) {
    public static final String RESOURCE = "/cells/fineq_generic.lib";
    /** Area of NAND2_X1 in the Nangate 45nm Open Cell Library, um^2: the silicon area of 1 GE. */
    public static final double NANGATE45_NAND2_UM2 = 0.798;

    private static final Pattern CELL = Pattern.compile("cell\\s*\\(\\s*\"?([^\")\\s]+)\"?\\s*\\)\\s*\\{");
    private static final Pattern AREA = Pattern.compile("\\barea\\s*:\\s*([0-9.eE+-]+)\\s*;");

    /**
     * The library a run should use: {@code option} (--liberty) if given, else the system property
     * {@code liberty} (-Dliberty=... on java or mvn) if non-empty, else the built-in library.
     */
    public static CellLibrary select(Path option, Path work) throws IOException {
        if (option != null) return user(option);
        String prop = System.getProperty("liberty", "").strip();
        if (!prop.isEmpty()) return user(Path.of(prop));
        return builtIn(work);
    }

    /** Extracts the built-in library into {@code dir} and reads it. */
    public static CellLibrary builtIn(Path dir) throws IOException {
        Path file = dir.resolve("fineq_generic.lib");
        try (InputStream in = CellLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException(RESOURCE + " missing from the class path");
            byte[] bytes = in.readAllBytes();
            Files.createDirectories(dir);
            AtomicFiles.write(file, out -> out.write(bytes));
        }
        return read(file, true);
    }

    /** A user's Liberty file; a missing file or one without areas is a one-line error. */
    public static CellLibrary user(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError("liberty: cannot read '" + file + "' (expected a readable Liberty .lib file)");
        }
        return read(file.toAbsolutePath(), false);
    }

    private static CellLibrary read(Path file, boolean builtIn) throws IOException {
        Map<String, Double> cells = parseAreas(Files.readString(file, StandardCharsets.ISO_8859_1));
        if (cells.isEmpty()) throw new UserError("liberty: '" + file + "' has no cell with an area");
        double nand2 = builtIn ? cells.getOrDefault("NAND2", Double.NaN) : smallestNand2(cells);
        if (!(nand2 > 0)) {
            throw new UserError("liberty: '" + file + "' has no 2-input NAND cell (name containing 'nand2') to define one gate equivalent");
        }
        return new CellLibrary(file, builtIn, nand2, cells);
    }

    /** Cell name -> area, the first 'area' after each 'cell(...)' header. */
    static Map<String, Double> parseAreas(String text) {
        Map<String, Double> cells = new LinkedHashMap<>();
        Matcher cm = CELL.matcher(text);
        Matcher am = AREA.matcher(text);
        while (cm.find()) {
            if (am.find(cm.end())) cells.put(cm.group(1), Double.parseDouble(am.group(1)));
        }
        return cells;
    }

    private static double smallestNand2(Map<String, Double> cells) {
        double best = Double.NaN;
        for (Map.Entry<String, Double> e : cells.entrySet()) {
            String n = e.getKey().toLowerCase(Locale.ROOT);
            int i = n.indexOf("nand2");
            boolean plain = i >= 0 && (i + 5 == n.length() || !Character.isLetter(n.charAt(i + 5)));
            if (plain && e.getValue() > 0 && !(e.getValue() >= best)) best = e.getValue();
        }
        return best;
    }

    /** Converts an area in the file's unit to gate equivalents. */
    public double toGe(double area) {
        return area / nand2;
    }

    /** The library's name for reports: file name. */
    public String name() {
        return path.getFileName().toString();
    }
}
