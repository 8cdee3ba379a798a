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

    /** {@code {"errors": [...]}} in the shape of the command line's JSON output ({@link ResultWriter#errors}). */
    static String errors(List<Problem> problems) {
        return object(g -> {
            if (problems.isEmpty()) {
                g.writeArrayFieldStart("errors");
                g.writeEndArray();
            } else {
                ResultWriter.errors(g, problems);
            }
        });
    }
}
