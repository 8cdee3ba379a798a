package dev.origin.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.FindingStatus;
import dev.origin.core.engine.RvcResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes results one at a time, as they are computed, in one of the formats of {@code origin qualify}
 * (docs/case-file.md, "Output formats"). Nothing is written until the first result: when no good has a result,
 * the output stays empty, as the contract asks of invalid input.
 *
 * <ul>
 *   <li>{@code json}: the results document of the contract, byte for byte as {@link ResultWriter#json} writes it,
 *       written incrementally; the {@code errors} of the goods that had some are kept until the end.</li>
 *   <li>{@code ndjson}: one result object per line (the shape of an item of {@code results}), no errors
 *       (they are on stderr).</li>
 *   <li>{@code csv}: a header, then one row per result ({@link #CSV_COLUMNS}).</li>
 *   <li>{@code text}: {@link ResultWriter#text} per result.</li>
 * </ul>
 */
public final class ResultStream {
    /** Output formats. */
    public enum Format { JSON, NDJSON, CSV, TEXT }

    /** The CSV columns, in order (docs/case-file.md). */
    public static final List<String> CSV_COLUMNS = List.of("good", "regime", "date", "status", "rvcMethod", "rvc", "rvcMin",
            "netCost", "transactionValue", "vnm", "totalCost", "notMet", "notEvaluable", "missingFacts", "decidingRules",
            "unknownMaterials", "bestStatus", "worstStatus", "importer", "ratePercent", "dutyOwed", "dutySaved", "warnings");

    private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Writer out;
    /** Where results rendered and encoded apart are written as bytes ({@link #rendered(byte[])}), or null. */
    private final java.io.OutputStream bytes;
    private final Format format;
    private final ResultWriter.TraceView view;
    private final List<Problem> errors = new ArrayList<>();
    private JsonGenerator g;
    private long results;
    private final StringBuilder row = new StringBuilder(256);

    /** Results in {@code format} on {@code out}; {@code view} chooses the trace of json and ndjson results. */
    public ResultStream(Writer out, Format format, ResultWriter.TraceView view) {
        this(out, null, format, view);
    }

    /**
     * As {@link #ResultStream(Writer, Format, ResultWriter.TraceView)}, with a byte stream under {@code out} for the
     * results rendered and encoded on other threads ({@link #rendered(byte[])}); it is buffered here and flushed by
     * {@link #finish}. Whatever was written to {@code out} is flushed before the first bytes.
     */
    public ResultStream(Writer out, java.io.OutputStream bytes, Format format, ResultWriter.TraceView view) {
        this.out = out;
        this.bytes = bytes == null ? null : new java.io.BufferedOutputStream(bytes, 1 << 20);
        this.format = format;
        this.view = view;
    }

    /** How many results were written. */
    public long results() { return results; }

    /** Writes the result of one good. */
    public void result(Determination d) {
        try {
            switch (format) {
                case JSON -> {
                    if (g == null) {
                        g = FACTORY.createGenerator(out);
                        g.useDefaultPrettyPrinter();
                        g.writeStartObject();
                        g.writeArrayFieldStart("results");
                    }
                    ResultWriter.result(g, d, view);
                }
                case NDJSON -> {
                    if (g == null) {
                        g = FACTORY.createGenerator(out);
                        g.setRootValueSeparator(null); // each line starts with its object: no separator besides the line break
                    }
                    ResultWriter.result(g, d, view);
                    g.writeRaw('\n');
                }
                case CSV -> {
                    if (results == 0) {
                        out.write(String.join(",", CSV_COLUMNS));
                        out.write('\n');
                    }
                    out.append(csv(d, row));
                }
                case TEXT -> out.write(ResultWriter.text(d));
            }
            results++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when the text of a result does not depend on the results before it (every format but {@code json}, whose
     * document is written by one generator): it can then be rendered on any thread ({@link #render}) and written in
     * order ({@link #rendered}).
     */
    public boolean rendersApart() {
        return format != Format.JSON;
    }

    /** The text {@link #result} writes for {@code d}, for a format that {@link #rendersApart}; safe on any thread. */
    public String render(Determination d) {
        try {
            return switch (format) {
                case NDJSON -> {
                    StringBuilder sb = LINES.get();
                    sb.setLength(0);
                    yield NdjsonText.write(sb, d, view) ? sb.toString() : NDJSON_RENDERERS.get().render(d, view);
                }
                case CSV -> csv(d, new StringBuilder(256)).toString();
                case TEXT -> ResultWriter.text(d);
                case JSON -> throw new IllegalStateException("json results are written in order by one generator");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a result rendered by {@link #render}, as {@link #result} writes it. */
    public void rendered(String text) {
        try {
            if (format == Format.CSV && results == 0) {
                out.write(String.join(",", CSV_COLUMNS));
                out.write('\n');
            }
            out.write(text);
            results++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a result rendered by {@link #render} and encoded in the charset of the byte stream given at construction,
     * as {@link #rendered(String)} writes its text.
     */
    public void rendered(byte[] encoded) {
        try {
            if (results == 0) {
                out.flush();
                if (format == Format.CSV) bytes.write((String.join(",", CSV_COLUMNS) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            bytes.write(encoded);
            results++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A buffer per thread for the lines {@link NdjsonText} writes. */
    private static final ThreadLocal<StringBuilder> LINES = ThreadLocal.withInitial(() -> new StringBuilder(4096));

    private static final ThreadLocal<NdjsonRenderer> NDJSON_RENDERERS = ThreadLocal.withInitial(NdjsonRenderer::new);

    /** One generator per thread writing ndjson lines into a buffer, as the generator of {@link #result} writes them. */
    private static final class NdjsonRenderer {
        private final StringBuilder text = new StringBuilder(4096);
        private final JsonGenerator g;

        NdjsonRenderer() {
            try {
                g = FACTORY.createGenerator(new Writer() {
                    @Override public void write(char[] cbuf, int off, int len) { text.append(cbuf, off, len); }
                    @Override public void write(String str, int off, int len) { text.append(str, off, off + len); }
                    @Override public void flush() { }
                    @Override public void close() { }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            g.setRootValueSeparator(null);
        }

        String render(Determination d, ResultWriter.TraceView view) throws IOException {
            text.setLength(0);
            ResultWriter.result(g, d, view);
            g.writeRaw('\n');
            g.flush();
            return text.toString();
        }
    }

    /** An error of a good without a result: kept for the {@code errors} array of json (the other formats leave errors to stderr). */
    public void error(Problem p) {
        if (format == Format.JSON && p.isError()) errors.add(p);
    }

    /** Ends the output (the json document is closed); nothing is written when there was no result. */
    public void finish() {
        try {
            if (g != null) {
                if (format == Format.JSON) {
                    g.writeEndArray();
                    ResultWriter.errors(g, errors);
                    g.writeEndObject();
                }
                g.close();
                if (format == Format.JSON) out.write(System.lineSeparator());
            }
            out.flush();
            if (bytes != null) bytes.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StringBuilder csv(Determination d, StringBuilder r) {
        r.setLength(0);
        RvcResult rvc = d.rvc();
        cell(r, d.good()).append(',');
        cell(r, d.regime()).append(',');
        r.append(d.date()).append(',');
        r.append(d.status().name()).append(',');
        if (rvc != null) {
            r.append(rvc.method().name()).append(',').append(ResultWriter.pct(rvc.value()).toPlainString()).append(',')
                    .append(rvc.min().toPlainString()).append(',');
            money(r, rvc.netCost()).append(',');
            money(r, rvc.transactionValue()).append(',');
        } else {
            r.append(",,,,,");
        }
        money(r, d.vnm()).append(',');
        money(r, d.totalCost()).append(',');
        List<String> notMet = new ArrayList<>();
        List<String> notEvaluable = new ArrayList<>();
        for (Finding f : d.findings()) {
            if (f.status() == FindingStatus.NOT_MET) notMet.add(f.id());
            else if (f.status() == FindingStatus.NOT_EVALUABLE) notEvaluable.add(f.id());
        }
        cell(r, String.join(";", notMet)).append(',');
        cell(r, String.join(";", notEvaluable)).append(',');
        cell(r, String.join(";", d.missingFacts())).append(',');
        cell(r, String.join(";", d.decidingRules())).append(',');
        if (d.bounds() != null) {
            cell(r, String.join(";", d.bounds().unknownMaterials())).append(',');
            r.append(d.bounds().best().status().name()).append(',').append(d.bounds().worst().status().name()).append(',');
        } else {
            r.append(",,,");
        }
        if (d.tariff() != null) {
            var t = d.tariff();
            cell(r, t.importer()).append(',');
            if (t.ratePercent() != null) r.append(t.ratePercent().toPlainString());
            r.append(',');
            money(r, t.dutyOwed()).append(',');
            money(r, t.dutySaved()).append(',');
        } else {
            r.append(",,,,");
        }
        List<String> warnings = new ArrayList<>();
        for (Diagnostic x : d.diagnostics()) if (x.severity() != Diagnostic.Severity.INFO && !warnings.contains(x.code())) warnings.add(x.code());
        cell(r, String.join(";", warnings));
        r.append('\n');
        return r;
    }

    private static StringBuilder money(StringBuilder r, BigDecimal v) {
        return v == null ? r : r.append(v.toPlainString());
    }

    /** A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static StringBuilder cell(StringBuilder r, String v) {
        if (v == null) return r;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) return r.append(v);
        return r.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
}
