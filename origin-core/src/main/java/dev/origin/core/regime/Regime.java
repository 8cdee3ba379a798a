package dev.origin.core.regime;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
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
 * @param options          named options with word values (e.g. {@code roll-up: panel-2023}), overridable by users
 * @param automotive       the automotive provisions, or null
 */
public record Regime(String id, String name, String revision, LocalDate inForceFrom, LocalDate inForceUntil,
                     Set<String> parties, TransactionValueBasis transactionValue, DeMinimis deMinimis,
                     boolean netCostRequiredWhenAccumulating, boolean netCostRequiredForIntermediate,
                     Map<String, String> provisions, List<ProductRule> rules, Map<String, BigDecimal> params,
                     PartsRule partsRule, Map<String, String> options, Automotive automotive) {

    public Regime {
        parties = Set.copyOf(parties);
        provisions = Map.copyOf(provisions);
        rules = RuleList.of(rules);
        params = Map.copyOf(params);
        options = Map.copyOf(options);
    }

    /** A regime without automotive provisions or options. */
    public Regime(String id, String name, String revision, LocalDate inForceFrom, LocalDate inForceUntil,
                  Set<String> parties, TransactionValueBasis transactionValue, DeMinimis deMinimis,
                  boolean netCostRequiredWhenAccumulating, boolean netCostRequiredForIntermediate,
                  Map<String, String> provisions, List<ProductRule> rules, Map<String, BigDecimal> params, PartsRule partsRule) {
        this(id, name, revision, inForceFrom, inForceUntil, parties, transactionValue, deMinimis, netCostRequiredWhenAccumulating,
                netCostRequiredForIntermediate, provisions, rules, params, partsRule, Map.of(), null);
    }

    /**
     * The automotive provisions of a regime, as data.
     *
     * @param vehicleKinds default vehicle kind by HS code (passenger-vehicle, light-truck, heavy-truck, other)
     * @param tracing      goods whose VNM counts only traced (listed) materials, with the lists
     * @param wageFloors   LVC wage floors by currency (USD 16, CAD 20.88, MXN 294.22)
     * @param averagingPeriods periods allowed for averaging besides a fiscal year, as {@code FROM..TO} where TO
     *                     is a date, {@code FY} (the end of the fiscal year containing FROM) or {@code FY+1}
     *                     (the end of the following one), e.g. SOR/2020-155 s.16(4)-(5)
     */
    public record Automotive(List<VehicleScope> vehicleKinds, List<Tracing> tracing, List<ThresholdOverride> thresholds,
                             Map<String, BigDecimal> wageFloors, AssemblyCredit assemblyCredit, BigDecimal technologyCreditCap,
                             String rollUpCitation, NewPlantRelief newPlantRelief, List<HsRange> steelTable, List<HsRange> aluminumTable,
                             List<HsRange> netCostOnly, LvcCredit lvcCredit, List<String> averagingPeriods) {
        public Automotive {
            vehicleKinds = List.copyOf(vehicleKinds);
            tracing = List.copyOf(tracing);
            thresholds = List.copyOf(thresholds);
            wageFloors = Map.copyOf(wageFloors);
            steelTable = steelTable == null ? List.of() : List.copyOf(steelTable);
            aluminumTable = aluminumTable == null ? List.of() : List.copyOf(aluminumTable);
            netCostOnly = netCostOnly == null ? List.of() : List.copyOf(netCostOnly);
            averagingPeriods = averagingPeriods == null ? List.of() : List.copyOf(averagingPeriods);
        }

        /** True when goods of {@code hs} must use the net cost method (e.g. SOR/94-14 s.6(6)(d)(iii)-(iv)). */
        public boolean netCostOnly(HsCode hs) {
            return netCostOnly.stream().anyMatch(r -> r.contains(hs));
        }

        /** The automotive RVC threshold that replaces the product-specific rule's, or null. */
        public ThresholdOverride thresholdFor(HsCode hs, VehicleKind vehicle, Use use) {
            ThresholdOverride best = null;
            int bestSpec = -1;
            for (ThresholdOverride t : thresholds) {
                if (!t.vehicles().isEmpty() && (vehicle == null || !t.vehicles().contains(vehicle))) continue;
                if (t.use() != null && !t.use().equals(use)) continue;
                for (HsRange r : t.goods()) {
                    if (r.contains(hs) && r.specificity() > bestSpec) { best = t; bestSpec = r.specificity(); }
                }
            }
            return best;
        }

        /** The default vehicle kind of a good of {@code hs}, or null. */
        public VehicleKind vehicleKind(HsCode hs) {
            VehicleScope best = null;
            HsRange bestRange = null;
            for (VehicleScope k : vehicleKinds) {
                for (HsRange r : k.hs()) {
                    if (r.contains(hs) && (bestRange == null || narrower(r, bestRange))) {
                        best = k;
                        bestRange = r;
                    }
                }
            }
            return best == null ? null : best.kind();
        }

        /** More digits, or as many digits and a shorter range (8703.31-8703.33 inside 8703.21-8703.90). */
        private static boolean narrower(HsRange a, HsRange b) {
            if (a.specificity() != b.specificity()) return a.specificity() > b.specificity();
            long wa = Long.parseLong(a.to().digits()) - Long.parseLong(a.from().digits());
            long wb = Long.parseLong(b.to().digits()) - Long.parseLong(b.from().digits());
            return wa < wb;
        }

        /** The tracing scheme for a good, or null. */
        public Tracing tracingFor(HsCode hs, VehicleKind vehicle, Use use) {
            for (Tracing t : tracing) {
                if (t.goods().stream().noneMatch(r -> r.contains(hs))) continue;
                if (!t.vehicles().isEmpty() && (vehicle == null || !t.vehicles().contains(vehicle))) continue;
                if (t.use() != null && !t.use().equals(use)) continue;
                return t;
            }
            return null;
        }
    }

    /**
     * An automotive RVC requirement that replaces the product-specific rule's thresholds (net cost only)
     * for the goods in scope, e.g. NAFTA's 50 / 56 / 62.5 % by fiscal year (SOR/94-14 s.13).
     */
    public record ThresholdOverride(List<HsRange> goods, Set<VehicleKind> vehicles, Use use,
                                    dev.origin.core.rules.Threshold threshold, String citation) {
        public ThresholdOverride {
            goods = List.copyOf(goods);
            vehicles = Set.copyOf(vehicles);
        }
    }

    /** Vehicles of {@code hs} are of {@code kind} unless the good says otherwise. */
    public record VehicleScope(List<HsRange> hs, VehicleKind kind) {
        public VehicleScope { hs = List.copyOf(hs); }
    }

    /**
     * Tracing: for the goods in scope (for the given vehicle kinds and use), VNM is the value of the
     * traced materials only: those produced outside the territory and classified under {@code listed}
     * (SOR/94-14 s.9, Schedule IV; SOR/2020-155 s.20(4)-(5), Tables F and G).
     */
    public record Tracing(List<HsRange> goods, Set<VehicleKind> vehicles, Use use, List<HsRange> listed, String citation,
                          Method method, boolean designationBarred) {
        /** TRACED: VNM is the traced materials only (light-duty); LISTED: all NOM plus the NOM inside originating listed materials (heavy-duty). */
        public enum Method { TRACED, LISTED }

        public Tracing(List<HsRange> goods, Set<VehicleKind> vehicles, Use use, List<HsRange> listed, String citation, Method method) {
            this(goods, vehicles, use, listed, citation, method, false);
        }

        public Tracing {
            if (method == null) method = Method.TRACED;
            goods = List.copyOf(goods);
            vehicles = Set.copyOf(vehicles);
            listed = List.copyOf(listed);
        }

        public boolean isListed(HsCode hs) {
            return listed.stream().anyMatch(r -> r.contains(hs));
        }

        /** True when {@code hs} is less precise than a listed tariff item it covers (e.g. 8407.34 for 8407.34.21). */
        public boolean isPartlyListed(HsCode hs) {
            return listed.stream().anyMatch(r -> r.from().length() > hs.digits().length()
                    && r.from().digits().startsWith(hs.digits()) || r.to().length() > hs.digits().length() && r.to().digits().startsWith(hs.digits()));
        }
    }

    /**
     * New-plant and refit relief (SOR/94-14 s.13(2); SOR/2020-155 s.20(8)): the RVC requirement of a
     * vehicle of the given kinds is {@code percent} for {@code newPlantYears} after the first prototype in
     * a new plant, or {@code refitYears} after a refit.
     */
    public record NewPlantRelief(BigDecimal percent, int newPlantYears, int refitYears, Set<VehicleKind> vehicles, String citation) {
        public NewPlantRelief { vehicles = Set.copyOf(vehicles); }
    }

    /**
     * High-wage material and manufacturing points above {@code above} credited toward the RVC of the
     * vehicles of the kinds given, until {@code until}, provided the RVC itself is at least {@code floor}
     * (SOR/2020-155 s.18(22): heavy trucks, 30 points, 60 %, until 30 June 2027).
     */
    public record LvcCredit(Set<VehicleKind> vehicles, BigDecimal above, BigDecimal floor, LocalDate until, String citation) {
        public LvcCredit { vehicles = Set.copyOf(vehicles); }
    }

    /** High-wage assembly credit thresholds (SOR/2020-155 s.18(12)-(14)). */
    public record AssemblyCredit(long engines, long transmissions, long batteries, long heavyTruck, BigDecimal points) {}

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

    /**
     * A product-specific rule for the goods in {@code scope}, optionally only for some vehicle kinds
     * (the vehicle, or for a part the vehicle it is for), one use (original-equipment or aftermarket),
     * or producers under (true) or not under (false) the alternative staging regime. A {@code fallback}
     * rule (one a pack includes from a generated file, e.g. NAFTA Schedule I) applies only to goods for
     * which no other rule of the pack applies, whatever the specificities.
     */
    public record ProductRule(List<HsRange> scope, Rule rule, String description, Set<VehicleKind> vehicles, Use use,
                              Boolean staging, LocalDate until, boolean fallback) {
        public ProductRule {
            scope = List.copyOf(scope);
            vehicles = Set.copyOf(vehicles);
        }

        public ProductRule(List<HsRange> scope, Rule rule, String description, Set<VehicleKind> vehicles, Use use,
                           Boolean staging, LocalDate until) {
            this(scope, rule, description, vehicles, use, staging, until, false);
        }

        public ProductRule(List<HsRange> scope, Rule rule, String description) {
            this(scope, rule, description, Set.of(), null, null, null);
        }

        public ProductRule(List<HsRange> scope, Rule rule, String description, Set<VehicleKind> vehicles, Use use, Boolean staging) {
            this(scope, rule, description, vehicles, use, staging, null);
        }

        /** True when the selectors admit a good of this vehicle kind, use and staging. */
        public boolean admits(VehicleKind vehicle, Use use, boolean alternativeStaging) {
            if (!vehicles.isEmpty() && (vehicle == null || !vehicles.contains(vehicle))) return false;
            if (this.use != null && !this.use.equals(use)) return false;
            return staging == null || staging == alternativeStaging;
        }

        /** True when the rule applies on {@code date} (a rule may end, e.g. the alternative staging regime). */
        public boolean inForce(LocalDate date) {
            return until == null || date == null || !date.isAfter(until);
        }

        /** How many selectors are set: a rule with more selectors is more specific. */
        public int selectors() {
            return (vehicles.isEmpty() ? 0 : 1) + (use == null ? 0 : 1) + (staging == null ? 0 : 1);
        }

        /** Specificity of the best range of the scope containing {@code hs}, or -1. */
        public int match(HsCode hs) {
            int best = -1;
            for (HsRange r : scope) if (r.contains(hs)) best = Math.max(best, r.specificity());
            return best;
        }
    }

    /** The most specific product-specific rule for {@code hs} (no vehicle, original equipment), or null. */
    public ProductRule ruleFor(HsCode hs) {
        return ruleFor(hs, null, Use.ORIGINAL_EQUIPMENT, false, null);
    }

    /** As {@link #ruleFor(HsCode, VehicleKind, Use, boolean, LocalDate)} on no particular date. */
    public ProductRule ruleFor(HsCode hs, VehicleKind vehicle, Use use, boolean alternativeStaging) {
        return ruleFor(hs, vehicle, use, alternativeStaging, null);
    }

    /**
     * The most specific product-specific rule for a good: the longest matching HS scope, then the most
     * selectors (vehicle kind, use, staging); a fallback rule only when no other rule applies; null when
     * the pack has none.
     */
    public ProductRule ruleFor(HsCode hs, VehicleKind vehicle, Use use, boolean alternativeStaging, LocalDate date) {
        return ((RuleList) rules).lookup(hs, vehicle, use, alternativeStaging, date, () -> lookup(hs, vehicle, use, alternativeStaging, date));
    }

    private ProductRule lookup(HsCode hs, VehicleKind vehicle, Use use, boolean alternativeStaging, LocalDate date) {
        ProductRule best = null;
        int bestSpec = -1;
        for (ProductRule pr : rules) {
            int m = pr.match(hs);
            if (m < 0 || !pr.admits(vehicle, use, alternativeStaging) || !pr.inForce(date)) continue;
            int spec = (pr.fallback() ? 0 : 1000) + m * 10 + pr.selectors();
            if (spec > bestSpec) { best = pr; bestSpec = spec; }
        }
        return best;
    }

    /** The vehicle kind of a good: as given, else the pack's default for its HS code, else null. */
    public VehicleKind vehicleKind(HsCode hs, VehicleKind given) {
        if (given != null) return given;
        return automotive == null ? null : automotive.vehicleKind(hs);
    }

    /** The core-parts roll-up policy (option {@code roll-up}; {@code panel-2023} when the pack sets none). */
    public RollUpPolicy rollUp() {
        RollUpPolicy p = RollUpPolicy.parse(options.get("roll-up"));
        return p == null ? RollUpPolicy.PANEL_2023 : p;
    }

    /** The reading of criterion (d) (option {@code parts-rule}; {@code goods-and-parts} when the pack sets none). */
    public PartsRuleReading partsRuleReading() {
        PartsRuleReading r = PartsRuleReading.parse(options.get("parts-rule"));
        return r == null ? PartsRuleReading.GOODS_AND_PARTS : r;
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
