package dev.origin.tools.sample;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every assumption of the sample fleet recipe, as a named constant (listed in docs/simulation.md,
 * "Sample fleet recipe"). The figures are round, documented guesses used to calibrate a synthetic
 * fleet to the public EPA OMEGA and NHTSA AALA data; they are not company data.
 */
final class SampleAssumptions {
    private SampleAssumptions() {}

    // ---- selection ------------------------------------------------------------------------------

    /** Model year of the EPA OMEGA vehicles file and of the preferred AALA report. */
    static final int MODEL_YEAR = 2022;
    /** Number of models written when no count is given. */
    static final int DEFAULT_MODEL_COUNT = 48;
    /** At most this many models per maker, so that the largest sellers do not crowd out other makers. */
    static final int MAX_MODELS_PER_MAKER = 7;

    // ---- price and cost structure (shares of the transaction value) -------------------------------

    /** Transaction value (ex-works price to the dealer) as a share of MSRP: a ~10 % dealer margin. */
    static final double TRANSACTION_VALUE_SHARE_OF_MSRP = 0.90;
    /** Purchased parts and materials (the BOM) as a share of the transaction value. */
    static final double PARTS_SHARE_OF_PRICE = 0.66;
    /** Assembler's overhead (other product costs: plant, tooling amortisation, energy) as a share of price. */
    static final double OVERHEAD_SHARE_OF_PRICE = 0.06;
    /** Period costs (selling, general and administrative) as a share of price. */
    static final double PERIOD_SHARE_OF_PRICE = 0.08;
    /** Excluded costs (sales promotion, royalties, shipping, interest) as a share of the period costs. */
    static final double EXCLUDED_SHARE_OF_PERIOD = 0.35;
    /** Direct assembly labour hours per vehicle: passenger vehicles. */
    static final double ASSEMBLY_HOURS_PASSENGER_VEHICLE = 26;
    /** Direct assembly labour hours per vehicle: light trucks (pickups). */
    static final double ASSEMBLY_HOURS_LIGHT_TRUCK = 30;
    /** Loading of benefits and payroll taxes on the base hourly wage for labour cost. */
    static final double LABOUR_BURDEN = 1.35;
    /** The OMEGA-modelled groups (engine, transmission, battery, structure, e-drive) take at most this share of the BOM; above it they are scaled down. */
    static final double MAX_MODELLED_SHARE_OF_PARTS = 0.60;

    // ---- OMEGA evaluation -------------------------------------------------------------------------

    /** OMEGA markups (1.5 = retail price equivalent) are set to this value: part costs are direct manufacturing costs. */
    static final double OMEGA_MARKUP_USED = 1.0;
    /** Body-in-white structure mass as a share of curb weight (OMEGA's structure_mass_lbs is not in vehicles.csv). */
    static final double STRUCTURE_MASS_SHARE_OF_CURB_WEIGHT = 0.25;
    /** Curb weight = ETW − this when curbweight_lbs is blank (EPA test weight = curb weight + 300 lb). */
    static final double ETW_MINUS_CURB_WEIGHT_LBS = 300;
    /** On-board charger power (kW) for BEV/PHEV; OMEGA adds its DC-DC converter kW to it. */
    static final double ONBOARD_CHARGER_KW = 11;
    /** OMEGA VEHICLE_SIZE_CLASS index by EPA context size class: small 1, midsize 2, large 3. */
    static final Map<String, Double> VEHICLE_SIZE_CLASS = Map.ofEntries(
            Map.entry("Two Seater", 1.0), Map.entry("Compact", 1.0), Map.entry("Small Crossover", 1.0),
            Map.entry("Small Utility", 1.0), Map.entry("Small Pickup", 1.0), Map.entry("Small Van", 1.0),
            Map.entry("Midsize", 2.0), Map.entry("Large", 3.0), Map.entry("Large Crossover", 3.0),
            Map.entry("Large Utility", 3.0), Map.entry("Large Pickup", 3.0), Map.entry("Large Van", 3.0));

    /**
     * Shares of the BOM remainder (BOM budget minus the OMEGA-modelled amounts) by part group; the groups
     * OMEGA does not cost (chassis, interior, electrical) or costs only partly. Sum = 1.
     */
    static final Map<String, Double> REMAINDER_SHARES = orderedShares(
            "axles", 0.10, "suspension", 0.12, "steering", 0.06, "electronics", 0.14, "seats", 0.10,
            "glass", 0.04, "tyres", 0.07, "wiring", 0.07, "interior", 0.14, "other", 0.16);

