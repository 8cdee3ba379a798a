package dev.origin.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the command prints on a terminal: control characters that come from the input (an id holding an
 * escape sequence, a bell, a bidirectional override) are written as {@code \u001B} and so on, never raw, so
 * a file cannot move the cursor, recolour or hide text. Line breaks, carriage returns (the progress bar) and
 * tabs pass. JSON output is not changed: its strings already escape control characters.
 */
final class Escaping extends FilterWriter {
    Escaping(Writer out) {
        super(out);
    }

    static boolean escaped(int c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /** {@code s} as this writer writes it: itself when it holds no character to escape. */
    static String escape(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !escaped(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (escaped(c)) sb.append(String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    @Override public void write(int c) throws IOException {
        if (escaped(c)) out.write(String.format("\\u%04X", c));
        else out.write(c);
    }

    @Override public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (escaped(buf[i])) {
                out.write(buf, start, i - start);
                write(buf[i]);
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override public void write(String s, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (escaped(s.charAt(i))) {
                out.write(s, start, i - start);
                write(s.charAt(i));
                start = i + 1;
            }
        }
        out.write(s, start, off + len - start);
    }
}
