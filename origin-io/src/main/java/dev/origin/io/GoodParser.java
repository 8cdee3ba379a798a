package dev.origin.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.Labelled;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleData;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path of {@link CaseStream}: the tokens of one good turned straight into a {@link Good}, without the tree
 * with positions, for goods made only of the common fields, all valid: {@code id}, {@code hs}, {@code producer},
 * {@code destination}, {@code date}, {@code use}, {@code vehicle}, {@code transactionValue},
 * {@code internationalShipping}, {@code costs}, a {@code rule} written as text, and bought material lines
 * ({@code id}, {@code hs}, {@code value}, {@code origin}, {@code country}, {@code kind}): what {@code origin generate}
 * and the benchmark's fixture write.
 *
 * <p>Anything else gives up ({@link #read} returns null): a field it does not read (a rule written as an object,
 * facts, vehicle data, statements, self-produced materials, {@code ref}, …), an unknown or repeated key, a value of another JSON type
 * than the usual one (a number for an id, a null), or a value one of {@link CaseFileReader}'s checks would reject
 * (or that it is not sure it would accept: an amount with a sign, spaces or more than two decimals). The good is
 * then read by the tree path, {@link CaseFileReader}, which words its problems with their positions. So this path
 * accepts only goods the tree path accepts, and builds the same good, field by field (FastReaderTest compares them
 * on generated catalogs). Not thread-safe: one per thread.
 */
final class GoodParser {
    private static final int MAX_CACHED_CODES = 100_000;
    private static final Set<String> USES = Set.copyOf(Labelled.labels(Use.class));
    private static final Set<String> VEHICLES = Set.copyOf(Labelled.labels(VehicleKind.class));

    /** HS codes read so far, by their text (a catalog repeats a few codes millions of times). */
    private final Map<String, HsCode> codes = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    /** Rules read so far, by their text. */
    private final Map<String, Rule> rules = new HashMap<>();

    /**
     * The good whose first token the parser is about to read, or null when this path does not read it (the
     * parser is then left anywhere inside it).
     */
    Good read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return null;
        String id = null;
        HsCode hs = null;
        String country = null;
        String destination = null;
        LocalDate date = null;
        Use use = null;
        VehicleKind vehicle = null;
        BigDecimal tv = null;
        BigDecimal shipping = null;
        CostSheet costs = null;
        List<Material> materials = null;
        Rule rule = null;
        int seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            switch (key) {
                case "id" -> {
                    bit = 1;
                    id = text(p, v);
                    if (id == null) return null;
                }
                case "hs" -> {
                    bit = 2;
                    hs = hs(p, v);
                    if (hs == null) return null;
                }
                case "producer" -> {
                    bit = 4;
                    if (v != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("country")) return null;
                    country = country(p, p.nextToken());
                    if (country == null || p.nextToken() != JsonToken.END_OBJECT) return null;
                }
                case "destination" -> {
                    bit = 8;
                    destination = country(p, v);
                    if (destination == null) return null;
                }
                case "date" -> {
                    bit = 16;
                    String s = text(p, v);
                    if (s == null) return null;
                    try {
                        date = LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
                case "use" -> {
                    bit = 32;
                    String s = text(p, v);
                    if (s == null || !USES.contains(s)) return null;
                    use = Labelled.parse(Use.class, s);
                }
                case "vehicle" -> {
                    bit = 64;
                    String s = text(p, v);
                    if (s == null || !VEHICLES.contains(s)) return null;
                    vehicle = Labelled.parse(VehicleKind.class, s);
                }
                case "transactionValue" -> {
                    bit = 128;
                    tv = money(p, v);
                    if (tv == null) return null;
                }
                case "internationalShipping" -> {
                    bit = 256;
                    shipping = money(p, v);
                    if (shipping == null) return null;
                }
                case "costs" -> {
                    bit = 512;
                    costs = costs(p, v);
                    if (costs == null) return null;
                }
                case "materials" -> {
                    bit = 1024;
                    materials = materials(p, v);
                    if (materials == null) return null;
                }
                case "rule" -> {
                    bit = 2048;
                    rule = rule(p, v);
                    if (rule == null) return null;
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) return null;
            seen |= bit;
        }
        return good(id, hs, country, destination, date, use, vehicle, tv, shipping, costs, materials, rule);
    }

    /**
     * The good of these fields, or null when the tree path would reject or doubt it (no id, code or producer country;
     * shipping without or above the transaction value). Shared with {@link ByteGoodParser}, so both build the same good.
     */
    static Good good(String id, HsCode hs, String country, String destination, LocalDate date, Use use, VehicleKind vehicle, BigDecimal tv,
                     BigDecimal shipping, CostSheet costs, List<Material> materials, Rule rule) {
        if (id == null || hs == null || country == null) return null;
        if (shipping != null && (tv == null || shipping.compareTo(tv) > 0)) return null;
        return new Good(id, hs, country, destination, date, use, vehicle, tv, shipping, costs, materials == null ? List.of() : materials,
                rule, false, VehicleData.NONE, new ArrayList<>(), false, null);
    }

    /** A rule written as text, parsed as {@link RuleReader} parses it (a case file's rule has no parameters). */
    private Rule rule(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) return null;
        return rule(rules, p.getText());
    }

    /** The rule {@code text} says, remembered in {@code rules} (at most {@value #MAX_CACHED_CODES}); null when it does not parse. */
    static Rule rule(Map<String, Rule> rules, String text) {
        Rule r = rules.get(text);
        if (r != null) return r;
        try {
            r = RuleSyntax.parse(text, Map.of());
        } catch (RuntimeException e) {
            return null;
        }
        if (r != null && rules.size() < MAX_CACHED_CODES) rules.put(text, r);
        return r;
    }

    private CostSheet costs(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) return null;
        BigDecimal[] a = new BigDecimal[7];
        String allocation = null;
        ExcludedCosts ex = ExcludedCosts.NONE;
        int seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken x = p.nextToken();
            int i = switch (key) {
                case "originatingMaterials" -> 0;
                case "nonOriginatingMaterials" -> 1;
                case "otherProductCosts" -> 2;
                case "periodCosts" -> 3;
                case "otherCosts" -> 4;
                case "totalCost" -> 5;
                case "netCost" -> 6;
                case "allocation" -> 7;
                case "excludedCosts" -> 8;
                default -> -1;
            };
            if (i < 0 || (seen & (1 << i)) != 0) return null;
            seen |= 1 << i;
            if (i == 8) {
                ex = excluded(p, x);
                if (ex == null) return null;
            } else if (i == 7) {
                allocation = text(p, x);
                if (!isAllocation(allocation)) return null;
            } else {
                a[i] = money(p, x);
                if (a[i] == null) return null;
            }
        }
        return costSheet(a, ex, allocation);
    }

    /** Whether {@code s} is a cost sheet's allocation method ({@code a}, {@code b} or {@code c}). */
    static boolean isAllocation(String s) {
        return s != null && (s.equals("a") || s.equals("b") || s.equals("c"));
    }

    /**
     * The cost sheet of the amounts {@code a} (in the order of {@link ByteGoodParser}'s and this parser's keys: originating
     * materials, non-originating materials, other product costs, period costs, other costs, total cost, net cost; absent
     * ones null), or null when the tree path would reject it (a net cost or excluded costs above the total cost).
     */
    static CostSheet costSheet(BigDecimal[] a, ExcludedCosts ex, String allocation) {
        if (a[5] != null && a[6] != null && a[6].compareTo(a[5]) > 0) return null;
        if (a[5] != null && ex.total().compareTo(a[5]) > 0) return null;
        return new CostSheet(z(a[0]), z(a[1]), z(a[2]), z(a[3]), z(a[4]), ex, a[5], a[6], allocation);
    }

    private static ExcludedCosts excluded(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) return null;
        BigDecimal[] a = new BigDecimal[4];
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            JsonToken x = p.nextToken();
            int i = switch (key) {
                case "salesPromotion" -> 0;
                case "royalties" -> 1;
                case "shipping" -> 2;
                case "nonAllowableInterest" -> 3;
                default -> -1;
            };
            if (i < 0 || a[i] != null) return null;
            a[i] = money(p, x);
            if (a[i] == null) return null;
        }
        return excludedCosts(a);
    }

    /** The excluded costs of the amounts {@code a} (sales promotion, royalties, shipping, non-allowable interest; absent ones null). */
    static ExcludedCosts excludedCosts(BigDecimal[] a) {
        return new ExcludedCosts(z(a[0]), z(a[1]), z(a[2]), z(a[3]));
    }

    private static BigDecimal z(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v;
    }

    private List<Material> materials(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) return null;
        List<Material> out = new ArrayList<>();
        ids.clear();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT || out.size() >= CaseFileReader.MAX_MATERIAL_LINES) return null;
            Material m = material(p);
            if (m == null || !ids.add(m.id())) return null;
            out.add(m);
        }
        return out;
    }

    /** A bought material line: {@code id}, {@code hs}, {@code value}, {@code origin}, and optionally {@code country} and {@code kind}. */
    private Material material(JsonParser p) throws IOException {
        String id = null;
        HsCode hs = null;
        BigDecimal value = null;
        Origin origin = null;
        String country = null;
        MaterialKind kind = MaterialKind.DIRECT;
        int seen = 0;
        for (JsonToken t = next(p, MATERIAL_KEYS, seen); t == JsonToken.FIELD_NAME; t = next(p, MATERIAL_KEYS, seen)) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            switch (key) {
                case "id" -> {
                    bit = 1;
                    id = text(p, v);
                    if (id == null) return null;
                }
                case "hs" -> {
                    bit = 2;
                    hs = hs(p, v);
                    if (hs == null) return null;
                }
                case "value" -> {
                    bit = 4;
                    value = money(p, v);
                    if (value == null) return null;
                }
                case "origin" -> {
                    bit = 8;
                    origin = v == JsonToken.VALUE_STRING ? Origin.fromLabel(p.getText()) : null;
                    if (origin == null) return null;
                }
                case "country" -> {
                    bit = 16;
                    country = country(p, v);
                    if (country == null) return null;
                }
                case "kind" -> {
                    bit = 32;
                    kind = v == JsonToken.VALUE_STRING ? MaterialKind.fromLabel(p.getText()) : null;
                    if (kind == null) return null;
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) return null;
            seen |= bit;
        }
        return material(id, hs, value, origin, country, kind);
    }

    /** The bought material line of these fields, or null when one of id, code, value and origin is missing. */
    static Material material(String id, HsCode hs, BigDecimal value, Origin origin, String country, MaterialKind kind) {
        if (id == null || hs == null || value == null || origin == null) return null;
        return new Material(id, hs, value, origin, country, kind, false, false, null, null, null, new ArrayList<>(), null);
    }

    /**
     * The keys of a material line in the order {@code origin generate} writes them: each is the one
     * {@link #next(JsonParser, SerializedString[], int)} expects after those before it, in bits 1, 2, 4, … of {@code seen}.
     */
    private static final SerializedString[] MATERIAL_KEYS = keys("id", "hs", "value", "origin", "country", "kind");

    private static SerializedString[] keys(String... names) {
        SerializedString[] out = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++) out[i] = new SerializedString(names[i]);
        return out;
    }

    /**
     * The next token, as {@link JsonParser#nextToken()}, expecting the first key of {@code order} not yet {@code seen}:
     * when it is that one, Jackson matches its bytes without looking the name up ({@link JsonParser#nextFieldName}).
     * Any other key, or the end of the object, is read as usual.
     */
    private static JsonToken next(JsonParser p, SerializedString[] order, int seen) throws IOException {
        int k = Integer.numberOfTrailingZeros(~seen);
        if (k < order.length) {
            p.nextFieldName(order[k]);
            return p.currentToken();
        }
        return p.nextToken();
    }

    /** A non-blank string; null for any other token. */
    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) return null;
        String s = p.getText();
        return s.isBlank() ? null : s;
    }

    /** Two capital letters naming an assigned country (as {@link CaseFileReader} checks a country code). */
    private static String country(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING || p.getTextLength() != 2) return null;
        String c = p.getText();
        // a code of the right form that no country has goes to the tree path, which reports UNKNOWN_COUNTRY
        return c.charAt(0) >= 'A' && c.charAt(0) <= 'Z' && c.charAt(1) >= 'A' && c.charAt(1) <= 'Z' && Fields.ASSIGNED_COUNTRIES.contains(c)
                ? c : null;
    }

    private HsCode hs(JsonParser p, JsonToken v) throws IOException {
        String s = text(p, v);
        if (s == null) return null;
        HsCode c = codes.get(s);
        if (c != null) return c;
        if (!HsCode.isValid(s)) return null;
        c = HsCode.parse(s);
        if (codes.size() < MAX_CACHED_CODES) codes.put(s, c);
        return c;
    }

    /**
     * An amount written plainly, as a string or a number: 1 to {@value Fields#MAX_INTEGER_DIGITS} digits, then
     * optionally a point and one or two digits; with two decimals, as {@link Fields#money} gives it. Null for any
     * other text (the tree path decides about those).
     */
    static BigDecimal money(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) return null;
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int end = off + len;
        int i = off;
        long units = 0;
        while (i < end && c[i] >= '0' && c[i] <= '9') units = units * 10 + (c[i++] - '0');
        int whole = i - off;
        if (whole == 0 || whole > Fields.MAX_INTEGER_DIGITS) return null;
        long cents = units * 100;
        if (i < end) {
            if (c[i++] != '.') return null;
            int decimals = end - i;
            if (decimals < 1 || decimals > 2) return null;
            for (int k = 0; k < decimals; k++) {
                char d = c[i + k];
                if (d < '0' || d > '9') return null;
                cents += (d - '0') * (k == 0 ? 10 : 1);
            }
        }
        return BigDecimal.valueOf(cents, 2);
    }
}