    // ---- volumes ------------------------------------------------------------------------------------

    /** Canadian sales as a share of the EPA (US) sales, for every model. */
    static final double CA_SHARE_OF_US_VOLUME = 0.10;
    /** Mexican sales as a share of the US sales, for every model. */
    static final double MX_SHARE_OF_US_VOLUME = 0.015;
    /** Exports outside North America as a share of US sales, for models assembled in the USMCA only. */
    static final double OTHER_SHARE_OF_US_VOLUME_NA_BUILT = 0.02;

    // ---- sourcing ----------------------------------------------------------------------------------

    /** USMCA parties. */
    static final List<String> USMCA = List.of("US", "CA", "MX");
    /** The low-cost alternative offered for every part group (THAILAND when the part is already Chinese). */
    static final String LOW_COST_COUNTRY = "CN";
    static final String LOW_COST_COUNTRY_FALLBACK = "TH";
    /** AALA content not attributed to US/Canada or the primary/secondary country, for USMCA-assembled models: share sent to Mexico (the rest to China). */
    static final double UNATTRIBUTED_TO_MEXICO = 0.5;
    /** Relative parts production cost index by country (premium of an alternative = ratio − 1, floored at 0). */
    static final Map<String, Double> PART_COST_INDEX = Map.ofEntries(
            Map.entry("US", 1.00), Map.entry("CA", 1.02), Map.entry("MX", 0.92), Map.entry("CN", 0.85),
            Map.entry("TH", 0.88), Map.entry("IN", 0.85), Map.entry("JP", 1.00), Map.entry("KR", 0.97),
            Map.entry("DE", 1.05), Map.entry("AT", 1.05), Map.entry("IT", 1.00), Map.entry("GB", 1.02),
            Map.entry("HU", 0.93), Map.entry("PL", 0.93), Map.entry("SK", 0.93), Map.entry("ES", 0.97),
            Map.entry("SE", 1.05), Map.entry("BR", 0.95), Map.entry("TR", 0.92));
    static final double PART_COST_INDEX_DEFAULT = 0.95;
    /** Fixed cost of re-sourcing any part (qualification, tooling, launch), percent. */
    static final double RESOURCING_PREMIUM = 3;
    /** Extra premium for bulky groups sourced from outside North America (freight, inventory), percent. */
    static final double OVERSEAS_LOGISTICS_PREMIUM = 4;
    /** Bulky part groups that carry the overseas logistics premium. */
    static final Set<String> BULKY_GROUPS = Set.of("body", "seats", "glass", "tyres", "interior");
    /** nonOriginatingShare (% of the part's own cost) of parts produced in a USMCA party, by group; 100 outside. */
    static final Map<String, Integer> NON_ORIGINATING_SHARE_IN_REGION = Map.ofEntries(
            Map.entry("engine", 30), Map.entry("transmission", 35), Map.entry("battery", 55),
            Map.entry("body", 15), Map.entry("axles", 25), Map.entry("suspension", 25),
            Map.entry("steering", 30), Map.entry("electronics", 60), Map.entry("seats", 25),
            Map.entry("glass", 20), Map.entry("tyres", 35), Map.entry("wiring", 40),
            Map.entry("interior", 30), Map.entry("other", 35));

    // ---- wages (average base hourly wage) -----------------------------------------------------------

