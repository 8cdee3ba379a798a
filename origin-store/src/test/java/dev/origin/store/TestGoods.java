package dev.origin.store;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.rules.RuleSyntax;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Small goods built for the workflow tests, each with a rule override so that no pack table is involved. */
public final class TestGoods {
    public static final LocalDate DATE = LocalDate.of(2023, 7, 1);

    private TestGoods() {}

    /** A good produced in MX for the US market at {@code value}, under {@code rule}, with {@code materials}. */
    public static Good good(String id, String hs, String value, String rule, Material... materials) {
        return Good.builder(id, HsCode.parse(hs), "MX").destination("US").date(DATE).transactionValue(new BigDecimal(value))
                .rule(RuleSyntax.parse(rule)).materials(List.of(materials)).build();
    }

    /** A bought-in material line. */
    public static Material line(String id, String hs, String value, Origin origin) {
        return new Material(id, HsCode.parse(hs), new BigDecimal(value), origin, null, MaterialKind.DIRECT, false, false, null, null);
    }
}
