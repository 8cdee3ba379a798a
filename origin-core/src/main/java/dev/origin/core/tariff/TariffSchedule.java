package dev.origin.core.tariff;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Most-favoured-nation (MFN) ad valorem rates by importing country and HS scope: the duty a good
 * pays when it does not qualify for preference. Immutable; dates are arguments (no clock).
 *
 * <p><b>Which entry applies.</b> Among the entries of the importer valid on the date, the one whose
 * matching range is most specific wins: more digits first ({@code 8708.99.81} beats {@code 8708.99}
 * beats {@code 87.08}); at equal digits, the narrower range ({@code 8703.23} beats
 * {@code 8703.21-8703.90}); then the entry with the later {@code validFrom} (an undated entry counts
 * as earliest), so a dated change can be laid over an undated base; then the entry declared first.
 * Two entries of one importer with an identical range, identical {@code validFrom} and overlapping
 * validity are rejected when the schedule is built.
 *
 * <p>A schedule can be laid over another ({@link #overriddenBy}): any match in the upper schedule wins.
 */
public final class TariffSchedule {

    /**
     * One line of the schedule.
     *
     * @param importer    ISO 3166 alpha-2 code, upper case ({@code US}, {@code CA}, {@code MX})
     * @param scope       HS provisions covered (at least one)
     * @param percent     MFN ad valorem rate in percent, 0 to 100 ({@code 0} = Free)
     * @param source      citation: URL, HTS line or RULES.md source key
     * @param validFrom   first day the rate applies (inclusive), or null for "always"
     * @param validUntil  last day the rate applies (inclusive), or null for "still"
     * @param assumption  why the figure is assumed rather than checked, or null when checked
     * @param description what the goods are, for people, or null
     */
    public record Entry(String importer, List<HsRange> scope, BigDecimal percent, String source,
                        LocalDate validFrom, LocalDate validUntil, String assumption, String description) {

        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Entry {
            Objects.requireNonNull(importer, "importer");
            if (!importer.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("`" + importer + "` is not an ISO 3166 alpha-2 country code such as US");
            }
            scope = List.copyOf(scope);
            if (scope.isEmpty()) throw new IllegalArgumentException("an entry needs at least one HS provision");
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("the rate " + percent.toPlainString() + " % is not between 0 and 100");
            }
            if (source == null || source.isBlank()) throw new IllegalArgumentException("an entry needs a source");
            if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                throw new IllegalArgumentException("validity ends (" + validUntil + ") before it starts (" + validFrom + ")");
            }
        }

        /** True when the entry applies on {@code date} (both ends inclusive). */
        public boolean isValidOn(LocalDate date) {
            return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
        }

        /** The most specific range of the scope containing {@code hs}, or null. */
        public HsRange match(HsCode hs) {
            HsRange best = null;
            for (HsRange r : scope) if (r.contains(hs) && (best == null || MORE_SPECIFIC.compare(r, best) < 0)) best = r;
            return best;
        }

        /** True when the validity periods of this entry and {@code o} share at least one day. */
        public boolean overlapsInTime(Entry o) {
            boolean startsBeforeOtherEnds = validFrom == null || o.validUntil == null || !validFrom.isAfter(o.validUntil);
            boolean otherStartsBeforeThisEnds = o.validFrom == null || validUntil == null || !o.validFrom.isAfter(validUntil);
            return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
        }
    }

    /** Orders ranges most specific first: more digits, then narrower. */
    static final Comparator<HsRange> MORE_SPECIFIC = Comparator
            .comparingInt(HsRange::specificity).reversed()
            .thenComparingLong(TariffSchedule::width);

    private static long width(HsRange r) {
        return Long.parseLong(r.to().digits()) - Long.parseLong(r.from().digits());
    }

    private final String name;
    private final List<Entry> entries;
    private final TariffSchedule below;
    /** Lookups already made (a catalog asks for the same few codes over and over); bounded, thread-safe. */
    private final java.util.Map<MfnKey, Optional<Rate>> memo = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO = 4096;

    private record MfnKey(String importer, HsCode hs, LocalDate date) {}

    /**
     * @param name    what the schedule is, for reports (e.g. {@code builtin:mfn.yaml 2024.1})
     * @param entries the entries, in declaration order
     * @throws IllegalArgumentException when two entries of one importer have the same range, the
     *                                  same {@code validFrom} and overlapping validity
     */
    public TariffSchedule(String name, List<Entry> entries) {
        this(name, entries, null);
    }

    private TariffSchedule(String name, List<Entry> entries, TariffSchedule below) {
        this.name = Objects.requireNonNull(name, "name");
        this.entries = List.copyOf(entries);
        this.below = below;
        String clash = firstClash(this.entries);
        if (clash != null) throw new IllegalArgumentException(clash);
    }

    /**
     * Describes the first pair of entries that the lookup could not tell apart (same importer, same
     * range, same {@code validFrom}, overlapping validity), or null when there is none. Entry
     * numbers are 0-based positions in {@code entries}.
     */
    public static String firstClash(List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Entry a = entries.get(i);
            for (int j = i + 1; j < entries.size(); j++) {
                Entry b = entries.get(j);
                if (!a.importer().equals(b.importer()) || !Objects.equals(a.validFrom(), b.validFrom()) || !a.overlapsInTime(b)) continue;
                for (HsRange r : b.scope()) {
                    if (a.scope().contains(r)) {
                        return "entries " + i + " and " + j + " both give a rate for " + a.importer() + " / " + r
                                + " from the same date; keep one, or give the later one a later validFrom";
                    }
                }
            }
        }
        return null;
    }

    public String name() { return name; }

    /** This schedule's own entries, in declaration order (not those of a schedule it overrides). */
    public List<Entry> entries() { return entries; }

    /** Importers with at least one entry, here or below. */
    public Set<String> importers() {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries) out.add(e.importer());
        if (below != null) out.addAll(below.importers());
        return out;
    }

    /**
     * The MFN rate for a good of {@code hs} imported into {@code importer} on {@code date}: the most
     * specific entry valid on that date (see the class comment), or empty when there is none.
     *
     * @param importer ISO alpha-2 code; case is ignored
     */
    public Optional<Rate> mfn(String importer, HsCode hs, LocalDate date) {
        Objects.requireNonNull(hs, "hs");
        Objects.requireNonNull(date, "date");
        MfnKey key = new MfnKey(Objects.requireNonNull(importer, "importer"), hs, date);
        Optional<Rate> found = memo.get(key);
        if (found != null) return found;
        Optional<Rate> rate = lookup(importer, hs, date);
        if (memo.size() < MEMO) memo.putIfAbsent(key, rate);
        return rate;
    }

    private Optional<Rate> lookup(String importer, HsCode hs, LocalDate date) {
        String imp = importer.strip().toUpperCase(Locale.ROOT);
        Entry bestEntry = null;
        HsRange bestRange = null;
        for (Entry e : entries) {
            if (!e.importer().equals(imp) || !e.isValidOn(date)) continue;
            HsRange r = e.match(hs);
            if (r == null) continue;
            if (bestEntry == null || better(r, e, bestRange, bestEntry)) {
                bestEntry = e;
                bestRange = r;
            }
        }
        if (bestEntry == null) return below == null ? Optional.empty() : below.mfn(imp, hs, date);
        return Optional.of(new Rate(imp, bestRange, bestEntry.percent(), bestEntry.source(), bestEntry.assumption(), bestEntry));
    }

    private static boolean better(HsRange r, Entry e, HsRange bestRange, Entry bestEntry) {
        int c = MORE_SPECIFIC.compare(r, bestRange);
        if (c != 0) return c < 0;
        LocalDate a = e.validFrom();
        LocalDate b = bestEntry.validFrom();
        if (a == null || b == null) return a != null && b == null;
        return a.isAfter(b);
    }

    /**
     * A schedule that looks in {@code top} first and falls back to this one when {@code top} has no
     * entry for the importer, code and date. Use it to lay a user's file over the built-in data.
     */
    public TariffSchedule overriddenBy(TariffSchedule top) {
        TariffSchedule base = this;
        for (TariffSchedule t : top.layers()) base = new TariffSchedule(t.name, t.entries, base);
        return base;
    }

    private List<TariffSchedule> layers() {
        List<TariffSchedule> out = new ArrayList<>();
        for (TariffSchedule s = this; s != null; s = s.below) out.add(0, s);
        return out;
    }

    @Override public String toString() {
        return below == null ? name : name + " over " + below;
    }
}
