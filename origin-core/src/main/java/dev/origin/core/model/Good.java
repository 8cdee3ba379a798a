package dev.origin.core.model;

import dev.origin.core.hs.HsCode;
import dev.origin.core.rules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A good whose origin is to be determined, as given in a case file.
 *
 * @param transactionValue      the good's transaction value, or null when there is none
 * @param internationalShipping international shipment costs included in the transaction value; removed
 *                              before use (USMCA: "adjusted to exclude"; NAFTA: "adjusted to an F.O.B. basis")
 * @param rule                  overrides the regime's product-specific rule, or null
 * @param whollyObtained        the producer declares the good wholly obtained or produced in the territory
 */
public record Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date,
                   String use, String vehicle, BigDecimal transactionValue, BigDecimal internationalShipping,
                   CostSheet costs, List<Material> materials, Rule rule, boolean whollyObtained) {
    public Good {
        materials = List.copyOf(materials);
    }

    /** Transaction value with international shipment costs removed, or null. */
    public BigDecimal adjustedTransactionValue() {
        if (transactionValue == null) return null;
        return internationalShipping == null ? transactionValue : transactionValue.subtract(internationalShipping);
    }
}
