package dev.origin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.origin.io.InputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stored determination evaluated again.
 *
 * <ul>
 *   <li>{@link #of}: from its stored input document, under the pack as it reads today with the stored
 *       overrides, as of the stored date. With the same pack content and engine this re-derives the findings
 *       byte for byte ({@link #identical()}); otherwise {@link #differences()} says what changed.</li>
 *   <li>{@link #againstCurrent}: from the workspace's data as it is now (the input rebuilt as of a date, by
 *       default the stored one) and today's pack: what would be decided today, and why it differs.</li>
 * </ul>
 *
 * @param input       the input evaluated now: the stored document, or the one rebuilt from today's data
 * @param differences one line per difference (inputs, rule pack, engine, verdict, requirements, RVC), empty when
 *                    the findings are identical
 */
public record Replay(LedgerEntry entry, String input, String inputsHash, Qualification now, boolean identical, List<String> differences) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Re-derives {@code e} from its stored input. */
    public static Replay of(LedgerEntry e) throws InputException {
        Qualification q = Qualification.evaluate(e.inputDocument(), e.regime(), e.params(), e.asOf());
        return compare(e, e.inputDocument(), e.inputsHash(), q);
    }

    /** Evaluates the part of {@code e} from today's data as of {@code asOf} (null: the stored date) and today's pack. */
    public static Replay againstCurrent(Workspace ws, LedgerEntry e, LocalDate asOf) throws InputException {
        LocalDate date = asOf == null ? e.asOf() : asOf;
        GoodInput in = ws.input(e.partId(), date);
        Qualification q = Qualification.evaluate(in.document(), e.regime(), e.params(), date);
        return compare(e, in.document(), in.hash(), q);
    }

    /** The verdict now. */
    public String verdict() {
        return now.determination().status().name();
    }

    private static Replay compare(LedgerEntry e, String input, String hash, Qualification q) {
        List<String> diff = new ArrayList<>();
        if (!hash.equals(e.inputsHash())) {
            diff.addAll(inputDifferences(e.inputDocument(), input));
            if (diff.isEmpty()) {
                diff.add("input: the document differs (" + e.inputsHash() + " then, " + hash + " now)");
            }
        }
        if (!q.packHash().equals(e.packHash())) {
            diff.add("rule pack `" + e.regime() + "`: changed (revision " + e.packRevision() + " then, " + q.packRevision() + " now)");
        }
        if (!EngineVersion.get().equals(e.engineVersion())) {
            diff.add("engine: " + e.engineVersion() + " then, " + EngineVersion.get() + " now");
        }
        boolean identical = q.findings().equals(e.findings());
        if (!identical) {
            List<String> findings = findingDifferences(e.findings(), q.findings());
            diff.addAll(findings.isEmpty() ? List.of("findings: the explanation differs (verdict and requirements unchanged)") : findings);
        }
        return new Replay(e, input, hash, q, identical && diff.isEmpty(), diff);
    }

    /** Per material path: what changed in HS, value, origin or country; and the good's own figures. */
    static List<String> inputDifferences(String before, String after) {
        Map<String, Map<String, String>> a = flatten(before);
        Map<String, Map<String, String>> b = flatten(after);
        List<String> out = new ArrayList<>();
        for (var x : a.entrySet()) {
            Map<String, String> now = b.get(x.getKey());
            if (now == null) {
                out.add("input " + x.getKey() + ": no longer in the bill of materials");
                continue;
            }
            for (var f : x.getValue().entrySet()) {
                String v = now.get(f.getKey());
                if (!Objects.equals(f.getValue(), v)) {
                    out.add("input " + x.getKey() + ": " + f.getKey() + " " + f.getValue() + " -> " + v);
                }
            }
            for (var f : now.entrySet()) {
                if (!x.getValue().containsKey(f.getKey())) {
                    out.add("input " + x.getKey() + ": " + f.getKey() + " (none) -> " + f.getValue());
                }
            }
        }
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                out.add("input " + k + ": new in the bill of materials");
            }
        }
        return out;
    }

    /** Verdict, RVC and each requirement's status and value, old against new. */
    static List<String> findingDifferences(String before, String after) {
        JsonNode a = parse(before).path("results").path(0);
        JsonNode b = parse(after).path("results").path(0);
        List<String> out = new ArrayList<>();
        if (!a.path("status").asText().equals(b.path("status").asText())) {
            out.add("verdict: " + a.path("status").asText() + " -> " + b.path("status").asText());
        }
        if (!a.path("rvc").path("value").asText().equals(b.path("rvc").path("value").asText())) {
            out.add("RVC: " + text(a.path("rvc").path("value")) + " -> " + text(b.path("rvc").path("value")));
        }
        Map<String, JsonNode> reqA = requirements(a);
        Map<String, JsonNode> reqB = requirements(b);
        for (var x : reqA.entrySet()) {
            JsonNode n = reqB.get(x.getKey());
            if (n == null) {
                out.add("requirement " + x.getKey() + ": no longer evaluated");
            } else if (!x.getValue().path("status").asText().equals(n.path("status").asText())
                    || !x.getValue().path("value").asText().equals(n.path("value").asText())) {
                out.add("requirement " + x.getKey() + ": " + state(x.getValue()) + " -> " + state(n));
            }
        }
        for (String k : reqB.keySet()) {
            if (!reqA.containsKey(k)) {
                out.add("requirement " + k + ": newly evaluated, " + state(reqB.get(k)));
            }
        }
        return out;
    }

    private static String state(JsonNode r) {
        String s = r.path("status").asText();
        return r.hasNonNull("value") ? s + " (" + r.path("value").asText() + ")" : s;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "none" : n.asText();
    }

    private static Map<String, JsonNode> requirements(JsonNode result) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : result.path("requirements")) {
            String key = r.path("id").asText();
            while (out.containsKey(key)) {
                key = key + "'";
            }
            out.put(key, r);
        }
        return out;
    }

    private static Map<String, Map<String, String>> flatten(String doc) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        JsonNode good = parse(doc).path("goods").path(0);
        Map<String, String> top = new LinkedHashMap<>();
        for (String f : List.of("hs", "destination", "transactionValue", "internationalShipping")) {
            if (good.hasNonNull(f)) {
                top.put(f, good.get(f).asText());
            }
        }
        top.put("producer", good.path("producer").path("country").asText());
        costs(good, top);
        String id = good.path("id").asText();
        out.put(id, top);
        materials(good.path("materials"), id, out);
        return out;
    }

    private static void materials(JsonNode list, String path, Map<String, Map<String, String>> out) {
        for (JsonNode m : list) {
            String here = path + "/" + m.path("id").asText();
            Map<String, String> f = new LinkedHashMap<>();
            for (String k : List.of("hs", "value", "origin", "country")) {
                if (m.hasNonNull(k)) {
                    f.put(k, m.get(k).asText());
                }
            }
            costs(m, f);
            out.put(here, f);
            materials(m.path("materials"), here, out);
        }
    }

    private static void costs(JsonNode n, Map<String, String> f) {
        JsonNode c = n.path("costs");
        c.fields().forEachRemaining(x -> {
            if (x.getValue().isObject()) {
                x.getValue().fields().forEachRemaining(y -> f.put("costs." + x.getKey() + "." + y.getKey(), y.getValue().asText()));
            } else {
                f.put("costs." + x.getKey(), x.getValue().asText());
            }
        });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored document is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
