package dev.origin.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.origin.core.engine.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON or YAML document that remembers where each value came from (line and column), so
 * that every problem can be reported with its location. Numbers keep their literal text, so decimals
 * are never read through a floating-point type.
 */
public abstract sealed class Tree permits Tree.Obj, Tree.Arr, Tree.Scalar {
    public final int line;
    public final int column;

    Tree(int line, int column) {
        this.line = line;
        this.column = column;
    }

    /** A JSON object / YAML mapping, in document order. */
    public static final class Obj extends Tree {
        public final Map<String, Tree> fields = new LinkedHashMap<>();
        public Obj(int line, int column) { super(line, column); }
        public Tree get(String key) { return fields.get(key); }
    }

    /** A JSON array / YAML sequence. */
    public static final class Arr extends Tree {
        public final List<Tree> items = new ArrayList<>();
        public Arr(int line, int column) { super(line, column); }
    }

    /** A scalar: string, number, boolean or null, with its literal text. */
    public static final class Scalar extends Tree {
        public enum Type { STRING, NUMBER, BOOLEAN, NULL }
        public final Type type;
        public final String text;
        public Scalar(int line, int column, Type type, String text) {
            super(line, column);
            this.type = type;
            this.text = text;
        }
        public boolean isNull() { return type == Type.NULL; }
    }

