package dev.origin.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The first pass of {@link CaseStream} over a case file that is plain: a hand-written check of the JSON syntax over
 * the bytes, with what the pass must find (the number of goods, where each starts, their ids, the ids that
 * {@code ref} names). It answers only for a file it is sure about: printable ASCII, line breaks and tabs between
 * values; a root object holding only a non-empty {@code goods} list; no duplicate good id; strings without
 * {@code \\u} escapes of surrogates; short keys and numbers; modest nesting. For anything else (invalid syntax, a
 * problem of the file as a whole, a character beyond ASCII, a limit approached) it gives up, and
 * the file is scanned by Jackson's parser over its text, which words the problems. It accepts only documents that
 * Jackson accepts (the JSON grammar of RFC 8259, which is Jackson's default), and gives the same goods and ids as
 * {@link CaseStream}'s scan with Jackson (CaseStreamFastTest).
 */
final class ByteScan {
    /** What the scan found: the goods' count, starts (offsets from the start of the stream, lines, columns), ids and refs. */
    static final class Result {
        int count;
        long[] starts = new long[1024];
        int[] lines = new int[1024];
        int[] columns = new int[1024];
        long end;
        final Map<String, Integer> ids = new HashMap<>();
        final Set<String> referenced = new HashSet<>();
        /*
         * Read while the scan runs on another thread (CaseStream.openOverlapped): the goods found so far. The scanning
         * thread writes an entry (growing the arrays by copies that keep every entry) before it publishes the count;
         * a reader that has read `published` sees the arrays at least as they were then, and every entry below it.
         */
        private volatile int published;
        private volatile boolean finished;
        /** True when the scan was sure of the file (read once {@link #finished}). */
        private boolean sure;

        void add(long at, int line, int column) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                lines = Arrays.copyOf(lines, count * 2);
                columns = Arrays.copyOf(columns, count * 2);
            }
            starts[count] = at;
            lines[count] = line;
            columns[count] = column;
            count++;
            if ((count & 63) == 0) publish();
        }

        private void publish() {
            published = count;
            synchronized (this) {
                notifyAll();
            }
        }

        private void finish(boolean sure) {
            this.sure = sure;
            published = count;
            finished = true;
            synchronized (this) {
                notifyAll();
            }
        }

        /**
         * Waits until the scan has found at least {@code goods} goods or has ended; the number found so far (all of
         * them once it ended). Only for a scan run by {@link #scanInto}.
         */
        int await(int goods) throws InterruptedException {
            if (published < goods && !finished) {
                synchronized (this) {
                    while (published < goods && !finished) wait();
                }
            }
            return published;
        }

        /** True when the scan has ended (then {@link #count}, {@link #end}, the ids and refs are final). */
        boolean finished() { return finished; }

        /** True when the scan has ended and was sure of the file. */
        boolean sure() {
            return finished && sure;
        }

        /** Waits for the end of the scan; true when it was sure of the file. */
        boolean awaitSure() throws InterruptedException {
            if (!finished) {
                synchronized (this) {
                    while (!finished) wait();
                }
            }
            return sure;
        }
    }

    /** Given up: the file is scanned with Jackson instead. */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        Unsure() {
            super(null, null, false, false);
        }
    }

    private static final Unsure UNSURE = new Unsure();
    private static final int MAX_DEPTH = 90;
    private static final int MAX_KEY = 1_000;
    private static final int MAX_STRING = 1_000_000;
    private static final int MAX_NUMBER = 200;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    /** Bytes before {@code buf[0]}. */
    private long consumed;
    private int line = 1;
    private long lineStart;
    private boolean eof;
    /** The text of the last string read with {@code keep}. */
    private byte[] scratch = new byte[64];
    private int scratchLength;
    private final Result result;

    private ByteScan(InputStream in, Result result) {
        this.in = in;
        this.result = result;
    }

    /** The scan of the document on {@code in} (past any byte-order mark), or null when this pass is not sure of it. */
    static Result scan(InputStream in) throws IOException {
        ByteScan s = new ByteScan(in, new Result());
        try {
            s.document();
            return s.result;
        } catch (Unsure e) {
            return null;
        }
    }

    /**
     * Scans the document on {@code in} into {@code into}, publishing the goods as it finds them (for readers on other
     * threads, {@link Result#await}); the result says at its end whether the scan was sure of the file (a read error
     * is not sure).
     */
    static void scanInto(InputStream in, Result into) {
        boolean sure = false;
        try {
            new ByteScan(in, into).document();
            sure = true;
        } catch (Unsure | IOException | RuntimeException e) {
            // not sure: the file is read again by the other scan, which words what is wrong
        } finally {
            into.finish(sure);
        }
    }

    private boolean fill() throws IOException {
        if (pos < lim) return true;
        if (eof) return false;
        consumed += lim;
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        lim = n;
        return true;
    }

    /** The next byte that is not a blank, not consumed; -1 at the end. */
    private int blank() throws IOException, Unsure {
        while (true) {
            if (pos == lim && !fill()) return -1;
            byte b = buf[pos];
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n') {
                pos++;
                line++;
                lineStart = consumed + pos;
            } else if (b == '\r') {
                // as Jackson counts lines: CR LF is one line break, a CR alone is one too
                pos++;
                if ((pos < lim || fill()) && buf[pos] == '\n') pos++;
                line++;
                lineStart = consumed + pos;
            } else if (b < 0x20) {
                throw UNSURE;
            } else {
                return b;
            }
        }
    }

    private int take() throws IOException {
        if (pos == lim && !fill()) return -1;
        return buf[pos++];
    }

    private void expect(int c) throws IOException, Unsure {
        if (blank() != c) throw UNSURE;
        pos++;
    }

    private void document() throws IOException, Unsure {
        expect('{');
        if (blank() != '"') throw UNSURE;
        pos++;
        if (!string(true, MAX_KEY) || !is("goods")) throw UNSURE;
        expect(':');
        expect('[');
        goods();
        // only `goods`: another key is a problem of the file as a whole
        expect('}');
        if (blank() != -1) throw UNSURE;
    }

    private void goods() throws IOException, Unsure {
        if (blank() == ']') throw UNSURE;
        while (true) {
            int c = blank();
            int i = result.count;
            result.add(consumed + pos, line, (int) (consumed + pos - lineStart) + 1);
            if (c == '{') {
                pos++;
                good(i);
            } else {
                value(2);
            }
            int d = blank();
            pos++;
            if (d == ']') {
                result.end = consumed + pos - 1;
                return;
            }
            if (d != ',') throw UNSURE;
        }
    }

    /** A good's object, its `{` read: its first id noted, the ids that `ref` names inside its values. */
    private void good(int i) throws IOException, Unsure {
        if (blank() == '}') {
            pos++;
            return;
        }
        boolean idSeen = false;
        while (true) {
            expect('"');
            string(true, MAX_KEY);
            boolean id = !idSeen && is("id");
            expect(':');
            if (id) {
                idSeen = true;
                int c = blank();
                if (c == '"') {
                    pos++;
                    string(true, MAX_STRING);
                    if (result.ids.putIfAbsent(text(), i) != null) throw UNSURE;
                } else if (c == '{' || c == '[' || c == 'n') {
                    value(3);
                } else {
                    // a number or a boolean as an id: Jackson's text of it is left to the other scan
                    throw UNSURE;
                }
            } else {
                value(3);
            }
            int d = blank();
            pos++;
            if (d == '}') return;
            if (d != ',') throw UNSURE;
        }
    }

    /** Any value at nesting {@code depth}, checked, noting the ids that a `ref` key inside names. */
    private void value(int depth) throws IOException, Unsure {
        int c = blank();
        switch (c) {
            case '{' -> {
                pos++;
                if (depth >= MAX_DEPTH) throw UNSURE;
                if (blank() == '}') {
                    pos++;
                    return;
                }
                while (true) {
                    expect('"');
                    string(true, MAX_KEY);
                    boolean ref = is("ref");
                    expect(':');
                    if (ref) {
                        int v = blank();
                        if (v == '"') {
                            pos++;
                            string(true, MAX_STRING);
                            result.referenced.add(text());
                        } else if (v == '-' || (v >= '0' && v <= '9')) {
                            number(true);
                            result.referenced.add(text());
                        } else {
                            value(depth + 1);
                        }
                    } else {
                        value(depth + 1);
                    }
                    int d = blank();
                    pos++;
                    if (d == '}') return;
                    if (d != ',') throw UNSURE;
                }
            }
            case '[' -> {
                pos++;
                if (depth >= MAX_DEPTH) throw UNSURE;
                if (blank() == ']') {
                    pos++;
                    return;
                }
                while (true) {
                    value(depth + 1);
                    int d = blank();
                    pos++;
                    if (d == ']') return;
                    if (d != ',') throw UNSURE;
                }
            }
            case '"' -> {
                pos++;
                string(false, MAX_STRING);
            }
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) number(false);
                else throw UNSURE;
            }
        }
    }

    private void word(String w) throws IOException, Unsure {
        for (int k = 0; k < w.length(); k++) {
            if (take() != w.charAt(k)) throw UNSURE;
        }
        delimiter();
    }

    /** After a number or a word: a blank, a comma or the end of a list or object (not consumed). */
    private void delimiter() throws IOException, Unsure {
        if (pos == lim && !fill()) throw UNSURE;
        byte b = buf[pos];
        if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != ',' && b != ']' && b != '}') throw UNSURE;
    }

    /** A number as RFC 8259 writes it: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private void number(boolean keep) throws IOException, Unsure {
        scratchLength = 0;
        int c = take();
        int n = 1;
        if (keep) keep(c);
        if (c == '-') {
            c = take();
            n++;
            if (keep) keep(c);
        }
        if (c == '0') {
            c = peekDigitless();
        } else if (c >= '1' && c <= '9') {
            n += digits(keep);
            c = peekDigitless();
        } else {
            throw UNSURE;
        }
        if (c == '.') {
            pos++;
            if (keep) keep(c);
            int k = digits(keep);
            if (k == 0) throw UNSURE;
            n += 1 + k;
            c = peekDigitless();
        }
        if (c == 'e' || c == 'E') {
            pos++;
            if (keep) keep(c);
            n++;
            if (pos == lim && !fill()) throw UNSURE;
            byte s = buf[pos];
            if (s == '+' || s == '-') {
                pos++;
                n++;
                if (keep) keep(s);
            }
            int k = digits(keep);
            if (k == 0) throw UNSURE;
            n += k;
        }
        if (n > MAX_NUMBER) throw UNSURE;
        delimiter();
    }

    /** The next byte, not consumed, when it is not a digit (a digit right after a leading zero is an error). */
    private int peekDigitless() throws IOException, Unsure {
        if (pos == lim && !fill()) throw UNSURE;
        byte b = buf[pos];
        if (b >= '0' && b <= '9') throw UNSURE;
        return b;
    }

    private int digits(boolean keep) throws IOException {
        int n = 0;
        while (true) {
            if (pos == lim && !fill()) return n;
            byte b = buf[pos];
            if (b < '0' || b > '9') return n;
            pos++;
            n++;
            if (keep) keep(b);
        }
    }

    /**
     * A string, its opening quote read; its text kept in {@link #scratch} when {@code keep} (and then only when it
     * has no escape: its text is its bytes). True when kept.
     */
    private boolean string(boolean keep, int max) throws IOException, Unsure {
        scratchLength = 0;
        int n = 0;
        while (true) {
            if (pos == lim && !fill()) throw UNSURE;
            byte[] b = buf;
            int start = pos;
            int p = pos;
            int l = lim;
            // the run of plain characters, in one tight loop (DEL, 0x7F, is valid and plain)
            while (p < l) {
                byte c = b[p];
                if (c == '"' || c == '\\' || c < 0x20) break;
                p++;
            }
            int run = p - start;
            n += run;
            if (n > max) throw UNSURE;
            if (keep && run > 0) keep(b, start, run);
            pos = p;
            if (p == l) continue;
            byte c = b[pos++];
            if (c == '"') return keep;
            if (c < 0x20) throw UNSURE; // a control character (invalid) or a byte beyond ASCII
            // an escape: its text is not its bytes, so a string that must be kept gives up
            if (keep) throw UNSURE;
            n++;
            int e = take();
            if (e == 'u') {
                int v = 0;
                for (int k = 0; k < 4; k++) {
                    int h = take();
                    int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                    if (d < 0) throw UNSURE;
                    v = v * 16 + d;
                }
                if (v >= 0xD800 && v <= 0xDFFF) throw UNSURE;
            } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                throw UNSURE;
            }
        }
    }

    private void keep(byte[] b, int from, int length) {
        if (scratchLength + length > scratch.length) scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + length));
        System.arraycopy(b, from, scratch, scratchLength, length);
        scratchLength += length;
    }

    private void keep(int b) {
        if (scratchLength == scratch.length) scratch = Arrays.copyOf(scratch, scratchLength * 2);
        scratch[scratchLength++] = (byte) b;
    }

    private boolean is(String s) {
        if (scratchLength != s.length()) return false;
        for (int k = 0; k < scratchLength; k++) if (scratch[k] != s.charAt(k)) return false;
        return true;
    }

    private String text() {
        return new String(scratch, 0, scratchLength, StandardCharsets.ISO_8859_1);
    }
}
