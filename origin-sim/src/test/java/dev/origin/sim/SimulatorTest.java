package dev.origin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.Simulator.Choice;
import dev.origin.sim.Simulator.Decision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Comply-or-pay on constructed cases computed by hand, and fleet totals as sums of model results. */
class SimulatorTest {
    static final LocalDate DATE = LocalDate.of(2023, 7, 1);

    /** A pack with one rule, RVC(NC) >= 60 for passenger vehicles, so every figure can be computed by hand. */
    static Regime pack() throws Exception {
        return pack(60);
    }

    static Regime pack(int min) throws Exception {
        return RulePackReader.read("""
                id: test
                name: test regime
                revision: "1"
                parties: [US, CA, MX]
                transactionValue: fob
                deMinimis: { percent: 7, citation: a, rvcCitation: b }
                params: { min: 60 }
                rules:
                  - { id: cars, hs: ["87.03"], rule: "RVC(NC) >= ${min}", citation: test }
                """, "test.yaml", true, Map.of("min", String.valueOf(min)));
    }

    static String model(String id, String country, String volumes, String enginePremium, String electronicsPremium) {
        return """
                  - id: %s
                    maker: Test
                    country: %s
                    class: passenger-vehicle
                    hs: "8703.23"
                    price: "20000.00"
                    assembly: { labour: "2000.00", overhead: "1000.00", period: "1000.00", excluded: "0.00" }
                    volumes: %s
                    parts:
                      - { id: engine, group: engine, hs: "8407.34", cost: "4000.00", country: JP,
                          alternatives: [ { country: MX, premium: %s } ] }
                      - { id: body, group: body, hs: "8707.10", cost: "3000.00", country: MX }
                      - { id: electronics, group: electronics, hs: "8537.10", cost: "2000.00", country: CN,
                          alternatives: [ { country: US, premium: %s } ] }
                      - { id: other, group: other, hs: "8708.99", cost: "1000.00", country: MX }
                """.formatted(id, country, volumes, enginePremium, electronicsPremium);
    }

    static Fleet fleet() throws Exception {
        String yaml = "fleet: { id: hand, synthetic: true }\nmodels:\n"
                + model("a", "MX", "{ US: 100000 }", "5", "15")
                + model("b", "MX", "{ US: 100000 }", "30", "60")
                + model("c", "US", "{ US: 50000 }", "5", "15")
                + model("d", "JP", "{ US: 10000 }", "5", "15");
        return FleetReader.read(yaml, "hand.yaml", true);
    }

    static Map<String, Decision> decide() throws Exception {
        Simulator.Settings s = Simulator.Settings.defaults(DATE, TariffReader.builtIn()).withDemand(Demand.NONE); // volumes fixed: figures by hand
        var out = new Simulator(s).run(fleet(), List.of(pack()), null).get("test");
        return Map.of("a", out.get(0), "b", out.get(1), "c", out.get(2), "d", out.get(3));
    }

