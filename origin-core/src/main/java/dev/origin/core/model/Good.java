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
 * @param vehicleData           vehicle-level data for the automotive provisions (never null)
 * @param facts                 facts the HS code does not tell, stated by the producer (a description of the good,
 *                              processes performed in the territory), used by {@code GOOD} / {@code PROCESS} conditions
 * @param unassembled           the good was imported unassembled or disassembled and classified as assembled under
 *                              rule 2(a) of the General Rules for the Interpretation of the HS (criterion (d))
 * @param partsProvision        whether the good's heading (not subdivided) or subheading provides for both the good and
 *                              its parts (criterion (d)), where the producer states it; null to decide from the HS
 *                              nomenclature
 */
public record Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date,
                   String use, String vehicle, BigDecimal transactionValue, BigDecimal internationalShipping,
                   CostSheet costs, List<Material> materials, Rule rule, boolean whollyObtained, VehicleData vehicleData,
                   List<String> facts, boolean unassembled, Boolean partsProvision) {
    public Good {
        materials = List.copyOf(materials);
        if (vehicleData == null) vehicleData = VehicleData.NONE;
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** A good with no statement for criterion (d). */
    public Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date, String use, String vehicle,
                BigDecimal transactionValue, BigDecimal internationalShipping, CostSheet costs, List<Material> materials,
                Rule rule, boolean whollyObtained, VehicleData vehicleData, List<String> facts) {
        this(id, hs, producerCountry, destination, date, use, vehicle, transactionValue, internationalShipping, costs,
                materials, rule, whollyObtained, vehicleData, facts, false, null);
    }

    /** A good with vehicle-level data and no stated facts. */
    public Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date, String use, String vehicle,
                BigDecimal transactionValue, BigDecimal internationalShipping, CostSheet costs, List<Material> materials,
                Rule rule, boolean whollyObtained, VehicleData vehicleData) {
        this(id, hs, producerCountry, destination, date, use, vehicle, transactionValue, internationalShipping, costs,
                materials, rule, whollyObtained, vehicleData, List.of());
    }

    /** True when the case file states {@code fact} (case-insensitive, spaces normalised). */
    public boolean states(String fact) {
        String want = fact.strip().replaceAll("\\s+", " ");
        return facts.stream().anyMatch(f -> f.strip().replaceAll("\\s+", " ").equalsIgnoreCase(want));
    }

    /** A good without vehicle-level data. */
    public Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date, String use, String vehicle,
                BigDecimal transactionValue, BigDecimal internationalShipping, CostSheet costs, List<Material> materials,
                Rule rule, boolean whollyObtained) {
        this(id, hs, producerCountry, destination, date, use, vehicle, transactionValue, internationalShipping, costs,
                materials, rule, whollyObtained, VehicleData.NONE);
    }

    /** Transaction value with international shipment costs removed, or null. */
    public BigDecimal adjustedTransactionValue() {
        if (transactionValue == null) return null;
        return internationalShipping == null ? transactionValue : transactionValue.subtract(internationalShipping);
    }
}
