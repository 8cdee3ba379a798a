package dev.origin.core.hs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HS provisions that provide for both a good and its parts: six-digit subheadings, and four-digit headings
 * not further subdivided into subheadings, whose descriptions name a good together with its parts (e.g.
 * 9402.10 dentists', barbers' or similar chairs "and parts thereof"). Criterion (d) of the rules of origin
 * turns on them: SOR/94-14 s.4(4)(b)(ii)(B) and s.4(5) (NAFTA); SOR/2020-155 s.3(4)(a) and s.3(5) (USMCA);
 * see docs/parts-rule.md.
 *
 * <p>The table is the resource {@code parts-provisions.txt} beside this class, derived from the HS 2017 and
 * HS 2022 descriptions by a classifier in origin-io's tests (which re-derives it from the nomenclature and
 * checks it). Parts-only provisions (8708.29, 9403.91 ...) are not listed. Loaded once; immutable and
 * thread-safe.
 */
public final class PartsProvisions {

    /**
     * A provision that provides for both a good and its parts.
     *
     * @param code        digits: a heading ({@code 9617}) or subheading ({@code 940210})
     * @param description a short description of the good and parts it names (ours, not the legal text)
     */
    public record Provision(String code, String description) {
        public Provision {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(description, "description");
            if ((code.length() != 4 && code.length() != 6) || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("`" + code + "` is not an HS heading or subheading (4 or 6 digits)");
            }
        }
    }

    static final String RESOURCE = "parts-provisions.txt";

    private PartsProvisions() {}

    /**
     * The provision (heading {@code "9403"} or subheading {@code "940320"} digits) of {@code good} that provides
     * for both the good and its parts in {@code edition}, or empty: the good's subheading when listed, else its
     * heading when that heading is listed as not further subdivided.
     */
    public static Optional<Provision> forGood(HsCode good, HsEdition edition) {
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(edition, "edition");
        Map<String, Provision> table = Table.BY_EDITION.get(edition);
        Provision p = table.get(good.subheading());
        return Optional.ofNullable(p != null ? p : table.get(good.heading()));
    }

    /** The listed provisions of an edition, by code (for tests). */
    static Map<String, Provision> all(HsEdition edition) {
        return Table.BY_EDITION.get(edition);
    }

    /** Loaded on first use (class initialisation is thread-safe). */
    private static final class Table {
        static final Map<HsEdition, Map<String, Provision>> BY_EDITION = load();
    }

    private static Map<HsEdition, Map<String, Provision>> load() {
        try (InputStream in = PartsProvisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + PartsProvisions.class.getName());
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " cannot be read", e);
        }
    }

    /**
     * Parses the table: {@code #} comments and blank lines are skipped; each other line is
     * {@code code<TAB>editions<TAB>description [how found]}, editions comma-separated; the trailing bracketed
     * tag is not part of the description.
     */
    static Map<HsEdition, Map<String, Provision>> parse(BufferedReader reader) throws IOException {
        Map<HsEdition, Map<String, Provision>> out = new EnumMap<>(HsEdition.class);
        for (HsEdition e : HsEdition.values()) out.put(e, new HashMap<>());
        int n = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 3) throw bad(n, "expected 3 tab-separated fields, found " + f.length);
            String description = f[2].replaceFirst("\\s*\\[[a-z]+\\]$", "").strip();
            Provision p;
            try {
                p = new Provision(f[0].strip(), description);
            } catch (IllegalArgumentException e) {
                throw bad(n, e.getMessage());
            }
            for (String ed : f[1].split(",")) {
                HsEdition edition;
                try {
                    edition = HsEdition.valueOf(ed.strip());
                } catch (IllegalArgumentException e) {
                    throw bad(n, "`" + ed.strip() + "` is not an HS edition");
                }
                if (out.get(edition).put(p.code(), p) != null) throw bad(n, "`" + p.code() + "` is listed twice for " + edition);
            }
        }
        out.replaceAll((e, m) -> Map.copyOf(m));
        return Map.copyOf(out);
    }

    private static IllegalStateException bad(int line, String message) {
        return new IllegalStateException(RESOURCE + ":" + line + ": " + message);
    }
}
