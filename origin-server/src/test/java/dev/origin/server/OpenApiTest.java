package dev.origin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** /openapi.json documents every route Javalin registered, and nothing else. */
class OpenApiTest {
    static final Set<HandlerType> VERBS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    @Test
    void everyRegisteredRouteIsDocumentedAndViceVersa() throws Exception {
        try (Fixture f = new Fixture()) {
            var r = f.get("/openapi.json", null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(r.body());
            assertThat(doc.path("openapi").asText()).startsWith("3.");
            TreeSet<String> documented = new TreeSet<>();
            doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                JsonNode op = p.getValue().path(m);
                assertThat(op.path("summary").asText()).as(m + " " + p.getKey()).isNotBlank();
                assertThat(op.path("responses").size()).as(m + " " + p.getKey()).isGreaterThan(1);
                assertThat(op.path("x-role").asText()).isIn("public", "viewer", "analyst", "admin");
                for (String param : new java.util.ArrayList<>(java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey()).results().map(x -> x.group(1)).toList())) {
                    assertThat(op.path("parameters").findValuesAsText("name")).as("path parameter " + param).contains(param);
                }
            }));
            TreeSet<String> registered = new TreeSet<>();
            for (var h : f.server.registeredHandlers()) if (VERBS.contains(h.getHttpMethod())) registered.add(h.getHttpMethod().name() + " " + h.getPath());
            assertThat(registered).hasSizeGreaterThan(20);
            assertThat(documented).isEqualTo(registered);
        }
    }
}
