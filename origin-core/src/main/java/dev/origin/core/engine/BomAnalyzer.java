package dev.origin.core.engine;

import dev.origin.core.model.NewPlantKind;
import dev.origin.core.model.Use;

import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the {@link BomAnalysis} of a node: net cost (SOR/2020-155 s.7; SOR/94-14 s.6), VNM with
 * self-produced and intermediate materials (s.8; s.7), accumulation under supplier statements (s.9;
 * s.14), indirect and packing materials, the producer's option to treat a material as non-originating,
 * and the core-parts roll-up (SOR/2020-155 s.14, named policy).
 */
final class BomAnalyzer {
    private final Ctx ctx;
    private final RuleEvaluator rules;
    /** The good's heavy-duty scheme under which designation is restricted (SOR/94-14 s.7(4), s.10), or null. */
    private final Regime.Tracing heavyDuty;
    /** The good's own tracing scheme (SOR/94-14 s.9, s.10; SOR/2020-155 s.20), looked up once, or null. */
    private final Regime.Tracing topScheme;

    BomAnalyzer(Ctx ctx, RuleEvaluator rules) {
        this.ctx = ctx;
        this.rules = rules;
        this.topScheme = ctx.auto() == null ? null : ctx.auto().tracingFor(ctx.good().hs(), ctx.vehicleKind(), ctx.use());
        this.heavyDuty = topScheme != null && topScheme.designationBarred() ? topScheme : null;
    }

    /** The product-specific rule of a node: the case file's override, else the pack's. */
    Rule ruleFor(Rule override, HsCode hs, String path, boolean top) {
        if (override != null) return Rules.withIds(override, top ? "psr" : "psr[" + path + "]", null);
        Regime.ProductRule pr = ctx.regime().ruleFor(hs, ctx.vehicleKind(), top ? ctx.use() : Use.ORIGINAL_EQUIPMENT,
                ctx.staging(), ctx.thresholdDate());
        return pr == null ? null : pr.rule();
    }

