package dev.origin.core.inventory;

import dev.origin.core.model.Origin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random ledgers: quantities balance for every method, and no method withdraws more originating units
 * than were received, except the preceding-period average, whose text allows it (see the last test).
 */
class InventoryPropertiesTest {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    /** Receipts every month (first month receipts only), withdrawals within stock, dates not decreasing. */
    static InventoryLedger randomLedger(long seed, boolean allNonOriginating) {
        Random rnd = new Random(seed);
        List<InventoryEntry> entries = new ArrayList<>();
        BigDecimal stock = BigDecimal.ZERO;
        int months = 2 + rnd.nextInt(5);
        for (int m = 0; m < months; m++) {
            LocalDate month = START.plusMonths(m);
            int events = 2 + rnd.nextInt(8);
            List<Integer> days = new ArrayList<>();
            for (int e = 0; e < events; e++) days.add(1 + rnd.nextInt(28));
            days.sort(null);
            boolean receiptDone = false;
            for (int day : days) {
                LocalDate d = month.withDayOfMonth(day);
                boolean receipt = !receiptDone || m == 0 || stock.signum() == 0 || rnd.nextInt(3) == 0;
                if (receipt) {
                    receiptDone = true;
                    BigDecimal q = BigDecimal.valueOf(1 + rnd.nextInt(100_000), 2);
                    BigDecimal unit = BigDecimal.valueOf(1 + rnd.nextInt(1_000), 2);
                    Origin o = allNonOriginating || rnd.nextBoolean() ? Origin.NON_ORIGINATING : Origin.ORIGINATING;
                    Receipt r = rnd.nextBoolean() ? Receipt.atUnitValue(d, q, unit, o)
                            : Receipt.atTotalValue(d, q, q.multiply(unit).add(BigDecimal.valueOf(rnd.nextInt(100), 2)), o);
                    entries.add(m == 0 && rnd.nextInt(4) == 0 ? r.asOpening() : r);
                    stock = stock.add(q);
                } else {
                    BigDecimal max = stock.movePointRight(2);
                    long cents = 1 + (long) (rnd.nextDouble() * max.longValue());
                    BigDecimal q = BigDecimal.valueOf(Math.min(cents, max.longValue()), 2);
                    entries.add(new Withdrawal(d, q));
                    stock = stock.subtract(q);
                }
            }
        }
        return InventoryLedger.of(entries);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 1994, 2020, 2021, 424242, 987654321})
    void quantitiesBalance_andOriginatingNeverExceedsReceived(long seed) {
        InventoryLedger ledger = randomLedger(seed, false);
        CalculationOptions monthly = CalculationOptions.defaults().withPeriod(AveragingPeriod.monthly(YearMonth.from(START)));
        for (InventoryMethod m : new InventoryMethod[] {InventoryMethod.FIFO, InventoryMethod.LIFO,
                InventoryMethod.AVERAGE_EACH_SHIPMENT, InventoryMethod.AVERAGE_OVER_PERIOD, InventoryMethod.AVERAGE_PRECEDING_PERIOD}) {
            InventoryResult r = InventoryCalculator.calculate(ledger, m, monthly);
            assertBalanced(ledger, r);
            if (m != InventoryMethod.AVERAGE_PRECEDING_PERIOD) {
                assertThat(r.totalOriginatingQuantity()).as("%s seed %d", m, seed).isLessThanOrEqualTo(received(ledger, Origin.ORIGINATING));
            }
            if (m == InventoryMethod.FIFO || m == InventoryMethod.LIFO) {
                BigDecimal withdrawnValue = r.withdrawals().stream()
                        .map(w -> w.originatingValue().add(w.nonOriginatingValue())).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal closing = r.balances().get(r.balances().size() - 1).value();
                assertThat(withdrawnValue.add(closing)).as("value conserved, %s seed %d", m, seed)
                        .isEqualByComparingTo(receivedValue(ledger));
                assertThat(r.withdrawals()).allSatisfy(w -> assertThat(w.draws().stream().map(Draw::quantity)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(w.quantity()));
            }
        }
        InventoryLedger nonOriginating = randomLedger(seed, true);
        InventoryResult rolling = InventoryCalculator.calculate(nonOriginating, InventoryMethod.ROLLING_AVERAGE);
        assertBalanced(nonOriginating, rolling);
        assertThat(rolling.totalOriginatingQuantity()).isZero();
    }

    @Test
    void averagePrecedingPeriod_canAttributeMoreOriginatingUnitsThanReceived_asTheTextProvides() {
        // SOR/2020-155 Sch. 8 s.14(1): shipments during a month take the ratio of the preceding month.
        InventoryLedger ledger = InventoryLedger.builder()
                .receive(LocalDate.of(2021, 1, 5), "100", Origin.ORIGINATING)
                .receive(LocalDate.of(2021, 2, 1), "1000", Origin.NON_ORIGINATING)
                .withdraw(LocalDate.of(2021, 2, 2), "1000")
                .build();
        InventoryResult r = InventoryCalculator.calculate(ledger, InventoryMethod.AVERAGE_PRECEDING_PERIOD,
                CalculationOptions.defaults().withPeriod(AveragingPeriod.monthly(YearMonth.of(2021, 1))));
        assertThat(r.withdrawal(0).originatingQuantity()).isEqualByComparingTo("1000");
        assertThat(r.periods().get(1).remainingOriginatingUnits()).isGreaterThan(BigDecimal.ZERO);
    }

    private static void assertBalanced(InventoryLedger ledger, InventoryResult r) {
        List<Withdrawal> ws = ledger.entries().stream().filter(e -> e instanceof Withdrawal).map(e -> (Withdrawal) e).toList();
        assertThat(r.withdrawals()).hasSameSizeAs(ws);
        for (WithdrawalResult w : r.withdrawals()) {
            assertThat(w.originatingQuantity().add(w.nonOriginatingQuantity())).isEqualByComparingTo(w.quantity());
            assertThat(w.originatingQuantity()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(w.nonOriginatingQuantity()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        BigDecimal withdrawn = ws.stream().map(Withdrawal::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.totalOriginatingQuantity().add(r.totalNonOriginatingQuantity())).isEqualByComparingTo(withdrawn);
    }

    private static BigDecimal received(InventoryLedger ledger, Origin o) {
        return ledger.entries().stream().filter(e -> e instanceof Receipt r && r.origin() == o)
                .map(InventoryEntry::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal receivedValue(InventoryLedger ledger) {
        return ledger.entries().stream().filter(e -> e instanceof Receipt).map(e -> ((Receipt) e).totalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
