package dev.origin.server;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of the server, written from its route table ({@link Endpoint}): every route with
 * its summary, the role it needs ({@code x-role}), its parameters, request body, success and error responses.
 * (Javalin's OpenAPI plugin does not exist for Javalin 7; the table is the single source instead.)
 */
final class OpenApi {
    private OpenApi() {}

    static final Map<Integer, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put(400, "A query parameter is invalid (codes BAD_DATE, BAD_PARAM, BAD_PAGE_SIZE, BAD_COUNT, ...).");
        ERRORS.put(401, "Not signed in and no valid API token (NOT_SIGNED_IN).");
        ERRORS.put(403, "The role does not allow this (NOT_ALLOWED), or a form's CSRF token is missing (BAD_CSRF).");
        ERRORS.put(404, "No such thing (NOT_FOUND).");
        ERRORS.put(413, "The request body is larger than the server accepts (REQUEST_TOO_LARGE).");
        ERRORS.put(415, "The request body's content type is not accepted (BAD_CONTENT_TYPE).");
        ERRORS.put(422, "The input is invalid: every problem with its code and location, as `origin` prints them.");
        ERRORS.put(500, "An unexpected failure (INTERNAL_ERROR, with a reference to the server's log; never a stack trace).");
    }

    static String document(List<Endpoint> endpoints) {
        Map<String, List<Endpoint>> byPath = new LinkedHashMap<>();
        for (Endpoint e : endpoints) byPath.computeIfAbsent(e.path(), k -> new java.util.ArrayList<>()).add(e);
        return Json.object(g -> {
            g.writeStringField("openapi", "3.1.0");
            g.writeObjectFieldStart("info");
            g.writeStringField("title", "Origin");
            g.writeStringField("version", "0.1.0");
            g.writeStringField("description", "Rules of origin for North American auto trade: the engine, the workspace and the simulator over HTTP. "
                    + "Sign in with a session cookie (the web pages) or send an API token as `Authorization: Bearer TOKEN`. "
                    + "Errors are `{\"errors\": [{\"good\", \"code\", \"message\", \"file\", \"line\", \"column\", \"path\"}]}` with the codes of docs/errors.md. "
                    + "Lists take `offset` and `limit` (at most 100) and answer `{\"items\", \"offset\", \"limit\", \"total\", \"next\"}`.");
            g.writeEndObject();
            g.writeObjectFieldStart("paths");
            for (var p : byPath.entrySet()) {
                g.writeObjectFieldStart(p.getKey());
                for (Endpoint e : p.getValue()) operation(g, e);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("security");
            g.writeRawValue("{\"token\": []}");
            g.writeRawValue("{\"session\": []}");
            g.writeEndArray();
            components(g);
        });
    }

    private static void operation(JsonGenerator g, Endpoint e) throws IOException {
        g.writeObjectFieldStart(e.method().name().toLowerCase(Locale.ROOT));
        g.writeStringField("operationId", operationId(e));
        g.writeStringField("summary", e.summary());
        g.writeArrayFieldStart("tags");
        g.writeString(e.tag());
        g.writeEndArray();
        g.writeStringField("x-role", e.access().label());
        g.writeBooleanField("x-changes-data", e.changes());
        if (e.access() == Access.PUBLIC) {
            g.writeArrayFieldStart("security");
            g.writeEndArray();
        }
        if (!e.pathParams().isEmpty() || !e.query().isEmpty()) {
            g.writeArrayFieldStart("parameters");
            for (String p : e.pathParams()) parameter(g, p, "path", "string", true, "Identifies the " + p.replace("id", "item") + ".");
            for (Endpoint.Param q : e.query()) parameter(g, q.name(), "query", q.type(), q.required(), q.description());
            g.writeEndArray();
        }
        if (e.body() != null) {
            g.writeObjectFieldStart("requestBody");
            g.writeBooleanField("required", true);
            g.writeObjectFieldStart("content");
            for (String t : e.body().mediaTypes()) {
                g.writeObjectFieldStart(t);
                g.writeObjectFieldStart("schema");
                if (t.equals("multipart/form-data")) {
                    g.writeStringField("type", "object");
                    g.writeObjectFieldStart("properties");
                    g.writeObjectFieldStart("file");
                    g.writeStringField("type", "string");
                    g.writeStringField("format", "binary");
                    g.writeEndObject();
                    g.writeEndObject();
                } else if (e.body().schema() != null) {
                    g.writeStringField("$ref", "#/components/schemas/" + e.body().schema());
                } else {
                    g.writeStringField("type", "object");
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("responses");
        g.writeObjectFieldStart(Integer.toString(e.success()));
        g.writeStringField("description", e.api() ? "Success." : "The page.");
        g.writeObjectFieldStart("content");
        g.writeObjectFieldStart(e.produces());
        g.writeObjectFieldStart("schema");
        g.writeStringField("type", e.api() ? "object" : "string");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        for (var err : ERRORS.entrySet()) {
            int code = err.getKey();
            if (code == 401 || code == 403) {
                if (e.access() == Access.PUBLIC && !(code == 403 && e.method() != io.javalin.http.HandlerType.GET)) continue;
            }
            if ((code == 413 || code == 415) && e.body() == null) continue;
            g.writeObjectFieldStart(Integer.toString(code));
            g.writeStringField("description", err.getValue());
            g.writeObjectFieldStart("content");
            g.writeObjectFieldStart(e.api() ? "application/json" : "text/html");
            g.writeObjectFieldStart("schema");
            if (e.api()) g.writeStringField("$ref", "#/components/schemas/Errors"); else g.writeStringField("type", "string");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static String operationId(Endpoint e) {
        StringBuilder sb = new StringBuilder(e.method().name().toLowerCase(Locale.ROOT));
        for (String part : e.path().split("[/{}.-]+")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static void parameter(JsonGenerator g, String name, String in, String type, boolean required, String description) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("in", in);
        g.writeBooleanField("required", required);
        g.writeStringField("description", description);
        g.writeObjectFieldStart("schema");
        if (type.endsWith("[]")) {
            g.writeStringField("type", "array");
            g.writeObjectFieldStart("items");
            g.writeStringField("type", type.substring(0, type.length() - 2));
            g.writeEndObject();
        } else if (type.equals("date")) {
            g.writeStringField("type", "string");
            g.writeStringField("format", "date");
        } else {
            g.writeStringField("type", type);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void components(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("components");
        g.writeObjectFieldStart("securitySchemes");
        g.writeObjectFieldStart("token");
        g.writeStringField("type", "http");
        g.writeStringField("scheme", "bearer");
        g.writeStringField("description", "An API token (POST /api/tokens, or `origin users token`).");
        g.writeEndObject();
        g.writeObjectFieldStart("session");
        g.writeStringField("type", "apiKey");
        g.writeStringField("in", "cookie");
        g.writeStringField("name", OriginServer.SESSION_COOKIE);
        g.writeStringField("description", "The session of the web pages (POST /login); changes also need the session's CSRF token "
                + "in the form field `csrf` or the header `" + OriginServer.CSRF_HEADER + "`.");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("schemas");
        g.writeFieldName("Errors");
        g.writeRawValue("""
                {"type": "object", "required": ["errors"], "properties": {"errors": {"type": "array", "items": {"type": "object",
                 "properties": {"good": {"type": ["string", "null"]}, "code": {"type": "string"}, "message": {"type": "string"},
                 "file": {"type": ["string", "null"]}, "line": {"type": "integer"}, "column": {"type": "integer"}, "path": {"type": "string"}}}}}}""");
        g.writeFieldName("CaseFile");
        g.writeRawValue("""
                {"type": "object", "required": ["goods"], "description": "A case file (spec/case-file.md; docs/case-file.md), as JSON or YAML.",
                 "properties": {"goods": {"type": "array", "items": {"type": "object", "required": ["id", "hs", "producer"]}}}}""");
        g.writeFieldName("SimulationRequest");
        g.writeRawValue("""
                {"type": "object", "description": "The options of `origin simulate` (docs/cli.md); every field is optional.",
                 "properties": {"fleet": {"description": "\\"sample\\" (default) or a fleet file inline: {\\"yaml\\": ...}, {\\"json\\": ...} or {\\"csv\\": ...}"},
                  "regimes": {"type": "array", "items": {"type": "string"}}, "date": {"type": "string", "format": "date"},
                  "params": {"type": "object", "description": "{REGIME: {NAME: VALUE}}"}, "margin": {"type": "number"},
                  "passThrough": {"type": "number"}, "documentationCost": {"type": "number"}, "elasticity": {"type": "number"},
                  "marketElasticity": {"type": "number"}, "alternativeStaging": {"type": "boolean"}, "draws": {"type": "integer", "maximum": 500},
                  "seed": {"type": "integer"}, "sweep": {"type": "object", "properties": {"pack": {"type": "string"}, "param": {"type": "string"},
                   "from": {"type": "number"}, "to": {"type": "number"}, "step": {"type": "number"}}}}}""");
        g.writeFieldName("TokenRequest");
        g.writeRawValue("{\"type\": \"object\", \"required\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\", \"maxLength\": 100}}}");
        g.writeFieldName("UserRequest");
        g.writeRawValue("""
                {"type": "object", "required": ["name", "password", "role"], "properties": {"name": {"type": "string"},
                 "password": {"type": "string", "minLength": 10}, "role": {"enum": ["viewer", "analyst", "admin"]}}}""");
        g.writeFieldName("Party");
        g.writeRawValue("""
                {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "address": {"type": "string"},
                 "country": {"type": "string"}, "telephone": {"type": "string"}, "email": {"type": "string"}, "taxId": {"type": "string"}}}""");
        g.writeFieldName("CertificateRequest");
        g.writeRawValue("""
                {"type": "object", "required": ["goods", "producer", "signer"], "description": "The options of `origin certify` (docs/cli.md).",
                 "properties": {"goods": {"type": "array", "items": {"type": "string"}}, "regime": {"type": "string"},
                  "role": {"enum": ["producer", "exporter", "importer"]}, "certifier": {"type": "string"}, "exporter": {"type": "string"},
                  "producer": {"type": "string"}, "importer": {"type": "string"}, "from": {"type": "string", "format": "date"},
                  "to": {"type": "string", "format": "date"}, "signer": {"type": "string"}, "title": {"type": "string"},
                  "company": {"type": "string"}, "telephone": {"type": "string"}, "email": {"type": "string"}}}""");
        g.writeFieldName("PartRequest");
        g.writeRawValue("""
                {"type": "object", "required": ["description", "source"], "description": "The columns of the import template `parts` (docs/workspace.md), camelCase; the id is the path's.",
                 "properties": {"description": {"type": "string"}, "source": {"enum": ["make", "buy"]}, "plant": {"type": "string"},
                  "supplier": {"type": "string"}, "country": {"type": "string"}, "hs": {"type": "string"}, "hsFrom": {"type": "string", "format": "date"},
                  "destination": {"type": "string"}, "vehicle": {"type": "string"}, "use": {"type": "string"}}}""");
        g.writeFieldName("SupplierRequest");
        g.writeRawValue("""
                {"type": "object", "required": ["name", "country"], "properties": {"name": {"type": "string"}, "country": {"type": "string"},
                 "contact": {"type": "string"}}}""");
        g.writeFieldName("DeclarationRequest");
        g.writeRawValue("""
                {"type": "object", "required": ["supplier", "parts", "validFrom", "validTo", "statement"],
                 "description": "The columns of the import template `declarations`, camelCase; `parts` lists the parts covered.",
                 "properties": {"supplier": {"type": "string"}, "parts": {"type": "array", "items": {"type": "string"}},
                  "validFrom": {"type": "string", "format": "date"}, "validTo": {"type": "string", "format": "date"},
                  "statement": {"enum": ["originating", "non-originating"]}, "criterion": {"enum": ["A", "B", "C", "D"]},
                  "statedRvc": {"type": "number"}, "rvcMethod": {"enum": ["NC", "TV"]}, "withdrawn": {"type": "boolean"},
                  "withdrawnOn": {"type": "string", "format": "date"}, "receivedOn": {"type": "string", "format": "date"}}}""");
        g.writeFieldName("Withdrawal");
        g.writeRawValue("{\"type\": \"object\", \"properties\": {\"on\": {\"type\": \"string\", \"format\": \"date\"}}}");
        g.writeFieldName("BomRequest");
        g.writeRawValue("""
                {"type": "object", "required": ["lines"], "description": "A BOM version (the import template `boms`); part and validFrom are the path's.",
                 "properties": {"validTo": {"type": "string", "format": "date"}, "lines": {"type": "array", "items": {"type": "object",
                  "required": ["component", "quantity"], "properties": {"line": {"type": "integer"}, "component": {"type": "string"},
                  "quantity": {"type": "number"}}}}}}""");
        g.writeFieldName("CostSheetRequest");
        g.writeRawValue("""
                {"type": "object", "description": "A cost sheet (the import template `costs`), per unit in USD; part and validFrom are the path's.",
                 "properties": {"unitCost": {"type": "number"}, "transactionValue": {"type": "number"}, "internationalShipping": {"type": "number"},
                  "otherProductCosts": {"type": "number"}, "periodCosts": {"type": "number"}, "otherCosts": {"type": "number"},
                  "salesPromotion": {"type": "number"}, "royalties": {"type": "number"}, "shipping": {"type": "number"},
                  "nonAllowableInterest": {"type": "number"}}}""");
        g.writeFieldName("UserChange");
        g.writeRawValue("""
                {"type": "object", "properties": {"password": {"type": "string", "minLength": 10}, "role": {"enum": ["viewer", "analyst", "admin"]},
                 "disabled": {"type": "boolean"}}}""");
        g.writeEndObject();
        g.writeEndObject();
    }
}
