package dev.origin.server;

import static dev.origin.server.HttpFuzzTest.enc;
import static dev.origin.server.HttpFuzzTest.pick;

import dev.origin.server.HttpFuzzTest.Body;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies for {@link HttpFuzzTest}, by what the route reads: a case file (JSON, YAML, an upload, a form field),
 * a JSON object of its schema (a valid example of it, mutated, or a hostile variant), a page's form (URL-encoded or
 * multipart, with uploads), or junk for a route that reads no body. Where the answer's code is certain, the body says
 * which codes it must give.
 */
final class Bodies {
    private Bodies() {}

    static final String JSON = "application/json";
    static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/html; charset=utf-8",
            "application/octet-stream", "multipart/form-data", "multipart/form-data; boundary=", "image/png", "*/*", "application/jso", "\u00e9/\u00e9");

    /** Valid bodies of each JSON schema of the route table (docs/api.md), the seeds of the mutations. */
    static List<String> seeds(String schema, Random r) {
        return switch (schema) {
            case "SimulationRequest" -> List.of(
                    "{\"regimes\": [\"usmca\"], \"draws\": 0, \"fleet\": " + HttpFuzzTest.fleets().apply(r) + "}",
                    "{\"regimes\": [\"nafta\", \"usmca\"], \"date\": \"2023-07-01\", \"margin\": 0, \"passThrough\": 0.5, \"documentationCost\": 0, "
                            + "\"elasticity\": -3, \"marketElasticity\": -1, \"alternativeStaging\": false, \"draws\": 0, \"seed\": 1, \"fleet\": "
                            + HttpFuzzTest.fleets().apply(r) + "}",
                    "{\"regimes\": [\"us-proposal-2017\"], \"params\": {\"us-proposal-2017\": {\"national-min\": \"0\"}}, \"sweep\": {\"pack\": \"us-proposal-2017\", "
                            + "\"param\": \"min\", \"from\": 60, \"to\": 70, \"step\": 5}, \"draws\": 0, \"fleet\": " + HttpFuzzTest.fleets().apply(r) + "}");
            case "TokenRequest" -> List.of("{\"name\": \"ci\"}", "{\"name\": \"erp-sync\"}");
            case "UserRequest" -> List.of("{\"name\": \"fz" + r.nextInt(1000) + "\", \"password\": \"correct horse battery\", \"role\": \"viewer\"}");
            case "UserChange" -> List.of("{\"role\": \"analyst\"}", "{\"disabled\": false}", "{\"role\": \"viewer\", \"disabled\": true}");
            case "Withdrawal" -> List.of("{\"on\": \"2026-06-01\"}", "{}");
            case "PartRequest" -> List.of("{\"description\": \"Guide pin\", \"source\": \"buy\", \"supplier\": \"ACME\", \"hs\": \"7318.15\", \"hsFrom\": \"2020-01-01\"}",
                    "{\"description\": \"Pin assembly\", \"source\": \"make\", \"plant\": \"SAL\", \"hs\": \"8708.30\"}");
            case "SupplierRequest" -> List.of("{\"name\": \"New Co\", \"country\": \"CA\", \"contact\": \"a@b.example\"}");
            case "DeclarationRequest" -> List.of("{\"supplier\": \"ACME\", \"parts\": [\"ROT-300\"], \"validFrom\": \"2026-01-01\", \"validTo\": \"2026-12-31\", "
                    + "\"statement\": \"originating\", \"criterion\": \"B\", \"statedRvc\": 74.5, \"rvcMethod\": \"NC\", \"receivedOn\": \"2025-12-20\"}");
            case "BomRequest" -> List.of("{\"lines\": [{\"line\": 10, \"component\": \"ROT-300\", \"quantity\": 1}, {\"line\": 20, \"component\": \"CAL-200\", \"quantity\": 2}]}",
                    // with the parent's path, a BOM that closes a loop through the sample's made parts (BOM cycles)
                    "{\"lines\": [{\"line\": 10, \"component\": \"" + pick(r, List.of("BRK-FR-100", "CAL-200", "SUS-700", "SPR-SEAT", "HUB-500")) + "\", \"quantity\": 1}]}");
            case "CostSheetRequest" -> List.of("{\"unitCost\": 0.35}", "{\"transactionValue\": 160.00, \"internationalShipping\": 2.50, \"otherProductCosts\": 14.00, \"periodCosts\": 6.00}");
            case "Party" -> List.of("{\"name\": \"Saltillo Suspension Works\", \"address\": \"Blvd. Industrial 100, Saltillo\", \"country\": \"MX\", "
                    + "\"telephone\": \"+52 844 000 0000\", \"email\": \"a@b.example\", \"taxId\": \"SSW010101AAA\"}");
            case "CertificateRequest" -> List.of("{\"goods\": [\"HUB-500\"], \"regime\": \"usmca\", \"role\": \"producer\", \"producer\": \"SAL-PLANT\", "
                    + "\"signer\": \"A. Person\", \"title\": \"Manager\", \"company\": \"Saltillo\", \"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}");
            default -> List.of("{}");
        };
    }

    static Body body(Endpoint e, Random r, String csrf) {
        String k = HttpFuzzTest.key(e);
        if (e.body() == null) {
            if (r.nextInt(8) != 0) return Body.none();
            return junk(r);
        }
        Body b;
        if (e.api() && "CaseFile".equals(e.body().schema())) b = caseFile(r);
        else if (e.body().mediaTypes().equals(List.of(JSON))) b = json(e, r);
        else b = form(k, r, csrf);
        if (!e.pathParams().isEmpty() && b.expect() != null) {
            Set<String> x = new HashSet<>(b.expect());
            x.add("NOT_FOUND");
            b = new Body(b.bytes(), b.type(), b.what(), Set.copyOf(x));
        }
        return b;
    }

    static Body junk(Random r) {
        return Body.text(pick(r, List.of("{\"a\": 1}", "x", Mutations.nested("[", "", "]", 5000), "a=b&c=d")), pick(r, List.of(JSON, "text/plain", "application/x-www-form-urlencoded")),
                "a body where none is read", null);
    }

    // ------------------------------------------------------------------ case files

    static Body caseFile(Random r) {
        String seed = pick(r, HttpFuzzTest.caseFiles);
        String text;
        String what;
        Set<String> expect = null;
        int c = r.nextInt(20);
        if (c < 2) {
            text = seed;
            what = "case file";
        } else if (c < 12) {
            text = Mutations.mutate(seed, r);
            what = "case file, mutated";
        } else if (c < 16) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    int depth = 1 + r.nextInt(5000);
                    text = "{\"goods\": " + Mutations.nested("[", "", "]", depth) + "}";
                    if (depth > 100) expect = Set.of("TOO_DEEP", "NOT_FOUND");
                    what = "case file nested deep";
                }
                case 1 -> {
                    text = Mutations.yamlBillionLaughs(r);
                    what = "YAML billion laughs";
                }
                case 2 -> {
                    text = Mutations.refChain(r);
                    what = "ref chain or cycle";
                }
                case 3 -> {
                    text = Mutations.refDiamond(r);
                    what = "goods using the next twice";
                }
                case 4 -> {
                    text = "{\"goods\": [{\"id\": \"A\", \"id\": \"A\", \"hs\": \"" + Mutations.hostile(r) + "\"}]}";
                    expect = Set.of("DUPLICATE_KEY", "BAD_JSON", "NOT_FOUND");
                    what = "case file, duplicate key";
                }
                default -> {
                    text = "goods:\n" + Mutations.nested("- ", "x", "", 1 + r.nextInt(200));
                    what = "YAML nested deep";
                }
            }
        } else {
            text = seed.stripLeading().startsWith("{") ? Mutations.hostileJson(seed, r) : Mutations.mutate(seed, r);
            what = "case file, hostile JSON";
        }
        boolean yaml = !text.stripLeading().startsWith("{") && !text.startsWith("\uFEFF{");
        int t = r.nextInt(40);
        if (t < 4) {
            return multipart(List.of(), "file", pick(r, List.of("case.json", "case.yaml", "../../etc/passwd", "", "c\u0000.yml", "x".repeat(300) + ".json")),
                    text.getBytes(StandardCharsets.UTF_8), pick(r, List.of(JSON, "application/yaml", "application/octet-stream")), r, what + ", uploaded", null);
        } else if (t < 6) {
            return multipart(List.of(Map.entry("caseFile", text)), null, null, null, null, r, what + ", multipart field", null);
        } else if (t < 8) {
            return Body.text("caseFile=" + enc(text), "application/x-www-form-urlencoded", what + ", form field", null);
        } else if (t < 10) {
            String type = pick(r, List.of("text/plain", "application/xml", "", "image/png", "application/jso"));
            return Body.text(text, type.isEmpty() ? null : type, what + ", wrong content type", Set.of("BAD_CONTENT_TYPE"));
        } else if (t < 12) {
            byte[] bad = Mutations.bytewise(text.getBytes(StandardCharsets.UTF_8), r);
            return new Body(insertBadUtf8(bad, r), yaml ? "application/yaml" : JSON, what + ", invalid UTF-8", Set.of("UNREADABLE"));
        } else if (t < 14) {
            return new Body(Mutations.bytewise(text.getBytes(StandardCharsets.UTF_8), r), yaml ? "application/yaml" : JSON, what + ", bytes flipped", null);
        }
        String type = yaml ? pick(r, List.of("application/yaml", "application/x-yaml", "text/yaml")) : pick(r, List.of(JSON, JSON, "application/json; charset=utf-8", "APPLICATION/JSON"));
        return Body.text(text, type, what, expect);
    }

    /** Sequences invalid wherever they stand (a truncated one could complete with the bytes after it). */
    static final byte[][] ALWAYS_BAD = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFE}};

    static byte[] insertBadUtf8(byte[] b, Random r) {
        byte[] ins = ALWAYS_BAD[r.nextInt(ALWAYS_BAD.length)];
        int at = b.length == 0 ? 0 : r.nextInt(b.length);
        byte[] y = new byte[b.length + ins.length];
        System.arraycopy(b, 0, y, 0, at);
        System.arraycopy(ins, 0, y, at, ins.length);
        System.arraycopy(b, at, y, at + ins.length, b.length - at);
        return y;
    }

    // ------------------------------------------------------------------ JSON objects

    static final Pattern FIRST_FIELD = Pattern.compile("\\{\\s*\"[^\"]+\"\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[\\d.]+|true|false|null)");

    static Body json(Endpoint e, Random r) {
        String schema = e.body().schema() == null ? "" : e.body().schema();
        List<String> seeds = seeds(schema, r);
        String seed = pick(r, seeds);
        String text;
        String what;
        Set<String> expect = null;
        int c = r.nextInt(20);
        if (c < 3) {
            text = seed;
            what = "valid example";
        } else if (c < 9) {
            text = Mutations.mutate(seed, r);
            what = "example, mutated";
        } else if (c < 11) {
            int depth = 101 + r.nextInt(r.nextBoolean() ? 100 : 6000);
            text = r.nextBoolean() ? Mutations.nested("{\"a\": ", "1", "}", depth) : "{\"x\": " + Mutations.nested("[", "", "]", depth) + "}";
            expect = Set.of("TOO_DEEP");
            what = "nested deep";
        } else if (c < 12 && FIRST_FIELD.matcher(seed).find()) {
            text = seed.replaceFirst("\\{\\s*(\"[^\"]+\"\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[\\d.]+|true|false|null))", "{$1, $1");
            expect = text.equals(seed) ? null : Set.of("DUPLICATE_KEY");
            what = "duplicate key";
        } else if (c < 13) {
            text = "{\"" + pick(r, List.of("zzz", "name", "x")) + "\": " + "9".repeat(1001 + r.nextInt(5000)) + "}";
            expect = Set.of("NUMBER_TOO_LONG");
            what = "a number of thousands of digits";
        } else {
            text = Mutations.hostileJson(seed, r);
            what = "hostile JSON";
        }
        int t = r.nextInt(30);
        if (t < 2) {
            String type = pick(r, WRONG_TYPES);
            return Body.text(text, type, what + ", wrong content type", Set.of("BAD_CONTENT_TYPE"));
        } else if (t < 3) {
            return Body.text(text, null, what + ", no content type", Set.of("BAD_CONTENT_TYPE"));
        } else if (t < 5) {
            return new Body(insertBadUtf8(text.getBytes(StandardCharsets.UTF_8), r), JSON, what + ", invalid UTF-8", Set.of("UNREADABLE"));
        } else if (t < 7) {
            return new Body(Mutations.bytewise(text.getBytes(StandardCharsets.UTF_8), r), JSON, what + ", bytes flipped", null);
        }
        return Body.text(text, pick(r, List.of(JSON, JSON, JSON, "application/json; charset=utf-8", "application/json;charset=ISO-8859-1")), what, expect);
    }

    // ------------------------------------------------------------------ page forms

    static Body form(String route, Random r, String csrf) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String upload = null;
        String uploadName = null;
        byte[] uploadBytes = null;
        String seed = pick(r, HttpFuzzTest.caseFiles);
        switch (route) {
            case "POST /qualify", "POST /compare" -> {
                String text = r.nextInt(3) == 0 ? seed : r.nextBoolean() ? Mutations.mutate(seed, r) : seed.stripLeading().startsWith("{") ? Mutations.hostileJson(seed, r) : seed;
                if (r.nextInt(5) == 0) {
                    upload = "file";
                    uploadName = pick(r, List.of("case.json", "case.yaml", "", "../x.json"));
                    uploadBytes = r.nextInt(4) == 0 ? Mutations.bytewise(text.getBytes(StandardCharsets.UTF_8), r) : text.getBytes(StandardCharsets.UTF_8);
                } else {
                    fields.add(Map.entry("caseFile", text));
                }
                if (route.equals("POST /qualify")) fields.add(Map.entry("regime", value(r, Queries.REGIMES)));
                else for (int i = 0; i < r.nextInt(6); i++) fields.add(Map.entry("regimes", value(r, Queries.REGIMES)));
                if (r.nextBoolean()) fields.add(Map.entry("date", value(r, Queries.DATES)));
            }
            case "POST /what-if" -> {
                String json = seed.stripLeading().startsWith("{") ? seed : "{\"goods\": []}";
                if (r.nextInt(3) == 0) json = r.nextBoolean() ? Mutations.mutate(json, r) : Mutations.hostileJson(json, r);
                fields.add(Map.entry("caseFile", json));
                Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(seed);
                fields.add(Map.entry("good", m.find() && r.nextInt(4) != 0 ? m.group(1) : pick(r, HttpFuzzTest.TEXTS)));
                fields.add(Map.entry("regime", value(r, Queries.REGIMES)));
                if (r.nextBoolean()) fields.add(Map.entry("date", value(r, Queries.DATES)));
                for (int i = 0; i < r.nextInt(4); i++) {
                    int at = r.nextInt(5) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(4);
                    fields.add(Map.entry("m." + at + "." + pick(r, List.of("origin", "country", "value")),
                            value(r, List.of("originating", "non-originating", "unknown", "US", "CN", "10.00", "-1", "9".repeat(400), "1e999999"))));
                }
            }
            case "POST /simulate" -> {
                if (r.nextInt(3) == 0) {
                    fields.add(Map.entry("fleet", "upload"));
                    upload = "fleetFile";
                    int kind = r.nextInt(4);
                    uploadName = pick(r, List.of("fleet.yaml", "fleet.csv", "fleet.json", "fleet"));
                    String text = switch (kind) {
                        case 0 -> Mutations.formulaCsv(HttpFuzzTest.fleetCsv, r);
                        case 1 -> Mutations.mutate(uploadName.endsWith(".csv") ? HttpFuzzTest.fleetCsv : HttpFuzzTest.fleetYaml, r);
                        case 2 -> Mutations.yamlBillionLaughs(r);
                        default -> uploadName.endsWith(".csv") ? HttpFuzzTest.fleetCsv : HttpFuzzTest.fleetYaml;
                    };
                    if (kind == 0) uploadName = "fleet.csv";
                    uploadBytes = r.nextInt(6) == 0 ? Mutations.bytewise(text.getBytes(StandardCharsets.UTF_8), r) : text.getBytes(StandardCharsets.UTF_8);
                } else {
                    fields.add(Map.entry("fleet", r.nextInt(5) == 0 ? pick(r, HttpFuzzTest.TEXTS) : "sample"));
                }
                for (int i = 0; i < 1 + r.nextInt(3); i++) fields.add(Map.entry("regimes", value(r, Queries.REGIMES)));
                for (String n : List.of("date", "margin", "passThrough", "documentationCost", "elasticity", "marketElasticity", "draws", "seed")) {
                    if (r.nextInt(3) == 0) fields.add(Map.entry(n, value(r, n.equals("date") ? List.of("2023-07-01", "2026-12-02")
                            : r.nextInt(4) == 0 ? Queries.NUMBERS : List.of("0", "0", "1", "0.5", "-1"))));
                }
                if (r.nextInt(4) == 0) fields.add(Map.entry("param." + value(r, Queries.REGIMES) + "." + pick(r, List.of("min", "national-min", "x", "")), value(r, Queries.NUMBERS)));
                if (r.nextInt(4) == 0) fields.add(Map.entry(pick(r, List.of("param.", "param..", "param.a.b.c", "param")), "1"));
                if (r.nextInt(3) == 0) {
                    fields.add(Map.entry("sweepPack", value(r, Queries.REGIMES)));
                    fields.add(Map.entry("sweepParam", value(r, List.of("min", "national-min", "x"))));
                    fields.add(Map.entry("sweepFrom", value(r, Queries.NUMBERS)));
                    fields.add(Map.entry("sweepTo", value(r, Queries.NUMBERS)));
                    fields.add(Map.entry("sweepStep", value(r, List.of("5", "0.01", "0.0001", "0", "-5", "1e-999999"))));
                }
                if (r.nextBoolean()) fields.add(Map.entry("alternativeStaging", value(r, List.of("true", "false"))));
            }
            case "POST /certificates" -> {
                for (int i = 0; i < r.nextInt(4); i++) fields.add(Map.entry("goods", value(r, HttpFuzzTest.PARTS)));
                for (String n : List.of("regime", "role", "producer", "exporter", "importer", "certifier", "from", "to", "signer", "title", "company", "telephone", "email")) {
                    if (r.nextInt(3) == 0) continue;
                    fields.add(Map.entry(n, value(r, switch (n) {
                        case "regime" -> Queries.REGIMES;
                        case "role" -> List.of("producer", "exporter", "importer", "x");
                        case "from", "to" -> r.nextInt(4) == 0 ? Queries.DATES : List.of("2026-01-01", "2026-12-31");
                        default -> List.of("SAL-PLANT", "A. Person", "ACME");
                    })));
                }
            }
            case "POST /login" -> {
                boolean real = r.nextInt(3) == 0;
                fields.add(Map.entry("csrf", real ? HttpFuzzTest.loginCsrf : pick(r, HttpFuzzTest.TEXTS)));
                fields.add(Map.entry("name", value(r, List.of("adam", "vera", "nobody", "a".repeat(100)))));
                fields.add(Map.entry("password", value(r, List.of("wrong", "", "x".repeat(100)))));
                fields.add(Map.entry("next", value(r, List.of("/", "//evil.example", "/\\evil", "https://evil.example", "/" + "a".repeat(600)))));
            }
            default -> { /* /logout and any page form added later: the CSRF field and junk */ }
        }
        if (csrf != null && r.nextBoolean()) fields.add(Map.entry("csrf", csrf));
        if (r.nextInt(10) == 0) fields.add(Map.entry(pick(r, HttpFuzzTest.TEXTS), pick(r, HttpFuzzTest.TEXTS)));
        String what = "form" + (upload != null ? " with an upload" : "");
        if (upload != null || r.nextInt(8) == 0) {
            return multipart(fields, upload, uploadName, uploadBytes, "application/octet-stream", r, what + ", multipart", null);
        }
        StringBuilder sb = new StringBuilder();
        for (var f : fields) sb.append(sb.length() == 0 ? "" : "&").append(enc(f.getKey())).append('=').append(enc(f.getValue()));
        String text = sb.toString();
        if (r.nextInt(10) == 0) {
            text = text + "&" + pick(r, Queries.RAW) + "=" + pick(r, Queries.RAW);
            what += ", raw escapes";
        }
        if (r.nextInt(15) == 0) return Body.text(text, pick(r, WRONG_TYPES), what + ", wrong content type", null);
        return Body.text(text, "application/x-www-form-urlencoded", what, null);
    }

    /** Mostly a plausible value, sometimes a hostile one. */
    static String value(Random r, List<String> plausible) {
        return r.nextInt(5) == 0 ? pick(r, HttpFuzzTest.TEXTS) : r.nextInt(8) == 0 ? Mutations.hostile(r) : pick(r, plausible);
    }

    /** A multipart/form-data body, sometimes broken: no boundary, the wrong one, no closing delimiter. */
    static Body multipart(List<Map.Entry<String, String>> fields, String fileField, String fileName, byte[] file, String fileType, Random r, String what, java.util.Set<String> expect) {
        String boundary = "fz" + Long.toHexString(r.nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var f : fields) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey().replace("\"", "%22") + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.getValue().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (fileField != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName.replace("\"", "%22")
                    + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        int broken = r.nextInt(12);
        if (broken != 0) out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String type = switch (broken) {
            case 1 -> "multipart/form-data";
            case 2 -> "multipart/form-data; boundary=other";
            case 3 -> "multipart/form-data; boundary=" + "b".repeat(200);
            default -> "multipart/form-data; boundary=" + boundary;
        };
        return new Body(out.toByteArray(), type, what + (broken > 0 && broken < 4 || broken == 0 ? ", broken multipart" : ""), broken == 0 || broken < 4 ? null : expect);
    }
}
