package dev.origin.core.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * Result of applying an inventory management method to a ledger.
 *
 * @param method      the method applied
 * @param withdrawals one result per withdrawal, in ledger order
 * @param balances    inventory after each ledger entry, in ledger order
 * @param periods     averaging periods (period methods only), otherwise empty
 */
public record InventoryResult(InventoryMethod method, List<WithdrawalResult> withdrawals, List<Balance> balances,
                              List<PeriodSummary> periods) {
    public InventoryResult {
        withdrawals = List.copyOf(withdrawals);
        balances = List.copyOf(balances);
        periods = List.copyOf(periods);
    }

    /** Result of the withdrawal at position {@code i} (0-based) among withdrawals. */
    public WithdrawalResult withdrawal(int i) { return withdrawals.get(i); }

    /** Sum of originating units over all withdrawals. */
    public BigDecimal totalOriginatingQuantity() {
        return withdrawals.stream().map(WithdrawalResult::originatingQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Sum of non-originating units over all withdrawals. */
    public BigDecimal totalNonOriginatingQuantity() {
        return withdrawals.stream().map(WithdrawalResult::nonOriginatingQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