    BomAnalysis analyze(Node n) {
        boolean detail = ctx.detail();
        CostSheet c = n.costs();
        BigDecimal vnm = BigDecimal.ZERO, excluded = BigDecimal.ZERO, unclassified = BigDecimal.ZERO;
        BigDecimal materialsSum = BigDecimal.ZERO, accumulationAdjustment = BigDecimal.ZERO;
        boolean anyNon = false, accumulating = false, amountStatement = false;
        List<Candidate> candidates = new ArrayList<>();
        List<Step> lines = new ArrayList<>();
        List<BomAnalysis.Sub> subs = new ArrayList<>();
        if (c != null && c.nonOriginatingMaterials().signum() > 0) {
            vnm = vnm.add(c.nonOriginatingMaterials());
            anyNon = true;
            unclassified = c.nonOriginatingMaterials();
            if (detail) lines.add(Step.leaf(StepKind.VNM_LUMP_SUM, null, unclassified));
        }
        CoreParts core = n.top() ? CoreParts.of(ctx, n) : null;
        Regime.Tracing scheme = n.top() ? topScheme : null;
        for (Material m : n.materials()) {
            String path = n.at(m.id());
            BigDecimal value = m.value();
            if (m.isSelfProduced()) {
                Material.Production p = m.production();
                Rule subRule = ruleFor(p.rule(), m.hs(), path, false);
                boolean designated = m.intermediate() && designationAllowed(n, m, path, scheme, subRule);
                Node subNode = new Node(path, m.hs(), p.costs(), p.materials(), subRule, null, false, designated, false);
                BomAnalysis sa = analyze(subNode);
                Outcome so = rules.decideSub(sa);
                subs.add(new BomAnalysis.Sub(path, m, designated, sa, so));
                if (value == null) value = sa.totalCost();
                if (value == null) {
                    ctx.report(ErrorCode.Variant.SELF_PRODUCED_WITHOUT_COST, path, path);
                    value = BigDecimal.ZERO;
                }
                if (designated) {
                    if (subRule == null) {
                        ctx.report(ErrorCode.Variant.INTERMEDIATE_WITHOUT_RULE, path, path, m.hs(), ctx.regime().id());
                    }
                    if (m.treatAsNonOriginating() || !so.met()) {
                        vnm = vnm.add(value);
                        anyNon |= value.signum() > 0;
                        if (detail) lines.add(Step.leaf(StepKind.VNM_INTERMEDIATE_NON_ORIGINATING, null, value, path));
                    } else if (detail) {
                        lines.add(Step.leaf(StepKind.VNM_INTERMEDIATE_ORIGINATING, ctx.cite("roll-up"), BigDecimal.ZERO, path));
                    }
                } else {
                    // not designated: only its own non-originating materials count, and its excluded costs stay excluded
                    excluded = excluded.add(sa.excluded());
                    if (m.treatAsNonOriginating()) {
                        vnm = vnm.add(value);
                        anyNon |= value.signum() > 0;
                        if (detail) lines.add(Step.leaf(StepKind.VNM_SELF_PRODUCED_TREATED, null, value, path));
                    } else {
                        vnm = vnm.add(sa.vnm());
                        anyNon |= sa.anyNonOriginating();
                        if (detail) lines.add(new Step(StepKind.VNM_SELF_PRODUCED, List.of(path), null, ctx.cite("self-produced"),
                                sa.vnm(), null, null, sa.vnmSteps()));
                    }
                }
                if (!so.met()) candidates.add(new Candidate(path, m.hs(), value, List.copyOf(sa.candidates()), m.facts(), m.providedForAsParts()));
                materialsSum = materialsSum.add(value);
                continue;
            }
            if (value == null) {
                ctx.report(ErrorCode.MISSING_VALUE, path, path);
                value = BigDecimal.ZERO;
            }
            materialsSum = materialsSum.add(value);
            if (m.kind() == MaterialKind.INDIRECT) {
                if (detail) lines.add(Step.leaf(StepKind.VNM_INDIRECT, ctx.cite("indirect"), BigDecimal.ZERO, path));
                continue;
            }
            if (m.kind() == MaterialKind.PACKING) {
                if (detail) lines.add(Step.leaf(StepKind.VNM_PACKING, ctx.cite("packing"), BigDecimal.ZERO, path));
                continue;
            }
            boolean testedForShift = m.kind() == MaterialKind.DIRECT;
            if (m.statement() != null) {
                accumulating = true;
                var s = m.statement();
                BigDecimal contribution;
                if (m.treatAsNonOriginating()) {
                    contribution = value;
                } else if (s.isNetCostForm()) {
                    contribution = s.vnm();
                    BigDecimal added = s.addedCosts() == null ? BigDecimal.ZERO : s.addedCosts();
                    accumulationAdjustment = accumulationAdjustment.add(s.netCost()).add(added).subtract(value);
                } else {
                    contribution = value.subtract(s.originatingAmount());
                    amountStatement = true;
                }
                vnm = vnm.add(contribution);
                anyNon |= contribution.signum() > 0;
                if (detail) lines.add(Step.leaf(StepKind.VNM_ACCUMULATED, null, contribution, path));
                if (testedForShift) {
                    if (s.materials() != null) {
                        for (Material sm : s.materials()) {
                            candidates.add(new Candidate(path + "/" + sm.id(), sm.hs(), sm.value(), null, sm.facts(), sm.providedForAsParts()));
                        }
                    } else if (!ctx.isOriginating(m.origin())) {
                        candidates.add(new Candidate(path, m.hs(), value, null, m.facts(), m.providedForAsParts()));
                    }
                }
                continue;
            }
            boolean nonOriginating = !ctx.isOriginating(m.origin());
            CoreParts.Part cp = core == null ? null : core.part(m);
            if (cp != null && cp.figures() && !m.treatAsNonOriginating()) {
                // roll-up of a core part into the vehicle's VNM depends on the option that qualified it (named policy)
                BigDecimal contribution = core.rollUp(cp, ctx.rollUp());
                if (contribution.signum() > 0) {
                    vnm = vnm.add(contribution);
                    anyNon = true;
                }
                if (detail) {
                    lines.add(Step.leaf(core.rollUpStep(cp, ctx.rollUp()), ctx.auto() == null ? null : ctx.auto().rollUpCitation(),
                            contribution, path, cp.qualification().label, ctx.rollUp()));
                }
                if (cp.qualification() == CoreParts.Qualification.NONE && testedForShift) {
                    candidates.add(new Candidate(path, m.hs(), value, null, m.facts(), m.providedForAsParts()));
                }
                continue;
            }
            if (nonOriginating || m.treatAsNonOriginating()) {
                StepKind why = !nonOriginating ? StepKind.VNM_TREATED_AS_NON_ORIGINATING
                        : m.origin() == Origin.UNKNOWN ? StepKind.VNM_UNKNOWN_WORST_CASE : StepKind.VNM_NON_ORIGINATING;
                vnm = vnm.add(value);
                anyNon |= value.signum() > 0;
                if (detail) lines.add(Step.leaf(why, null, value, path));
            } else if (detail) {
                lines.add(Step.leaf(m.origin() == Origin.UNKNOWN ? StepKind.VNM_UNKNOWN_BEST_CASE : StepKind.VNM_ORIGINATING, null,
                        BigDecimal.ZERO, path));
            }
            if (nonOriginating && testedForShift) candidates.add(new Candidate(path, m.hs(), value, null, m.facts(), m.providedForAsParts()));
        }
        BigDecimal totalCost = null, netCost = null;
        if (c != null) {
            totalCost = c.totalCost() != null ? c.totalCost() : materialsSum.add(c.lumpMaterials()).add(c.nonMaterialCosts());
            excluded = excluded.add(c.excluded().total());
            netCost = c.netCost() != null ? c.netCost() : totalCost.subtract(excluded).add(accumulationAdjustment);
            if (c.totalCost() != null && c.totalCost().compareTo(materialsSum.add(c.lumpMaterials())) < 0) {
                ctx.report(ErrorCode.TOTAL_COST_TOO_LOW, n.at("costs.totalCost"), c.totalCost(), materialsSum.add(c.lumpMaterials()));
            }
            // excluded costs are part of the total (SOR/2020-155 s.1 "net cost"); a stated total is checked when reading,
            // one computed from the lines only here (the same code as the reader's, and as a fleet's)
            if (c.totalCost() == null && c.excluded().total().compareTo(totalCost) > 0) {
                ctx.report(ErrorCode.EXCLUDED_EXCEEDS_TOTAL, n.at("costs.excludedCosts"), c.excluded().total(), totalCost);
            }
        }
        BigDecimal tracedVnm = null;
        Regime.Tracing tracing = null;
        List<Step> tracedLines = new ArrayList<>();
        if (scheme != null) {
            tracing = scheme;
            TracedVnm t = new TracedVnm(ctx, scheme, tracedLines);
            if (scheme.method() == Regime.Tracing.Method.LISTED) {
                tracedVnm = vnm.add(t.listed(n.materials(), subs));
            } else {
                tracedVnm = t.traced(n.materials(), "");
                if (c != null && c.nonOriginatingMaterials().signum() > 0) {
                    tracedVnm = tracedVnm.add(c.nonOriginatingMaterials());
                    if (detail) tracedLines.add(Step.leaf(StepKind.TRACED_LUMP_SUM, null, c.nonOriginatingMaterials()));
                }
            }
        }
        return new BomAnalysis(n, totalCost, netCost, excluded, vnm, unclassified, tracedVnm, tracing, core, List.copyOf(subs),
                n.adjustedTv(), accumulating, amountStatement, anyNon, List.copyOf(candidates), List.copyOf(lines),
                List.copyOf(tracedLines));
    }

