package dev.origin.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.Removals;
import dev.origin.store.WorkflowException;
import dev.origin.store.Workspace;
import dev.origin.store.importer.ImportKind;
import dev.origin.store.importer.ImportReport;
import dev.origin.store.importer.Importer;
import dev.origin.store.importer.Table;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Writing the workspace's entities over HTTP: parts (with their classification), suppliers, declarations (and their
 * withdrawal), BOM versions and cost sheets. A {@code PUT} body is mapped onto the rows of the import template of its
 * kind (docs/workspace.md, "Import templates": a field is a column, {@code validFrom} = {@code valid_from}; a
 * declaration's {@code parts} and a BOM's {@code lines} give one row each) and imported by the store's
 * {@link Importer}, so a request gets exactly the checks and codes of {@code origin db import}, all or nothing in
 * one transaction. A {@code DELETE} refuses what is still referenced ({@code IN_USE}, {@link Removals}). The
 * determinations ledger has no write route but qualification (it is append-only).
 */
final class Entities {
    private static final String SOURCE = "request";
    private final OriginServer server;

    Entities(OriginServer server) {
        this.server = server;
    }

    private Workspace ws() {
        return server.workspace;
    }

    private static Endpoint put(String path, String summary, String schema, io.javalin.http.Handler h) {
        return new Endpoint(HandlerType.PUT, path, Access.ANALYST, true, "workspace", summary, List.of(),
                new Endpoint.Body(List.of(Api.JSON), schema), Api.JSON, 200, h);
    }

    private static Endpoint delete(String path, String summary, io.javalin.http.Handler h) {
        return new Endpoint(HandlerType.DELETE, path, Access.ANALYST, true, "workspace", summary, List.of(), null, Api.JSON, 200, h);
    }

    private static Endpoint get(String path, String summary, io.javalin.http.Handler h) {
        return new Endpoint(HandlerType.GET, path, Access.VIEWER, false, "workspace", summary, List.of(Api.OFFSET, Api.LIMIT), null, Api.JSON, 200, h);
    }

    /** A single item, for any role (registered after {@code /api/declarations/expiring}, which is not an id). */
    private static Endpoint item(String path, String summary, io.javalin.http.Handler h) {
        return new Endpoint(HandlerType.GET, path, Access.VIEWER, false, "workspace", summary, List.of(), null, Api.JSON, 200, h);
    }

    List<Endpoint> endpoints() {
        return List.of(
                get("/api/parts/{id}/boms", "The part's BOM versions, oldest first, each with the fields its `PUT` takes (paginated).", this::boms),
                get("/api/parts/{id}/costs", "The part's cost sheets, oldest first, each with the fields its `PUT` takes (paginated).", this::costs),
                put("/api/parts/{id}", "Add or replace a part, and classify it from `hsFrom` (the import template `parts`).", "PartRequest",
                        ctx -> write(ctx, ImportKind.PARTS, Map.of("part", ctx.pathParam("id")), null, null)),
                delete("/api/parts/{id}", "Delete a part with its classifications, cost sheets and BOM versions; refused (409 IN_USE) while a BOM, "
                        + "declaration, determination or certificate names it.", ctx -> remove(ctx, "part", ctx.pathParam("id"),
                        () -> ws().writeRetrying(tx -> new Removals(tx).part(ctx.pathParam("id"))))),
                item("/api/suppliers/{id}", "A supplier, with the fields its `PUT` takes.", this::supplier),
                put("/api/suppliers/{id}", "Add or replace a supplier (the import template `suppliers`).", "SupplierRequest",
                        ctx -> write(ctx, ImportKind.SUPPLIERS, Map.of("supplier", ctx.pathParam("id")), null, null)),
                delete("/api/suppliers/{id}", "Delete a supplier; refused (409 IN_USE) while parts are bought from it or it has declarations.",
                        ctx -> remove(ctx, "supplier", ctx.pathParam("id"), () -> ws().writeRetrying(tx -> new Removals(tx).supplier(ctx.pathParam("id"))))),
                item("/api/declarations/{id}", "A supplier declaration and the parts it covers, with the fields its `PUT` takes.", this::declaration),
                put("/api/declarations/{id}", "Add or replace a supplier declaration and the parts it covers (the import template `declarations`).",
                        "DeclarationRequest", ctx -> write(ctx, ImportKind.DECLARATIONS, Map.of("declaration", ctx.pathParam("id")), "parts", "part")),
                new Endpoint(HandlerType.POST, "/api/declarations/{id}/withdrawal", Access.ANALYST, true, "workspace",
                        "Record that the supplier withdrew the declaration from `on` (default today); requalify with `origin db requalify`.",
                        List.of(), new Endpoint.Body(List.of(Api.JSON), "Withdrawal"), Api.JSON, 200, this::withdraw),
                delete("/api/declarations/{id}", "Delete a declaration entered in error (a withdrawal is recorded with `POST …/withdrawal`).",
                        ctx -> remove(ctx, "declaration", ctx.pathParam("id"), () -> ws().writeRetrying(tx -> new Removals(tx).declaration(ctx.pathParam("id"))))),
                put("/api/parts/{id}/boms/{validFrom}", "Add or replace the BOM version of the part from `validFrom`, with its lines (the import template `boms`).",
                        "BomRequest", ctx -> write(ctx, ImportKind.BOMS, Map.of("parent", ctx.pathParam("id"), "valid_from", ctx.pathParam("validFrom")),
                                "lines", null)),
                delete("/api/parts/{id}/boms/{validFrom}", "Delete the BOM version of the part from `validFrom`.", ctx -> {
                    LocalDate from = date(ctx.pathParam("validFrom"), "validFrom");
                    remove(ctx, "BOM version", ctx.pathParam("id") + " from " + from, () -> ws().writeRetrying(tx -> new Removals(tx).bom(ctx.pathParam("id"), from)));
                }),
                put("/api/parts/{id}/costs/{validFrom}", "Add or replace the part's cost sheet from `validFrom` (the import template `costs`).",
                        "CostSheetRequest", ctx -> write(ctx, ImportKind.COSTS, Map.of("part", ctx.pathParam("id"), "valid_from", ctx.pathParam("validFrom")),
                                null, null)),
                delete("/api/parts/{id}/costs/{validFrom}", "Delete the part's cost sheet from `validFrom`.", ctx -> {
                    LocalDate from = date(ctx.pathParam("validFrom"), "validFrom");
                    remove(ctx, "cost sheet", ctx.pathParam("id") + " from " + from,
                            () -> ws().writeRetrying(tx -> new Removals(tx).costSheet(ctx.pathParam("id"), from)));
                }));
    }

