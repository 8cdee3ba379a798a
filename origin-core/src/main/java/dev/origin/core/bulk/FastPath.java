package dev.origin.core.bulk;

import dev.origin.core.engine.Evaluator;
import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsEdition;
import dev.origin.core.hs.PartsProvisions;
import dev.origin.core.model.Use;
import dev.origin.core.regime.PartsRuleReading;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RvcMethod;
import dev.origin.core.rules.ShiftLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The columnar kernel of bulk evaluation: decides a good straight from the columns, in long cents, for the goods it
 * is sure to decide exactly as the {@link Evaluator} does, and declines every other good (the caller then asks the
 * evaluator). {@code BulkEvaluationTest} proves the identity on generated catalogs, figure by figure.
 *
 * <p>In scope, per regime and date: a good with a cost sheet whose rule (the {@code rule} column) is a tariff shift
 * by level (CC, CTH, CTSH; no from/except lists), a net-cost RVC with a threshold in force, or both (all-of); whose HS
 * code has no automotive provision in the regime (no vehicle kind, tracing or threshold override); whose lines are
 * bought-in with a value and an origin, or self-produced sub-assemblies not designated intermediate, with a cost
 * sheet or a value and a positive net cost, whose own HS code changes classification as the rule asks (so their own
 * rule cannot matter); amounts under 10¹² cents. Out of scope as well, decided by the evaluator: a good failing its
 * rule with a non-originating material in its own subheading where the parts rule (criterion (d)) may apply, and a
 * good whose lines do not follow their parents.
 *
 * <p>What it computes is what the evaluator computes for such goods (SOR/2020-155 s.4-8; SOR/94-14 s.4-7): total cost
 * (materials, sub-assemblies at their value or total cost, other costs), net cost (less the good's and its
 * sub-assemblies' excluded costs), VNM rolled up through sub-assemblies, the shift of the good's own non-originating
 * lines with de minimis (exclusions of the pack honoured) on the adjusted transaction value or total cost (the larger
 * where the pack allows either), the RVC by cross-multiplication with its de minimis exemption, unknown origins as the
 * two bounds, and the RVC as the engine reports it (10 decimals, truncated).
 */
final class FastPath {
    /** What the kernel needs of one run, computed once. */
    static final class Plan {
        final Regime regime;
        final LocalDate date;
        final ColumnarCatalog c;
        /** Per rule of the catalog: shift digits (0: none), threshold in 10⁻⁴ % (-1: none), or null when out of scope. */
        final int[] shiftDigits;
        final long[] minScaled;
        final boolean[] ruleInScope;
        /** Per HS code of the catalog, as a good's code: in scope, de minimis percentage in 10⁻⁴, parts rule may apply. */
        final boolean[] goodHsInScope, partsRuleMayApply;
        final long[] dmScaled;
        final int[] hs2, hs4, hs6;
        final boolean eitherBase;
        /** De minimis exclusions by (good HS, material HS): 0 not yet known, 1 none, 2 barred. */
        final byte[] barred;
        final int hsCount;

        Plan(ColumnarCatalog c, Evaluator ev, LocalDate date) {
            this.c = c;
            this.regime = ev.regime();
            this.date = date;
            int nr = c.rules.length;
            shiftDigits = new int[nr];
            minScaled = new long[nr];
            ruleInScope = new boolean[nr];
            for (int i = 0; i < nr; i++) plan(i, c.rules[i]);
            hsCount = c.hsCodes.length;
            hs2 = new int[hsCount];
            hs4 = new int[hsCount];
            hs6 = new int[hsCount];
            goodHsInScope = new boolean[hsCount];
            partsRuleMayApply = new boolean[hsCount];
            dmScaled = new long[hsCount];
            var auto = regime.automotive();
            var pr = regime.partsRule();
            boolean literal = regime.partsRuleReading() == PartsRuleReading.LITERAL;
            for (int h = 0; h < hsCount; h++) {
                HsCode hs = c.hsCodes[h];
                String d = hs.digits();
                hs2[h] = Integer.parseInt(d.substring(0, 2));
                hs4[h] = Integer.parseInt(d.substring(0, 4));
                hs6[h] = Integer.parseInt(d.substring(0, 6));
                boolean plain = regime.vehicleKind(hs, null) == null
                        && (auto == null || (auto.tracingFor(hs, null, Use.ORIGINAL_EQUIPMENT) == null
                                && auto.thresholdFor(hs, null, Use.ORIGINAL_EQUIPMENT) == null));
                BigDecimal pct = regime.deMinimis().percentFor(hs);
                long scaled = scaled(pct);
                goodHsInScope[h] = plain && scaled >= 0;
                dmScaled[h] = scaled;
                partsRuleMayApply[h] = pr != null && pr.excluded().stream().noneMatch(r -> r.contains(hs))
                        && (literal || PartsProvisions.forGood(hs, HsEdition.inForce(date)).isPresent());
            }
            eitherBase = regime.deMinimis().eitherBase();
            barred = hsCount <= 4096 ? new byte[hsCount * hsCount] : null;
        }

        private void plan(int i, Rule rule) {
            List<Rule> parts = rule instanceof Rule.AllOf all ? all.rules() : List.of(rule);
            if (parts.isEmpty() || parts.size() > 2) return;
            int shift = 0;
            long min = -1;
            for (Rule r : parts) {
                if (r instanceof Rule.TariffShift ts && shift == 0 && ts.level() != null && ts.level() != ShiftLevel.CTI
                        && ts.from().isEmpty() && ts.except().isEmpty() && ts.fromDescribed().isEmpty() && ts.exceptDescribed().isEmpty()
                        && ts.atMostOneOf().isEmpty()) {
                    shift = ts.level().digits();
                } else if (r instanceof Rule.Rvc rv && min < 0 && rv.method() == RvcMethod.NC && !rv.min().dependsOnFiscalYear()) {
                    BigDecimal m = rv.min().at(date);
                    if (m == null) return;
                    min = scaled(m);
                    if (min < 0) return;
                } else {
                    return;
                }
            }
            shiftDigits[i] = shift;
            minScaled[i] = min;
            ruleInScope[i] = true;
        }

        /** A percentage in 10⁻⁴ units, or -1 when it has more decimals or is out of 0..100. */
        static long scaled(BigDecimal pct) {
            if (pct == null || pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) return -1;
            BigDecimal s = pct.movePointRight(4);
            return s.stripTrailingZeros().scale() > 0 ? -1 : s.longValueExact();
        }

        int prefix(int h, int digits) {
            return digits == 2 ? hs2[h] : digits == 4 ? hs4[h] : hs6[h];
        }

        boolean isBarred(int goodHs, int lineHs) {
            if (barred == null) return regime.deMinimis().exclusionFor(c.hsCodes[goodHs], c.hsCodes[lineHs], List.of()) != null;
            int k = goodHs * hsCount + lineHs;
            byte b = barred[k];
            if (b == 0) {
                b = regime.deMinimis().exclusionFor(c.hsCodes[goodHs], c.hsCodes[lineHs], List.of()) != null ? (byte) 2 : (byte) 1;
                barred[k] = b;   // idempotent: a race writes the same value
            }
            return b == 2;
        }
    }

    /**
     * Scratch sums of one thread: for slot {@code k} (0 the good, {@code i + 1} its line {@code i}) materials, VNM of
     * non-originating and of unknown lines, and excluded costs, side by side. All zero between goods: a sub-assembly's
     * slot is cleared when its line consumes it, the good's at the end, everything when a good is declined.
     */
    static final class Scratch {
        long[] a = new long[4 * 64];

        void ensure(int slots) {
            if (4 * slots > a.length) a = new long[Math.max(4 * slots, 2 * a.length)];
        }

        boolean decline(int slots) {
            java.util.Arrays.fill(a, 0, 4 * slots, 0);
            return false;
        }
    }

    static final long LIMIT = 1_000_000_000_000L;

    private FastPath() {}

    /** Decides good {@code g} into {@code r} for run {@code run}; false (nothing stored) when the good is out of scope. */
    static boolean decide(Plan p, int g, int run, BulkEvaluator.Results r, Scratch s) {
        ColumnarCatalog c = p.c;
        int rule = c.goodRule[g];
        if (rule < 0 || !p.ruleInScope[rule]) return false;
        int gh = c.goodHs[g];
        if (!p.goodHsInScope[gh]) return false;
        long other = c.otherCosts[g], ownExcluded = c.excludedCosts[g];
        if (other < 0 && ownExcluded < 0) return false;   // no cost sheet: the RVC or de minimis would need one
        int digits = p.shiftDigits[rule];
        long min = p.minScaled[rule];
        int from = c.lineStart[g], to = c.lineStart[g + 1], n = to - from;
        s.ensure(n + 1);
        long[] a = s.a;
        long failN = 0, failU = 0;
        boolean barredN = false, barredU = false, sameN = false, sameU = false, anyUnknown = false;
        int goodPrefix = digits == 0 ? 0 : p.prefix(gh, digits);
        int goodSub = p.hs6[gh];
        // children after parents: walk backwards, so a sub-assembly's sums are complete when it is reached
        for (int l = to - 1; l >= from; l--) {
            int parent = c.parent[l];
            if (parent >= 0 && parent >= l - from) return s.decline(n + 1);
            int slot = 4 * (parent + 1);
            byte f = c.flags[l];
            if ((f & ColumnarCatalog.SELF_PRODUCED) != 0) {
                if ((f & ColumnarCatalog.INTERMEDIATE) != 0) return s.decline(n + 1);
                int me = 4 * (l - from + 1);
                long lo = c.lineOther[l], le = c.lineExcluded[l];
                boolean costs = lo >= 0 || le >= 0;
                long subTotal = a[me] + Math.max(lo, 0);
                long subN = a[me + 1], subU = a[me + 2];
                long subExcluded = a[me + 3] + Math.max(le, 0);
                a[me] = 0; a[me + 1] = 0; a[me + 2] = 0; a[me + 3] = 0;
                if (costs && subTotal - subExcluded <= 0) return s.decline(n + 1);   // its own rule would report a non-positive basis
                long v = c.value[l];
                if (v < 0 && !costs) return s.decline(n + 1);
                // its own rule would matter
                if (parent < 0 && digits > 0 && p.prefix(c.lineHs[l], digits) == goodPrefix) return s.decline(n + 1);
                a[slot] += v >= 0 ? v : subTotal;
                a[slot + 1] += subN;
                a[slot + 2] += subU;
                a[slot + 3] += subExcluded;
                continue;
            }
            long v = c.value[l];
            byte o = c.origin[l];
            if (v < 0 || o < 0 || v >= LIMIT) return s.decline(n + 1);
            a[slot] += v;
            if (o == ColumnarCatalog.ORIGINATING) continue;
            boolean unknown = o == ColumnarCatalog.UNKNOWN;
            anyUnknown |= unknown;
            if (unknown) a[slot + 2] += v; else a[slot + 1] += v;
            if (parent < 0 && digits > 0) {
                int lh = c.lineHs[l];
                if (p.prefix(lh, digits) == goodPrefix) {
                    boolean b = p.isBarred(gh, lh);
                    boolean same = p.hs6[lh] == goodSub;
                    if (unknown) { failU += v; barredU |= b; sameU |= same; } else { failN += v; barredN |= b; sameN |= same; }
                }
            }
        }
        long materials = a[0], vnmN = a[1], vnmU = a[2], subsExcluded = a[3];
        a[0] = 0; a[1] = 0; a[2] = 0; a[3] = 0;
        long total = materials + Math.max(other, 0);
        long netCost = total - subsExcluded - Math.max(ownExcluded, 0);
        if (total >= LIMIT || (min >= 0 && netCost <= 0)) return false;
        long tv = c.transactionValue[g];
        if (tv >= LIMIT) return false;
        long base = tv < 0 ? total : p.eitherBase ? Math.max(tv, total) : tv;
        long dm = p.dmScaled[gh];
        // worst case: unknown origins are non-originating; best case: originating
        long vnmW = vnmN + vnmU, vnmB = vnmN;
        int worst = met(digits, min, failN + failU, barredN || barredU, sameN || sameU, vnmW, netCost, base, dm, p.partsRuleMayApply[gh]);
        if (worst < 0) return false;
        int best = worst;
        if (anyUnknown) {
            best = met(digits, min, failN, barredN, sameN, vnmB, netCost, base, dm, p.partsRuleMayApply[gh]);
            if (best < 0) return false;
        }
        byte status;
        long vnm;
        if (!anyUnknown) {
            status = worst == 1 ? BulkEvaluator.Results.ORIGINATING : BulkEvaluator.Results.NON_ORIGINATING;
            vnm = vnmW;
        } else if (worst == 1) {
            status = BulkEvaluator.Results.ORIGINATING;
            vnm = vnmW;
        } else if (best == 0) {
            status = BulkEvaluator.Results.NON_ORIGINATING;
            vnm = vnmB;
        } else {
            status = BulkEvaluator.Results.UNDETERMINED;
            vnm = vnmW;
        }
        r.status[run][g] = status;
        r.totalCost[run][g] = total;
        r.vnm[run][g] = vnm;
        r.rvcTransactionValue[run][g] = -1;
        if (min >= 0) {
            r.rvcNetCost[run][g] = netCost;
            r.rvcValue[run][g] = percent((netCost - vnm) * 100, netCost);
        } else {
            r.rvcNetCost[run][g] = -1;
            r.rvcValue[run][g] = -1;
        }
        return true;
    }

    /** 1 when the rule is met in one case, 0 when not, -1 when the parts rule might change that (out of scope). */
    private static int met(int digits, long min, long fail, boolean barred, boolean same, long vnm, long netCost, long base, long dm,
                           boolean partsRule) {
        boolean shift = digits == 0 || fail == 0 || (!barred && base > 0 && fail * 1_000_000 <= dm * base);
        // the RVC is not required when all non-originating materials are within de minimis
        boolean rvc = min < 0 || (base > 0 && vnm * 1_000_000 <= dm * base) || (netCost - vnm) * 1_000_000 >= min * netCost;
        boolean ok = shift && rvc;
        if (!ok && same && partsRule) return -1;
        return ok ? 1 : 0;
    }

    /** {@code num / den} in units of 10⁻¹⁰, truncated toward zero ({@code den > 0}, {@code |num| < 10¹⁴}). */
    static long percent(long num, long den) {
        long q = num / den, rem = num % den;
        long r1 = rem * 100_000;
        long d1 = r1 / den, rem2 = r1 % den;
        long d2 = rem2 * 100_000 / den;
        return q * 10_000_000_000L + d1 * 100_000 + d2;
    }
}
