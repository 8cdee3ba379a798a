package dev.origin.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.model.Good;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Supplier;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case file read good by good, for catalogs of any size (docs/case-file.md, "Large case files").
 *
 * <p>A JSON file is read in two passes with Jackson's streaming parser. {@link #open} scans the whole file
 * first without building anything: the syntax, the checks of the file as a whole ({@code goods} list, no other
 * top-level field, no duplicate good id, …), the number of goods and the ids that materials name by {@code ref}.
 * A file that fails as a whole is reported before anything is evaluated: exactly as {@link CaseFileReader#load}
 * reports it for a file of at most {@link #MAX_REPORTED_WHOLE} bytes, else with the problems the scan found. Then {@link #next} reads one good at a time: its tree (with the
 * line and column of every value), the good or its located problems, and a {@link SourceMap} for the
 * engine's diagnostics. Goods named by {@code ref} are read once, before the first good, and kept.
 *
 * <p>Memory: one good at a time, plus every good that a {@code ref} names (kept for the whole run), plus the
 * set of good ids (for {@code DUPLICATE_ID}; about 100 bytes per good).
 *
 * <p>A YAML file, or a JSON file whose scan found problems, is read whole through {@link CaseFileReader} (at most
 * {@link #MAX_WHOLE_BYTES} bytes; {@code TOO_LARGE} beyond), and its goods are handed out the same way.
 */
public final class CaseStream implements AutoCloseable {
    /** The largest case file read whole (YAML, or for {@code explain} and {@code compare}): 64 MiB. */
    public static final long MAX_WHOLE_BYTES = 64L << 20;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(Tree.MAX_DEPTH + 10).maxNumberLength(Tree.MAX_NUMBER_LENGTH + 10).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    /**
     * One good of the file, in file order: read ({@code good} set, {@code rejected} null) or rejected with its
     * located problems ({@code good} null).
     *
     * @param index   its 0-based position in {@code goods}
     * @param sources where its fields and materials are, to locate the engine's diagnostics
     */
    public static final class Entry {
        private final int index;
        private final Good good;
        private final CaseFile.Rejected rejected;
        private SourceMap sources;
        private Supplier<SourceMap> later;

        Entry(int index, Good good, CaseFile.Rejected rejected, SourceMap sources) {
            this.index = index;
            this.good = good;
            this.rejected = rejected;
            this.sources = sources;
        }

        /** A good read by the fast path: its source map is built from its text when first asked for. */
        Entry(int index, Good good, Supplier<SourceMap> later) {
            this(index, good, null, null);
            this.later = later;
        }

        public int index() { return index; }

        public Good good() { return good; }

        public CaseFile.Rejected rejected() { return rejected; }

        /** Where the good's fields and materials are, to locate the engine's diagnostics. */
        public synchronized SourceMap sources() {
            if (sources == null && later != null) {
                sources = later.get();
                later = null;
            }
            return sources;
        }
    }

    /**
     * Goods of the file as read from it, to be turned into entries by {@link #read(Batch)} on any thread: the text of
     * the goods (a file read good by good whose text is plain ASCII), or the entries already read.
     */
    public static final class Batch {
        final int first;
        final int count;
        final byte[] text;
        /** Where good {@code first + k} starts in {@code text}; {@code starts[count]} is the end. */
        final int[] starts;
        final List<Entry> entries;

        Batch(int first, int count, byte[] text, int[] starts, List<Entry> entries) {
            this.first = first;
            this.count = count;
            this.text = text;
            this.starts = starts;
            this.entries = entries;
        }

        /** How many goods it holds. */
        public int size() { return count; }
    }

    private final Path path;
    private final String file;
    /** The number of goods; for an overlapped stream, -1 until its first pass is confirmed ({@link #confirm}). */
    private volatile int size;
    // streamed (JSON)
    private final CaseFileReader reader;
    private final SourceMap.Refs refs;
    private JsonParser parser;
    private int next;
    // streamed from bytes (a plain ASCII JSON file: the fast path)
    private final Offsets offsets;
    private final Map<String, Tree.Obj> refTrees;
    private FileChannel channel;
    private List<Entry> pending;
    private int pendingAt;
    private static final ThreadLocal<GoodParser> PARSERS = ThreadLocal.withInitial(GoodParser::new);
    private static final ThreadLocal<ByteGoodParser> BYTE_PARSERS = ThreadLocal.withInitial(ByteGoodParser::new);
    // read whole (YAML)
    private final CaseFile whole;
    private List<Entry> wholeEntries;

    private CaseStream(Path path, int size, CaseFileReader reader, SourceMap.Refs refs, CaseFile whole) {
        this(path, size, reader, refs, whole, null, null);
    }

    private CaseStream(Path path, int size, CaseFileReader reader, SourceMap.Refs refs, CaseFile whole, Offsets offsets,
                       Map<String, Tree.Obj> refTrees) {
        this.path = path;
        this.file = path.toString();
        this.size = size;
        this.reader = reader;
        this.refs = refs;
        this.whole = whole;
        this.offsets = offsets;
        this.refTrees = refTrees;
    }

    /** The file's name as problems give it. */
    public String file() { return file; }

    /** How many goods the file has (valid or not); -1 for an overlapped stream until {@link #confirm} said true. */
    public int size() { return size; }

    /** True when the file is read by the fast path (scanned as bytes, goods read straight from tokens where they can be). */
    boolean fast() { return offsets != null; }

    /** How many goods {@link #next} has handed out so far. */
    public int goodsRead() { return next; }

    /**
     * Opens a case file: checks it as a whole (see the class comment) and prepares to read it good by good.
     *
     * @throws InputException with every problem when the file as a whole cannot be used (the problems of its
     *                        goods too, as {@link CaseFileReader#load} lists them)
     */
    public static CaseStream open(Path path) throws InputException {
        return open(path, MAX_REPORTED_WHOLE);
    }

    /**
     * A file that fails as a whole is read again whole for its problems (exactly as {@link CaseFileReader#load} lists
     * them, the problems of its goods too) when it has at most this many bytes: its tree then fits in a small heap.
     */
    static final long MAX_REPORTED_WHOLE = 8L << 20;

    /** As {@link #open(Path)}; a file failing as a whole of more than {@code reportWhole} bytes gets the scan's problems. */
    static CaseStream open(Path path, long reportWhole) throws InputException {
        return open(path, reportWhole, true);
    }

    /** As {@link #open(Path, long)}; {@code fast} false reads the file as text only (the path the fast one is checked against). */
    static CaseStream open(Path path, long reportWhole, boolean fast) throws InputException {
        String file = path.toString();
        long bytes;
        try {
            bytes = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new InputException(List.of(Problem.of(file, 0, 0, "", ErrorCode.UNREADABLE, path)));
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(file, 0, 0, "", ErrorCode.UNREADABLE, path)));
        }
        if (Tree.isYaml(file)) {
            CaseFile cf = CaseFileReader.load(path);
            return new CaseStream(path, cf.goods().size() + cf.rejected().size(), null, null, cf);
        }
        // first the fast scan: bytes, for a plain ASCII file that has no problem as a whole (the common case); any other
        // file is scanned again as text, below, which words its problems exactly as before
        Offsets offsets = fast ? byteScan(path) : null;
        Scan scan = offsets != null ? offsets.scan : new Scan(file);
        if (offsets == null) try (JsonParser p = parser(path)) {
            scan.document(p);
        } catch (CharacterCodingException e) {
            throw new InputException(List.of(Problem.of(file, 0, 0, "", ErrorCode.UNREADABLE, path)));
        } catch (StreamConstraintsException e) {
            JsonLocation l = e.getLocation();
            int line = l == null ? 0 : l.getLineNr();
            int col = l == null ? 0 : l.getColumnNr();
            String m = String.valueOf(e.getOriginalMessage());
            scan.fatal = m.contains("nesting depth") ? Problem.of(file, line, col, "", ErrorCode.TOO_DEEP, Tree.MAX_DEPTH)
                    : m.contains("Number value length") ? Problem.of(file, line, col, "", ErrorCode.NUMBER_TOO_LONG, "…",
                            Fields.MAX_INTEGER_DIGITS, Fields.MAX_FRACTION_DIGITS)
                    : Problem.of(file, line, col, "", ErrorCode.BAD_JSON, "a value is too long");
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg == null ? -1 : msg.indexOf('\n');
            if (cut > 0) msg = msg.substring(0, cut);
            scan.fatal = Problem.of(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "", ErrorCode.BAD_JSON, Tree.plain(msg));
        } catch (TooDeepInScan e) {
            scan.fatal = Problem.of(file, e.line, e.column, "", ErrorCode.TOO_DEEP, Tree.MAX_DEPTH);
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(file, 0, 0, "", ErrorCode.Variant.FILE_UNREADABLE_BECAUSE, e.getMessage())));
        }
        if (scan.fatal != null || !scan.problems.isEmpty()) {
            // the file fails as a whole: reported exactly as the whole-file reader reports it, when it fits in memory
            if (bytes <= reportWhole) {
                CaseFile cf = CaseFileReader.load(path);
                return new CaseStream(path, cf.goods().size() + cf.rejected().size(), null, null, cf);
            }
            List<Problem> all = new ArrayList<>(scan.problems);
            if (scan.fatal != null) all.add(scan.fatal);
            throw new InputException(all);
        }
        Map<String, Tree.Obj> refTrees = new HashMap<>();
        SourceMap.Refs refs = new SourceMap.Refs();
        BitSet named = new BitSet();
        for (String r : scan.referenced) {
            Integer i = scan.ids.get(r);
            if (i != null) named.set(i);
        }
        if (!named.isEmpty()) readNamed(path, file, named, refTrees, refs);
        return new CaseStream(path, scan.count, CaseFileReader.streaming(file, refTrees), refs, null, offsets, refTrees);
    }

    /**
     * The scan of a JSON file read as bytes ({@link ByteScan}), with where each good starts; null when that scan is not
     * sure of the file (not plain ASCII, or a problem): such a file is scanned again as text, whose positions are
     * counted in characters and whose problems are worded by Jackson.
     */
    private static Offsets byteScan(Path path) {
        Offsets o = new Offsets(new Scan(path.toString()));
        ByteScan.Result r;
        try (FileChannel ch = FileChannel.open(path)) {
            o.base = bom(ch);
            ch.position(o.base);
            r = ByteScan.scan(java.nio.channels.Channels.newInputStream(ch));
        } catch (IOException e) {
            return null;
        }
        if (r == null) return null;
        o.scan.count = r.count;
        o.scan.ids.putAll(r.ids);
        o.scan.referenced.addAll(r.referenced);
        o.r = r;
        o.count = r.count;
        return o;
    }

    /** The byte-order mark's length at the start of a file: 3 or 0. */
    private static long bom(FileChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(3);
        while (head.hasRemaining() && ch.read(head) >= 0) { }
        return head.position() == 3 && (head.get(0) & 0xFF) == 0xEF && (head.get(1) & 0xFF) == 0xBB && (head.get(2) & 0xFF) == 0xBF ? 3 : 0;
    }

    // ------------------------------------------------------------------ overlapped first pass

    /** The first pass of an overlapped stream: its result as it goes, and the thread that scans. */
    private Overlap overlap;

    private record Overlap(ByteScan.Result result, Thread thread) {}

    /**
     * Opens a JSON case file whose first pass ({@link ByteScan}) runs on a thread of its own while the goods it has
     * already passed are read, evaluated and rendered: for a run that writes nothing before {@link #confirm} says the
     * file passed as a whole, and holds a bounded number of results until then. When it does not ({@code confirm}
     * false: a problem of the file as a whole, a file the byte scan is not sure of, or goods named by {@code ref},
     * which must be read first), the run discards what it holds and starts again with {@link #reopen}, which reads the
     * file as {@link #open} does and reports its problems. A YAML file is opened as by {@link #open}.
     *
     * @throws InputException when the file cannot be read at all, or (YAML) as {@link #open}
     */
    public static CaseStream openOverlapped(Path path) throws InputException {
        String file = path.toString();
        if (Tree.isYaml(file)) return open(path);
        FileChannel ch;
        long base;
        try {
            ch = FileChannel.open(path);
            base = bom(ch);
            ch.position(base);
        } catch (IOException e) {
            // missing, a directory, not readable: reported as open reports it
            return open(path);
        }
        ByteScan.Result r = new ByteScan.Result();
        Thread t = new Thread(() -> {
            try (FileChannel c = ch) {
                ByteScan.scanInto(new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(c), 1 << 16), r);
            } catch (IOException e) {
                // closing a channel that was read
            }
        }, "origin-first-pass");
        t.setDaemon(true);
        Offsets o = new Offsets(new Scan(file));
        o.base = base;
        o.r = r;
        Map<String, Tree.Obj> refTrees = new HashMap<>();
        CaseStream s = new CaseStream(path, -1, CaseFileReader.streaming(file, refTrees), new SourceMap.Refs(), null, o, refTrees);
        s.overlap = new Overlap(r, t);
        t.start();
        return s;
    }

    /** True for a stream opened by {@link #openOverlapped} whose first pass has not yet been confirmed. */
    public boolean overlapped() {
        return overlap != null && size < 0;
    }

    /** True when the first pass of an overlapped stream has ended ({@link #confirm} then answers at once). */
    public boolean firstPassEnded() {
        return overlap == null || overlap.result().finished();
    }

    /**
     * Waits for the first pass of an overlapped stream: true when the file passed it as a whole and its results may be
     * written; false when the run must start again with {@link #reopen}. True at once for any other stream.
     */
    public boolean confirm() throws InterruptedException {
        if (overlap == null || size >= 0) return true;
        ByteScan.Result r = overlap.result();
        if (!r.awaitSure()) return false;
        for (String ref : r.referenced) {
            if (r.ids.containsKey(ref)) return false;
        }
        size = r.count;
        return true;
    }

    /**
     * True when the file has more than one good (the default trace depends on it): for an overlapped stream, as soon as
     * its first pass has found a second good (or, if it ended, whatever it found; a run that is not confirmed starts
     * again anyway).
     */
    public boolean moreThanOne() throws InterruptedException {
        if (overlap == null || size >= 0) return size > 1;
        return overlap.result().await(2) > 1;
    }

    /**
     * This stream when its file passed its first pass (waiting for it; at once for a stream not overlapped), else
     * {@link #reopen}: for a caller that must know the problems of the file as a whole before it goes on. Interrupted
     * while waiting, this stream, with the thread's interrupt flag set.
     *
     * @throws InputException with the problems of the file as a whole, as {@link #open}
     */
    public CaseStream passedOrReopened() throws InputException {
        try {
            return confirm() ? this : reopen();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return this;
        }
    }

    /**
     * The stream a run whose {@link #confirm} failed starts again with: the file opened as by {@link #open} (the byte
     * scan is not repeated when it was not sure of the file). This stream is closed.
     *
     * @throws InputException with the problems of the file as a whole, as {@link #open}
     */
    public CaseStream reopen() throws InputException {
        boolean sure;
        try {
            sure = overlap == null || overlap.result().awaitSure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sure = false;
        }
        close();
        return open(path, MAX_REPORTED_WHOLE, sure);
    }

    /**
     * Where the goods of a file scanned as bytes start (from {@link Offsets#base}), and where their list ends: read from
     * the scan's result, whole once it has ended, or as it goes for an overlapped stream (for the goods it has
     * published).
     */
    private static final class Offsets {
        final Scan scan;
        long base;
        ByteScan.Result r;
        /** The goods known (all of them once the scan has ended). */
        int count;

        Offsets(Scan scan) {
            this.scan = scan;
        }

        long startOf(int i) {
            return base + (i < count ? r.starts[i] : r.end);
        }

        int line(int i) { return r.lines[i]; }

        int column(int i) { return r.columns[i]; }
    }

    /**
     * The next goods of the file, at most {@code max}, read from it but not yet turned into entries (see
     * {@link #read(Batch)}); null after the last one. Called on one thread at a time, in order.
     *
     * @throws InputException when the file can no longer be read as it was scanned (it changed meanwhile)
     */
    public Batch nextBatch(int max) throws InputException {
        if (offsets == null) {
            List<Entry> entries = new ArrayList<>(Math.min(max, 1024));
            for (Entry e = next(); e != null; e = entries.size() < max ? next() : null) entries.add(e);
            if (entries.isEmpty()) return null;
            return new Batch(entries.get(0).index(), entries.size(), null, null, entries);
        }
        if (overlap != null) {
            // the goods the first pass has passed: a good is whole once the start of the next one is known
            ByteScan.Result r = offsets.r;
            int known;
            try {
                known = r.await(next + max + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (r.finished()) {
                // not sure of the file: nothing more is read (the run starts again); else every good is known
                if (!r.sure()) return null;
                offsets.count = r.count;
                if (next >= r.count) return null;
            } else {
                offsets.count = known;
            }
            int first = next;
            int n = Math.min(max, r.finished() ? r.count - first : known - 1 - first);
            return batch(first, n);
        }
        if (next >= size) return null;
        int first = next;
        int n = Math.min(max, size - first);
        return batch(first, n);
    }

    /** The text of goods {@code first} to {@code first + n - 1}, read from the file. */
    private Batch batch(int first, int n) throws InputException {
        long from = offsets.startOf(first);
        long to = offsets.startOf(first + n);
        if (to - from > Integer.MAX_VALUE - 16) {
            n = 1;
            to = offsets.startOf(first + 1);
            if (to - from > Integer.MAX_VALUE - 16) throw changed(new IOException("a good is larger than 2 GB"));
        }
        byte[] text = new byte[(int) (to - from)];
        try {
            if (channel == null) channel = FileChannel.open(path);
            ByteBuffer b = ByteBuffer.wrap(text);
            while (b.hasRemaining()) {
                if (channel.read(b, from + b.position()) < 0) throw new IOException("it is shorter than when it was opened");
            }
        } catch (IOException e) {
            throw changed(e);
        }
        int[] starts = new int[n + 1];
        for (int k = 0; k <= n; k++) starts[k] = (int) (offsets.startOf(first + k) - from);
        next = first + n;
        return new Batch(first, n, text, starts, null);
    }

    /**
     * The entries of a batch, in file order. Safe to call on several threads at once, for different batches: each
     * good is read straight from its bytes ({@link ByteGoodParser}), or when that gives up by the fast path
     * ({@link GoodParser}), or when that gives up too by the tree path ({@link CaseFileReader}),
     * which reports the problems with the same positions as a file read good by good on one thread.
     *
     * @throws InputException when the text is no longer that of a good (the file changed after it was scanned)
     */
    public List<Entry> read(Batch b) throws InputException {
        if (b.entries != null) return b.entries;
        List<Entry> out = new ArrayList<>(b.count);
        GoodParser fast = PARSERS.get();
        ByteGoodParser bytes = BYTE_PARSERS.get();
        CaseFileReader slow = null;
        int[] lengths = new int[b.count];
        for (int k = 0; k < b.count; k++) {
            int off = b.starts[k];
            lengths[k] = valueLength(b.text, off, b.starts[k + 1]);
            // the comma after a good becomes a blank: the batch is then a sequence of JSON values, read by one parser
            if (off + lengths[k] < b.starts[k + 1]) b.text[off + lengths[k]] = ' ';
        }
        JsonParser seq = null;
        try {
            for (int k = 0; k < b.count; k++) {
                int i = b.first + k;
                int off = b.starts[k];
                int len = lengths[k];
                // straight from the bytes; else by Jackson's tokens (a parser that then reads on while the goods are its own)
                Good g = bytes.read(b.text, off, len);
                if (g != null) {
                    if (seq != null) {
                        seq.close();
                        seq = null;
                    }
                    out.add(new Entry(i, g, () -> sourcesOf(b.text, off, len, i)));
                    continue;
                }
                if (seq == null) seq = JSON.createParser(b.text, off, b.text.length - off);
                g = fast.read(seq);
                if (g != null) {
                    out.add(new Entry(i, g, () -> sourcesOf(b.text, off, len, i)));
                    continue;
                }
                // the fast path gave up somewhere inside this good: the next one is read by a new parser
                seq.close();
                seq = null;
                if (slow == null) slow = CaseFileReader.streaming(file, refTrees);
                List<Problem> parsed = new ArrayList<>(0);
                Tree item = tree(b.text, off, len, i, parsed);
                Object read = slow.one(item, i, parsed);
                SourceMap sources = new SourceMap(file, item, i, refs);
                out.add(read instanceof Good rg ? new Entry(i, rg, null, sources) : new Entry(i, null, (CaseFile.Rejected) read, sources));
            }
        } catch (IOException e) {
            throw changed(e);
        } finally {
            if (seq != null) {
                try {
                    seq.close();
                } catch (IOException e) {
                    // read from memory
                }
            }
        }
        return out;
    }

    /** The length of the value at {@code off}, followed up to {@code end} by blanks and the comma before the next good. */
    private static int valueLength(byte[] text, int off, int end) {
        int e = end;
        while (e > off && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' || text[e - 1] == '\t')) e--;
        if (e > off && text[e - 1] == ',') e--;
        return e - off;
    }

    /** The tree of good {@code i}, whose text is {@code len} bytes at {@code off}, with its positions in the file. */
    private Tree tree(byte[] text, int off, int len, int i, List<Problem> parsed) throws IOException {
        try (JsonParser p = JSON.createParser(text, off, len)) {
            p.nextToken();
            return Tree.readValue(p, file, "goods[" + i + "]", parsed, 2, offsets.line(i), offsets.column(i));
        }
    }

    private SourceMap sourcesOf(byte[] text, int off, int len, int i) {
        try {
            return new SourceMap(file, tree(text, off, len, i, new ArrayList<>(0)), i, refs);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The next good of the file, or null after the last one.
     *
     * @throws InputException when the file can no longer be read as it was scanned (it changed meanwhile)
     */
    public Entry next() throws InputException {
        if (whole != null) {
            if (wholeEntries == null) wholeEntries = entries(whole);
            return next < wholeEntries.size() ? wholeEntries.get(next++) : null;
        }
        if (offsets != null) {
            if (pending == null || pendingAt == pending.size()) {
                Batch b = nextBatch(1);
                if (b == null) return null;
                pending = read(b);
                pendingAt = 0;
            }
            return pending.get(pendingAt++);
        }
        try {
            if (parser == null) {
                parser = parser(path);
                toGoods(parser);
            }
            if (next >= size) return null;
            JsonToken t = parser.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) throw new IOException("it has fewer goods than when it was opened");
            int i = next++;
            List<Problem> parsed = new ArrayList<>(0);
            Tree item = Tree.readValue(parser, file, "goods[" + i + "]", parsed, 2);
            Object read = reader.one(item, i, parsed);
            SourceMap sources = new SourceMap(file, item, i, refs);
            return read instanceof Good g ? new Entry(i, g, null, sources) : new Entry(i, null, (CaseFile.Rejected) read, sources);
        } catch (IOException e) {
            throw changed(e);
        }
    }

    private InputException changed(IOException e) {
        return new InputException(List.of(Problem.of(file, 0, 0, "", ErrorCode.Variant.FILE_UNREADABLE_BECAUSE,
                "it changed while it was read (" + Tree.plain(e.getMessage()) + ")")));
    }

    @Override public void close() {
        if (overlap != null) overlap.thread().interrupt();
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing more is read
            }
            parser = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more is read
            }
            channel = null;
        }
    }

    /** The goods of a file read whole, valid and rejected, in file order. */
    private static List<Entry> entries(CaseFile cf) {
        List<Entry> out = new ArrayList<>();
        int g = 0;
        int r = 0;
        int n = cf.goods().size() + cf.rejected().size();
        for (int i = 0; i < n; i++) {
            if (r < cf.rejected().size() && cf.rejected().get(r).index() == i) {
                out.add(new Entry(i, null, cf.rejected().get(r++), cf.sources()));
            } else {
                out.add(new Entry(i, cf.goods().get(g++), null, cf.sources()));
            }
        }
        return out;
    }

    /** A parser of the file's text (UTF-8, a byte-order mark skipped; malformed UTF-8 is an error). */
    private static JsonParser parser(Path path) throws IOException {
        Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        PushbackReader pb = new PushbackReader(in, 1);
        int c = pb.read();
        if (c >= 0 && c != '\uFEFF') pb.unread(c);
        return JSON.createParser(pb);
    }

    /** Moves the parser of a scanned file to its {@code goods} list (the first, if the key repeats). */
    private static void toGoods(JsonParser p) throws IOException {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (key.equals("goods")) return;
            p.skipChildren();
        }
        throw new IOException("no goods list");
    }

    /** Reads the trees of the goods {@code named} (by index) into {@code trees} and {@code refs}. */
    private static void readNamed(Path path, String file, BitSet named, Map<String, Tree.Obj> trees, SourceMap.Refs refs)
            throws InputException {
        try (JsonParser p = parser(path)) {
            toGoods(p);
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (named.get(i)) {
                    Tree t = Tree.readValue(p, file, "goods[" + i + "]", new ArrayList<>(), 2);
                    if (t instanceof Tree.Obj o && o.get("id") instanceof Tree.Scalar s && s.text != null) {
                        trees.putIfAbsent(s.text, o);
                        refs.add(s.text, o, i);
                    }
                } else {
                    p.skipChildren();
                }
                i++;
            }
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(file, 0, 0, "", ErrorCode.Variant.FILE_UNREADABLE_BECAUSE, Tree.plain(e.getMessage()))));
        }
    }

    /** Nesting beyond {@link Tree#MAX_DEPTH} found by the scan. */
    private static final class TooDeepInScan extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        TooDeepInScan(int line, int column) {
            super("too deep");
            this.line = line;
            this.column = column;
        }
    }

    /**
     * The first pass: the syntax and the checks of the file as a whole, without building the goods. Whether it
     * found problems is what matters (the whole-file reader then words them); their list is used only for files
     * too large for that reader.
     */
    private static final class Scan {
        final String file;
        final Fields f;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();
        final Set<String> referenced = new HashSet<>();
        Problem fatal;
        int count;
        Scan(String file) {
            this.file = file;
            this.f = new Fields(file, problems);
        }

        void document(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                fatal = Problem.of(file, 1, 1, "", ErrorCode.EMPTY_DOCUMENT);
                return;
            }
            JsonLocation rl = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                f.obj(placeholder(p), "", "a case file");
                skip(p, 0);
            } else {
                root(p, new Tree.Obj(rl.getLineNr(), rl.getColumnNr()));
            }
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                problems.add(Problem.of(file, l.getLineNr(), l.getColumnNr(), "", ErrorCode.TRAILING_CONTENT));
            }
        }

        private void root(JsonParser p, Tree.Obj root) throws IOException {
            Set<String> keys = new HashSet<>();
            boolean goods = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation kl = p.currentTokenLocation();
                JsonToken v = p.nextToken();
                if (!keys.add(key)) {
                    problems.add(Problem.of(file, kl.getLineNr(), kl.getColumnNr(), key, ErrorCode.DUPLICATE_KEY, key));
                    skip(p, 1);
                } else if (!key.equals("goods")) {
                    f.problem(placeholder(p), key, ErrorCode.UNKNOWN_FIELD, key);
                    skip(p, 1);
                } else if (v != JsonToken.START_ARRAY) {
                    goods = true;
                    f.arr(placeholder(p), "goods", "the goods");
                    skip(p, 1);
                } else {
                    goods = true;
                    JsonLocation al = p.currentTokenLocation();
                    goods(p);
                    if (count == 0) f.problem(new Tree.Arr(al.getLineNr(), al.getColumnNr()), "goods", ErrorCode.NO_GOODS);
                }
            }
            if (!goods) f.problem(root, "goods", ErrorCode.MISSING_FIELD, "goods");
        }

        private void goods(JsonParser p) throws IOException {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int i = count++;
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    skip(p, 2);
                    continue;
                }
                boolean idSeen = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (key.equals("id") && !idSeen) {
                        idSeen = true;
                        if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                            String id = p.getText();
                            if (ids.putIfAbsent(id, i) != null) {
                                JsonLocation l = p.currentTokenLocation();
                                problems.add(Problem.of(file, l.getLineNr(), l.getColumnNr(), "goods[" + i + "].id", ErrorCode.DUPLICATE_ID, "good", id));
                            }
                        } else {
                            skip(p, 3);
                        }
                    } else {
                        skip(p, 3);
                    }
                }
            }
        }

        /** Skips the value at the current token, at nesting {@code depth}, noting the ids that {@code ref} names. */
        private void skip(JsonParser p, int depth) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
            if (depth >= Tree.MAX_DEPTH) {
                JsonLocation l = p.currentTokenLocation();
                throw new TooDeepInScan(l.getLineNr(), l.getColumnNr());
            }
            int level = depth;
            while (true) {
                JsonToken n = p.nextToken();
                if (n == null) return;
                switch (n) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++level >= Tree.MAX_DEPTH) {
                            JsonLocation l = p.currentTokenLocation();
                            throw new TooDeepInScan(l.getLineNr(), l.getColumnNr());
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (level-- == depth) return;
                    }
                    case FIELD_NAME -> {
                        if (p.currentName().equals("ref")) {
                            JsonToken v = p.nextToken();
                            if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                                referenced.add(p.getText());
                            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                                if (++level >= Tree.MAX_DEPTH) {
                                    JsonLocation l = p.currentTokenLocation();
                                    throw new TooDeepInScan(l.getLineNr(), l.getColumnNr());
                                }
                            }
                        }
                    }
                    default -> { }
                }
            }
        }

        /** A stand-in for the value at the current token, for the messages that describe it. */
        private static Tree placeholder(JsonParser p) throws IOException {
            JsonLocation l = p.currentTokenLocation();
            int line = l.getLineNr();
            int col = l.getColumnNr();
            return switch (p.currentToken()) {
                case START_OBJECT -> new Tree.Obj(line, col);
                case START_ARRAY -> new Tree.Arr(line, col);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Tree.Scalar(line, col, Tree.Scalar.Type.NUMBER, p.getText());
                case VALUE_TRUE, VALUE_FALSE -> new Tree.Scalar(line, col, Tree.Scalar.Type.BOOLEAN, p.getText());
                case VALUE_NULL -> new Tree.Scalar(line, col, Tree.Scalar.Type.NULL, null);
                default -> new Tree.Scalar(line, col, Tree.Scalar.Type.STRING, p.getText());
            };
        }
    }
}
