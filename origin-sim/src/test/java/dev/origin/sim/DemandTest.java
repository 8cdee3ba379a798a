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

/** The price-volume feedback moves volumes in the expected direction. */
class DemandTest {
    static long units(List<Decision> ds, java.util.function.Predicate<Fleet.Model> which, String dest) {
        return ds.stream().map(Decision::model).filter(which).mapToLong(m -> m.volumes().getOrDefault(dest, 0L)).sum();
    }

    @Test
    void northAmericanModelsThatPayMoreLoseUsSalesToImportsFromOutside() throws Exception {
        Regime us = RulePackReader.load("us-proposal-2017", Map.of());
        Simulator.Settings fixed = Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn()).withDemand(Demand.NONE)
                .withDocumentationCost(BigDecimal.ONE);
        Simulator.Settings feedback = fixed.withDemand(Demand.defaults());
        Fleet f = FleetReader.sample();
        List<Decision> a = new Simulator(fixed).run(f, List.of(us), null).get(us.id());
        List<Decision> b = new Simulator(feedback).run(f, List.of(us), null).get(us.id());
        java.util.function.Predicate<Fleet.Model> outside = m -> !GoodBuilder.PARTIES.contains(m.country());
        assertThat(units(b, outside, "US")).isGreaterThan(units(a, outside, "US"));
        assertThat(units(b, outside.negate(), "US")).isLessThan(units(a, outside.negate(), "US"));
        // a paying model's US volume falls
        for (int i = 0; i < a.size(); i++) {
            Decision d = b.get(i);
            if (d.choice() == Choice.PAYS && d.model().country().matches("CA|MX")) {
                assertThat(d.model().volumes().get("US")).as(d.model().id()).isLessThan(a.get(i).model().volumes().get("US"));
            }
        }
        // purchases before are today's (fixed volumes), so the volume loss shows in the purchase change
        assertThat(b.get(0).purchasesBefore()).isEqualTo(a.get(0).purchasesBefore());
    }

    @Test
    void aHigherElasticityMovesMoreVolume() throws Exception {
        Regime us = RulePackReader.load("us-proposal-2017", Map.of());
        Simulator.Settings s = Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn()).withDocumentationCost(BigDecimal.ONE);
        Fleet f = FleetReader.sample();
        java.util.function.Predicate<Fleet.Model> outside = m -> !GoodBuilder.PARTIES.contains(m.country());
        long low = units(new Simulator(s.withDemand(new Demand(new BigDecimal("-1.5"), new BigDecimal("-1")))).run(f, List.of(us), null).get(us.id()), outside, "US");
        long high = units(new Simulator(s.withDemand(new Demand(new BigDecimal("-6"), new BigDecimal("-1")))).run(f, List.of(us), null).get(us.id()), outside, "US");
        assertThat(high).isGreaterThan(low);
    }
}