    /** The part's id from the path; 404 when the workspace has no such part. */
    private String part(Context ctx) {
        found(ctx, "part", (tx, id) -> tx.parts().get(id));
        return ctx.pathParam("id");
    }

    /** The item the path's id names, read by {@code get}; 404 NOT_FOUND (naming it a {@code what}) when there is none. */
    private <T> T found(Context ctx, String what, java.util.function.BiFunction<dev.origin.store.Tx, String, java.util.Optional<T>> get) {
        String id = ctx.pathParam("id");
        return ws().read(tx -> get.apply(tx, id)).orElseThrow(() -> ApiException.of(404, "id", ErrorCode.NOT_FOUND, what, id));
    }

    private void supplier(Context ctx) {
        dev.origin.store.Supplier s = found(ctx, "supplier", (tx, id) -> tx.suppliers().get(id));
        ctx.contentType(Api.JSON).result(Json.object(g -> {
            g.writeStringField("id", s.id());
            g.writeStringField("name", s.name());
            g.writeStringField("country", s.country());
            if (s.contact() == null) g.writeNullField("contact"); else g.writeStringField("contact", s.contact());
        }));
    }

    /** A declaration as its {@code PUT} takes it (the import template's words: {@code originating}, {@code NC}, …). */
    private void declaration(Context ctx) {
        dev.origin.store.Declaration d = found(ctx, "declaration", (tx, id) -> tx.declarations().get(id));
        ctx.contentType(Api.JSON).result(Json.object(g -> {
            g.writeStringField("id", d.id());
            g.writeStringField("supplier", d.supplierId());
            g.writeArrayFieldStart("parts");
            for (String p : d.parts()) g.writeString(p);
            g.writeEndArray();
            g.writeStringField("validFrom", d.validFrom().toString());
            g.writeStringField("validTo", d.validTo().toString());
            g.writeStringField("statement", d.statement() == dev.origin.store.Declaration.Statement.ORIGINATING ? "originating" : "non-originating");
            text(g, "criterion", d.criterion());
            number(g, "statedRvc", d.statedRvc());
            text(g, "rvcMethod", d.rvcMethod());
            g.writeBooleanField("withdrawn", d.withdrawn());
            text(g, "withdrawnOn", d.withdrawnOn() == null ? null : d.withdrawnOn().toString());
            text(g, "receivedOn", d.receivedOn() == null ? null : d.receivedOn().toString());
        }));
    }

    private static void text(com.fasterxml.jackson.core.JsonGenerator g, String field, String v) throws java.io.IOException {
        if (v == null) g.writeNullField(field); else g.writeStringField(field, v);
    }

