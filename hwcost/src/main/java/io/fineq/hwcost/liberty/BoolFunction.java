package io.fineq.hwcost.liberty;

import java.util.ArrayList;
import java.util.List;

/**
 * A Liberty {@code function} string (e.g. {@code "((A & B) | (CI & (A | B)))"}, {@code "!(A1 A2)"},
 * {@code "A'"}) as a truth table over named inputs. Operators, highest precedence first: inversion
 * ({@code !x}, {@code x'}), XOR ({@code ^}), AND ({@code &}, {@code *} or juxtaposition), OR
 * ({@code +}, {@code |}); constants {@code 0} and {@code 1}.
 */
public final class BoolFunction {

    private interface Node {
        boolean eval(List<String> vars, long assignment);
    }

    private final Node root;
    private final String text;

    private BoolFunction(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    public static BoolFunction parse(String text) {
        Parser p = new Parser(text);
        Node n = p.or();
        p.skip();
        if (p.pos != text.length()) throw new LibertyException("function \"" + text + "\": unexpected '" + text.charAt(p.pos) + "'");
        return new BoolFunction(n, text);
    }

    /** Value for the assignment whose bit i is the value of {@code vars.get(i)}. */
    public boolean eval(List<String> vars, long assignment) {
        return root.eval(vars, assignment);
    }

    /** The truth table over {@code vars} (at most 6): bit k is the value for assignment k. */
    public long truthTable(List<String> vars) {
        if (vars.size() > 6) throw new IllegalArgumentException("at most 6 inputs, got " + vars.size());
        long table = 0;
        for (long a = 0; a < (1L << vars.size()); a++) {
            if (eval(vars, a)) table |= 1L << a;
        }
        return table;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        boolean at(char c) {
            skip();
            return pos < s.length() && s.charAt(pos) == c;
        }

        Node or() {
            Node left = and();
            while (at('+') || at('|')) {
                pos++;
                Node l = left;
                Node r = and();
                left = (v, a) -> l.eval(v, a) || r.eval(v, a);
            }
            return left;
        }

        Node and() {
            Node left = xor();
            while (true) {
                if (at('&') || at('*')) {
                    pos++;
                } else if (!(pos < s.length() && startsOperand())) {
                    return left;
                }
                Node l = left;
                Node r = xor();
                left = (v, a) -> l.eval(v, a) && r.eval(v, a);
            }
        }

        /** Juxtaposition means AND: the next token starts an operand. */
        private boolean startsOperand() {
            skip();
            if (pos >= s.length()) return false;
            char c = s.charAt(pos);
            return c == '(' || c == '!' || Character.isLetterOrDigit(c) || c == '_';
        }

        Node xor() {
            Node left = unary();
            while (at('^')) {
                pos++;
                Node l = left;
                Node r = unary();
                left = (v, a) -> l.eval(v, a) ^ r.eval(v, a);
            }
            return left;
        }

        Node unary() {
            if (at('!')) {
                pos++;
                Node n = unary();
                return (v, a) -> !n.eval(v, a);
            }
            Node n = primary();
            while (at('\'')) {
                pos++;
                Node m = n;
                n = (v, a) -> !m.eval(v, a);
            }
            return n;
        }

        Node primary() {
            skip();
            if (pos >= s.length()) throw new LibertyException("function \"" + s + "\": unexpected end");
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = or();
                if (!at(')')) throw new LibertyException("function \"" + s + "\": missing ')'");
                pos++;
                return n;
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '[' || s.charAt(pos) == ']' || s.charAt(pos) == '.')) pos++;
            if (start == pos) throw new LibertyException("function \"" + s + "\": unexpected '" + c + "'");
            String name = s.substring(start, pos);
            if (name.equals("0")) return (v, a) -> false;
            if (name.equals("1")) return (v, a) -> true;
            return (v, a) -> {
                int i = v.indexOf(name);
                if (i < 0) throw new LibertyException("function \"" + s + "\": unknown input " + name);
                return ((a >> i) & 1) != 0;
            };
        }
    }

    /** The input names a function string mentions, in first-use order. */
    public static List<String> inputsOf(String text) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '[' || text.charAt(i) == ']' || text.charAt(i) == '.')) i++;
                String n = text.substring(start, i);
                if (!names.contains(n)) names.add(n);
            } else {
                i++;
            }
        }
        return names;
    }
}
