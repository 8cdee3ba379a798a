package dev.origin.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.core.engine.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every answer of {@code origin serve} must be, whatever was sent (issue 12, item 1): a status of 2xx, a
 * redirect of a page, or 4xx (503 only for a simulation refused because the queue is full, with its code); an error
 * body of the documented shape ({@code {"errors": [{"good", "code", "message", "file", "line", "column", "path"}]}},
 * docs/api.md) with codes of the catalogue, or on a page an error page naming its codes; no stack trace, no Java
 * class or library wording outside the user's own values; a list's paging fields consistent.
 */
final class HttpChecks {
    static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    static final Pattern TRACE = Pattern.compile("\\tat |(?m)^\\s*at [\\w$.]+\\(|Caused by:|\\.java:\\d+\\)|\\.java\\)");
    static final Pattern INTERNALS = Pattern.compile(
            "com\\.fasterxml|snakeyaml|org\\.yaml|org\\.eclipse|io\\.javalin|jakarta\\.|java\\.[a-z]+\\.|javax\\.|Exception|\\[Source|line: \\d"
                    + "|StreamReadConstraints|internal error|NullPointer|ArrayIndex");
    static final Pattern HTML_CODE = Pattern.compile("<code>([A-Z][A-Z_0-9]+)</code>");

    private HttpChecks() {}

    /** Whether a path is of the API, whose every answer is JSON (the pages answer HTML, or JSON when asked). */
    static boolean api(String path) {
        return path.startsWith("/api/") || path.equals("/openapi.json");
    }

    /** Text without the user's values (between backticks or in {@code <code>}), which may hold anything. */
    static String ownWords(String s) {
        return s.replaceAll("`[^`]*`", "``").replaceAll("<code>[^<]*</code>", "<code></code>");
    }

    /** The error codes of an answer (JSON or an error page), in order; empty for a success. */
    static List<String> codes(RawHttp.Answer a) {
        List<String> out = new ArrayList<>();
        if (a.status() < 400) return out;
        if (a.contentType().startsWith("application/json")) {
            try {
                JsonNode n = Json.MAPPER.readTree(a.body());
                for (JsonNode e : n.path("errors")) out.add(e.path("code").asText());
            } catch (java.io.IOException e) {
                // not JSON: check() says so
            }
        } else {
            Matcher m = HTML_CODE.matcher(a.text());
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /**
     * Null when the answer is one the server may give, else why not.
     *
     * @param api     whether the route is of the API (its errors must be JSON)
     * @param busyOk  whether 503 {@code SERVER_BUSY} is a possible answer (the simulation routes)
     * @param expect  codes of which the answer must name one (null: any code of the catalogue; {@code OK}: a success;
     *                {@code ERROR}: any error); a request refused as malformed HTTP ({@code BAD_REQUEST}, before any route
     *                reads it) satisfies any expectation of an error
     */
    static String check(RawHttp.Answer a, boolean api, boolean busyOk, Set<String> expect) {
        if (a.failure() != null) return a.failure();
        String text = a.text();
        String head = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        if (TRACE.matcher(text).find()) return "a stack trace in the answer (" + a.status() + "): " + head;
        int s = a.status();
        List<String> codes = codes(a);
        if (s >= 500) {
            if (!(busyOk && s == 503 && !codes.isEmpty() && codes.stream().allMatch("SERVER_BUSY"::equals))) return "status " + s + ": " + head;
        } else if (s >= 300 && s < 400) {
            if (api || (s != 302 && s != 303)) return "status " + s + " on " + (api ? "the API" : "a page");
            if (!a.headers().containsKey("location")) return "a redirect without Location";
        } else if (s < 200) {
            return "status " + s;
        }
        if (s >= 400) {
            String ct = a.contentType();
            if (ct.startsWith("application/json")) {
                String bad = errorDocument(text);
                if (bad != null) return bad + ": " + head;
            } else if (ct.startsWith("text/html") && !api) {
                if (codes.isEmpty()) return "an error page naming no code: " + head;
                if (INTERNALS.matcher(ownWords(text)).find()) return "Java or library wording in the error page: " + head;
            } else {
                return "an error answer of type `" + ct + "`, not JSON" + (api ? "" : " nor an error page") + ": " + head;
            }
            for (String c : codes) if (!CODES.contains(c)) return "code " + c + " is not in the catalogue";
        }
        if (expect != null) {
            if (expect.contains("ERROR")) {
                if (s < 400) return "expected an error, got " + s;
            } else if (expect.contains("OK")) {
                if (s >= 400) return "expected a success, got " + s + " " + codes;
            } else if (codes.stream().noneMatch(expect::contains) && !codes.contains("BAD_REQUEST")) {
                return "expected one of " + expect + ", got " + s + " " + codes;
            }
        }
        if (s >= 200 && s < 300 && a.contentType().startsWith("application/json")) {
            String bad = page(text);
            if (bad != null) return bad;
        }
        return null;
    }

    /** Null when {@code text} is {@code {"errors": [...]}} of the documented shape. */
    static String errorDocument(String text) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return "an error body that is not JSON";
        }
        if (n == null || !n.isObject() || !n.path("errors").isArray() || n.path("errors").isEmpty()) return "an error body without errors";
        for (JsonNode e : n.get("errors")) {
            for (String f : List.of("good", "code", "message", "file", "line", "column", "path")) {
                if (!e.has(f)) return "an error without `" + f + "`";
            }
            if (!e.get("line").isInt() || !e.get("column").isInt() || e.get("line").asInt() < 0) return "an error with a bad line or column";
            if (!e.get("message").isTextual() || e.get("message").asText().isBlank()) return "an error without a message";
            String m = ownWords(e.get("message").asText());
            if (INTERNALS.matcher(m).find()) return "Java or library wording in a message: " + e.get("message").asText();
            if (m.length() > 2_000) return "a message of " + m.length() + " characters";
        }
        return null;
    }

    /** Null unless {@code text} is a list document whose paging fields disagree. */
    static String page(String text) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            return "a success that is not JSON";
        }
        if (n == null || !n.isObject() || !n.has("items") || !n.has("total")) return null;
        long offset = n.path("offset").asLong();
        long limit = n.path("limit").asLong();
        long total = n.path("total").asLong();
        if (offset < 0 || limit < 1 || limit > Page.MAX) return "paging fields out of range: " + offset + ", " + limit;
        if (n.get("items").size() > limit) return "more items than the limit";
        JsonNode next = n.get("next");
        boolean last = offset + limit >= total;
        if (last != (next == null || next.isNull())) return "`next` is " + next + " for offset " + offset + ", limit " + limit + ", total " + total;
        if (!last && !next.asText().contains("offset=" + (offset + limit) + "&")) return "`next` is " + next + " for offset " + offset + " and limit " + limit;
        return null;
    }
}
