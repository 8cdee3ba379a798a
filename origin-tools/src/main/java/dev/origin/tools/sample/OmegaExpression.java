package dev.origin.tools.sample;

import java.util.Map;

/**
 * Evaluates the arithmetic expressions of the EPA OMEGA cost tables (Python syntax restricted to
 * numbers, variables, {@code + - * / **} and parentheses), e.g.
 * {@code ((-28.814) * CYL + 726.27) * CYL * MARKUP_ICE}. {@code **} binds tighter than unary minus on its
 * left and is right-associative, as in Python.
 */
final class OmegaExpression {
    private final String text;
    private final Map<String, Double> variables;
    private int pos;

    private OmegaExpression(String text, Map<String, Double> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** Evaluates {@code expression}; every variable it names must be in {@code variables}. */
    static double evaluate(String expression, Map<String, Double> variables) {
        OmegaExpression e = new OmegaExpression(expression, variables);
        double value = e.sum();
        e.skipSpace();
        if (e.pos != e.text.length()) {
            throw e.error("unexpected '" + e.text.charAt(e.pos) + "'");
        }
        return value;
    }

    private double sum() {
        double value = product();
        while (true) {
            skipSpace();
            if (peek('+')) {
                pos++;
                value += product();
            } else if (peek('-')) {
                pos++;
                value -= product();
            } else {
                return value;
            }
        }
    }

    private double product() {
        double value = unary();
        while (true) {
            skipSpace();
            if (peek('*') && !peekPower()) {
                pos++;
                value *= unary();
            } else if (peek('/')) {
                pos++;
                value /= unary();
            } else {
                return value;
            }
        }
    }

    private double unary() {
        skipSpace();
        if (peek('-')) {
            pos++;
            return -unary();
        }
        if (peek('+')) {
            pos++;
            return unary();
        }
        return power();
    }

    private double power() {
        double base = primary();
        skipSpace();
        if (peekPower()) {
            pos += 2;
            return Math.pow(base, unary());
        }
        return base;
    }

    private double primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            double value = sum();
            skipSpace();
            if (!peek(')')) {
                throw error("missing ')'");
            }
            pos++;
            return value;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                    pos++;
                }
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            return Double.parseDouble(text.substring(start, pos));
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            Double value = variables.get(name);
            if (value == null) {
                throw error("unknown variable " + name);
            }
            return value;
        }
        throw error("unexpected '" + c + "'");
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean peekPower() {
        return pos + 1 < text.length() && text.charAt(pos) == '*' && text.charAt(pos + 1) == '*';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at " + pos + " in: " + text);
    }
}
