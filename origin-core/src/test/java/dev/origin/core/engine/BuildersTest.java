package dev.origin.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.Origin;
import dev.origin.core.model.VehicleData;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders of goods and evaluators reject conflicting settings with a message that names them. */
class BuildersTest {
    private static final HsCode HS = HsCode.parse("8481.80");

    @Test
    void aGoodIsBuiltFromItsSettings() {
        Good g = Good.builder("g", HS, "MX").transactionValue(new BigDecimal("100.00")).internationalShipping(new BigDecimal("5.00"))
                .unassembled(true).materials(List.of(Material.of("m", "8481.90", "10.00", Origin.ORIGINATING))).build();
        assertThat(g.adjustedTransactionValue()).isEqualByComparingTo("95.00");
        assertThat(g.unassembled()).isTrue();
        assertThat(g.use()).isEqualTo(dev.origin.core.model.Use.ORIGINAL_EQUIPMENT);
        assertThat(g.vehicleData()).isSameAs(VehicleData.NONE);
    }

    @Test
    void conflictingGoodSettingsAreRejectedByName() {
        assertThatThrownBy(() -> Good.builder("g", HS, "MX").internationalShipping(BigDecimal.ONE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`internationalShipping`").hasMessageContaining("`transactionValue`");
        assertThatThrownBy(() -> Good.builder("g", HS, "MX").transactionValue(BigDecimal.ONE).internationalShipping(BigDecimal.TEN).build())
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Good.builder("g", HS, "MX").whollyObtained(true)
                .materials(List.of(Material.of("imported", "8481.90", "1.00", Origin.NON_ORIGINATING))).build())
                .hasMessageContaining("`whollyObtained`").hasMessageContaining("`imported`");
        assertThatThrownBy(() -> Good.builder(" ", HS, "MX")).hasMessageContaining("`id`");
        assertThatThrownBy(() -> Good.builder("g", null, "MX")).hasMessageContaining("`hs`");
    }

    @Test
    void anEvaluatorRejectsATariffScheduleForNoneOfTheParties() {
        Regime r = Fixtures.usmcaLike();
        TariffSchedule eu = new TariffSchedule("eu", List.of(new TariffSchedule.Entry("DE", List.of(HsRange.parse("84")),
                new BigDecimal("2.5"), "test", null, null, null, null)));
        assertThatThrownBy(() -> Evaluator.builder(r).tariffs(eu).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`eu`").hasMessageContaining("CA, MX, US");
        assertThatThrownBy(() -> Evaluator.builder(null)).hasMessageContaining("`regime`");
        assertThat(Evaluator.builder(r).build().regime()).isSameAs(r);
    }
}
