package dev.origin.core.tariff;

import dev.origin.core.hs.HsRange;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The MFN ad valorem rate found for a good: the schedule entry that matched and the range of its
 * scope that matched (the most specific one).
 *
 * @param importer   ISO 3166 alpha-2 code of the importing country, e.g. {@code US}
 * @param scope      the range of the entry's scope that contains the good's HS code
 * @param percent    ad valorem rate in percent ({@code 2.5} = 2.5 %; {@code 0} = Free)
 * @param source     where the figure comes from (URL, HTS line, RULES.md source key)
 * @param assumption why the figure is an assumption rather than a checked figure, or null when checked
 * @param entry      the whole schedule entry
 */
public record Rate(String importer, HsRange scope, BigDecimal percent, String source, String assumption,
                   TariffSchedule.Entry entry) {

    public Rate {
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entry, "entry");
    }

    /** True when the figure is marked as an assumption in its schedule. */
    public boolean isAssumption() { return assumption != null; }

    /** True when the rate is Free (0 %). */
    public boolean isFree() { return percent.signum() == 0; }
}