    /** Parts plants by country: rate and currency. Outside the USMCA in USD equivalents (the LVC floors exist in USD, CAD, MXN only). */
    static final Map<String, Wage> PARTS_PLANT_WAGE = Map.ofEntries(
            Map.entry("US", new Wage("28.00", "USD")), Map.entry("CA", new Wage("31.00", "CAD")),
            Map.entry("MX", new Wage("160.00", "MXN")), Map.entry("CN", new Wage("6.00", "USD")),
            Map.entry("TH", new Wage("4.00", "USD")), Map.entry("IN", new Wage("3.00", "USD")),
            Map.entry("JP", new Wage("20.00", "USD")), Map.entry("KR", new Wage("19.00", "USD")),
            Map.entry("DE", new Wage("30.00", "USD")), Map.entry("AT", new Wage("28.00", "USD")),
            Map.entry("IT", new Wage("20.00", "USD")), Map.entry("GB", new Wage("22.00", "USD")),
            Map.entry("HU", new Wage("9.00", "USD")), Map.entry("PL", new Wage("9.00", "USD")),
            Map.entry("SK", new Wage("10.00", "USD")), Map.entry("ES", new Wage("18.00", "USD")),
            Map.entry("SE", new Wage("28.00", "USD")), Map.entry("BR", new Wage("6.00", "USD")),
            Map.entry("TR", new Wage("5.00", "USD")));
    static final Wage PARTS_PLANT_WAGE_DEFAULT = new Wage("10.00", "USD");
    /** Vehicle assembly plants by country. */
    static final Map<String, Wage> ASSEMBLY_PLANT_WAGE = Map.ofEntries(
            Map.entry("US", new Wage("29.00", "USD")), Map.entry("CA", new Wage("33.00", "CAD")),
            Map.entry("MX", new Wage("190.00", "MXN")), Map.entry("JP", new Wage("24.00", "USD")),
            Map.entry("KR", new Wage("22.00", "USD")), Map.entry("DE", new Wage("35.00", "USD")),
            Map.entry("GB", new Wage("25.00", "USD")), Map.entry("IT", new Wage("22.00", "USD")),
            Map.entry("HU", new Wage("10.00", "USD")), Map.entry("SK", new Wage("11.00", "USD")),
            Map.entry("AT", new Wage("30.00", "USD")), Map.entry("TH", new Wage("5.00", "USD")),
            Map.entry("CN", new Wage("7.00", "USD")), Map.entry("IN", new Wage("3.50", "USD")));
    static final Wage ASSEMBLY_PLANT_WAGE_DEFAULT = new Wage("12.00", "USD");
    /** US dollars per unit of currency (2022 annual averages, rounded): CAD 1.30, MXN 20.1 per USD. */
    static final Map<String, Double> USD_PER_UNIT = Map.of("USD", 1.0, "CAD", 0.77, "MXN", 0.0497);

    // ---- LVC, steel/aluminum and intangibles ----------------------------------------------------------

    /** R&D and IT wages as a share of production wages, makers headquartered in the US. */
    static final double RD_IT_TO_PRODUCTION_WAGES_US_MAKER = 0.12;
    /** Same for other makers (their North American R&D is smaller). */
    static final double RD_IT_TO_PRODUCTION_WAGES_OTHER = 0.06;
    /** Makers headquartered in the US (EPA manufacturer names). */
    static final Set<String> US_HEADQUARTERED = Set.of("Ford", "General Motors", "Tesla");
    /** Makers with a large North American engineering base besides the US ones. */
    static final Set<String> PARTLY_NA_ENGINEERED = Set.of("Stellantis");
    /** Intangibles (R&D, engineering, software, IP) per vehicle not in net cost, as a share of price. */
    static final double INTANGIBLES_SHARE_OF_PRICE = 0.04;
    /** North American share of those intangibles: US-headquartered makers / Stellantis / others. */
    static final double INTANGIBLES_NA_SHARE_US_MAKER = 0.85;
    static final double INTANGIBLES_NA_SHARE_PARTLY_NA = 0.45;
    static final double INTANGIBLES_NA_SHARE_OTHER = 0.25;
    /** % of Table S steel purchases that originate, by assembly country (others: STEEL_ORIGINATING_DEFAULT). */
    static final Map<String, Integer> STEEL_ORIGINATING = Map.of("US", 78, "CA", 80, "MX", 70);
    static final int STEEL_ORIGINATING_DEFAULT = 5;
    /**
     * % of Table S aluminum purchases that originate, by assembly country. No public figure exists by
     * producer or plant; the range we admit is 60-80 %. Aluminum has no melt-and-pour condition
     * (SOR/2020-155 s.17(5) sets one for steel only, from 2027), so aluminum goods made in the territory
     * originate by their tariff shift whatever the ingot's source. Mexico was 60 (below the 70 % threshold,
     * unsourced) until the backtest of issue 8: it is now the US figure, 72, because no source sets Mexican
     * plants' purchases apart, and 60 made every Mexican-built model of a maker without US plants in the
     * fleet fail in every USMCA year (docs/simulation.md, "Calibration").
     */
    static final Map<String, Integer> ALUMINUM_ORIGINATING = Map.of("US", 72, "CA", 78, "MX", 72);
    static final int ALUMINUM_ORIGINATING_DEFAULT = 5;

    /** A base hourly wage. */
    record Wage(String rate, String currency) {
        double usd() {
            return Double.parseDouble(rate) * USD_PER_UNIT.get(currency);
        }
    }

    private static Map<String, Double> orderedShares(Object... pairs) {
        java.util.LinkedHashMap<String, Double> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
