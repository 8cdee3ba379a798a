package dev.origin.sim;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.PartData;
import dev.origin.core.model.VehicleData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a fleet model and a sourcing plan into a case-file {@link Good}, so that every rule is
 * evaluated by the engine and the rule packs, never by the simulator. Assumptions (docs/simulation.md):
 * a part produced in a party is originating, one produced elsewhere is not; a core part's own figures
 * are its cost and its {@code nonOriginatingShare}; steel and aluminum shares are per model.
 */
public final class GoodBuilder {
    /** Parties whose production is originating in the simulator's simplification. */
    public static final Set<String> PARTIES = Set.of("US", "CA", "MX");
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * Assumption: half of a core part's own non-originating content is Table A.2 column-2 components
     * (the rest is other materials), for the components-only options of SOR/2020-155 s.14(7)(b) and s.14(10)(b).
     */
    public static final BigDecimal COMPONENT_FRACTION = new BigDecimal("0.5");
    /** Assumption: a part re-sourced into the territory from outside has 25 % foreign content of its own, unless the file says. */
    public static final BigDecimal REGIONAL_NON_ORIGINATING_SHARE = new BigDecimal("25");

    private GoodBuilder() {}

    /** The country an option sources from: option 0 is the current source, option k the k-th alternative. */
    public static String country(Fleet.Part p, int option) {
        return option == 0 ? p.country() : p.alternatives().get(option - 1).country();
    }

    /** The part's value under an option: its cost plus the alternative's premium. */
    public static BigDecimal value(Fleet.Part p, int option) {
        if (option == 0) return p.cost();
        BigDecimal premium = p.alternatives().get(option - 1).premium();
        return p.cost().multiply(HUNDRED.add(premium)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The part's own non-originating share under an option (percent). */
    static BigDecimal nonOriginatingShare(Fleet.Part p, int option) {
        if (option == 0) return p.nonOriginatingShare();
        Fleet.Alternative a = p.alternatives().get(option - 1);
        if (a.nonOriginatingShare() != null) return a.nonOriginatingShare();
        if (!PARTIES.contains(a.country())) return HUNDRED;
        return PARTIES.contains(p.country()) ? p.nonOriginatingShare() : REGIONAL_NON_ORIGINATING_SHARE;
    }

    static VehicleData.Wage wage(Fleet.Part p, int option) {
        return option == 0 ? p.wage() : p.alternatives().get(option - 1).wage();
    }

    /** The good a model is under a plan (part id → option; absent = 0), shipped to {@code destination}. */
    public static Good good(Fleet.Model m, Map<String, Integer> plan, String destination, LocalDate date) {
        return good(m, plan, destination, date, false);
    }

    /**
     * The same, with the producer under the USMCA alternative staging regime or not (the good's
     * {@code alternativeStaging} flag, which selects the pack's {@code staging: true} rules).
     */
    public static Good good(Fleet.Model m, Map<String, Integer> plan, String destination, LocalDate date, boolean alternativeStaging) {
        return good(m, materials(m, plan), destination, date, alternativeStaging);
    }

    /** The material lines of a model under a plan, in the order of its parts. */
    static List<Material> materials(Fleet.Model m, Map<String, Integer> plan) {
        List<Material> materials = new ArrayList<>(m.parts().size());
        for (Fleet.Part p : m.parts()) materials.add(material(p, plan.getOrDefault(p.id(), 0)));
        return materials;
    }

    /** The material line of part {@code p} sourced under {@code option}. */
    static Material material(Fleet.Part p, int o) {
        String country = country(p, o);
        BigDecimal value = value(p, o);
        boolean originating = PARTIES.contains(country);
        PartData.Figures fig = null;
        if (p.isCore() && originating) {
            BigDecimal vnm = value.multiply(nonOriginatingShare(p, o)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            fig = new PartData.Figures(value, vnm, vnm.multiply(COMPONENT_FRACTION).setScale(2, RoundingMode.HALF_UP), null);
        }
        PartData pd = new PartData(p.isCore() ? Fleet.CORE_GROUPS.get(p.group()) : null, fig, null, wage(p, o));
        return new Material(p.id(), p.hs(), value, originating ? Origin.ORIGINATING : Origin.NON_ORIGINATING, country,
                MaterialKind.DIRECT, false, false, null, null, pd);
    }

    /** The good a model is with these material lines (one per part, in order). */
    static Good good(Fleet.Model m, List<Material> materials, String destination, LocalDate date, boolean alternativeStaging) {
        Fleet.Assembly a = m.assembly();
        CostSheet costs = new CostSheet(BigDecimal.ZERO, BigDecimal.ZERO, a.labour().add(a.overhead()), a.period(), BigDecimal.ZERO,
                new ExcludedCosts(a.excluded(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), null, null, null);
        VehicleData.Labour labour = new VehicleData.Labour(dev.origin.core.model.LabourMethod.NET_COST, null, a.labour(), null, null,
                m.technology() == null ? null : m.technology().rdItWages(), m.technology() == null ? null : m.technology().productionWages(),
                a.plantWage(), m.assemblyPlant() == null ? null
                : new VehicleData.AssemblyPlant(m.assemblyPlant().engines(), m.assemblyPlant().transmissions(), m.assemblyPlant().batteries(), a.plantWage()));
        VehicleData vd = new VehicleData(null, alternativeStaging, labour, purchases(m.steelShare()), purchases(m.aluminumShare()), m.intangibles(), null, null);
        return Good.builder(m.id(), m.hs(), m.country()).destination(destination).date(date).vehicle(dev.origin.core.model.VehicleKind.parse(m.vehicleClass()))
                .transactionValue(m.price()).costs(costs).materials(materials).vehicleData(vd).build();
    }

    private static VehicleData.Purchases purchases(BigDecimal share) {
        return share == null ? null : new VehicleData.Purchases(share, HUNDRED);
    }
}