    /** How deep lists and objects may nest in a JSON or YAML document (docs/errors.md, {@code TOO_DEEP}). */
    public static final int MAX_DEPTH = 100;
    /** The longest number literal read (digits, sign, point); longer ones are {@code NUMBER_TOO_LONG} (see {@link Fields}). */
    static final int MAX_NUMBER_LENGTH = 200;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 10).maxNumberLength(MAX_NUMBER_LENGTH + 10).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS).build();

    /** Nesting beyond {@link #MAX_DEPTH}, found while reading: stops the recursion. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;
        TooDeep(int line, int column) {
            super(null, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /**
     * Refuses, before reading it, a file that is read whole (a fleet, a rule pack, a tariff table) when it is larger
     * than a case file read whole may be ({@code CaseStream.MAX_WHOLE_BYTES}, docs/cli.md "Limits"); {@code what}
     * names it in the message ("a fleet file"). Problems of reading it are the caller's.
     */
    public static void checkSize(java.nio.file.Path path, String what) throws InputException {
        long size;
        try {
            size = java.nio.file.Files.size(path);
        } catch (java.io.IOException e) {
            return;
        }
        if (size > CaseStream.MAX_WHOLE_BYTES) {
            throw new InputException(List.of(Problem.of(path.toString(), 0, 0, "", dev.origin.core.engine.ErrorCode.Variant.WHOLE_FILE_TOO_LARGE,
                    size, what, CaseStream.MAX_WHOLE_BYTES)));
        }
    }

    /** True when the file name says YAML. */
    public static boolean isYaml(String fileName) {
        String f = fileName.toLowerCase(java.util.Locale.ROOT);
        return f.endsWith(".yaml") || f.endsWith(".yml");
    }

    /**
     * Parses {@code text}; syntax errors and duplicate keys become problems (collected in
     * {@code problems}); returns null when the document cannot be read at all.
     */
    public static Tree parse(String text, boolean yaml, String file, List<Problem> problems) {
        // a byte-order mark is accepted at the start of JSON as of YAML (and CSV)
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(Problem.of(file, 1, 1, "", ErrorCode.EMPTY_DOCUMENT));
                return null;
            }
            Tree root = read(p, file, "", problems, 0);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                problems.add(Problem.of(file, l.getLineNr(), l.getColumnNr(), "", yaml ? ErrorCode.Variant.SECOND_DOCUMENT : ErrorCode.TRAILING_CONTENT));
            }
            return root;
        } catch (TooDeep e) {
            problems.add(Problem.of(file, e.line, e.column, "", ErrorCode.TOO_DEEP, MAX_DEPTH));
            return null;
        } catch (StreamConstraintsException e) {
            // a limit of the parser itself (kept just above ours): reported as ours, without the library's wording
            JsonLocation l = e.getLocation();
            int line = l == null ? 0 : l.getLineNr();
            int col = l == null ? 0 : l.getColumnNr();
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("nesting depth")) problems.add(Problem.of(file, line, col, "", ErrorCode.TOO_DEEP, MAX_DEPTH));
            else if (m.contains("Number value length")) problems.add(Problem.of(file, line, col, "", ErrorCode.NUMBER_TOO_LONG,
                    "…", Fields.MAX_INTEGER_DIGITS, Fields.MAX_FRACTION_DIGITS));
            else problems.add(Problem.of(file, line, col, "", yaml ? ErrorCode.BAD_YAML : ErrorCode.BAD_JSON, "a value is too long"));
            return null;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            if (cut > 0) msg = msg.substring(0, cut);
            problems.add(Problem.of(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    yaml ? ErrorCode.BAD_YAML : ErrorCode.BAD_JSON, plain(msg)));
            return null;
        } catch (IOException e) {
            problems.add(Problem.of(file, 0, 0, "", ErrorCode.Variant.FILE_UNREADABLE_BECAUSE, e.getMessage()));
            return null;
        }
    }

    /**
     * The parser's message without the library's vocabulary: no Java class names, no source excerpt, no
     * {@code [Source: …; line: 1, column: 2]} (the problem carries the position), no trailing period.
     */
    static String plain(String msg) {
        String m = msg == null ? "unreadable text" : msg;
        for (String cut : new String[] {" at [Source", "\n at [Source", " (from `StreamReadConstraints"}) {
            int i = m.indexOf(cut);
            if (i >= 0) m = m.substring(0, i);
        }
        m = m.replaceAll("(?:com\\.fasterxml\\.jackson|org\\.yaml\\.snakeyaml)(?:\\.[A-Za-z]+)*\\.", "")
                .replaceAll("(?i)\\b(?:in )?'reader'", "")
                .replaceAll("\\(StringReader\\)|\\(String\\)", "")
                .replaceAll("\\s+", " ").strip();
        while (m.endsWith(".")) m = m.substring(0, m.length() - 1);
        if (m.length() > 200) m = m.substring(0, 200) + "…";
        return m.isEmpty() ? "unreadable text" : m;
    }

    /**
     * Where a value is in the document, built only when a problem needs it: the field path such as
     * {@code goods[2].materials[0]} is a chain of keys and indexes, turned into text on demand.
     */
    private record At(At parent, String key, int index) {
        static final At ROOT = null;

        static String text(At at, String base) {
            if (at == null) return base;
            String up = text(at.parent, base);
            if (at.key == null) return up + "[" + at.index + "]";
            return up.isEmpty() ? at.key : up + "." + at.key;
        }
    }

    /**
     * Reads the value at the parser's current token (of a document being read by a streaming parser);
     * {@code path} is its field path, {@code depth} how deep it is in the document. Problems (duplicate keys)
     * are added to {@code problems}; nesting beyond {@link #MAX_DEPTH} is reported as {@code TOO_DEEP} and
     * null is returned.
     */
    static Tree readValue(JsonParser p, String file, String path, List<Problem> problems, int depth) throws IOException {
        return readValue(p, file, path, problems, depth, 1, 1);
    }

    /**
     * As {@link #readValue(JsonParser, String, String, List, int)}, for a parser of a part of the document that
     * starts at line {@code line1}, column {@code col1} of it: the parser's line 1, column 1 is there, and the
     * positions of the tree and of the problems are those of the whole document.
     */
    static Tree readValue(JsonParser p, String file, String path, List<Problem> problems, int depth, int line1, int col1)
            throws IOException {
        try {
            return read(p, file, path, At.ROOT, problems, depth, line1 - 1, col1 - 1);
        } catch (TooDeep e) {
            problems.add(Problem.of(file, e.line, e.column, "", ErrorCode.TOO_DEEP, MAX_DEPTH));
            return null;
        }
    }

    private static Tree read(JsonParser p, String file, String path, List<Problem> problems, int depth) throws IOException {
        return read(p, file, path, At.ROOT, problems, depth, 0, 0);
    }

    private static Tree read(JsonParser p, String file, String base, At path, List<Problem> problems, int depth, int dLine, int dCol)
            throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr() + dLine;
        int col = l.getLineNr() == 1 ? l.getColumnNr() + dCol : l.getColumnNr();
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= MAX_DEPTH) throw new TooDeep(line, col);
        switch (t) {
            case START_OBJECT: {
                Obj o = new Obj(line, col);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int kLine = 0;
                    int kCol = 0;
                    if (o.fields.containsKey(key)) {
                        JsonLocation kl = p.currentTokenLocation();
                        kLine = kl.getLineNr() + dLine;
                        kCol = kl.getLineNr() == 1 ? kl.getColumnNr() + dCol : kl.getColumnNr();
                    }
                    p.nextToken();
                    At sub = new At(path, key, 0);
                    Tree v = read(p, file, base, sub, problems, depth + 1, dLine, dCol);
                    if (kLine > 0) {
                        problems.add(Problem.of(file, kLine, kCol, At.text(sub, base), ErrorCode.DUPLICATE_KEY, key));
                    } else {
                        o.fields.put(key, v);
                    }
                }
                return o;
            }
            case START_ARRAY: {
                Arr a = new Arr(line, col);
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.items.add(read(p, file, base, new At(path, null, i++), problems, depth + 1, dLine, dCol));
                }
                return a;
            }
            case VALUE_STRING:
                return new Scalar(line, col, Scalar.Type.STRING, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Scalar(line, col, Scalar.Type.NUMBER, p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Scalar(line, col, Scalar.Type.BOOLEAN, p.getText());
            case VALUE_NULL:
                return new Scalar(line, col, Scalar.Type.NULL, null);
            default:
                return new Scalar(line, col, Scalar.Type.STRING, p.getText());
        }
    }
}
