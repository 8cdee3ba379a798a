package dev.origin.core.tariff;

import dev.origin.core.hs.HsCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What origin is worth for one unit of a good at one importer on one date.
 *
 * <p>The MFN duty is {@code customsValue × percent / 100}, computed exactly and rounded once, at the
 * end, to {@value #SCALE} decimals with {@link #ROUNDING} (HALF_UP). Preferential (originating)
 * goods owe 0 between the parties; what qualifying saves is the MFN duty. Section 232 and other
 * chapter-99 surcharges are a separate layer and are not part of this figure.
 *
 * @param importer          ISO alpha-2 code of the importing country, upper case
 * @param hs                the good's HS code
 * @param date              the import date used for the lookup
 * @param customsValue      customs value of one unit (the duty base), non-negative
 * @param originating       true when the good qualifies for preference
 * @param rate              the MFN rate found, or null when the schedule has none
 * @param dutyOwed          duty owed per unit: 0.00 when originating, the MFN duty otherwise;
 *                          null when not originating and no rate is known
 * @param savedByQualifying the MFN duty that qualifying saves per unit (realised when originating,
 *                          forgone when not); null when no rate is known
 * @param note              {@code preferential}, {@code MFN} or {@code no rate for importer X / HS Y},
 *                          with the rate and its source when known
 */
public record TariffConsequence(String importer, HsCode hs, LocalDate date, BigDecimal customsValue, boolean originating,
                                Rate rate, BigDecimal dutyOwed, BigDecimal savedByQualifying, String note) {

    /** Decimals of every money amount in a consequence. */
    public static final int SCALE = 2;
    /** Rounding applied once, to the final amounts. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public TariffConsequence {
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(hs, "hs");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(customsValue, "customsValue");
        Objects.requireNonNull(note, "note");
    }

    /** Looks the rate up in {@code schedule} and computes the consequence. */
    public static TariffConsequence of(TariffSchedule schedule, String importer, HsCode hs, LocalDate date,
                                       BigDecimal customsValue, boolean originating) {
        return of(schedule.mfn(importer, hs, date), importer, hs, date, customsValue, originating);
    }

    /**
     * The description of a rate, by rate (the very object: the schedule hands out the same few for every good of a
     * catalog, and a rate is immutable), per thread.
     */
    private static final ThreadLocal<java.util.Map<Rate, String[]>> HOW = ThreadLocal.withInitial(java.util.IdentityHashMap::new);

    /** Computes the consequence for a rate already looked up (empty when there is none). */
    public static TariffConsequence of(Optional<Rate> rate, String importer, HsCode hs, LocalDate date,
                                       BigDecimal customsValue, boolean originating) {
        Objects.requireNonNull(customsValue, "customsValue");
        if (customsValue.signum() < 0) {
            throw new IllegalArgumentException("the customs value " + customsValue.toPlainString() + " is negative");
        }
        String imp = importer.strip().toUpperCase(java.util.Locale.ROOT);
        BigDecimal zero = BigDecimal.ZERO.setScale(SCALE);
        if (rate.isEmpty()) {
            String none = "no rate for importer " + imp + " / HS " + hs;
            return originating
                    ? new TariffConsequence(imp, hs, date, customsValue, true, null, zero, null,
                            "preferential (duty-free); " + none + ", so the saving is unknown")
                    : new TariffConsequence(imp, hs, date, customsValue, false, null, null, null, none);
        }
        Rate r = rate.get();
        BigDecimal mfnDuty = mfnDuty(customsValue, r.percent());
        java.util.Map<Rate, String[]> described = HOW.get();
        // the two notes of the rate (not originating, originating), written once: the same strings for every good
        String[] notes = described.get(r);
        if (notes == null) {
            String how = r.percent().stripTrailingZeros().toPlainString() + " % (" + r.importer() + " " + r.scope() + "; "
                    + r.source() + (r.isAssumption() ? "; assumption: " + r.assumption() : "") + ")";
            notes = new String[] {"MFN " + how, "preferential; MFN would be " + how};
            if (described.size() < 4096) described.put(r, notes);
        }
        return originating
                ? new TariffConsequence(imp, hs, date, customsValue, true, r, zero, mfnDuty, notes[1])
                : new TariffConsequence(imp, hs, date, customsValue, false, r, mfnDuty, mfnDuty, notes[0]);
    }

    /** {@code value × percent / 100}, exact, then rounded once to {@link #SCALE} decimals with {@link #ROUNDING}. */
    public static BigDecimal mfnDuty(BigDecimal value, BigDecimal percent) {
        return value.multiply(percent).movePointLeft(2).setScale(SCALE, ROUNDING);
    }

    /** True when a rate was found, so that both amounts are known. */
    public boolean hasRate() { return rate != null; }
}