    /**
     * Whether a self-produced material the producer designated may be designated: not an automotive
     * component of a heavy-duty good, nor one whose role is a component, sub-component or component
     * assembly (SOR/94-14 s.7(4), s.10(9)(a)); and not when it and the intermediate material it is part
     * of are both subject to an RVC (SOR/2020-155 s.8(6); SOR/94-14 s.7(4) proviso).
     */
    private boolean designationAllowed(Node n, Material m, String path, Regime.Tracing scheme, Rule subRule) {
        var role = m.part() == null ? null : m.part().heavyDuty();
        if (role != null && role.barsDesignation() && heavyDuty != null) {
            ctx.report(ErrorCode.HEAVY_DUTY_ROLE_DESIGNATION, path, path, role.label());
            return false;
        }
        if (scheme != null && scheme.designationBarred() && scheme.isListed(m.hs())) {
            // SOR/94-14 s.7(4): no designation of an automotive component for a heavy-duty vehicle (a listed
            // material inside a component may still be designated by its producer: s.10(10) Example 5)
            ctx.report(ErrorCode.DESIGNATION_NOT_AVAILABLE, path, path, scheme.citation());
            return false;
        }
        if (n.intermediate() && n.rule() != null && Rules.hasRvc(n.rule()) && subRule != null && Rules.hasRvc(subRule)) {
            // evaluated as the outer designation alone; the input must still be corrected
            ctx.report(ErrorCode.NESTED_DESIGNATION, path, path, n.path(), ctx.cite("intermediate"));
            return false;
        }
        return true;
    }
}
