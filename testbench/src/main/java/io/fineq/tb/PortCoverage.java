package io.fineq.tb;

/**
 * Switches Verilator's toggle coverage off for the ports of every module but the top, by
 * wrapping each port list in {@code verilator coverage_off / coverage_on} comments.
 *
 * <p>Why: with modules not inlined (needed for per-module counts, see {@link BuildOptions}),
 * Verilator 5.006 counts the port toggles of every instance of a module into one counter, and
 * that counter may be the one of the parent's wire the port connects to: a clock gate's
 * {@code clk_o} toggles of all instances land on one parent's gated-clock wire. A port's net is
 * counted where it is driven anyway, under its name there. The top's ports (the stimulus) keep
 * their coverage.
 */
public final class PortCoverage {
    /** Changes whenever the transformation does (part of the model cache key). */
    static final String VERSION = "port-coverage-off-1";
    static final String OFF = "/* verilator coverage_off */";
    static final String ON = "/* verilator coverage_on */";

    private PortCoverage() {
    }

    /** The Verilog text with the port lists of all modules except {@code top} out of toggle coverage. */
    public static String offExceptTop(String verilog, String top) {
        StringBuilder out = new StringBuilder(verilog.length() + 256);
        int pos = 0;
        while (true) {
            int m = nextKeyword(verilog, pos, "module");
            if (m < 0) break;
            int i = skipSpace(verilog, m + "module".length());
            int nameStart = i;
            while (i < verilog.length() && (Character.isLetterOrDigit(verilog.charAt(i)) || verilog.charAt(i) == '_' || verilog.charAt(i) == '$')) i++;
            String name = verilog.substring(nameStart, i);
            i = skipSpace(verilog, i);
            if (i < verilog.length() && verilog.charAt(i) == '#') {
                i = skipSpace(verilog, i + 1);
                i = matching(verilog, i) + 1;
                i = skipSpace(verilog, i);
            }
            if (i >= verilog.length() || verilog.charAt(i) != '(' || name.equals(top)) {
                out.append(verilog, pos, i);
                pos = i;
                continue;
            }
            int close = matching(verilog, i);
            out.append(verilog, pos, i + 1).append(' ').append(OFF).append('\n');
            out.append(verilog, i + 1, close).append(ON).append('\n');
            pos = close;
        }
        out.append(verilog, pos, verilog.length());
        return out.toString();
    }

    /** Index of the keyword as a whole word outside comments at or after {@code from}, or -1. */
    private static int nextKeyword(String s, int from, String word) {
        int i = from;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith(word, i) && (i == 0 || !isIdent(s.charAt(i - 1)))
                    && (i + word.length() >= s.length() || !isIdent(s.charAt(i + word.length())))) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** Index of the ')' matching the '(' at {@code open}, skipping comments. */
    private static int matching(String s, int open) {
        if (open >= s.length() || s.charAt(open) != '(') throw new IllegalArgumentException("expected '(' at offset " + open);
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
                continue;
            }
            if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                continue;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return i;
            i++;
        }
        throw new IllegalArgumentException("unbalanced '(' at offset " + open);
    }
}
