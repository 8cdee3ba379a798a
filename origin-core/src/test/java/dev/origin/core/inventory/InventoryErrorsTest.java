package dev.origin.core.inventory;

import dev.origin.core.model.Origin;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static dev.origin.core.model.Origin.NON_ORIGINATING;
import static dev.origin.core.model.Origin.ORIGINATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input: a stable code and one sentence naming the offending value in backticks. */
class InventoryErrorsTest {

    private static final LocalDate D1 = LocalDate.of(2021, 1, 4);
    private static final LocalDate D2 = LocalDate.of(2021, 1, 5);

    @Test void withdrawalExceedingStock_isShortfall() {
        InventoryLedger ledger = InventoryLedger.builder()
                .receive(D1, "100", ORIGINATING).withdraw(D2, "150").build();
        for (InventoryMethod m : new InventoryMethod[] {InventoryMethod.FIFO, InventoryMethod.LIFO, InventoryMethod.AVERAGE_EACH_SHIPMENT}) {
            assertThatThrownBy(() -> InventoryCalculator.calculate(ledger, m))
                    .isInstanceOfSatisfying(InventoryException.class, e -> {
                        assertThat(e.code()).isEqualTo(InventoryException.Code.INVENTORY_SHORTFALL);
                        assertThat(e.getMessage()).isEqualTo("Withdrawal of `150` units on 2021-01-05 exceeds the 100 units in inventory.");
                    });
        }
        assertThatThrownBy(() -> InventoryCalculator.calculate(ledger, InventoryMethod.AVERAGE_OVER_PERIOD,
                CalculationOptions.defaults().withPeriod(AveragingPeriod.monthly(YearMonth.of(2021, 1)))))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_SHORTFALL);
    }

    @Test void negativeOrZeroQuantity_isRejected() {
        assertThatThrownBy(() -> InventoryLedger.builder().withdraw(D1, "-5"))
                .isInstanceOfSatisfying(InventoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(InventoryException.Code.INVENTORY_NON_POSITIVE_QUANTITY);
                    assertThat(e.getMessage()).contains("`-5`");
                });
        assertThatThrownBy(() -> InventoryLedger.builder().receive(D1, "0", "1.00", ORIGINATING))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_NON_POSITIVE_QUANTITY)
                .hasMessageContaining("`0`");
    }

    @Test void negativeValue_isRejected() {
        assertThatThrownBy(() -> InventoryLedger.builder().receive(D1, "10", "-1.00", ORIGINATING))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_NEGATIVE_VALUE)
                .hasMessageContaining("`-1.00`");
    }

    @Test void unknownOrigin_isRejected() {
        assertThatThrownBy(() -> Receipt.unvalued(D1, BigDecimal.TEN, Origin.UNKNOWN))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_UNKNOWN_ORIGIN)
                .hasMessageContaining("`unknown`");
    }

    @Test void entriesOutOfDateOrder_areRejected() {
        assertThatThrownBy(() -> InventoryLedger.builder().receive(D2, "10", ORIGINATING).withdraw(D1, "5").build())
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_OUT_OF_ORDER)
                .hasMessageContaining("`2021-01-04`");
    }

    @Test void partlyValuedLedger_isRejected() {
        assertThatThrownBy(() -> InventoryLedger.builder().receive(D1, "10", "1.00", ORIGINATING)
                .receive(D2, "10", NON_ORIGINATING).build())
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_PARTIAL_VALUES)
                .hasMessageContaining("`1`");
    }

    @Test void rollingAverage_rejectsOriginatingReceiptsAndUnvaluedLedgers() {
        InventoryLedger mixed = InventoryLedger.builder().receive(D1, "10", "1.00", ORIGINATING).build();
        assertThatThrownBy(() -> InventoryCalculator.calculate(mixed, InventoryMethod.ROLLING_AVERAGE))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_ORIGINATING_RECEIPT)
                .hasMessageContaining("`2021-01-04`");
        InventoryLedger unvalued = InventoryLedger.builder().receive(D1, "10", NON_ORIGINATING).build();
        assertThatThrownBy(() -> InventoryCalculator.calculate(unvalued, InventoryMethod.ROLLING_AVERAGE))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_VALUES_REQUIRED);
    }

    @Test void periodMethods_needAnAllowedPeriod() {
        InventoryLedger ledger = InventoryLedger.builder().receive(D1, "10", ORIGINATING).build();
        assertThatThrownBy(() -> InventoryCalculator.calculate(ledger, InventoryMethod.AVERAGE_OVER_PERIOD))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_INVALID_PERIOD);
        assertThatThrownBy(() -> InventoryCalculator.calculate(ledger, InventoryMethod.AVERAGE_PRECEDING_PERIOD,
                CalculationOptions.defaults().withPeriod(new AveragingPeriod(LocalDate.of(2021, 1, 1), 6))))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_INVALID_PERIOD)
                .hasMessageContaining("`6`");
    }

    @Test void withdrawalBeforeFirstPeriod_orWithoutPrecedingPeriod_isRejected() {
        InventoryLedger ledger = InventoryLedger.builder().receive(D1, "10", ORIGINATING).withdraw(D2, "5").build();
        assertThatThrownBy(() -> InventoryCalculator.calculate(ledger, InventoryMethod.AVERAGE_OVER_PERIOD,
                CalculationOptions.defaults().withPeriod(AveragingPeriod.monthly(YearMonth.of(2021, 2)))))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_BEFORE_FIRST_PERIOD)
                .hasMessageContaining("`2021-01-05`");
        assertThatThrownBy(() -> InventoryCalculator.calculate(ledger, InventoryMethod.AVERAGE_PRECEDING_PERIOD,
                CalculationOptions.defaults().withPeriod(AveragingPeriod.monthly(YearMonth.of(2021, 1)))))
                .hasFieldOrPropertyWithValue("code", InventoryException.Code.INVENTORY_NO_PRECEDING_PERIOD)
                .hasMessageContaining("`2021-01-05`");
    }

    @Test void openingInventory_mayBeConsideredNonOriginating() {
        // SOR/94-14 Sch. X s.9(3); SOR/2020-155 Sch. 8 s.9(3)
        InventoryLedger ledger = InventoryLedger.builder()
                .opening(LocalDate.of(2020, 12, 18), "100", "1.00", ORIGINATING)
                .receive(D1, "100", "1.00", ORIGINATING)
                .withdraw(D2, "150").build();
        InventoryResult r = InventoryCalculator.calculate(ledger, InventoryMethod.FIFO,
                CalculationOptions.defaults().withOpeningInventoryNonOriginating(true));
        assertThat(r.withdrawal(0).originatingQuantity()).isEqualByComparingTo("50");
        assertThat(r.withdrawal(0).nonOriginatingQuantity()).isEqualByComparingTo("100");
        assertThat(r.withdrawal(0).nonOriginatingValue()).isEqualByComparingTo("100");
    }
}
