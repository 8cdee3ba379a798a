package dev.origin.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writing JSON documents with Jackson's streaming generator (field order as written, no reflection). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reads request bodies (after {@link dev.origin.io.Tree} checked them): decimals as {@code BigDecimal}, never as a rounded double. */
    static final ObjectMapper BODY = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {}

    interface Body { void write(JsonGenerator g) throws IOException; }

    /** One JSON object whose fields {@code body} writes. */
    static String object(Body body) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** The longest value a message quotes whole; a longer one is cut (a field of 200,000 characters is not sent back). */
    static final int MAX_QUOTED = 100;

    /** The problem with each value it quotes (between backticks) cut to {@value #MAX_QUOTED} characters. */
    static Problem shortened(Problem p) {
        String m = p.message();
        if (m == null || m.length() <= 2 * MAX_QUOTED) return p;
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher q = java.util.regex.Pattern.compile("`([^`]*)`").matcher(m);
        int last = 0;
        while (q.find()) {
            out.append(m, last, q.start());
            String v = q.group(1);
            out.append('`').append(v.length() > MAX_QUOTED ? v.substring(0, MAX_QUOTED) + "…" : v).append('`');
            last = q.end();
        }
        out.append(m.substring(last));
        String cut = out.length() > 2_000 ? out.substring(0, 2_000) + "…" : out.toString();
        return new Problem(p.file(), p.line(), p.column(), p.path(), p.code(), cut, p.good(), p.severity());
    }

    /** {@code {"errors": [...]}} in the shape of the command line's JSON output ({@link ResultWriter#errors}). */
    static String errors(List<Problem> problems) {
        return object(g -> {
            if (problems.isEmpty()) {
                g.writeArrayFieldStart("errors");
                g.writeEndArray();
            } else {
                ResultWriter.errors(g, problems.stream().map(Json::shortened).toList());
            }
        });
    }
}
