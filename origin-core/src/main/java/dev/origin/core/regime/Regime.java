package dev.origin.core.regime;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule pack: a trade regime's general provisions and product-specific rules, as data.
 *
 * @param id               short id, e.g. {@code usmca}
 * @param revision         pack revision, recorded in determinations for replay
 * @param inForceFrom      first day the regime applies (inclusive), or null
 * @param inForceUntil     last day the regime applies (inclusive), or null
 * @param parties          ISO codes of the parties (territory for production)
 * @param transactionValue how the transaction value is adjusted (FOB under NAFTA, ex-international-shipment under USMCA)
 * @param netCostRequiredWhenAccumulating NAFTA: accumulation makes the net cost method mandatory (SOR/94-14 s.6(6)(e))
 * @param netCostRequiredForIntermediate  NAFTA: an intermediate material subject to an RVC must use net cost (SOR/94-14 s.6(6)(f))
 * @param provisions       citations of general provisions by key ({@code rvc}, {@code net-cost}, {@code roll-up}, ...)
 * @param params           parameters of the pack with their values (overridable by users)
 * @param partsRule        the rule for goods whose parts share their subheading (criterion (d)), or null
 */
public record Regime(String id, String name, String revision, LocalDate inForceFrom, LocalDate inForceUntil,
                     Set<String> parties, TransactionValueBasis transactionValue, DeMinimis deMinimis,
                     boolean netCostRequiredWhenAccumulating, boolean netCostRequiredForIntermediate,
                     Map<String, String> provisions, List<ProductRule> rules, Map<String, BigDecimal> params,
                     PartsRule partsRule) {

    public Regime {
        parties = Set.copyOf(parties);
        provisions = Map.copyOf(provisions);
        rules = List.copyOf(rules);
        params = Map.copyOf(params);
    }

    /**
     * Criterion (d): a good whose non-originating materials cannot change classification because they
     * are classified with the good in the same subheading (or an undivided heading) is originating
     * with an RVC of at least {@code tvMin} (TV) or {@code ncMin} (NC), except goods of {@code excluded}
     * (SOR/2020-155 s.3(4)(a); SOR/94-14 s.4(4)(b)).
     */
    public record PartsRule(BigDecimal tvMin, BigDecimal ncMin, List<dev.origin.core.hs.HsRange> excluded, String citation) {
        public PartsRule { excluded = List.copyOf(excluded); }
    }

    /** How the transaction value of a good is adjusted before use. */
    public enum TransactionValueBasis {
        /** NAFTA: adjusted to an F.O.B. basis (SOR/94-14 s.2(1) "adjusted to an F.O.B. basis"). */
        FOB,
        /** USMCA: adjusted to exclude costs of international shipment (SOR/2020-155 s.7(2)). */
        EXCLUDING_INTERNATIONAL_SHIPMENT
    }

    /** A product-specific rule for the goods in {@code scope}. */
    public record ProductRule(List<HsRange> scope, Rule rule, String description) {
        public ProductRule { scope = List.copyOf(scope); }

        /** Specificity of the best range of the scope containing {@code hs}, or -1. */
        public int match(HsCode hs) {
            int best = -1;
            for (HsRange r : scope) if (r.contains(hs)) best = Math.max(best, r.specificity());
            return best;
        }
    }

    /** The most specific product-specific rule for {@code hs}, or null when the pack has none. */
    public ProductRule ruleFor(HsCode hs) {
        ProductRule best = null;
        int bestSpec = -1;
        for (ProductRule pr : rules) {
            int m = pr.match(hs);
            if (m > bestSpec) { best = pr; bestSpec = m; }
        }
        return best;
    }

    /** True when the regime is in force on {@code date}. */
    public boolean isInForce(LocalDate date) {
        return (inForceFrom == null || !date.isBefore(inForceFrom)) && (inForceUntil == null || !date.isAfter(inForceUntil));
    }

    /** Citation of a general provision, or the regime's name when the pack gives none. */
    public String cite(String provision) {
        return provisions.getOrDefault(provision, name);
    }
}