    @Test
    void comply_or_pay_picks_the_cheaper_option_computed_by_hand() throws Exception {
        Map<String, Decision> d = decide();
        // a: NC 14,000, VNM 6,000 (engine 4,000 JP + electronics 2,000 CN): RVC 57.14 % < 60.
        //    engine to MX (+200): NC 14,200, VNM 2,000 -> 85.9 %; electronics to US (+300): 72.0 %. Cheapest: engine, 200/unit.
        //    re-sourcing 200 x 100,000 = 20,000,000 < US duty 2.5 % x 20,000 x 100,000 = 50,000,000 -> re-source
        assertThat(d.get("a").choice()).isEqualTo(Choice.RESOURCES);
        assertThat(d.get("a").plan()).isEqualTo(Map.of("engine", 1));
        assertThat(d.get("a").premiumPerUnit()).isEqualByComparingTo("200.00");
        assertThat(d.get("a").complianceCost()).isEqualByComparingTo("20000000.00");
        assertThat(d.get("a").tariffIfNotQualifying()).isEqualByComparingTo("50000000.00");
        assertThat(d.get("a").tariffsPaid()).isEqualByComparingTo("0");
        // b: cheapest move costs 1,200 (engine +30 % or electronics +60 %): 120,000,000 > 50,000,000 -> pay
        assertThat(d.get("b").choice()).isEqualTo(Choice.PAYS);
        assertThat(d.get("b").premiumPerUnit()).isEqualByComparingTo("1200.00");
        assertThat(d.get("b").tariffsPaid()).isEqualByComparingTo("50000000.00");
        // c: US-built, sold in the US only: the rule does not bite
        assertThat(d.get("c").choice()).isEqualTo(Choice.NOT_EXPOSED);
        // d: built in Japan: pays MFN whatever the rule: 2.5 % x 20,000 x 10,000 = 5,000,000
        assertThat(d.get("d").choice()).isEqualTo(Choice.NOT_ELIGIBLE);
        assertThat(d.get("d").tariffsPaid()).isEqualByComparingTo("5000000.00");
    }

    @Test
    void a_higher_threshold_makes_more_moves_or_pays() throws Exception {
        Simulator.Settings s = Simulator.Settings.defaults(DATE, TariffReader.builtIn()).withDemand(Demand.NONE); // volumes fixed: figures by hand
        Regime r90 = pack(90);
        Decision a = new Simulator(s).run(fleet(), List.of(r90), null).get("test").get(0);
        // 90 % needs both moves: NC 14,500, VNM 0 -> 100 %; cost 500/unit = 50,000,000 <= tariff 50,000,000 -> re-source (ties comply)
        assertThat(a.choice()).isEqualTo(Choice.RESOURCES);
        assertThat(a.plan()).isEqualTo(Map.of("engine", 1, "electronics", 1));
        assertThat(a.complianceCost()).isEqualByComparingTo("50000000.00");
    }

    @Test
    void fleet_totals_are_the_sums_of_the_model_results() throws Exception {
        Simulator.Settings s = Simulator.Settings.defaults(DATE, TariffReader.builtIn()).withDemand(Demand.NONE); // volumes fixed: figures by hand
        var decisions = new Simulator(s).run(fleet(), List.of(pack()), null).get("test");
        Outcome o = Outcome.of("test", decisions, s);
        assertThat(o.tariffsPaid()).isEqualByComparingTo(decisions.stream().map(Decision::tariffsPaid).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(o.tariffsPaid()).isEqualByComparingTo("55000000.00");
        assertThat(o.complianceCost()).isEqualByComparingTo("20000000.00");
        assertThat(o.count().get(Choice.RESOURCES) + o.count().get(Choice.PAYS) + o.count().get(Choice.NOT_EXPOSED)
                + o.count().get(Choice.NOT_ELIGIBLE) + o.count().get(Choice.QUALIFIES)).isEqualTo(4L);
        for (String c : List.of("US", "CA", "MX", "ROW")) {
            BigDecimal sum = decisions.stream().map(d -> d.purchasesAfter().get(c)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(o.purchasesAfter().get(c)).as(c).isEqualByComparingTo(sum);
        }
        // a's engine moved from Japan to Mexico: MX purchases up by 4,200 x 100,000, ROW down by 4,000 x 100,000
        assertThat(o.purchasesAfter().get("MX").subtract(o.purchasesBefore().get("MX"))).isEqualByComparingTo("420000000");
        assertThat(o.purchasesAfter().get("ROW").subtract(o.purchasesBefore().get("ROW"))).isEqualByComparingTo("-400000000");
        // jobs: +420M x 7.5 / 1M in Mexico
        assertThat(o.jobs().get("MX")).isEqualByComparingTo("3150.0");
        // compliance rate over exposed volume: a (100,000) complies, b (100,000) pays -> 50 %
        assertThat(o.complianceRate()).isEqualByComparingTo("50");
    }
}