    private void boms(Context ctx) {
        String id = part(ctx);
        paged(ctx, ws().read(tx -> tx.boms().versions(id)), v -> Json.object(g -> {
            g.writeStringField("validFrom", v.validFrom().toString());
            if (v.validTo() == null) g.writeNullField("validTo"); else g.writeStringField("validTo", v.validTo().toString());
            g.writeArrayFieldStart("lines");
            for (dev.origin.store.BomLine l : v.lines()) {
                g.writeStartObject();
                g.writeNumberField("line", l.lineNo());
                g.writeStringField("component", l.componentId());
                g.writeNumberField("quantity", l.quantity());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("url", "/api/parts/" + id + "/boms/" + v.validFrom());
        }));
    }

    private void costs(Context ctx) {
        String id = part(ctx);
        paged(ctx, ws().read(tx -> tx.costs().history(id)), c -> Json.object(g -> {
            g.writeStringField("validFrom", c.validFrom().toString());
            number(g, "unitCost", c.unitCost());
            number(g, "transactionValue", c.transactionValue());
            number(g, "internationalShipping", c.internationalShipping());
            number(g, "otherProductCosts", c.otherProductCosts());
            number(g, "periodCosts", c.periodCosts());
            number(g, "otherCosts", c.otherCosts());
            number(g, "salesPromotion", c.salesPromotion());
            number(g, "royalties", c.royalties());
            number(g, "shipping", c.shipping());
            number(g, "nonAllowableInterest", c.nonAllowableInterest());
            g.writeStringField("url", "/api/parts/" + id + "/costs/" + c.validFrom());
        }));
    }

    /** One page of {@code all} (the request's offset and limit), each item written by {@code item}. */
    private static <T> void paged(Context ctx, List<T> all, java.util.function.Function<T, String> item) {
        Page page = Page.of(ctx);
        ctx.contentType(Api.JSON).result(page.document(ctx, page.of(all).stream().map(item).toList(), all.size()));
    }

    private static void number(com.fasterxml.jackson.core.JsonGenerator g, String field, java.math.BigDecimal v) throws java.io.IOException {
        if (v == null) g.writeNullField(field); else g.writeNumberField(field, v);
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.of(400, where, ErrorCode.BAD_DATE, text);
        }
    }

