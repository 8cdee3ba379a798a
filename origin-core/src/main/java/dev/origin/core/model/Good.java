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
                   Use use, VehicleKind vehicle, BigDecimal transactionValue, BigDecimal internationalShipping,
                   CostSheet costs, List<Material> materials, Rule rule, boolean whollyObtained, VehicleData vehicleData,
                   List<String> facts, boolean unassembled, Boolean partsProvision) {
    public Good {
        if (use == null) use = Use.ORIGINAL_EQUIPMENT;
        materials = List.copyOf(materials);
        if (vehicleData == null) vehicleData = VehicleData.NONE;
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    /** A good with no statement for criterion (d). */
    public Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date, Use use, VehicleKind vehicle,
                BigDecimal transactionValue, BigDecimal internationalShipping, CostSheet costs, List<Material> materials,
                Rule rule, boolean whollyObtained, VehicleData vehicleData, List<String> facts) {
        this(id, hs, producerCountry, destination, date, use, vehicle, transactionValue, internationalShipping, costs,
                materials, rule, whollyObtained, vehicleData, facts, false, null);
    }

    /** A good with vehicle-level data and no stated facts. */
    public Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date, Use use, VehicleKind vehicle,
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
    public Good(String id, HsCode hs, String producerCountry, String destination, LocalDate date, Use use, VehicleKind vehicle,
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

    /** A builder for a good produced in {@code producerCountry}; the other settings are optional. */
    public static Builder builder(String id, HsCode hs, String producerCountry) {
        return new Builder(id, hs, producerCountry);
    }

    /**
     * Builds a good one setting at a time; {@link #build()} rejects settings that contradict each other
     * with a message naming them (as the case-file reader does for files).
     */
    public static final class Builder {
        private final String id;
        private final HsCode hs;
        private final String producerCountry;
        private String destination;
        private Use use = Use.ORIGINAL_EQUIPMENT;
        private VehicleKind vehicle;
        private LocalDate date;
        private BigDecimal transactionValue, internationalShipping;
        private CostSheet costs;
        private List<Material> materials = List.of();
        private Rule rule;
        private boolean whollyObtained, unassembled;
        private Boolean partsProvision;
        private VehicleData vehicleData = VehicleData.NONE;
        private List<String> facts = List.of();

        private Builder(String id, HsCode hs, String producerCountry) {
            if (id == null || id.isBlank()) throw new IllegalArgumentException("A good needs an `id`.");
            if (hs == null) throw new IllegalArgumentException("Good `" + id + "` needs an `hs` code.");
            if (producerCountry == null) throw new IllegalArgumentException("Good `" + id + "` needs its producer's country.");
            this.id = id;
            this.hs = hs;
            this.producerCountry = producerCountry;
        }

        public Builder destination(String v) { destination = v; return this; }
        public Builder date(LocalDate v) { date = v; return this; }
        public Builder use(Use v) { use = v; return this; }
        public Builder vehicle(VehicleKind v) { vehicle = v; return this; }
        public Builder transactionValue(BigDecimal v) { transactionValue = v; return this; }
        public Builder internationalShipping(BigDecimal v) { internationalShipping = v; return this; }
        public Builder costs(CostSheet v) { costs = v; return this; }
        public Builder materials(List<Material> v) { materials = List.copyOf(v); return this; }
        public Builder rule(Rule v) { rule = v; return this; }
        public Builder whollyObtained(boolean v) { whollyObtained = v; return this; }
        public Builder unassembled(boolean v) { unassembled = v; return this; }
        public Builder partsProvision(Boolean v) { partsProvision = v; return this; }
        public Builder vehicleData(VehicleData v) { vehicleData = v == null ? VehicleData.NONE : v; return this; }
        public Builder facts(List<String> v) { facts = List.copyOf(v); return this; }

        /**
         * The good.
         *
         * @throws IllegalArgumentException when settings conflict: international shipping without a transaction
         *         value, or exceeding it; a good declared wholly obtained with a non-originating material
         */
        public Good build() {
            if (internationalShipping != null && transactionValue == null) {
                throw new IllegalArgumentException("Good `" + id + "`: `internationalShipping` is given but `transactionValue` is not.");
            }
            if (internationalShipping != null && internationalShipping.compareTo(transactionValue) > 0) {
                throw new IllegalArgumentException("Good `" + id + "`: `internationalShipping` `" + internationalShipping.toPlainString()
                        + "` exceeds `transactionValue` `" + transactionValue.toPlainString() + "`.");
            }
            if (whollyObtained) {
                for (Material m : materials) {
                    if (m.origin() == Origin.NON_ORIGINATING) {
                        throw new IllegalArgumentException("Good `" + id + "` is declared `whollyObtained` but material `" + m.id()
                                + "` is non-originating.");
                    }
                }
            }
            return new Good(id, hs, producerCountry, destination, date, use, vehicle, transactionValue, internationalShipping, costs,
                    materials, rule, whollyObtained, vehicleData, facts, unassembled, partsProvision);
        }
    }
}
