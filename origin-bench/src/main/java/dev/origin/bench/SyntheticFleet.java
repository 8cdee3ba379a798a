package dev.origin.bench;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.VehicleData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but plausible fleets of any size, for the benchmarks (seeded, deterministic). Not calibrated to
 * data: the calibrated sample fleet is {@code dev.origin.io.fleet.FleetReader.sample()}.
 */
public final class SyntheticFleet {
    private static final String[][] GROUPS = {
            {"engine", "8407.34", "0.16"}, {"transmission", "8708.40", "0.09"}, {"body", "8707.10", "0.14"}, {"axles", "8708.50", "0.05"},
            {"suspension", "8708.80", "0.04"}, {"steering", "8708.94", "0.03"}, {"electronics", "8537.10", "0.10"},
            {"seats", "9401.20", "0.05"}, {"glass", "7007.21", "0.02"}, {"tyres", "4011.10", "0.02"}, {"wiring", "8544.30", "0.03"},
            {"interior", "8708.29", "0.04"}, {"other", "8708.99", "0.05"}};
    private static final String[] COUNTRIES = {"US", "CA", "MX", "JP", "DE", "KR", "CN"};
    private static final Map<String, VehicleData.Wage> WAGES = Map.of(
            "US", new VehicleData.Wage(new BigDecimal("28.00"), "USD"), "CA", new VehicleData.Wage(new BigDecimal("31.00"), "CAD"),
            "MX", new VehicleData.Wage(new BigDecimal("160.00"), "MXN"));

    private SyntheticFleet() {}

    public static Fleet generate(int models, long seed) {
        Random r = new Random(seed);
        List<Fleet.Model> out = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            String country = COUNTRIES[r.nextInt(4) == 0 ? 3 + r.nextInt(4) : r.nextInt(3)];
            boolean truck = r.nextInt(3) == 0;
            BigDecimal price = BigDecimal.valueOf(18_000 + r.nextInt(40_000)).setScale(2);
            BigDecimal partsBudget = price.multiply(new BigDecimal("0.62"));
            List<Fleet.Part> parts = new ArrayList<>();
            for (String[] g : GROUPS) {
                BigDecimal cost = partsBudget.multiply(new BigDecimal(g[2])).setScale(2, RoundingMode.HALF_UP);
                String c = r.nextInt(10) < 7 ? COUNTRIES[r.nextInt(3)] : COUNTRIES[3 + r.nextInt(4)];
                List<Fleet.Alternative> alts = new ArrayList<>();
                for (String a : List.of("US", "CA", "MX")) {
                    if (!a.equals(c) && r.nextBoolean()) alts.add(new Fleet.Alternative(a, BigDecimal.valueOf(r.nextInt(16)), WAGES.get(a)));
                }
                parts.add(new Fleet.Part(g[0], g[0], HsCode.parse(g[1]), cost, c, WAGES.get(c), BigDecimal.valueOf(r.nextInt(30)), alts));
            }
            Map<String, Long> volumes = new LinkedHashMap<>();
            volumes.put("US", (long) (5_000 + r.nextInt(200_000)));
            volumes.put("CA", (long) r.nextInt(30_000));
            volumes.put("MX", (long) r.nextInt(15_000));
            BigDecimal labour = price.multiply(new BigDecimal("0.06")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal overhead = price.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal period = price.multiply(new BigDecimal("0.07")).setScale(2, RoundingMode.HALF_UP);
            BigDecimal excluded = price.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_UP);
            out.add(new Fleet.Model("m" + i, "Maker" + (i % 12), "Model" + i, "Plant" + i, country,
                    truck ? "light-truck" : "passenger-vehicle", HsCode.parse(truck ? "8704.31" : "8703.23"), price,
                    new Fleet.Assembly(labour, overhead, period, excluded, WAGES.getOrDefault(country, new VehicleData.Wage(new BigDecimal("20.00"), "USD"))),
                    volumes, new Fleet.Technology(new BigDecimal("100000000.00"), new BigDecimal("1500000000.00")),
                    new Fleet.AssemblyPlant(r.nextBoolean() ? 150_000 : 0, 0, 0), BigDecimal.valueOf(60 + r.nextInt(35)),
                    BigDecimal.valueOf(60 + r.nextInt(35)), new VehicleData.Intangibles(new BigDecimal("800.00"), new BigDecimal("1200.00")), parts));
        }
        return new Fleet("synthetic-" + models + "-" + seed, "synthetic benchmark fleet (not calibrated)", true, out);
    }
}
