package dev.origin.core.fleet;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.VehicleData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A fleet of vehicle models for the policy simulator (format: docs/fleet-format.md). Amounts are US
 * dollars per vehicle; volumes are units per year by destination.
 */
public record Fleet(String id, String description, boolean synthetic, List<Model> models) {
    public Fleet { models = List.copyOf(models); }

    /** Core-part groups (USMCA Table A.2) and their case-file categories. */
    public static final Map<String, String> CORE_GROUPS = Map.of("engine", "engine", "transmission", "transmission",
            "body", "body-chassis", "axles", "axle", "suspension", "suspension", "steering", "steering", "battery", "advanced-battery");

    /** Part groups a fleet file may use. */
    public static final List<String> GROUPS = List.of("engine", "transmission", "body", "axles", "suspension", "steering", "battery",
            "electronics", "seats", "glass", "tyres", "wiring", "interior", "other");

    /** One vehicle model at one assembly plant. */
    public record Model(String id, String maker, String model, String plant, String country, String vehicleClass, HsCode hs,
                        BigDecimal price, Assembly assembly, Map<String, Long> volumes, Technology technology,
                        AssemblyPlant assemblyPlant, BigDecimal steelShare, BigDecimal aluminumShare,
                        VehicleData.Intangibles intangibles, List<Part> parts) {
        public Model {
            volumes = Map.copyOf(volumes);
            parts = List.copyOf(parts);
        }

        /** Units per year, all destinations. */
        public long totalVolume() {
            return volumes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The parts' purchase value plus the assembler's own costs (labour, overhead, period). */
        public BigDecimal totalCost() {
            BigDecimal t = assembly.labour().add(assembly.overhead()).add(assembly.period());
            for (Part p : parts) t = t.add(p.cost());
            return t;
        }
    }

    /** The assembler's own costs per vehicle; {@code excluded} is contained in the others. */
    public record Assembly(BigDecimal labour, BigDecimal overhead, BigDecimal period, BigDecimal excluded, VehicleData.Wage plantWage) {}

    /** Maker-level wages for the LVC technology credit. */
    public record Technology(BigDecimal rdItWages, BigDecimal productionWages) {}

    /** Capacities of the maker's engine, transmission and battery plant (LVC assembly credit). */
    public record AssemblyPlant(long engines, long transmissions, long batteries) {}

    /**
     * A part group as sourced today, and where else it could be bought.
     *
     * @param nonOriginatingShare percent of the part's own cost that is non-originating (its own foreign content)
     */
    public record Part(String id, String group, HsCode hs, BigDecimal cost, String country, VehicleData.Wage wage,
                       BigDecimal nonOriginatingShare, List<Alternative> alternatives) {
        public Part { alternatives = List.copyOf(alternatives); }

        public boolean isCore() { return CORE_GROUPS.containsKey(group); }
    }

    /**
     * Another source: country, premium over the current cost (percent, non-negative), plant wage, and the
     * part's own non-originating share there (percent; null = the simulator's default, docs/simulation.md).
     */
    public record Alternative(String country, BigDecimal premium, VehicleData.Wage wage, BigDecimal nonOriginatingShare) {
        public Alternative(String country, BigDecimal premium, VehicleData.Wage wage) {
            this(country, premium, wage, null);
        }
    }
}
