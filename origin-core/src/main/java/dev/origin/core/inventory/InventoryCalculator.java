package dev.origin.core.inventory;

import dev.origin.core.model.Origin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Applies an {@link InventoryMethod} to an {@link InventoryLedger} and returns, for each withdrawal, the units and
 * value considered originating and non-originating.
 *
 * <p>Sources: fungible materials, SOR/94-14 s.7(16)(a) and Schedule X Part I (s.1 to 9), SOR/2020-155 s.8(18)(a)
 * and Schedule 8 Part 1 (s.1 to 9); fungible goods, SOR/94-14 s.7(16)(b) and Schedule X Part II (s.10 to 15),
 * SOR/2020-155 s.8(18)(b) and Schedule 8 Part 2 (s.10 to 15); value of non-originating identical materials,
 * SOR/94-14 Schedule IX and SOR/2020-155 Schedule 7. Arithmetic is exact {@link BigDecimal}; a quotient that does
 * not terminate is carried to 34 significant digits (an originating ratio rounded {@link RoundingMode#DOWN}, a unit
 * value {@link RoundingMode#HALF_EVEN}); any other rounding is the caller's {@link Rounding}.
 */
public final class InventoryCalculator {

    private static final MathContext RATIO = new MathContext(34, RoundingMode.DOWN);

    private InventoryCalculator() { }

    /** Applies {@code method} with {@link CalculationOptions#defaults()}. */
    public static InventoryResult calculate(InventoryLedger ledger, InventoryMethod method) {
        return calculate(ledger, method, CalculationOptions.defaults());
    }

    /**
     * Applies {@code method} to {@code ledger}.
     *
     * @throws InventoryException on a shortfall or an input the method cannot take (see {@link InventoryException.Code})
     */
    public static InventoryResult calculate(InventoryLedger ledger, InventoryMethod method, CalculationOptions options) {
        List<InventoryEntry> entries = new ArrayList<>();
        for (InventoryEntry e : ledger.entries()) {
            if (options.openingInventoryNonOriginating() && e instanceof Receipt r && r.opening()
                    && r.origin() != Origin.NON_ORIGINATING) {
                e = new Receipt(r.date(), r.quantity(), r.unitValue(), r.totalValue(), Origin.NON_ORIGINATING, true);
            }
            entries.add(e);
        }
        boolean valued = ledger.valued();
        switch (method) {
            case FIFO:
            case LIFO:
                return lots(entries, method, valued);
            case AVERAGE_EACH_SHIPMENT:
                return eachShipment(entries, valued, options.rounding());
            case AVERAGE_OVER_PERIOD:
            case AVERAGE_PRECEDING_PERIOD:
                return periods(entries, method, valued, options);
            case ROLLING_AVERAGE:
                return rolling(entries, valued, options.rounding());
            default:
                throw new IllegalStateException(method.name());
        }
    }

    // ---------------------------------------------------------------- FIFO / LIFO

    private static final class Lot {
        final Receipt receipt;
        BigDecimal remaining;
        BigDecimal remainingValue;

        Lot(Receipt r) {
            receipt = r;
            remaining = r.quantity();
            remainingValue = r.totalValue();
        }
    }

    private static InventoryResult lots(List<InventoryEntry> entries, InventoryMethod method, boolean valued) {
        boolean fifo = method == InventoryMethod.FIFO;
        Deque<Lot> lots = new ArrayDeque<>();
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal orig = BigDecimal.ZERO;
        BigDecimal value = valued ? BigDecimal.ZERO : null;
        List<WithdrawalResult> results = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        for (InventoryEntry e : entries) {
            if (e instanceof Receipt r) {
                lots.addLast(new Lot(r));
                units = units.add(r.quantity());
                if (r.origin() == Origin.ORIGINATING) orig = orig.add(r.quantity());
                if (valued) value = value.add(r.totalValue());
            } else {
                Withdrawal w = (Withdrawal) e;
                checkStock(w, units);
                BigDecimal need = w.quantity();
                List<Draw> draws = new ArrayList<>();
                BigDecimal oq = BigDecimal.ZERO, ov = valued ? BigDecimal.ZERO : null, nv = valued ? BigDecimal.ZERO : null;
                StringBuilder why = new StringBuilder(method.text()).append(": ");
                while (need.signum() > 0) {
                    Lot lot = fifo ? lots.peekFirst() : lots.peekLast();
                    BigDecimal take = need.min(lot.remaining);
                    BigDecimal v = null;
                    if (valued) {
                        v = take.compareTo(lot.remaining) == 0 ? lot.remainingValue : take.multiply(lot.receipt.unitValue());
                        lot.remainingValue = lot.remainingValue.subtract(v);
                    }
                    lot.remaining = lot.remaining.subtract(take);
                    if (lot.remaining.signum() == 0) {
                        if (fifo) lots.removeFirst(); else lots.removeLast();
                    }
                    need = need.subtract(take);
                    draws.add(new Draw(lot.receipt, take, v));
                    boolean o = lot.receipt.origin() == Origin.ORIGINATING;
                    if (o) oq = oq.add(take);
                    if (valued) {
                        if (o) ov = ov.add(v); else nv = nv.add(v);
                    }
                    if (draws.size() > 1) why.append("; ");
                    why.append(n(take)).append(" of the ").append(n(lot.receipt.quantity())).append(' ')
                            .append(lot.receipt.origin().label()).append(" units received ").append(lot.receipt.date());
                    if (lot.receipt.opening()) why.append(" (opening inventory)");
                    if (valued) why.append(" at ").append(n(lot.receipt.unitValue()));
                }
                if (valued) why.append("; non-originating value ").append(n(nv));
                why.append('.');
                BigDecimal nq = w.quantity().subtract(oq);
                results.add(new WithdrawalResult(w, oq, nq, ov, nv, draws, null, null, why.toString()));
                units = units.subtract(w.quantity());
                orig = orig.subtract(oq);
                if (valued) value = value.subtract(ov).subtract(nv);
            }
            balances.add(new Balance(e, units, orig, value));
        }
        return new InventoryResult(method, results, balances, List.of());
    }

    // ---------------------------------------------------------------- average, each shipment (s.8)

    private static InventoryResult eachShipment(List<InventoryEntry> entries, boolean valued, Rounding rounding) {
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal orig = BigDecimal.ZERO;
        BigDecimal value = valued ? BigDecimal.ZERO : null;
        List<WithdrawalResult> results = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        for (InventoryEntry e : entries) {
            if (e instanceof Receipt r) {
                units = units.add(r.quantity());
                if (r.origin() == Origin.ORIGINATING) orig = orig.add(r.quantity());
                if (valued) value = value.add(r.totalValue());
            } else {
                Withdrawal w = (Withdrawal) e;
                checkStock(w, units);
                BigDecimal ratio = ratio(orig, units, rounding);
                BigDecimal avg = valued ? rounding.unitValue(Receipt.divide(value, units)) : null;
                String basis = "ratio " + n(ratio) + " (" + n(orig) + " originating of " + n(units)
                        + " units in inventory prior to the shipment)";
                WithdrawalResult res = apply(w, ratio, avg, rounding,
                        InventoryMethod.AVERAGE_EACH_SHIPMENT.text() + ": " + basis);
                results.add(res);
                BigDecimal remaining = units.subtract(w.quantity());
                BigDecimal remainingOrig = remaining.min(rounding.quantity(remaining.multiply(ratio)));
                if (valued) {
                    BigDecimal withdrawnValue = res.originatingValue().add(res.nonOriginatingValue());
                    value = remaining.signum() == 0 ? BigDecimal.ZERO : value.subtract(withdrawnValue).max(BigDecimal.ZERO);
                }
                units = remaining;
                orig = remainingOrig;
            }
            balances.add(new Balance(e, units, orig, value));
        }
        return new InventoryResult(InventoryMethod.AVERAGE_EACH_SHIPMENT, results, balances, List.of());
    }

    // ---------------------------------------------------------------- average, over a period (s.7) or preceding period (s.6, s.14)

    private static InventoryResult periods(List<InventoryEntry> entries, InventoryMethod method, boolean valued,
                                           CalculationOptions options) {
        AveragingPeriod p = options.period();
        boolean preceding = method == InventoryMethod.AVERAGE_PRECEDING_PERIOD;
        if (p == null) {
            throw new InventoryException(InventoryException.Code.INVENTORY_INVALID_PERIOD,
                    "The `" + method.text() + "` needs an averaging period.");
        }
        if (preceding && !Set.of(1, 3).contains(p.months())) {
            throw new InventoryException(InventoryException.Code.INVENTORY_INVALID_PERIOD,
                    "An averaging period of `" + p.months() + "` months is not allowed; the section allows one or three months.");
        }
        Rounding rounding = options.rounding();
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal orig = BigDecimal.ZERO;
        BigDecimal value = valued ? BigDecimal.ZERO : null;
        List<WithdrawalResult> results = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        List<PeriodSummary> summaries = new ArrayList<>();
        int i = 0;
        int n = entries.size();
        for (; i < n && p.indexOf(entries.get(i).date()) < 0; i++) {
            InventoryEntry e = entries.get(i);
            if (e instanceof Withdrawal w) {
                throw new InventoryException(InventoryException.Code.INVENTORY_BEFORE_FIRST_PERIOD,
                        "Withdrawal dated `" + w.date() + "` is before the first averaging period, which starts "
                                + p.firstStart() + ".");
            }
            Receipt r = (Receipt) e;
            units = units.add(r.quantity());
            if (r.origin() == Origin.ORIGINATING) orig = orig.add(r.quantity());
            if (valued) value = value.add(r.totalValue());
            balances.add(new Balance(e, units, orig, value));
        }
        int last = n == 0 ? -1 : p.indexOf(entries.get(n - 1).date());
        BigDecimal prevRatio = null, prevAvg = null;
        String prevBasis = null;
        for (int k = 0; k <= last; k++) {
            BigDecimal recU = BigDecimal.ZERO, recO = BigDecimal.ZERO, recV = valued ? BigDecimal.ZERO : null;
            BigDecimal physical = units;
            List<Withdrawal> ws = new ArrayList<>();
            for (; i < n && p.indexOf(entries.get(i).date()) == k; i++) {
                InventoryEntry e = entries.get(i);
                if (e instanceof Receipt r) {
                    recU = recU.add(r.quantity());
                    if (r.origin() == Origin.ORIGINATING) recO = recO.add(r.quantity());
                    if (valued) recV = recV.add(r.totalValue());
                    physical = physical.add(r.quantity());
                } else {
                    Withdrawal w = (Withdrawal) e;
                    checkStock(w, physical);
                    physical = physical.subtract(w.quantity());
                    ws.add(w);
                }
                balances.add(new Balance(e, physical, null, null));
            }
            BigDecimal totalU = units.add(recU);
            BigDecimal totalO = orig.add(recO);
            BigDecimal totalV = valued ? value.add(recV) : null;
            BigDecimal ratio = totalU.signum() > 0 ? ratio(totalO, totalU, rounding) : null;
            BigDecimal avg = valued && totalU.signum() > 0 ? rounding.unitValue(Receipt.divide(totalV, totalU)) : null;
            String basis = "ratio " + (ratio == null ? "none" : n(ratio)) + " (" + n(totalO) + " originating of "
                    + n(totalU) + " units in inventory at the beginning of or received during " + p.start(k) + " to " + p.end(k) + ")";
            BigDecimal applied = preceding ? prevRatio : ratio;
            BigDecimal appliedAvg = preceding ? prevAvg : avg;
            String appliedBasis = preceding ? prevBasis : basis;
            if (!ws.isEmpty() && applied == null) {
                throw new InventoryException(InventoryException.Code.INVENTORY_NO_PRECEDING_PERIOD,
                        "Withdrawal dated `" + ws.get(0).date() + "` has no preceding averaging period with inventory to take its ratio from;"
                                + " start the periods at least one period earlier.");
            }
            BigDecimal wU = BigDecimal.ZERO, wO = BigDecimal.ZERO, wNv = valued ? BigDecimal.ZERO : null, wV = BigDecimal.ZERO;
            for (Withdrawal w : ws) {
                WithdrawalResult res = apply(w, applied, appliedAvg, rounding, method.text() + ": " + appliedBasis);
                results.add(res);
                wU = wU.add(w.quantity());
                wO = wO.add(res.originatingQuantity());
                if (valued) {
                    wNv = wNv.add(res.nonOriginatingValue());
                    wV = wV.add(res.originatingValue()).add(res.nonOriginatingValue());
                }
            }
            BigDecimal remaining = totalU.subtract(wU);
            BigDecimal remainingOrig = ratio == null ? BigDecimal.ZERO : remaining.min(rounding.quantity(remaining.multiply(ratio)));
            summaries.add(new PeriodSummary(p.start(k), p.end(k), units, orig, recU, recO, ratio, avg, applied,
                    wU, wO, wNv, remaining, remainingOrig));
            BigDecimal openedU = units;
            units = remaining;
            orig = remainingOrig;
            if (valued) value = remaining.signum() == 0 ? BigDecimal.ZERO : totalV.subtract(wV).max(BigDecimal.ZERO);
            prevRatio = ratio;
            prevAvg = avg;
            prevBasis = "ratio " + (ratio == null ? "none" : n(ratio)) + " of the preceding period " + p.start(k) + " to " + p.end(k)
                    + " (" + n(totalO) + " originating of " + n(openedU.add(recU)) + " units)";
        }
        return new InventoryResult(method, results, balances, summaries);
    }

    // ---------------------------------------------------------------- rolling average (Sch. IX / Sch. 7 s.4)

    private static InventoryResult rolling(List<InventoryEntry> entries, boolean valued, Rounding rounding) {
        if (!valued) {
            throw new InventoryException(InventoryException.Code.INVENTORY_VALUES_REQUIRED,
                    "The `" + InventoryMethod.ROLLING_AVERAGE.text() + "` needs a value on every receipt.");
        }
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        List<WithdrawalResult> results = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        for (InventoryEntry e : entries) {
            if (e instanceof Receipt r) {
                if (r.origin() != Origin.NON_ORIGINATING) {
                    throw new InventoryException(InventoryException.Code.INVENTORY_ORIGINATING_RECEIPT,
                            "Receipt dated `" + r.date() + "` is originating, but the rolling average method values an"
                                    + " inventory of non-originating identical materials only.");
                }
                units = units.add(r.quantity());
                value = value.add(r.totalValue());
            } else {
                Withdrawal w = (Withdrawal) e;
                checkStock(w, units);
                BigDecimal avg = rounding.unitValue(Receipt.divide(value, units));
                BigDecimal v = w.quantity().multiply(avg);
                String why = InventoryMethod.ROLLING_AVERAGE.text() + ": average value " + n(avg) + " (value " + n(value) + " / "
                        + n(units) + " units prior to the shipment); value of non-originating materials " + n(v) + ".";
                results.add(new WithdrawalResult(w, BigDecimal.ZERO, w.quantity(), BigDecimal.ZERO, v, List.of(),
                        BigDecimal.ZERO, avg, why));
                units = units.subtract(w.quantity());
                value = units.signum() == 0 ? BigDecimal.ZERO : value.subtract(v).max(BigDecimal.ZERO);
            }
            balances.add(new Balance(e, units, BigDecimal.ZERO, value));
        }
        return new InventoryResult(InventoryMethod.ROLLING_AVERAGE, results, balances, List.of());
    }

    // ---------------------------------------------------------------- helpers

    /** Applies an originating ratio and average unit value to one withdrawal (average methods). */
    private static WithdrawalResult apply(Withdrawal w, BigDecimal ratio, BigDecimal avg, Rounding rounding, String basis) {
        BigDecimal q = w.quantity();
        BigDecimal oq = q.min(rounding.quantity(q.multiply(ratio)));
        BigDecimal nq = q.subtract(oq);
        BigDecimal ov = null, nv = null;
        StringBuilder why = new StringBuilder(basis).append("; ").append(n(oq)).append(" originating, ")
                .append(n(nq)).append(" non-originating");
        if (avg != null) {
            BigDecimal perUnit = rounding.nonOriginatingUnitValue(avg.multiply(BigDecimal.ONE.subtract(ratio)));
            nv = q.multiply(perUnit);
            ov = q.multiply(avg).subtract(nv);
            why.append("; average unit value ").append(n(avg)).append(", non-originating value ").append(n(nv));
        }
        why.append('.');
        return new WithdrawalResult(w, oq, nq, ov, nv, List.of(), ratio, avg, why.toString());
    }

    private static BigDecimal ratio(BigDecimal orig, BigDecimal units, Rounding rounding) {
        if (rounding.ratioScale() != null) return orig.divide(units, rounding.ratioScale(), rounding.mode());
        try {
            return orig.divide(units);
        } catch (ArithmeticException nonTerminating) {
            return orig.divide(units, RATIO);
        }
    }

    private static void checkStock(Withdrawal w, BigDecimal units) {
        if (w.quantity().compareTo(units) > 0) {
            throw new InventoryException(InventoryException.Code.INVENTORY_SHORTFALL,
                    "Withdrawal of `" + n(w.quantity()) + "` units on " + w.date() + " exceeds the " + n(units)
                            + " units in inventory.");
        }
    }

    /**
     * Plain figure for explanations: trailing zeros dropped, but a figure given with 2 or more decimals keeps 2
     * (1.00, 52.50); a figure of more than 6 decimals is shown rounded to 6, marked "≈".
     */
    static String n(BigDecimal v) {
        BigDecimal s = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        if (s.scale() > 6) return "≈" + s.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        if (s.scale() < 2 && v.scale() >= 2) s = s.setScale(2);
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }
}
