package dev.origin.core.engine;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import dev.origin.core.model.Material;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.rules.RequirementKind;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.ShiftLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A change in tariff classification (SOR/2020-155 s.4; SOR/94-14 s.4(2)), with materials named in
 * words, "except from more than one of", the self-produced material's own materials (SOR/94-14
 * s.4(8); SOR/2020-155 s.4(6)) and de minimis (SOR/2020-155 s.5; SOR/94-14 s.5).
 */
final class TariffShiftCheck {
    private final Ctx ctx;
    private final Rule.TariffShift ts;
    private final BomAnalysis a;
    private final HsCode goodHs;

    TariffShiftCheck(Ctx ctx, Rule.TariffShift ts, BomAnalysis a) {
        this.ctx = ctx;
        this.ts = ts;
        this.a = a;
        this.goodHs = a.node().hs();
    }

    Outcome check(Predicate<Candidate> waived) {
        List<Candidate> failing = new ArrayList<>();
        List<Step> lines = new ArrayList<>();
        List<Candidate> passing = ts.atMostOneOf().isEmpty() ? null : new ArrayList<>();
        for (Candidate c : a.candidates()) failing.addAll(failures(c, lines, passing));
        if (passing != null) counted(failing, passing, lines);
        failing.removeIf(waived);
        String describe = describe(ts);
        List<Finding> reqs = new ArrayList<>();
        String untested = null;
        if (a.unclassified().signum() > 0) {
            untested = "non-originating materials given as a lump sum (" + a.unclassified().toPlainString()
                    + ") have no classification and were not tested";
            ctx.report(ErrorCode.UNCLASSIFIED_MATERIALS, a.node().at("costs.nonOriginatingMaterials"), a.unclassified(), ts.id());
            if (ctx.detail()) lines.add(Step.leaf(StepKind.SHIFT_LUMP_SUM, null, a.unclassified()));
        }
        if (failing.isEmpty()) {
            reqs.add(Finding.of(ts.id(), ts.kind(), FindingStatus.MET, null, null, ts.citation(), untested));
            return new Outcome(FindingStatus.MET, step(StepKind.SHIFT_MET, null, FindingStatus.MET, lines, describe), reqs,
                    List.of(ts.id()), null);
        }
        BigDecimal failingValue = BigDecimal.ZERO;
        DeMinimis.Exclusion barred = null;
        for (Candidate f : failing) {
            failingValue = failingValue.add(f.value());
            DeMinimis.Exclusion ex = ctx.regime().deMinimis().exclusionFor(goodHs, f.hs(), f.facts() == null ? List.of() : f.facts());
            if (ex != null && barred == null) barred = ex;
        }
        DeMinimis dm = ctx.regime().deMinimis();
        BigDecimal base = deMinimisBase(ctx, a);
        BigDecimal pct = dm.percentFor(goodHs);
        String dmId = ctx.regime().id() + ".de-minimis";
        List<Step> dmKids = new ArrayList<>(lines);
        Map<String, BigDecimal> amounts = base == null ? Map.of("failingValue", failingValue) : Map.of("failingValue", failingValue, "base", base);
        if (barred == null && base != null && base.signum() > 0 && failingValue.multiply(Checks.HUNDRED).compareTo(pct.multiply(base)) <= 0) {
            BigDecimal share = Checks.percent(failingValue, base);
            reqs.add(Finding.of(ts.id(), ts.kind(), FindingStatus.NOT_MET, null, null, ts.citation(),
                    "not met by materials worth " + failingValue.toPlainString()).withAmounts(amounts));
            reqs.add(Finding.of(dmId, RequirementKind.DE_MINIMIS, FindingStatus.MET, share, pct, dm.citation(),
                    "non-originating materials failing the shift are within de minimis").withAmounts(amounts));
            if (ctx.detail()) dmKids.add(Step.of(StepKind.DE_MINIMIS_WITHIN, dmId, dm.citation(), failingValue, pct, FindingStatus.MET,
                    List.of(), failingValue, Checks.display(share), baseName(ctx, a), base, pct));
            return new Outcome(FindingStatus.MET, step(StepKind.SHIFT_MET_BY_DE_MINIMIS, failingValue, FindingStatus.MET, dmKids, describe),
                    reqs, List.of(ts.id(), dmId), null);
        }
        if (ctx.detail()) {
            if (barred != null) {
                dmKids.add(Step.of(StepKind.DE_MINIMIS_BARRED, dmId, barred.citation(), null, null, FindingStatus.NOT_MET, List.of()));
            } else if (base != null && base.signum() > 0) {
                BigDecimal share = Checks.percent(failingValue, base);
                dmKids.add(Step.of(StepKind.DE_MINIMIS_OVER, dmId, dm.citation(), failingValue, pct, FindingStatus.NOT_MET, List.of(),
                        failingValue, Checks.display(share), baseName(ctx, a), base, pct));
            } else {
                dmKids.add(Step.of(StepKind.DE_MINIMIS_NO_BASE, dmId, dm.citation(), null, null, FindingStatus.NOT_MET, List.of()));
            }
        }
        reqs.add(Finding.of(ts.id(), ts.kind(), FindingStatus.NOT_MET, null, null, ts.citation(),
                "not met by materials worth " + failingValue.toPlainString()).withAmounts(amounts));
        return new Outcome(FindingStatus.NOT_MET, step(StepKind.SHIFT_NOT_MET, failingValue, FindingStatus.NOT_MET, dmKids, describe),
                reqs, List.of(ts.id()), null);
    }

