package dev.origin.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * One route of the server: method, path, who may call it, and what the OpenAPI document says about it.
 * The server registers its routes only from a list of these, and the OpenAPI document is written from the
 * same list, so the two cannot differ (OpenApiTest checks it against what Javalin actually registered).
 *
 * @param changes whether the route changes stored data (the workspace, users, tokens); such a route needs
 *                at least the analyst role, and a viewer's call leaves the database as it was (AccessTest)
 * @param body    the request body's media types and schema name, or null when the route takes none
 * @param produces the media type of a successful response
 * @param success the status of a successful response
 */
public record Endpoint(HandlerType method, String path, Access access, boolean changes, String tag, String summary,
                       List<Param> query, Body body, String produces, int success, Handler handler) {

    /** A query parameter. */
    public record Param(String name, String type, boolean required, String description) {}

    /** A request body: its media types and the name of its schema in the document's components. */
    public record Body(List<String> mediaTypes, String schema) {}

    public Endpoint {
        query = List.copyOf(query);
        if (changes && access.compareTo(Access.ANALYST) < 0) {
            throw new IllegalArgumentException(method + " " + path + " changes data but is open to " + access);
        }
    }

    /** Whether the route answers JSON (the REST API) rather than HTML (the pages). */
    public boolean api() {
        return !"text/html".equals(produces);
    }

    /** The path parameters, in order: {@code /api/users/{name}} gives {@code name}. */
    public List<String> pathParams() {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(m -> m.group(1)).toList();
    }
}