    /** {@code validFrom} → {@code valid_from}: the template's column of a JSON field. */
    static String column(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A JSON value as the text of a template cell. */
    private static String cell(JsonNode v, String path, List<Problem> problems) {
        if (v == null || v.isNull()) return "";
        if (v.isBoolean()) return v.booleanValue() ? "yes" : "no";
        if (v.isNumber()) {
            // an exponent such as 1e999999999 would write a billion digits: refused with the command line's limits
            java.math.BigDecimal d = v.decimalValue();
            if (Math.max(0, d.precision() - d.scale()) > dev.origin.io.Fields.MAX_INTEGER_DIGITS || d.stripTrailingZeros().scale() > dev.origin.io.Fields.MAX_FRACTION_DIGITS) {
                problems.add(new Problem(SOURCE, 0, 0, path, "NUMBER_TOO_LONG", ErrorCode.NUMBER_TOO_LONG.message(shown(d.toString()),
                        dev.origin.io.Fields.MAX_INTEGER_DIGITS, dev.origin.io.Fields.MAX_FRACTION_DIGITS)));
                return "";
            }
            return d.toPlainString();
        }
        if (v.isTextual()) return v.textValue();
        problems.add(new Problem(SOURCE, 0, 0, path, "BAD_TYPE", ErrorCode.BAD_TYPE.message("a text, number or boolean", path, v.getNodeType().name().toLowerCase(Locale.ROOT))));
        return "";
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /**
     * Imports the body as rows of {@code kind}: the path's keys ({@code fixed}, columns) and the body's fields on every
     * row, one row per element of the array field {@code many} (its elements' fields, or their text as column
     * {@code manyColumn}). Problems are located by JSON path ({@code lines[1].quantity}).
     */
    private void write(Context ctx, ImportKind kind, Map<String, String> fixed, String many, String manyColumn) {
        JsonNode body = Api.body(ctx);
        List<Problem> problems = new ArrayList<>();
        Map<String, String> common = new LinkedHashMap<>(fixed);
        Map<String, String> pathOf = new HashMap<>();
        fixed.keySet().forEach(k -> pathOf.put(k, k));
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> rowPaths = new ArrayList<>();
        for (var it = body.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(many)) continue;
            String col = column(e.getKey());
            if (fixed.containsKey(col)) {
                problems.add(new Problem(SOURCE, 0, 0, e.getKey(), "BAD_VALUE", ErrorCode.BAD_VALUE.message(e.getKey(), cell(e.getValue(), e.getKey(), problems),
                        "given by the path, not the body")));
                continue;
            }
            common.put(col, cell(e.getValue(), e.getKey(), problems));
            pathOf.put(col, e.getKey());
        }
        if (many == null) {
            rows.add(common);
            rowPaths.add("");
        } else {
            JsonNode items = body.get(many);
            if (items == null || !items.isArray() || items.isEmpty()) {
                problems.add(new Problem(SOURCE, 0, 0, many, "MISSING_FIELD", ErrorCode.MISSING_FIELD.message(many)));
            } else {
                for (int i = 0; i < items.size(); i++) {
                    Map<String, String> row = new LinkedHashMap<>(common);
                    String at = many + "[" + i + "]";
                    JsonNode item = items.get(i);
                    if (manyColumn != null) {
                        row.put(manyColumn, cell(item, at, problems));
                        pathOf.put(manyColumn, many);
                    } else if (item.isObject()) {
                        for (var it = item.fields(); it.hasNext(); ) {
                            var e = it.next();
                            String col = column(e.getKey());
                            row.put(col, cell(e.getValue(), at + "." + e.getKey(), problems));
                            pathOf.putIfAbsent(col, e.getKey());
                        }
                    } else {
                        problems.add(new Problem(SOURCE, 0, 0, at, "BAD_TYPE", ErrorCode.BAD_TYPE.message("an object", at, item.getNodeType().name().toLowerCase(Locale.ROOT))));
                    }
                    rows.add(row);
                    rowPaths.add(at + ".");
                }
            }
        }
        if (!problems.isEmpty()) throw new ApiException(422, problems);
        List<String> header = new ArrayList<>();
        rows.forEach(r -> r.keySet().stream().filter(Predicate.not(header::contains)).forEach(header::add));
        List<Table.Row> tableRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            tableRows.add(new Table.Row(i + 2, header.stream().map(h -> r.getOrDefault(h, "")).toList()));
        }
        ImportReport report;
        try {
            report = new Importer(ws(), null).importTable(new Table(SOURCE, kind.label(), header, tableRows), kind);
        } catch (InputException e) {
            List<Problem> located = new ArrayList<>();
            for (Problem p : e.problems()) {
                String col = p.column() >= 1 && p.column() <= header.size() ? header.get(p.column() - 1) : p.path();
                String field = pathOf.getOrDefault(col, p.path());
                boolean perRow = many != null && p.line() >= 2 && p.line() - 2 < rowPaths.size()
                        && (manyColumn == null ? !common.containsKey(col) : col.equals(manyColumn));
                String path = perRow && manyColumn == null ? rowPaths.get(p.line() - 2) + field
                        : perRow ? many + "[" + (p.line() - 2) + "]" : field;
                located.add(new Problem(SOURCE, 0, 0, path, p.code(), p.message()));
            }
            throw new ApiException(422, located);
        }
        String change = report.added() > 0 ? "ADDED" : report.changed() > 0 ? "CHANGED" : "UNCHANGED";
        ctx.contentType(Api.JSON).result(Json.object(g -> {
            g.writeStringField("change", change);
            g.writeNumberField("added", report.added());
            g.writeNumberField("changed", report.changed());
            g.writeNumberField("unchanged", report.unchanged());
        }));
    }

    private static void remove(Context ctx, String what, String id, java.util.function.BooleanSupplier action) {
        boolean deleted;
        try {
            deleted = action.getAsBoolean();
        } catch (WorkflowException e) {
            throw inUse(e);
        }
        if (!deleted) throw ApiException.of(404, "id", ErrorCode.NOT_FOUND, what, id);
        ctx.contentType(Api.JSON).result(Json.object(g -> g.writeStringField("deleted", id)));
    }

    private void withdraw(Context ctx) {
        JsonNode b = Api.body(ctx);
        String on = Api.text(b, "on");
        LocalDate day = on == null || on.isBlank() ? LocalDate.now() : date(on, "on");
        String id = ctx.pathParam("id");
        if (!ws().write(tx -> tx.declarations().withdraw(id, day))) throw ApiException.of(404, "id", ErrorCode.NOT_FOUND, "declaration", id);
        ctx.contentType(Api.JSON).result(Json.object(g -> {
            g.writeStringField("withdrawn", id);
            g.writeStringField("on", day.toString());
        }));
    }

    /** The IN_USE refusal of a delete, as a 409. */
    static ApiException inUse(WorkflowException e) {
        return new ApiException(409, List.of(new Problem(null, 0, 0, "id", e.code(), e.getMessage())));
    }
}