    private Step step(StepKind kind, BigDecimal amount, FindingStatus status, List<Step> kids, String describe) {
        return ctx.detail() ? Step.of(kind, ts.id(), ts.citation(), amount, null, status, kids, describe) : null;
    }

    /**
     * The failing materials of a candidate: none when it shifts itself; otherwise, for a self-produced
     * material, the producer may instead test the materials it was made of (SOR/94-14 s.4(8);
     * SOR/2020-155 s.4(6)) and the cheaper of the two failures is reported.
     */
    private List<Candidate> failures(Candidate c, List<Step> lines, List<Candidate> passing) {
        if (c.hs() != null && shifts(c.hs(), c.facts(), goodHs, ts)) {
            if (ctx.detail()) lines.add(Step.of(StepKind.SHIFT_MATERIAL_CHANGES, null, null, c.value(), null, FindingStatus.MET, List.of(),
                    c.path(), c.hs(), goodHs));
            if (passing != null) passing.add(c);
            return List.of();
        }
        if (c.inputs() != null) {
            List<Step> sub = new ArrayList<>();
            List<Candidate> inner = new ArrayList<>();
            List<Candidate> innerPassing = passing == null ? null : new ArrayList<>();
            for (Candidate i : c.inputs()) inner.addAll(failures(i, sub, innerPassing));
            BigDecimal innerValue = inner.stream().map(Candidate::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (innerValue.compareTo(c.value()) < 0 || inner.isEmpty()) {
                if (passing != null) passing.addAll(innerPassing);
                if (ctx.detail()) lines.add(Step.of(StepKind.SHIFT_MATERIAL_INPUTS, null, ctx.cite("self-produced-shift"), c.value(), null,
                        FindingStatus.of(inner.isEmpty()), sub, c.path(), c.hs()));
                return inner;
            }
        }
        if (ctx.detail()) lines.add(Step.of(StepKind.SHIFT_MATERIAL_FAILS, null, null, c.value(), null, FindingStatus.NOT_MET, List.of(),
                c.path(), c.hs() == null ? "unclassified" : c.hs(), goodHs));
        return List.of(c);
    }

    /**
     * "Except from more than one of the following" ({@link Rule.TariffShift#atMostOneOf}): the tested materials
     * (passing and failing) under a provision of some group are counted; when no single group holds them all,
     * the change is from more than one of the entries and every counted material that passed fails, to be
     * judged by de minimis like any other failure. Materials from one entry only are left to the other tests.
     */
    private void counted(List<Candidate> failing, List<Candidate> passing, List<Step> lines) {
        List<Candidate> counted = new ArrayList<>();
        for (Candidate c : passing) if (inSomeGroup(c.hs())) counted.add(c);
        for (Candidate c : failing) if (inSomeGroup(c.hs())) counted.add(c);
        if (counted.isEmpty()) return;
        boolean oneEntry = false;
        for (List<HsPrefix> g : ts.atMostOneOf()) {
            if (counted.stream().allMatch(c -> g.stream().anyMatch(p -> p.contains(c.hs())))) oneEntry = true;
        }
        BigDecimal value = BigDecimal.ZERO;
        StringBuilder which = new StringBuilder();
        for (Candidate c : counted) {
            value = value.add(c.value());
            which.append(which.isEmpty() ? "" : ", ").append('`').append(c.path()).append("` (").append(c.hs()).append(')');
        }
        if (!oneEntry) {
            for (Candidate c : passing) if (inSomeGroup(c.hs())) failing.add(c);
        }
        if (ctx.detail()) {
            lines.add(Step.of(oneEntry ? StepKind.COUNTED_ONE_ENTRY : StepKind.COUNTED_MORE_THAN_ONE, null, null, value, null,
                    FindingStatus.of(oneEntry), List.of(), groups(ts), which));
        }
    }

    private boolean inSomeGroup(HsCode hs) {
        if (hs == null) return false;
        for (List<HsPrefix> g : ts.atMostOneOf()) for (HsPrefix p : g) if (p.contains(hs)) return true;
        return false;
    }

    private static String groups(Rule.TariffShift ts) {
        StringBuilder sb = new StringBuilder();
        for (List<HsPrefix> g : ts.atMostOneOf()) sb.append(sb.isEmpty() ? "" : ", ").append('[').append(join(g)).append(']');
        return sb.toString();
    }

    static boolean shifts(HsCode material, HsCode goodHs, Rule.TariffShift ts) {
        return shifts(material, List.of(), goodHs, ts);
    }

    /**
     * True when a non-originating material of {@code material} whose line states {@code facts} satisfies the
     * shift: never when excepted (by provision, or by a described except whose description it states); then
     * when listed in {@code from}, or under a described from whose description it states, or when its
     * classification differs at the level.
     */
    static boolean shifts(HsCode material, List<String> facts, HsCode goodHs, Rule.TariffShift ts) {
        for (HsPrefix ex : ts.except()) if (ex.contains(material)) return false;
        for (Rule.Described ex : ts.exceptDescribed()) {
            if (ex.prefix().contains(material) && Material.states(facts, ex.description())) return false;
        }
        for (HsPrefix f : ts.from()) if (f.contains(material)) return true;
        for (Rule.Described f : ts.fromDescribed()) {
            if (f.prefix().contains(material) && Material.states(facts, f.description())) return true;
        }
        if (ts.level() == null) return false;
        int d = ts.level().digits();
        if (material.digits().length() < d || goodHs.digits().length() < d) {
            // tariff-item level needs national digits on both; with fewer, compare what both have
            d = Math.min(d, Math.min(material.digits().length(), goodHs.digits().length()));
        }
        return !material.digits().substring(0, d).equals(goodHs.digits().substring(0, d));
    }

    /** The shift in words, as the schedules state it ("a change from any other heading except from 87.08"). */
    static String describe(Rule.TariffShift ts) {
        StringBuilder sb = new StringBuilder();
        if (ts.level() != null) {
            sb.append(ts.level() == ShiftLevel.CC ? "a change from any other chapter"
                    : ts.level() == ShiftLevel.CTH ? "a change from any other heading"
                    : ts.level() == ShiftLevel.CTSH ? "a change from any other subheading"
                    : "a change from any other tariff item");
        }
        if (!ts.from().isEmpty() || !ts.fromDescribed().isEmpty()) {
            sb.append(sb.isEmpty() ? "a change from " : ", or from ").append(join(ts.from())).append(described(ts.from(), ts.fromDescribed()));
        }
        if (!ts.except().isEmpty() || !ts.exceptDescribed().isEmpty()) {
            sb.append(" except from ").append(join(ts.except())).append(described(ts.except(), ts.exceptDescribed()));
        }
        if (!ts.atMostOneOf().isEmpty()) {
            boolean listed = !ts.except().isEmpty() || !ts.exceptDescribed().isEmpty();
            sb.append(listed ? " or" : " except from").append(" more than one of ").append(groups(ts));
        }
        return sb.toString();
    }

    /** The materials named in words of a from- or except-list, as "parts thereof of 8708.94", after the plain provisions. */
    private static String described(List<HsPrefix> plain, List<Rule.Described> described) {
        StringBuilder sb = new StringBuilder();
        for (Rule.Described d : described) {
            sb.append(plain.isEmpty() && sb.isEmpty() ? "" : ", ").append(d.description()).append(" of ").append(d.prefix());
        }
        return sb.toString();
    }

    private static String join(List<HsPrefix> ps) {
        StringBuilder sb = new StringBuilder();
        for (HsPrefix p : ps) sb.append(sb.isEmpty() ? "" : ", ").append(p);
        return sb.toString();
    }

    /**
     * The de minimis base: the adjusted transaction value, or total cost where there is none (NAFTA
     * s.5(1)(b)); where the regime lets the producer choose either (USMCA s.5(1)(a)), the larger.
     */
    static BigDecimal deMinimisBase(Ctx ctx, BomAnalysis a) {
        if (ctx.regime().deMinimis().eitherBase() && a.adjustedTv() != null && a.totalCost() != null) return a.adjustedTv().max(a.totalCost());
        return a.adjustedTv() != null ? a.adjustedTv() : a.totalCost();
    }

    static String baseName(Ctx ctx, BomAnalysis a) {
        BigDecimal base = deMinimisBase(ctx, a);
        return base != null && a.adjustedTv() != null && base.compareTo(a.adjustedTv()) == 0 ? "the adjusted transaction value" : "total cost";
    }
}
