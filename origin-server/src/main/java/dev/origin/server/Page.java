package dev.origin.server;

import dev.origin.core.engine.ErrorCode;
import io.javalin.http.Context;
import java.util.List;

/**
 * A page of a list: {@code ?offset=N&limit=M} (defaults 0 and {@value #DEFAULT}, at most {@value #MAX} items),
 * answered as {@code {"items": [...], "offset", "limit", "total", "next"}} where {@code next} is the URL of
 * the following page, or null on the last.
 */
record Page(int offset, int limit) {
    static final int DEFAULT = 20;
    static final int MAX = 100;

    static Page of(Context ctx) {
        int offset = number(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        String l = ctx.queryParam("limit");
        int limit = DEFAULT;
        if (l != null) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX) throw ApiException.of(400, "limit", ErrorCode.BAD_PAGE_SIZE, l, MAX);
        }
        return new Page(offset, limit);
    }

    private static int number(Context ctx, String name, int min, int max, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.of(400, name, ErrorCode.BAD_COUNT, v);
    }

    /** The items of this page out of {@code all}. */
    <T> List<T> of(List<T> all) {
        if (offset >= all.size()) return List.of();
        return all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
    }

    /** The list document: {@code items} (already JSON) and the paging fields. */
    String document(Context ctx, List<String> items, long total) {
        return Json.object(g -> {
            g.writeArrayFieldStart("items");
            for (String i : items) g.writeRawValue(i);
            g.writeEndArray();
            g.writeNumberField("offset", offset);
            g.writeNumberField("limit", limit);
            g.writeNumberField("total", total);
            if ((long) offset + limit < total) g.writeStringField("next", ctx.path() + "?offset=" + ((long) offset + limit) + "&limit=" + limit + others(ctx));
            else g.writeNullField("next");
        });
    }

    /** The request's other query parameters ({@code &days=90}), so the next page is a page of the same list. */
    private static String others(Context ctx) {
        StringBuilder sb = new StringBuilder();
        for (var e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("offset") || e.getKey().equals("limit")) continue;
            for (String v : e.getValue()) {
                sb.append('&').append(java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
