package dev.origin.io;

import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fastest path of {@link CaseStream}: one good read straight from the bytes of the file, without a JSON parser,
 * for exactly the goods {@link GoodParser} reads and with the same result, field by field. It accepts less than
 * {@link GoodParser}: besides everything that parser gives up on, it gives up on any string holding an escape
 * ({@code \}), a control character or a byte outside ASCII, on a number written with an exponent, a sign or a
 * leading zero, and on text that is not well-formed JSON; the good is then read by {@link GoodParser} (and, when that
 * gives up, by the tree path), exactly as before. {@code ByteGoodParserTest} compares both parsers on generated
 * catalogs and on thousands of changed goods. Not thread-safe: one per thread.
 *
 * <p>Why it exists: on a catalog of flat goods (what {@code origin generate} writes), reading the goods with Jackson's
 * token parser took about a third of {@code origin qualify}'s time, most of it making strings and names the good does
 * not keep (docs/PERFORMANCE.md).
 */
final class ByteGoodParser {
    private static final int MAX_CACHED = 100_000;
    /**
     * The longest string read: Jackson refuses a longer one ({@link StreamReadConstraints#getMaxStringLength}, by default
     * and as {@link CaseStream} builds its parser), so {@link GoodParser} would throw there.
     */
    private static final int MAX_STRING = Math.min(StreamReadConstraints.defaults().getMaxStringLength(),
            StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
    /** The keys and labels, as bytes: a key or a label is matched without making a string. */
    private static final byte[] ID = bytes("id"), HS = bytes("hs"), PRODUCER = bytes("producer"), DESTINATION = bytes("destination"),
            DATE = bytes("date"), USE = bytes("use"), VEHICLE = bytes("vehicle"), TV = bytes("transactionValue"),
            SHIPPING = bytes("internationalShipping"), COSTS = bytes("costs"), MATERIALS = bytes("materials"), RULE = bytes("rule"),
            COUNTRY = bytes("country"), VALUE = bytes("value"), ORIGIN = bytes("origin"), KIND = bytes("kind");
    private static final byte[][] COST_KEYS = bytesOf("originatingMaterials", "nonOriginatingMaterials", "otherProductCosts", "periodCosts",
            "otherCosts", "totalCost", "netCost", "allocation", "excludedCosts");
    private static final byte[][] EXCLUDED_KEYS = bytesOf("salesPromotion", "royalties", "shipping", "nonAllowableInterest");
    private static final Origin[] ORIGINS = Origin.values();
    private static final byte[][] ORIGIN_LABELS = labelsOf(ORIGINS, Origin::label);
    private static final MaterialKind[] KINDS = MaterialKind.values();
    private static final byte[][] KIND_LABELS = labelsOf(KINDS, MaterialKind::label);
    private static final Use[] USES = Use.values();
    private static final byte[][] USE_LABELS = labelsOf(USES, Use::label);
    private static final VehicleKind[] VEHICLES = VehicleKind.values();
    private static final byte[][] VEHICLE_LABELS = labelsOf(VEHICLES, VehicleKind::label);
    /** The assigned two-letter country codes ({@link Fields#ASSIGNED_COUNTRIES}) by (first - 'A') * 26 + (second - 'A'); null where none. */
    private static final String[] COUNTRIES = new String[26 * 26];

    static {
        for (String c : Fields.ASSIGNED_COUNTRIES) {
            if (c.length() == 2 && c.charAt(0) >= 'A' && c.charAt(0) <= 'Z' && c.charAt(1) >= 'A' && c.charAt(1) <= 'Z') {
                COUNTRIES[(c.charAt(0) - 'A') * 26 + c.charAt(1) - 'A'] = c;
            }
        }
    }

    /** HS codes read so far, by their bytes (open addressing; a catalog repeats a few codes millions of times). */
    private byte[][] codeKeys = new byte[1024][];
    private HsCode[] codeValues = new HsCode[1024];
    private int codeCount;
    /** Rules read so far, by their text. */
    private final Map<String, Rule> rules = new HashMap<>();
    /** The ids of a good's material lines, once there are many. */
    private final Set<String> ids = new HashSet<>();

    // the text being read and the position in it
    private byte[] b;
    private int i;
    private int end;
    // the last string read: its bytes are b[from, to)
    private int from;
    private int to;

    /**
     * The good whose text is the {@code len} bytes at {@code off} of {@code text} (blanks may follow it), or null when
     * this path does not read it.
     */
    Good read(byte[] text, int off, int len) {
        b = text;
        i = off;
        end = off + len;
        try {
            Good g = good();
            if (g == null) return null;
            blank();
            return i == end ? g : null;
        } finally {
            b = null;
        }
    }

    private Good good() {
        if (!open('{')) return null;
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
        if (!close('}')) {
            do {
                if (!key()) return null;
                int bit;
                if (is(ID)) {
                    bit = 1;
                    id = text();
                    if (id == null) return null;
                } else if (is(HS)) {
                    bit = 2;
                    hs = hs();
                    if (hs == null) return null;
                } else if (is(PRODUCER)) {
                    bit = 4;
                    if (!open('{') || !key() || !is(COUNTRY)) return null;
                    country = country();
                    blank();
                    if (country == null || !close('}')) return null;
                } else if (is(DESTINATION)) {
                    bit = 8;
                    destination = country();
                    if (destination == null) return null;
                } else if (is(DATE)) {
                    bit = 16;
                    String s = text();
                    if (s == null) return null;
                    try {
                        date = LocalDate.parse(s);
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                } else if (is(USE)) {
                    bit = 32;
                    int k = label(USE_LABELS);
                    if (k < 0) return null;
                    use = USES[k];
                } else if (is(VEHICLE)) {
                    bit = 64;
                    int k = label(VEHICLE_LABELS);
                    if (k < 0) return null;
                    vehicle = VEHICLES[k];
                } else if (is(TV)) {
                    bit = 128;
                    tv = money();
                    if (tv == null) return null;
                } else if (is(SHIPPING)) {
                    bit = 256;
                    shipping = money();
                    if (shipping == null) return null;
                } else if (is(COSTS)) {
                    bit = 512;
                    costs = costs();
                    if (costs == null) return null;
                } else if (is(MATERIALS)) {
                    bit = 1024;
                    materials = materials();
                    if (materials == null) return null;
                } else if (is(RULE)) {
                    bit = 2048;
                    rule = rule();
                    if (rule == null) return null;
                } else {
                    return null;
                }
                if ((seen & bit) != 0) return null;
                seen |= bit;
            } while (more('}'));
            if (i > end) return null;
        }
        return GoodParser.good(id, hs, country, destination, date, use, vehicle, tv, shipping, costs, materials, rule);
    }

    private CostSheet costs() {
        if (!open('{')) return null;
        BigDecimal[] a = new BigDecimal[7];
        String allocation = null;
        ExcludedCosts ex = ExcludedCosts.NONE;
        int seen = 0;
        if (!close('}')) {
            do {
                if (!key()) return null;
                int k = keyIn(COST_KEYS);
                if (k < 0 || (seen & (1 << k)) != 0) return null;
                seen |= 1 << k;
                if (k == 8) {
                    ex = excluded();
                    if (ex == null) return null;
                } else if (k == 7) {
                    allocation = text();
                    if (!GoodParser.isAllocation(allocation)) return null;
                } else {
                    a[k] = money();
                    if (a[k] == null) return null;
                }
            } while (more('}'));
            if (i > end) return null;
        }
        return GoodParser.costSheet(a, ex, allocation);
    }

    private ExcludedCosts excluded() {
        if (!open('{')) return null;
        BigDecimal[] a = new BigDecimal[4];
        if (!close('}')) {
            do {
                if (!key()) return null;
                int k = keyIn(EXCLUDED_KEYS);
                if (k < 0 || a[k] != null) return null;
                a[k] = money();
                if (a[k] == null) return null;
            } while (more('}'));
            if (i > end) return null;
        }
        return GoodParser.excludedCosts(a);
    }

    private List<Material> materials() {
        if (!open('[')) return null;
        List<Material> out = new ArrayList<>();
        ids.clear();
        if (!close(']')) {
            do {
                if (out.size() >= CaseFileReader.MAX_MATERIAL_LINES) return null;
                Material m = material();
                if (m == null || repeated(out, m.id())) return null;
                out.add(m);
            } while (more(']'));
            if (i > end) return null;
        }
        return out;
    }

    /** Whether a line before has the id {@code id}: compared one by one for a short list, by a set beyond. */
    private boolean repeated(List<Material> before, String id) {
        int n = before.size();
        if (n < SHORT_LIST) {
            for (int k = 0; k < n; k++) if (before.get(k).id().equals(id)) return true;
            return false;
        }
        if (n == SHORT_LIST) for (Material m : before) ids.add(m.id());
        return !ids.add(id);
    }

    private static final int SHORT_LIST = 16;

    /** A bought material line: {@code id}, {@code hs}, {@code value}, {@code origin}, and optionally {@code country} and {@code kind}. */
    private Material material() {
        if (!open('{')) return null;
        String id = null;
        HsCode hs = null;
        BigDecimal value = null;
        Origin origin = null;
        String country = null;
        MaterialKind kind = MaterialKind.DIRECT;
        int seen = 0;
        if (!close('}')) {
            do {
                if (!key()) return null;
                int bit;
                if (is(ID)) {
                    bit = 1;
                    id = text();
                    if (id == null) return null;
                } else if (is(HS)) {
                    bit = 2;
                    hs = hs();
                    if (hs == null) return null;
                } else if (is(VALUE)) {
                    bit = 4;
                    value = money();
                    if (value == null) return null;
                } else if (is(ORIGIN)) {
                    bit = 8;
                    int k = label(ORIGIN_LABELS);
                    if (k < 0) return null;
                    origin = ORIGINS[k];
                } else if (is(COUNTRY)) {
                    bit = 16;
                    country = country();
                    if (country == null) return null;
                } else if (is(KIND)) {
                    bit = 32;
                    int k = label(KIND_LABELS);
                    if (k < 0) return null;
                    kind = KINDS[k];
                } else {
                    return null;
                }
                if ((seen & bit) != 0) return null;
                seen |= bit;
            } while (more('}'));
            if (i > end) return null;
        }
        return GoodParser.material(id, hs, value, origin, country, kind);
    }

    // ---- values ----

    /** A rule written as text, parsed as {@link GoodParser} parses it. */
    private Rule rule() {
        String text = text();
        return text == null ? null : GoodParser.rule(rules, text);
    }

    /** A non-blank string (as {@link String#isBlank} reads it: here, one of spaces only); null for any other value. */
    private String text() {
        if (!string()) return null;
        for (int k = from; k < to; k++) {
            if (b[k] != ' ') return cached();
        }
        return null;
    }

    /**
     * The string {@code b[from, to)}: a short one as made before when it was the last in its slot of a small
     * direct-mapped table (material ids such as {@code m1} recur in every good), else a new one.
     */
    private String cached() {
        int n = to - from;
        if (n > 16) return new String(b, from, n, StandardCharsets.ISO_8859_1);
        int h = n;
        for (int k = from; k < to; k++) h = 31 * h + b[k];
        int slot = (h ^ (h >>> 11)) & (texts.length - 1);
        String s = texts[slot];
        if (s != null && s.length() == n) {
            int k = 0;
            while (k < n && s.charAt(k) == (char) b[from + k]) k++;
            if (k == n) return s;
        }
        s = new String(b, from, n, StandardCharsets.ISO_8859_1);
        texts[slot] = s;
        return s;
    }

    private final String[] texts = new String[256];

    /** Two capital letters naming an assigned country, as {@link GoodParser} checks it. */
    private String country() {
        if (!string() || to - from != 2) return null;
        int c0 = b[from] - 'A';
        int c1 = b[from + 1] - 'A';
        if (c0 < 0 || c0 >= 26 || c1 < 0 || c1 >= 26) return null;
        return COUNTRIES[c0 * 26 + c1];
    }

    /** The index of the label the string is, or -1 (also for any other value). */
    private int label(byte[][] labels) {
        if (!string()) return -1;
        for (int k = 0; k < labels.length; k++) if (is(labels[k])) return k;
        return -1;
    }

    private HsCode hs() {
        if (!string()) return null;
        int n = to - from;
        int h = 1;
        for (int k = from; k < to; k++) h = 31 * h + b[k];
        int mask = codeKeys.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        for (byte[] key = codeKeys[slot]; key != null; key = codeKeys[slot]) {
            if (key.length == n && Arrays.equals(key, 0, n, b, from, to)) return codeValues[slot];
            slot = (slot + 1) & mask;
        }
        String s = new String(b, from, n, StandardCharsets.ISO_8859_1);
        if (s.isBlank() || !HsCode.isValid(s)) return null;
        HsCode c = HsCode.parse(s);
        if (codeCount < MAX_CACHED) {
            if (2 * (codeCount + 1) > codeKeys.length) {
                grow();
                return c;
            }
            codeKeys[slot] = Arrays.copyOfRange(b, from, to);
            codeValues[slot] = c;
            codeCount++;
        }
        return c;
    }

    /** Doubles the table of codes (the code just read is added when it is next met). */
    private void grow() {
        byte[][] keys = codeKeys;
        HsCode[] values = codeValues;
        codeKeys = new byte[keys.length * 2][];
        codeValues = new HsCode[keys.length * 2];
        int mask = codeKeys.length - 1;
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] == null) continue;
            int h = 1;
            for (byte x : keys[s]) h = 31 * h + x;
            int slot = (h ^ (h >>> 16)) & mask;
            while (codeKeys[slot] != null) slot = (slot + 1) & mask;
            codeKeys[slot] = keys[s];
            codeValues[slot] = values[s];
        }
    }

    /**
     * An amount written plainly, as a string or a number, as {@link GoodParser#money} reads it: 1 to
     * {@value Fields#MAX_INTEGER_DIGITS} digits, then optionally a point and one or two digits. Null for anything else.
     */
    private BigDecimal money() {
        int s;
        int e;
        if (i < end && b[i] == '"') {
            if (!string()) return null;
            s = from;
            e = to;
        } else {
            // a JSON number: digits without a leading zero (unless alone), an optional fraction, no exponent
            s = i;
            int k = i;
            while (k < end && b[k] >= '0' && b[k] <= '9') k++;
            if (k == s || (b[s] == '0' && k - s > 1)) return null;
            if (k < end && b[k] == '.') {
                int f = ++k;
                while (k < end && b[k] >= '0' && b[k] <= '9') k++;
                if (k == f) return null;
            }
            if (k < end && (b[k] == 'e' || b[k] == 'E' || (b[k] >= '0' && b[k] <= '9'))) return null;
            e = k;
            i = k;
        }
        int k = s;
        long units = 0;
        while (k < e && b[k] >= '0' && b[k] <= '9') units = units * 10 + (b[k++] - '0');
        int whole = k - s;
        if (whole == 0 || whole > Fields.MAX_INTEGER_DIGITS) return null;
        long cents = units * 100;
        if (k < e) {
            if (b[k++] != '.') return null;
            int decimals = e - k;
            if (decimals < 1 || decimals > 2) return null;
            for (int d = 0; d < decimals; d++) {
                byte c = b[k + d];
                if (c < '0' || c > '9') return null;
                cents += (c - '0') * (d == 0 ? 10 : 1);
            }
        }
        return BigDecimal.valueOf(cents, 2);
    }

    // ---- syntax ----

    /**
     * A string at the position (after blanks): its content is then {@code b[from, to)} and the position after it;
     * false for any other value, or a string holding an escape, a control character or a byte outside ASCII, or
     * longer than Jackson reads ({@link #MAX_STRING}).
     */
    private boolean string() {
        if (i >= end || b[i] != '"') return false;
        int k = i + 1;
        from = k;
        while (k < end) {
            byte c = b[k];
            if (c == '"') {
                if (k - from > MAX_STRING) return false;
                to = k;
                i = k + 1;
                return true;
            }
            if (c == '\\' || c < 0x20) return false;
            k++;
        }
        return false;
    }

    /** A key and its colon, the position then at the value (after blanks); the key's bytes are {@code b[from, to)}. */
    private boolean key() {
        if (!string()) return false;
        blank();
        if (i >= end || b[i] != ':') return false;
        i++;
        blank();
        return true;
    }

    /** Whether the last string read is {@code text}. */
    private boolean is(byte[] text) {
        return to - from == text.length && Arrays.equals(text, 0, text.length, b, from, to);
    }

    private int keyIn(byte[][] names) {
        for (int k = 0; k < names.length; k++) if (is(names[k])) return k;
        return -1;
    }

    /** Blanks, then {@code c}, then blanks; false (the position anywhere) when {@code c} is not there. */
    private boolean open(char c) {
        blank();
        if (i >= end || b[i] != c) return false;
        i++;
        blank();
        return true;
    }

    /** Whether the container ends here (at {@code c}, which is then passed, with the blanks after it). */
    private boolean close(char c) {
        if (i < end && b[i] == c) {
            i++;
            blank();
            return true;
        }
        return false;
    }

    /**
     * After a member or element: true at a comma (passed, with blanks), false at {@code c} (passed, with blanks);
     * anything else moves the position past the end, which the callers take as not well-formed.
     */
    private boolean more(char c) {
        blank();
        if (i < end && b[i] == ',') {
            i++;
            blank();
            return true;
        }
        if (i < end && b[i] == c) {
            i++;
            blank();
            return false;
        }
        i = end + 1;
        return false;
    }

    private void blank() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] bytesOf(String... names) {
        byte[][] out = new byte[names.length][];
        for (int k = 0; k < names.length; k++) out[k] = bytes(names[k]);
        return out;
    }

    private static <E> byte[][] labelsOf(E[] values, java.util.function.Function<E, String> label) {
        byte[][] out = new byte[values.length][];
        for (int k = 0; k < values.length; k++) out[k] = bytes(label.apply(values[k]));
        return out;
    }
}
