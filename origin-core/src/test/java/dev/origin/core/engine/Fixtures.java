package dev.origin.core.engine;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.SupplierStatement;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test regimes and builders, written independently of the shipped packs. */
final class Fixtures {
    static final LocalDate DATE = LocalDate.of(2023, 7, 1);

    static Regime usmcaLike() {
        return regime("usmca-test", "10", false, Regime.TransactionValueBasis.EXCLUDING_INTERNATIONAL_SHIPMENT);
    }

    static Regime naftaLike() {
        return regime("nafta-test", "7", true, Regime.TransactionValueBasis.FOB);
    }

    static Regime regime(String id, String pct, boolean ncWhenAccumulating, Regime.TransactionValueBasis tv) {
        var dm = new DeMinimis(new BigDecimal(pct), List.of(),
                List.of(new DeMinimis.Exclusion(List.of(HsRange.parse("50-63")), List.of(), false, "textiles")),
                "dm", "dm-rvc");
        return new Regime(id, id, "test", null, null, Set.of("US", "CA", "MX"), tv, dm, ncWhenAccumulating,
                ncWhenAccumulating, Map.of(), List.of(), Map.of(),
                new Regime.PartsRule(new BigDecimal("60"), new BigDecimal("50"), List.of(HsRange.parse("61-63")), "parts"));
    }

    static BigDecimal d(String s) { return new BigDecimal(s); }

    static CostSheet costs(String orig, String nonOrig, String other, String period, String otherCosts, String excluded) {
        return new CostSheet(d(orig), d(nonOrig), d(other), d(period), d(otherCosts),
                new ExcludedCosts(d(excluded), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), null, null, null);
    }

    static Good good(String hs, String tv, CostSheet costs, List<Material> materials, String rule) {
        return new Good("g", HsCode.parse(hs), "MX", null, null, dev.origin.core.model.Use.ORIGINAL_EQUIPMENT, null, tv == null ? null : d(tv), null,
                costs, materials, rule == null ? null : RuleSyntax.parse(rule), false);
    }

    static Material mat(String id, String hs, String value, Origin o) {
        return Material.of(id, hs, value, o);
    }

    static Material selfProduced(String id, String hs, boolean intermediate, CostSheet costs, List<Material> materials, String rule) {
        return new Material(id, HsCode.parse(hs), null, null, null, MaterialKind.DIRECT, false, intermediate,
                new Material.Production(costs, materials, rule == null ? null : RuleSyntax.parse(rule)), null);
    }

    static Material accumulated(String id, String hs, String value, SupplierStatement s) {
        return new Material(id, HsCode.parse(hs), d(value), Origin.NON_ORIGINATING, null, MaterialKind.DIRECT, false, false, null, s);
    }

    static Rule rule(String text) { return RuleSyntax.parse(text); }

    private Fixtures() {}
}
