package io.fineq.hwcost.liberty;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the group / attribute structure of a Liberty (.lib) file: {@code name : value ;},
 * {@code name ( args ) ;} and {@code name ( args ) { ... }}, with {@code /* *}{@code /} and
 * {@code //} comments and backslash line continuations. It knows nothing of the meaning of the
 * attributes ({@link Liberty} does). A syntax error is a {@link LibertyException} naming the line.
 */
public final class LibertyParser {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private LibertyParser(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** Parses a whole file; returns its top group (normally {@code library (name)}). */
    public static LibertyGroup parse(String text, String source) {
        LibertyParser p = new LibertyParser(text, source);
        LibertyGroup root = new LibertyGroup("", List.of());
        p.statements(root, true);
        if (root.groups().isEmpty()) throw new LibertyException(source + ": no Liberty group found");
        return root.groups().get(0);
    }

    private void statements(LibertyGroup into, boolean top) {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                if (!top) throw error("unexpected end of file, a '}' is missing");
                return;
            }
            char c = text.charAt(pos);
            if (c == '}') {
                if (top) throw error("unexpected '}'");
                pos++;
                return;
            }
            if (c == ';') {
                pos++;
                continue;
            }
            statement(into);
        }
    }

    private void statement(LibertyGroup into) {
        int begin = pos;
        String name = word();
        skipSpace();
        if (pos >= text.length()) throw error("unexpected end of file after '" + name + "'");
        char c = text.charAt(pos);
        if (c == ':') {
            pos++;
            into.putSimple(name, value());
            return;
        }
        if (c != '(') throw error("expected ':' or '(' after '" + name + "'");
        pos++;
        List<String> args = arguments();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '{') {
            pos++;
            LibertyGroup g = new LibertyGroup(name, args);
            statements(g, false);
            g.span(begin, pos);
            into.add(g);
        } else {
            into.putComplex(name, args);
            if (pos < text.length() && text.charAt(pos) == ';') pos++;
        }
    }

    /** The value of a simple attribute: everything up to ';' (or the end of the line), quotes removed. */
    private String value() {
        skipSpace();
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                sb.append(quoted());
                continue;
            }
            if (c == ';') {
                pos++;
                break;
            }
            if (c == '\n' || c == '}') break;
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\n' || text.charAt(pos + 1) == '\r')) {
                pos++;
                continue;
            }
            sb.append(c);
            pos++;
        }
        return sb.toString().trim();
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        while (true) {
            skipSpace();
            if (pos >= text.length()) throw error("unexpected end of file inside '(...)'");
            char c = text.charAt(pos);
            if (c == ')') {
                pos++;
                if (any || cur.length() > 0) args.add(cur.toString().trim());
                return args;
            }
            if (c == ',') {
                pos++;
                args.add(cur.toString().trim());
                cur.setLength(0);
                any = true;
                continue;
            }
            if (c == '"') {
                cur.append(quoted());
                continue;
            }
            if (c == '\\') {
                pos++;
                continue;
            }
            cur.append(c);
            pos++;
            while (pos < text.length() && " \t\r\n,)\"\\".indexOf(text.charAt(pos)) < 0) cur.append(text.charAt(pos++));
            if (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) cur.append(' ');
        }
    }

    private String quoted() {
        int start = ++pos;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '"') {
            char c = text.charAt(pos);
            if (c == '\n') line++;
            if (c == '\\' && pos + 1 < text.length()) {
                char n = text.charAt(pos + 1);
                if (n == '\n' || n == '\r') {
                    pos += 2;
                    if (n == '\n') line++;
                    continue;
                }
            }
            sb.append(c);
            pos++;
        }
        if (pos >= text.length()) {
            pos = start;
            throw error("unterminated string");
        }
        pos++;
        return sb.toString();
    }

    private String word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ':' || c == '(' || c == ';' || c == '{' || c == '}') break;
            pos++;
        }
        if (pos == start) throw error("expected a name, found '" + text.charAt(pos) + "'");
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\n' || text.charAt(pos + 1) == '\r')) {
                pos++;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) throw error("unterminated comment");
                for (int i = pos; i < end; i++) if (text.charAt(i) == '\n') line++;
                pos = end + 2;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else {
                return;
            }
        }
    }

    private LibertyException error(String what) {
        return new LibertyException(source + ":" + line + ": " + what);
    }
}
