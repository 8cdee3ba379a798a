package dev.origin.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.origin.core.fleet.Fleet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which makers' models are under the USMCA alternative staging regime on a date (SOR/2020-155 s.19;
 * USMCA Appendix to Annex 4-B, Article 8), read from {@code alternative-staging.yaml}
 * (docs/backtest-sources.md §6). A model is covered when its maker is approved, the date is in the
 * approved period, and it is a passenger vehicle or light truck assembled in a party.
 */
public final class AlternativeStaging {
    static final String RESOURCE = "/dev/origin/sim/alternative-staging.yaml";
    private static final Set<String> CLASSES = Set.of("passenger-vehicle", "light-truck");

    /** An approved period of one maker. */
    public record Period(LocalDate from, LocalDate until) {
        boolean contains(LocalDate d) { return !d.isBefore(from) && !d.isAfter(until); }
    }

    /** No producer under the regime: the standard staging for everyone. */
    public static final AlternativeStaging NONE = new AlternativeStaging(Map.of());

    private final Map<String, Period> approved;

    public AlternativeStaging(Map<String, Period> approved) {
        this.approved = Map.copyOf(approved);
    }

    /** The approvals in the repository's data file. */
    public static AlternativeStaging published() {
        try (InputStream in = AlternativeStaging.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Period> out = new LinkedHashMap<>();
            for (JsonNode p : root.get("producers")) {
                if (!p.path("approved").asBoolean(false)) continue;
                out.put(p.get("maker").asText(), new Period(LocalDate.parse(p.get("from").asText()), LocalDate.parse(p.get("until").asText())));
            }
            return new AlternativeStaging(out);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    /**
     * These approvals with one maker's replaced: {@code period} approves {@code maker} for it, {@code null} withdraws
     * the maker's approval (a user's override of the data file, e.g. {@code origin simulate --staging "Honda=none"}).
     */
    public AlternativeStaging with(String maker, Period period) {
        Map<String, Period> m = new LinkedHashMap<>(approved);
        if (period == null) m.remove(maker);
        else m.put(maker, period);
        return new AlternativeStaging(m);
    }

    /** The approved makers and their periods. */
    public Map<String, Period> approved() { return approved; }

    /** True when {@code m} is produced under the alternative staging regime on {@code date} (never for a model without a maker). */
    public boolean covers(Fleet.Model m, LocalDate date) {
        if (m.maker() == null) return false; // `maker` is optional in a fleet file (an immutable map refuses a null key)
        Period p = approved.get(m.maker());
        return p != null && p.contains(date) && GoodBuilder.PARTIES.contains(m.country()) && CLASSES.contains(m.vehicleClass());
    }
}
