package dev.origin.core.engine;

import dev.origin.core.engine.Diagnostic.Severity;
import dev.origin.core.engine.Evaluator.Scenario;
import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.VehicleData;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.Rules;
import dev.origin.core.rules.RvcMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One evaluation of a good under one scenario for unknown origins. Implements the general
 * provisions: originating criteria, tariff shift with de minimis, RVC by TV and NC, self-produced
 * and intermediate materials, roll-up and accumulation. Package-private: the public face is
 * {@link Evaluator}.
 */
final class Run {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Requirement kinds that criterion (c) does not replace. */
    static final java.util.Set<String> OTHER_REQUIREMENTS = java.util.Set.of("core-parts", "lvc", "steel", "aluminum", "national-content",
            "intangibles", "condition");
    /** Scale of reported percentages; comparisons never use it (they cross-multiply exactly). */
    static final int PERCENT_SCALE = 10;

    private final Regime regime;
    private final Good good;
    private final LocalDate date;
    private final Scenario scenario;
    private final boolean trace;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** While true, tariff-shift failures of materials in the good's own subheading are waived (criterion (d)). */
    private boolean waiveOwnSubheading;
    private final String vehicleKind;
    private final String use;
    private final boolean staging;
    private final java.time.MonthDay fiscalYearStart;
    /** Date at which thresholds are read: the averaging period's start when averaging, else the date. */
    private final LocalDate thresholdDate;
    private final String rollUp;

    Run(Regime regime, Good good, LocalDate date, Scenario scenario, boolean trace) {
        this.regime = regime;
        this.good = good;
        this.date = date;
        this.scenario = scenario;
        this.trace = trace;
        this.vehicleKind = regime.vehicleKind(good.hs(), good.vehicle());
        this.use = good.use() == null ? "original-equipment" : good.use();
        var vd = good.vehicleData();
        this.staging = vd.alternativeStaging();
        this.fiscalYearStart = vd.fiscalYearStart();
        this.thresholdDate = vd.averaging() != null && vd.averaging().from() != null ? vd.averaging().from() : date;
        this.rollUp = regime.option("roll-up", "panel-2023");
    }

    // ---------------------------------------------------------------- analysis of a producible node

    /** A good or a self-produced material, with what the evaluation needs of it. */
    private record Node(String path, HsCode hs, CostSheet costs, List<Material> materials, Rule rule,
                        java.math.BigDecimal adjustedTv, boolean whollyObtained, boolean intermediate, boolean top) {}

    /**
     * A non-originating material to be tested against a tariff shift; {@code inputs} are what it was made of,
     * {@code facts} what its line states (for materials named in words).
     */
    private record Candidate(String path, HsCode hs, BigDecimal value, List<Candidate> inputs, List<String> facts) {}

    /** Everything computed for a node before its rule is applied. */
    private static final class Analysis {
        Node node;
        BigDecimal totalCost;         // null when no cost sheet
        BigDecimal netCost;           // null when no cost sheet
        BigDecimal excluded = BigDecimal.ZERO;
        BigDecimal vnm = BigDecimal.ZERO;
        /** Non-originating materials given only as a lump sum: counted in VNM, not testable for a tariff shift. */
        BigDecimal unclassified = BigDecimal.ZERO;
        /** VNM of traced materials only, when a tracing scheme applies to the node (else null). */
        BigDecimal tracedVnm;
        Regime.Tracing tracing;
        final List<TraceNode> tracedLines = new ArrayList<>();
        CoreParts core;
        /** Self-produced materials: their own analysis and whether they originate. */
        final java.util.Map<Material, Analysis> subs = new java.util.IdentityHashMap<>();
        final java.util.Map<Material, Boolean> subOrigin = new java.util.IdentityHashMap<>();
        final java.util.Map<Material, Boolean> designated = new java.util.IdentityHashMap<>();
        BigDecimal adjustedTv;
        boolean accumulating;
        /** A supplier statement of the originating-amount form was used. */
        boolean amountStatement;
        boolean anyNonOriginating;
        final List<Candidate> candidates = new ArrayList<>();
        final List<TraceNode> vnmLines = new ArrayList<>();
        final List<TraceNode> subTraces = new ArrayList<>();

        BigDecimal deMinimisBase() { return adjustedTv != null ? adjustedTv : totalCost; }

        /** The VNM of the RVC: traced or listed when such a method applies (SOR/94-14 s.9(1), s.10(1)), else all NOM. */
        BigDecimal reportedVnm() { return tracing != null ? tracedVnm : vnm; }
    }

    /** Result of applying a rule tree. */
    private record Outcome(Boolean met, TraceNode trace, List<Requirement> requirements, List<String> deciding,
                           RvcResult rvc) {}

    Determination determine(Void unused) {
        Rule rule = ruleFor(good.rule(), good.hs(), "", true);
        Node top = new Node("", good.hs(), good.costs(), good.materials(), rule, good.adjustedTransactionValue(),
                good.whollyObtained(), false, true);
        if (!regime.isInForce(date)) {
            warn("REGIME_NOT_IN_FORCE", "The regime `" + regime.id() + "` is not in force on " + date
                    + "; its rules are applied anyway.", "");
        }
        if (good.transactionValue() != null && good.internationalShipping() != null
                && good.internationalShipping().compareTo(good.transactionValue()) > 0) {
            error("SHIPPING_EXCEEDS_VALUE", "International shipping `" + good.internationalShipping()
                    + "` exceeds the transaction value `" + good.transactionValue() + "`.", "internationalShipping");
        }
        checkAveraging();
        Analysis a = analyze(top);
        Outcome o = decide(a);
        Status status = Boolean.TRUE.equals(o.met()) ? Status.ORIGINATING : Status.NON_ORIGINATING;
        TraceNode root = null;
        if (trace) {
            List<TraceNode> kids = new ArrayList<>();
            kids.add(costTrace(a));
            kids.add(vnmTrace(a));
            kids.addAll(a.subTraces);
            kids.add(o.trace());
            root = new TraceNode("Good `" + good.id() + "` (" + good.hs() + ") under " + regime.name() + " on " + date
                    + (scenario == Scenario.BEST ? " [unknown origins treated as originating]" : ""),
                    regime.id(), null, null, null, o.met(), kids);
        }
        return new Determination(good.id(), regime.id(), regime.revision(), date, status, o.rvc(), o.requirements(),
                o.deciding(), diagnostics, root, null, a.totalCost, a.reportedVnm(), null);
    }

    private Rule ruleFor(Rule override, HsCode hs, String path, boolean top) {
        if (override != null) return Rules.withIds(override, top ? "psr" : "psr[" + path + "]", null);
        Regime.ProductRule pr = top ? regime.ruleFor(hs, vehicleKind, use, staging, thresholdDate)
                : regime.ruleFor(hs, vehicleKind, "original-equipment", staging, thresholdDate);
        return pr == null ? null : pr.rule();
    }

    private Analysis analyze(Node n) {
        Analysis a = new Analysis();
        a.node = n;
        a.adjustedTv = n.adjustedTv();
        CostSheet c = n.costs();
        BigDecimal materialsSum = BigDecimal.ZERO;
        BigDecimal accumulationAdjustment = BigDecimal.ZERO;
        if (c != null && c.nonOriginatingMaterials().signum() > 0) {
            a.vnm = a.vnm.add(c.nonOriginatingMaterials());
            a.anyNonOriginating = true;
            a.unclassified = c.nonOriginatingMaterials();
            vnmLine(a, "Non-originating materials given as a lump sum", c.nonOriginatingMaterials(), null);
        }
        if (n.top()) a.core = coreParts(n);
        Regime.Tracing scheme = n.top() && regime.automotive() != null ? regime.automotive().tracingFor(n.hs(), vehicleKind, use) : null;
        for (Material m : n.materials()) {
            String path = at(n, m.id());
            BigDecimal value = m.value();
            if (m.isSelfProduced()) {
                Material.Production p = m.production();
                Rule subRule = ruleFor(p.rule(), m.hs(), path, false);
                boolean designated = m.intermediate();
                if (designated && scheme != null && scheme.designationBarred() && scheme.isListed(m.hs())) {
                    // SOR/94-14 s.7(4): no designation of an automotive component for a heavy-duty vehicle (a listed
                    // material inside a component may still be designated by its producer: s.10(10) Example 5)
                    designated = false;
                    warn("DESIGNATION_NOT_AVAILABLE", "Self-produced material `" + path + "` cannot be designated an intermediate material "
                            + "here (" + scheme.citation() + "); its own non-originating materials count instead.", path);
                }
                if (designated && n.intermediate() && n.rule() != null && Rules.hasRvc(n.rule()) && subRule != null && Rules.hasRvc(subRule)) {
                    designated = false; // evaluated as the outer designation alone; the input must still be corrected
                    error("NESTED_DESIGNATION", "Self-produced material `" + path + "` and the intermediate material `" + n.path()
                            + "` it is part of are both subject to an RVC, so only one of them may be designated ("
                            + regime.cite("intermediate") + "); remove one designation.", path);
                }
                Node sub = new Node(path, m.hs(), p.costs(), p.materials(), subRule, null, false, designated, false);
                Analysis sa = analyze(sub);
                Outcome so = decideSub(sa);
                boolean subOriginating = Boolean.TRUE.equals(so.met());
                a.subs.put(m, sa);
                a.subOrigin.put(m, subOriginating);
                if (value == null) value = sa.totalCost;
                if (value == null) {
                    error("MISSING_COST", "Self-produced material `" + path + "` gives neither a value nor a cost sheet.", path);
                    value = BigDecimal.ZERO;
                }
                if (trace) a.subTraces.add(subTrace(path, m, sa, so));
                a.designated.put(m, designated);
                if (designated) {
                    if (subRule == null) {
                        warn("NO_RULE", "Intermediate material `" + path + "` (" + m.hs() + ") has no rule in `" + regime.id()
                                + "`, so it is treated as non-originating.", path);
                    }
                    if (m.treatAsNonOriginating() || !subOriginating) {
                        addVnm(a, path, "Intermediate material, non-originating: full value", value);
                    } else {
                        vnmLine(a, "Intermediate material `" + path + "` is originating: its non-originating materials "
                                + "are not counted (roll-up)", BigDecimal.ZERO, regime.cite("roll-up"));
                    }
                } else {
                    // not designated: only its own non-originating materials count, and its excluded costs stay excluded
                    a.excluded = a.excluded.add(sa.excluded);
                    if (m.treatAsNonOriginating()) {
                        addVnm(a, path, "Self-produced material treated as non-originating", value);
                    } else {
                        a.vnm = a.vnm.add(sa.vnm);
                        a.anyNonOriginating |= sa.anyNonOriginating;
                        if (trace) a.vnmLines.add(new TraceNode("Self-produced material `" + path + "` (not designated): "
                                + "its own non-originating materials", null, regime.cite("self-produced"), sa.vnm, null, null,
                                sa.vnmLines));
                    }
                }
                if (!subOriginating) {
                    a.candidates.add(new Candidate(path, m.hs(), value, List.copyOf(sa.candidates), m.facts()));
                }
                materialsSum = materialsSum.add(value);
                continue;
            }
            if (value == null) {
                error("MISSING_VALUE", "Material `" + path + "` has no value.", path);
                value = BigDecimal.ZERO;
            }
            materialsSum = materialsSum.add(value);
            if (m.kind() == MaterialKind.INDIRECT) {
                vnmLine(a, "Indirect material `" + path + "`: originating wherever produced", BigDecimal.ZERO, regime.cite("indirect"));
                continue;
            }
            if (m.kind() == MaterialKind.PACKING) {
                vnmLine(a, "Packing material `" + path + "`: disregarded", BigDecimal.ZERO, regime.cite("packing"));
                continue;
            }
            boolean testedForShift = m.kind() == MaterialKind.DIRECT;
            if (m.statement() != null) {
                a.accumulating = true;
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
                    a.amountStatement = true;
                }
                addVnm(a, path, "Accumulated under a supplier statement", contribution);
                if (testedForShift) {
                    if (s.materials() != null) {
                        for (Material sm : s.materials()) {
                            a.candidates.add(new Candidate(path + "/" + sm.id(), sm.hs(), sm.value(), null, sm.facts()));
                        }
                    } else if (!isOriginating(m.origin())) {
                        a.candidates.add(new Candidate(path, m.hs(), value, null, m.facts()));
                    }
                }
                continue;
            }
            boolean nonOriginating = !isOriginating(m.origin());
            CorePart cp = a.core == null ? null : a.core.part(m);
            if (cp != null && cp.figures() && !m.treatAsNonOriginating()) {
                // roll-up of a core part into the vehicle's VNM depends on the option that qualified it (named policy)
                BigDecimal contribution;
                String why;
                if (cp.qualification() == Qualification.NONE) {
                    contribution = value;
                    why = "Core part not originating under any option: full value";
                } else if (cp.qualification() == Qualification.ALL_MATERIALS || rollUp.equals("panel-2023")) {
                    contribution = BigDecimal.ZERO;
                    why = "Core part originating (" + cp.qualification().label + "): counts as wholly originating (roll-up, "
                            + rollUp + ")";
                } else {
                    contribution = cp.vnm();
                    why = "Core part originating only " + cp.qualification().label + ": under `" + rollUp
                            + "` its own non-originating materials count";
                }
                if (contribution.signum() > 0) {
                    a.vnm = a.vnm.add(contribution);
                    a.anyNonOriginating = true;
                }
                vnmLine(a, why + ": `" + path + "`", contribution, regime.automotive() == null ? null : regime.automotive().rollUpCitation());
                if (cp.qualification() == Qualification.NONE && testedForShift) a.candidates.add(new Candidate(path, m.hs(), value, null, m.facts()));
                continue;
            }
            if (nonOriginating || m.treatAsNonOriginating()) {
                String why = nonOriginating
                        ? (m.origin() == Origin.UNKNOWN ? "Origin unknown, counted as non-originating (worst case)" : "Non-originating")
                        : "Originating, treated as non-originating at the producer's choice";
                addVnm(a, path, why, value);
            } else if (trace) {
                vnmLine(a, "Material `" + path + "`: " + (m.origin() == Origin.UNKNOWN
                        ? "origin unknown, counted as originating (best case)" : "originating"), BigDecimal.ZERO, null);
            }
            if (nonOriginating && testedForShift) a.candidates.add(new Candidate(path, m.hs(), value, null, m.facts()));
        }
        if (c != null) {
            BigDecimal total = c.totalCost() != null ? c.totalCost()
                    : materialsSum.add(c.lumpMaterials()).add(c.nonMaterialCosts());
            a.totalCost = total;
            a.excluded = a.excluded.add(c.excluded().total());
            if (c.netCost() != null) {
                a.netCost = c.netCost();
            } else {
                a.netCost = total.subtract(a.excluded).add(accumulationAdjustment);
            }
            if (c.totalCost() != null && c.totalCost().compareTo(materialsSum.add(c.lumpMaterials())) < 0) {
                error("TOTAL_COST_TOO_LOW", "Total cost `" + c.totalCost() + "` is less than the materials it contains (`"
                        + materialsSum.add(c.lumpMaterials()) + "`).", at(n, "costs.totalCost"));
            }
        }
        if (n.top() && regime.automotive() != null) {
            Regime.Tracing t = regime.automotive().tracingFor(n.hs(), vehicleKind, use);
            if (t != null && t.method() == Regime.Tracing.Method.LISTED) {
                a.tracing = t;
                a.tracedVnm = a.vnm.add(listed(n.materials(), t, a.tracedLines, a));
            } else if (t != null) {
                a.tracing = t;
                a.tracedVnm = traced(n.materials(), t, "", a.tracedLines);
                if (c != null && c.nonOriginatingMaterials().signum() > 0) {
                    a.tracedVnm = a.tracedVnm.add(c.nonOriginatingMaterials());
                    if (trace) a.tracedLines.add(TraceNode.leaf("Lump-sum non-originating materials: classification unknown, "
                            + "counted as traced", null, null, c.nonOriginatingMaterials(), null, null));
                }
            }
        }
        return a;
    }

    /**
     * Value of traced materials in {@code materials}, through every tier (SOR/94-14 s.9: a designation
     * does not remove traced materials; a supplier's statement gives the traced value, or VM × (1 − RVC),
     * or VM × (1 − the RVC requirement), or the full value).
     */
    private BigDecimal traced(List<Material> materials, Regime.Tracing t, String prefix, List<TraceNode> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Material m : materials) {
            String path = prefix + m.id();
            var tr = m.part() == null ? null : m.part().tracing();
            BigDecimal v = null;
            String why = null;
            BigDecimal value = m.value();
            if (tr != null) {
                if (tr.value() != null) { v = tr.value(); why = "traced value stated by the supplier"; }
                else if (tr.rvc() != null) {
                    v = value.multiply(HUNDRED.subtract(tr.rvc())).divide(HUNDRED, 10, RoundingMode.HALF_UP).stripTrailingZeros();
                    why = "value × (1 − stated RVC " + tr.rvc().toPlainString() + " %)";
                } else if (tr.rvcRequirement() != null) {
                    v = value.multiply(HUNDRED.subtract(tr.rvcRequirement())).divide(HUNDRED, 10, RoundingMode.HALF_UP).stripTrailingZeros();
                    why = "value × (1 − RVC requirement " + tr.rvcRequirement().toPlainString() + " %)";
                } else if (tr.full()) { v = value; why = "no supplier information: full value"; }
            }
            if (v == null && m.isSelfProduced()) {
                List<TraceNode> sub = new ArrayList<>();
                BigDecimal inner = traced(m.production().materials(), t, path + "/", sub);
                sum = sum.add(inner);
                if (trace) lines.add(new TraceNode("Self-produced `" + path + "`: traced materials inside it", null, t.citation(),
                        inner, null, null, sub));
                continue;
            }
            if (v == null) {
                boolean outside = m.country() == null ? !isOriginating(m.origin()) : !regime.parties().contains(m.country());
                boolean partly = !t.isListed(m.hs()) && t.isPartlyListed(m.hs());
                if (outside && partly) {
                    warn("PARTLY_LISTED_CODE", "Material `" + path + "` is classified " + m.hs() + ", which covers listed tariff items of "
                            + t.citation() + " as well as others; it is counted as traced. Give its full tariff item to be exact.", "materials[" + path + "]");
                }
                if (outside && (t.isListed(m.hs()) || partly) && m.kind() != MaterialKind.INDIRECT && m.kind() != MaterialKind.PACKING) {
                    v = value;
                    why = "listed (" + m.hs() + ") and produced outside the territory" + (m.country() == null ? " (no country: non-originating)" : " (" + m.country() + ")");
                } else {
                    v = BigDecimal.ZERO;
                    why = t.isListed(m.hs()) ? "listed but produced in the territory: not traced" : "not a listed material: not traced";
                }
            }
            sum = sum.add(v);
            if (trace) lines.add(TraceNode.leaf("`" + path + "`: " + why, null, t.citation(), v, null, null));
        }
        return sum;
    }

    /**
     * Heavy-duty listed-materials method (SOR/94-14 s.10(1); SOR/2020-155 s.20(4)-(5)): VNM is all
     * non-originating materials plus, for each originating listed material (or component), the
     * non-originating value inside it, as the supplier states it (value, VM × (1 − RVC), VM × (1 − RVC
     * requirement)), from its figures, or else its full value.
     */
    private BigDecimal listed(List<Material> materials, Regime.Tracing t, List<TraceNode> lines, Analysis parent) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Material m : materials) {
            if (m.treatAsNonOriginating()) continue;
            if (m.isSelfProduced()) {
                // s.10(1)(a)(iii): for a designated intermediate material that is not originating, the producer may
                // count the non-originating materials used to make it instead of its whole value (the lower is taken)
                Analysis sa = parent.subs.get(m);
                if (Boolean.TRUE.equals(parent.designated.get(m)) && sa != null && !Boolean.TRUE.equals(parent.subOrigin.get(m))) {
                    BigDecimal value = m.value() != null ? m.value() : sa.totalCost;
                    if (value != null && sa.vnm.compareTo(value) < 0) {
                        sum = sum.add(sa.vnm.subtract(value));
                        if (trace) lines.add(TraceNode.leaf("Non-originating intermediate material `" + m.id() + "`: the non-originating "
                                + "materials used to make it (" + sa.vnm.toPlainString() + ") instead of its value (" + value.toPlainString() + ")",
                                null, t.citation(), sa.vnm.subtract(value), null, null));
                    }
                }
                continue;
            }
            var tr = m.part() == null ? null : m.part().tracing();
            boolean originating = isOriginating(m.origin());
            BigDecimal value = m.value();
            if (!originating) {
                // s.10(1)(b)(ii), (e)(i): for a non-originating listed material the producer may use the supplier's figure
                if (tr == null || tr.full()) continue;
                BigDecimal v = tracedValue(tr, value);
                sum = sum.add(v.subtract(value));
                if (trace) lines.add(TraceNode.leaf("Non-originating listed material `" + m.id() + "`: the supplier's figure " + v.toPlainString()
                        + " instead of its value " + value.toPlainString(), null, t.citation(), v.subtract(value), null, null));
                continue;
            }
            boolean isListed = tr != null || t.isListed(m.hs());
            if (!isListed) continue;
            BigDecimal v;
            String why;
            if (tr != null) {
                v = tracedValue(tr, value);
                why = tr.full() ? "full value (no supplier statement)" : "non-originating value per the supplier's statement";
            } else if (m.part() != null && m.part().figures() != null && m.part().figures().vnm() != null) {
                v = m.part().figures().vnm();
                why = "VNM from the part's figures";
            } else {
                v = value;
                why = "no information on its non-originating content: full value";
                warn("NO_LISTED_MATERIAL_INFO", "Listed material `" + m.id() + "` (" + m.hs() + ") is originating but nothing says how much "
                        + "non-originating material it contains, so its full value is counted (" + t.citation() + ").", "materials[" + m.id() + "]");
            }
            sum = sum.add(v);
            if (trace) lines.add(TraceNode.leaf("Originating listed material `" + m.id() + "`: " + why, null, t.citation(), v, null, null));
        }
        return sum;
    }

    /** The value a supplier statement gives: stated value, VM × (1 − RVC), VM × (1 − requirement), or the full value. */
    private static BigDecimal tracedValue(dev.origin.core.model.PartData.Tracing tr, BigDecimal value) {
        if (tr.value() != null) return tr.value();
        if (tr.rvc() != null) return value.multiply(HUNDRED.subtract(tr.rvc())).divide(HUNDRED, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        if (tr.rvcRequirement() != null) {
            return value.multiply(HUNDRED.subtract(tr.rvcRequirement())).divide(HUNDRED, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return value;
    }

    // ---------------------------------------------------------------- core parts (SOR/2020-155 s.14, Table A.2)

    /** How a core part qualified: its own RVC counting all non-originating materials, or another option. */
    enum Qualification {
        ALL_MATERIALS("with all non-originating materials counted (s.14(7)(a))"),
        OTHER_OPTION("under the component or super-core options (s.14(7)(b), s.14(10))"),
        NONE("not originating");

        final String label;

        Qualification(String label) { this.label = label; }
    }

    private record CorePart(Material material, String path, boolean figures, BigDecimal nc, BigDecimal vnm, BigDecimal vnmComponents,
                            BigDecimal tv, Ratio rvcAll, Ratio rvcComponents, Qualification qualification, boolean individually) {}

    /** The core parts of a vehicle evaluated under the four VNM options, and the super-core results. */
    private record CoreParts(Rule.CoreParts rule, BigDecimal ncMin, BigDecimal tvMin, List<CorePart> parts, Ratio superAll,
                             Ratio superComponents, boolean superMet) {
        CorePart part(Material m) {
            for (CorePart p : parts) if (p.material() == m) return p;
            return null;
        }
    }

    private CoreParts coreParts(Node n) {
        if (n.rule() == null) return null;
        Rule.CoreParts rule = null;
        for (Rule r : Rules.flatten(n.rule())) if (r instanceof Rule.CoreParts c) rule = c;
        if (rule == null) return null;
        BigDecimal ncMin = rule.ncMin().at(thresholdDate, fiscalYearStart);
        BigDecimal tvMin = rule.tvMin() == null ? null : rule.tvMin().at(thresholdDate, fiscalYearStart);
        if (ncMin == null) return null;
        List<CorePart> parts = new ArrayList<>();
        BigDecimal sumNc = BigDecimal.ZERO, sumVnm = BigDecimal.ZERO, sumComp = BigDecimal.ZERO;
        boolean allFigures = true;
        for (Material m : n.materials()) {
            if (m.corePart() == null) continue;
            var f = m.part().figures();
            String path = at(n, m.id());
            if (f == null || f.netCost() == null || f.vnm() == null || f.netCost().signum() <= 0) {
                allFigures = false;
                Qualification q = m.isSelfProduced() ? Qualification.NONE
                        : isOriginating(m.origin()) ? Qualification.ALL_MATERIALS : Qualification.NONE;
                parts.add(new CorePart(m, path, false, null, null, null, null, null, null, q, q != Qualification.NONE));
                continue;
            }
            BigDecimal comp = f.vnmComponents() == null ? f.vnm() : f.vnmComponents();
            Ratio all = Ratio.percent(f.netCost().subtract(f.vnm()), f.netCost());
            Ratio components = Ratio.percent(f.netCost().subtract(comp), f.netCost());
            boolean hasTv = tvMin != null && f.transactionValue() != null && f.transactionValue().signum() > 0;
            boolean tvOk = hasTv && Ratio.percent(f.transactionValue().subtract(f.vnm()), f.transactionValue()).atLeast(tvMin);
            // s.14(13): the TV threshold serves every option where the part's rule has a TV method
            boolean tvComponentsOk = hasTv && Ratio.percent(f.transactionValue().subtract(comp), f.transactionValue()).atLeast(tvMin);
            Qualification q = all.atLeast(ncMin) || tvOk ? Qualification.ALL_MATERIALS
                    : components.atLeast(ncMin) || tvComponentsOk ? Qualification.OTHER_OPTION : Qualification.NONE;
            parts.add(new CorePart(m, path, true, f.netCost(), f.vnm(), comp, f.transactionValue(), all, components, q, q != Qualification.NONE));
            sumNc = sumNc.add(f.netCost());
            sumVnm = sumVnm.add(f.vnm());
            sumComp = sumComp.add(comp);
        }
        Ratio superAll = null, superComp = null;
        boolean superMet = false;
        if (allFigures && !parts.isEmpty() && sumNc.signum() > 0) {
            superAll = Ratio.percent(sumNc.subtract(sumVnm), sumNc);
            superComp = Ratio.percent(sumNc.subtract(sumComp), sumNc);
            superMet = superAll.atLeast(ncMin) || superComp.atLeast(ncMin);
            if (superMet) {
                // s.14(10)-(11): as one part, every core part in it is originating
                List<CorePart> upgraded = new ArrayList<>();
                for (CorePart p : parts) {
                    upgraded.add(p.qualification() == Qualification.NONE ? new CorePart(p.material(), p.path(), p.figures(), p.nc(),
                            p.vnm(), p.vnmComponents(), p.tv(), p.rvcAll(), p.rvcComponents(), Qualification.OTHER_OPTION, false) : p);
                }
                parts = upgraded;
            }
        }
        return new CoreParts(rule, ncMin, tvMin, parts, superAll, superComp, superMet);
    }

    private void addVnm(Analysis a, String path, String why, BigDecimal value) {
        a.vnm = a.vnm.add(value);
        if (value.signum() > 0) a.anyNonOriginating = true;
        vnmLine(a, why + ": `" + path + "`", value, null);
    }

    private void vnmLine(Analysis a, String label, BigDecimal amount, String citation) {
        if (trace) a.vnmLines.add(TraceNode.leaf(label, null, citation, amount, null, null));
    }

    private boolean isOriginating(Origin o) {
        return o == Origin.ORIGINATING || (o == Origin.UNKNOWN && scenario == Scenario.BEST);
    }

    private static String at(Node n, String leaf) {
        return n.path().isEmpty() ? leaf : n.path() + "/" + leaf;
    }

    // ---------------------------------------------------------------- deciding

    private Outcome decideSub(Analysis a) {
        if (a.node.rule() == null) {
            return new Outcome(false, TraceNode.leaf("No rule for " + a.node.hs() + ": not originating", null, null,
                    null, null, false), List.of(), List.of(), null);
        }
        return decide(a);
    }

    private Outcome decide(Analysis a) {
        Node n = a.node;
        if (n.rule() == null) {
            error("NO_RULE", "The rule pack `" + regime.id() + "` has no product-specific rule for HS " + n.hs()
                    + "; give a `rule` in the case file.", "hs");
            return new Outcome(null, TraceNode.leaf("No product-specific rule for " + n.hs(), null, null, null, null, null),
                    List.of(new Requirement(regime.id() + ".psr", "psr", null, null, null, null, "no rule")),
                    List.of(), null);
        }
        Outcome o = apply(n.rule(), a);
        if (!Boolean.TRUE.equals(o.met())) {
            Outcome d = partsRule(n, a, o);
            if (d != null) return d;
        }
        // requirements other than the tariff shift and the RVC still apply to a good made of originating
        // materials ("and the good satisfies all other applicable requirements", SOR/2020-155 s.3(3); s.13-18)
        boolean othersMet = o.requirements().stream().noneMatch(q -> OTHER_REQUIREMENTS.contains(q.kind()) && !Boolean.TRUE.equals(q.met()));
        if (!Boolean.TRUE.equals(o.met()) && !a.anyNonOriginating && a.candidates.isEmpty() && othersMet) {
            // Criterion (c): produced entirely from originating materials (SOR/2020-155 s.3(3); SOR/94-14 s.4(3)).
            String id = regime.id() + ".criterion-c";
            String cite = regime.cite("criterion-c");
            List<Requirement> reqs = new ArrayList<>(o.requirements());
            reqs.add(new Requirement(id, "originating-materials", true, null, null, cite,
                    "produced exclusively from originating materials"));
            TraceNode t = !trace ? null : new TraceNode("Either the product-specific rule or: produced exclusively from originating materials",
                    null, null, null, null, true, List.of(o.trace(),
                    TraceNode.leaf("No non-originating material was used", id, cite, BigDecimal.ZERO, null, true)));
            return new Outcome(true, t, reqs, List.of(id), o.rvc());
        }
        return o;
    }

    /**
     * Criterion (d) (SOR/2020-155 s.3(4)(a); SOR/94-14 s.4(4)(b)): when non-originating materials cannot
     * change classification because they share the good's subheading (or undivided heading), the good
     * originates if it meets the rest of its rule and an RVC of 60 % (TV) or 50 % (NC). Origin assumes
     * such materials are parts of the good, as the subheading provides for both; the trace says so.
     */
    private Outcome partsRule(Node n, Analysis a, Outcome failed) {
        Regime.PartsRule pr = regime.partsRule();
        if (pr == null || pr.excluded().stream().anyMatch(r -> r.contains(n.hs()))) return null;
        boolean sameSubheading = a.candidates.stream().anyMatch(c -> c.hs() != null && c.hs().subheading().equals(n.hs().subheading()));
        if (!sameSubheading || Rules.flatten(n.rule()).stream().noneMatch(r -> r instanceof Rule.TariffShift)) return null;
        waiveOwnSubheading = true;
        Outcome rest;
        try {
            rest = apply(n.rule(), a);
        } finally {
            waiveOwnSubheading = false;
        }
        String id = regime.id() + ".criterion-d";
        Outcome rvc = combine(id, pr.citation(), List.of(
                new Rule.Rvc(id + ".tv", RvcMethod.TV, dev.origin.core.rules.Threshold.of(pr.tvMin()), pr.citation()),
                new Rule.Rvc(id + ".nc", RvcMethod.NC, dev.origin.core.rules.Threshold.of(pr.ncMin()), pr.citation())), a, false);
        Boolean met = and(rest.met(), rvc.met());
        if (!Boolean.TRUE.equals(met)) return null;
        List<Requirement> reqs = new ArrayList<>(failed.requirements());
        reqs.addAll(rvc.requirements());
        List<String> deciding = new ArrayList<>(rest.deciding());
        deciding.addAll(rvc.deciding());
        TraceNode t = !trace ? null : node("Criterion (d): the materials that cannot change classification are parts in the good's own subheading "
                + n.hs().subheading().substring(0, 4) + "." + n.hs().subheading().substring(4) + "; the rest of the rule and an RVC of "
                + pr.tvMin().toPlainString() + " % (TV) or " + pr.ncMin().toPlainString() + " % (NC) suffice", id, pr.citation(), null, null, true,
                List.of(failed.trace(), rest.trace(), rvc.trace()));
        return new Outcome(true, t, reqs, deciding, rvc.rvc());
    }

    private Outcome apply(Rule rule, Analysis a) {
        if (rule instanceof Rule.TariffShift ts) return tariffShift(ts, a);
        if (rule instanceof Rule.Rvc rv) return rvc(rv, a);
        if (rule instanceof Rule.WhollyObtained w) {
            boolean met = a.node.whollyObtained() || (!a.anyNonOriginating && a.candidates.isEmpty());
            Requirement r = new Requirement(w.id(), w.kind(), met, null, null, w.citation(), null);
            return new Outcome(met, node(met ? "Wholly obtained or produced in the territory"
                    : "Not wholly obtained: non-originating materials were used", w.id(), w.citation(), null, null, met,
                    List.of()), List.of(r), List.of(w.id()), null);
        }
        if (rule instanceof Rule.NoChangeRequired ncr) {
            return new Outcome(true, node("No change in tariff classification required", ncr.id(), ncr.citation(), null,
                    null, true, List.of()), List.of(), List.of(), null);
        }
        if (rule instanceof Rule.Condition c) {
            boolean met = a.node.top() && good.states(c.text());
            String what = c.condition() == Rule.ConditionKind.GOOD ? "the good is " : "performed in the territory: ";
            return simple(c, null, null, met, (met ? "The case file states " : "The case file does not state ") + what + "`" + c.text() + "`",
                    List.of(), met ? "stated" : "not stated in `facts`");
        }
        if (rule instanceof Rule.CoreParts cp) return coreRequirement(cp, a);
        if (rule instanceof Rule.Lvc lvc) return lvc(lvc, a);
        if (rule instanceof Rule.MetalPurchases mp) return metal(mp);
        if (rule instanceof Rule.NationalContent nc) return national(nc, a);
        if (rule instanceof Rule.Intangibles ip) return intangibles(ip, a);
        if (rule instanceof Rule.AllOf all) return combine(all.id(), all.citation(), all.rules(), a, true);
        Rule.AnyOf any = (Rule.AnyOf) rule;
        return combine(any.id(), any.citation(), any.rules(), a, false);
    }

    private Outcome combine(String id, String citation, List<Rule> rules, Analysis a, boolean all) {
        int mark = diagnostics.size();
        List<Outcome> outs = new ArrayList<>(rules.size());
        for (Rule r : rules) outs.add(apply(r, a));
        Boolean met = all ? Boolean.TRUE : Boolean.FALSE;
        for (Outcome o : outs) met = all ? and(met, o.met()) : or(met, o.met());
        if (!all && Boolean.TRUE.equals(met)) {
            // data missing for an alternative that was not needed is not a problem of the input
            diagnostics.subList(mark, diagnostics.size()).removeIf(x -> x.isError() && x.code().startsWith("MISSING_"));
        }
        List<Requirement> reqs = new ArrayList<>();
        LinkedHashSet<String> deciding = new LinkedHashSet<>();
        RvcResult rvc = null;
        for (Outcome o : outs) reqs.addAll(o.requirements());
        if (Boolean.TRUE.equals(met)) {
            for (Outcome o : outs) {
                if (!Boolean.TRUE.equals(o.met())) continue;
                deciding.addAll(o.deciding());
                if (rvc == null) rvc = o.rvc();
                if (!all) break;
            }
        } else {
            for (Outcome o : outs) {
                if (Boolean.TRUE.equals(o.met())) continue;
                if (Boolean.FALSE.equals(met) && o.met() == null) continue;
                deciding.addAll(o.deciding());
            }
        }
        if (rvc == null) for (Outcome o : outs) if (o.rvc() != null) { rvc = o.rvc(); break; }
        TraceNode t = null;
        if (trace) {
            List<TraceNode> kids = new ArrayList<>();
            for (Outcome o : outs) kids.add(o.trace());
            t = new TraceNode(all ? "All of the following" : "Any one of the following alternatives", id, citation,
                    null, null, met, kids);
        }
        return new Outcome(met, t, reqs, new ArrayList<>(deciding), rvc);
    }

    private static Boolean and(Boolean x, Boolean y) {
        if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) return false;
        if (x == null || y == null) return null;
        return true;
    }

    private static Boolean or(Boolean x, Boolean y) {
        if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) return true;
        if (x == null || y == null) return null;
        return false;
    }

    // ---------------------------------------------------------------- tariff shift and de minimis

    private Outcome tariffShift(Rule.TariffShift ts, Analysis a) {
        HsCode goodHs = a.node.hs();
        List<Candidate> failing = new ArrayList<>();
        List<TraceNode> lines = new ArrayList<>();
        List<Candidate> passing = ts.atMostOneOf().isEmpty() ? null : new ArrayList<>();
        for (Candidate c : a.candidates) failing.addAll(failures(c, ts, goodHs, lines, passing));
        if (passing != null) counted(ts, failing, passing, lines);
        if (waiveOwnSubheading) failing.removeIf(c -> c.hs() != null && c.hs().subheading().equals(goodHs.subheading()));
        String describe = describe(ts);
        List<Requirement> reqs = new ArrayList<>();
        String untested = null;
        if (a.unclassified.signum() > 0) {
            untested = "non-originating materials given as a lump sum (" + a.unclassified.toPlainString()
                    + ") have no classification and were not tested";
            warn("UNCLASSIFIED_MATERIALS", "Non-originating materials worth `" + a.unclassified.toPlainString() + "` are given as a lump sum "
                    + "without an HS code, so rule `" + ts.id() + "` was tested on the itemised materials only; itemise them to test them.",
                    at(a.node, "costs.nonOriginatingMaterials"));
            lines.add(TraceNode.leaf("Lump-sum non-originating materials: no classification, not tested", null, null, a.unclassified, null, null));
        }
        if (failing.isEmpty()) {
            reqs.add(new Requirement(ts.id(), ts.kind(), true, null, null, ts.citation(), untested));
            return new Outcome(true, node("Every non-originating material satisfies " + describe, ts.id(), ts.citation(),
                    null, null, true, lines), reqs, List.of(ts.id()), null);
        }
        BigDecimal failingValue = BigDecimal.ZERO;
        DeMinimis.Exclusion barred = null;
        for (Candidate f : failing) {
            failingValue = failingValue.add(f.value());
            DeMinimis.Exclusion ex = regime.deMinimis().exclusionFor(goodHs, f.hs());
            if (ex != null && barred == null) barred = ex;
        }
        DeMinimis dm = regime.deMinimis();
        BigDecimal base = deMinimisBase(a);
        BigDecimal pct = dm.percentFor(goodHs);
        String dmId = regime.id() + ".de-minimis";
        List<TraceNode> dmKids = new ArrayList<>(lines);
        if (barred == null && base != null && base.signum() > 0
                && failingValue.multiply(HUNDRED).compareTo(pct.multiply(base)) <= 0) {
            BigDecimal share = percent(failingValue, base);
            reqs.add(new Requirement(ts.id(), ts.kind(), false, null, null, ts.citation(),
                    "not met by materials worth " + failingValue.toPlainString()));
            reqs.add(new Requirement(dmId, "de-minimis", true, share, pct, dm.citation(),
                    "non-originating materials failing the shift are within de minimis"));
            dmKids.add(TraceNode.leaf("De minimis: materials failing the shift are " + failingValue.toPlainString() + " = "
                    + display(share) + " % of " + baseName(a) + " " + base.toPlainString() + ", not more than " + pct.toPlainString()
                    + " %", dmId, dm.citation(), failingValue, pct, true));
            return new Outcome(true, node(describe + " is met by virtue of de minimis", ts.id(), ts.citation(), failingValue,
                    null, true, dmKids), reqs, List.of(ts.id(), dmId), null);
        }
        Boolean met = false;
        String note = "not met by materials worth " + failingValue.toPlainString();
        if (barred != null) {
            dmKids.add(TraceNode.leaf("De minimis is not available for this good and material", dmId, barred.citation(),
                    null, null, false));
        } else if (base != null && base.signum() > 0) {
            BigDecimal share = percent(failingValue, base);
            dmKids.add(TraceNode.leaf("De minimis: materials failing the shift are " + failingValue.toPlainString() + " = "
                    + display(share) + " % of " + baseName(a) + " " + base.toPlainString() + ", more than " + pct.toPlainString()
                    + " %", dmId, dm.citation(), failingValue, pct, false));
        } else {
            dmKids.add(TraceNode.leaf("De minimis cannot be tested: no transaction value and no cost sheet", dmId, dm.citation(),
                    null, null, false));
        }
        reqs.add(new Requirement(ts.id(), ts.kind(), met, null, null, ts.citation(), note));
        return new Outcome(met, node("Not every non-originating material satisfies " + describe, ts.id(), ts.citation(),
                failingValue, null, met, dmKids), reqs, List.of(ts.id()), null);
    }

    /**
     * The failing materials of a candidate: none when it shifts itself; otherwise, for a self-produced
     * material, the producer may instead test the materials it was made of (SOR/94-14 s.4(8);
     * SOR/2020-155 s.4(6)) and the cheaper of the two failures is reported.
     */
    private List<Candidate> failures(Candidate c, Rule.TariffShift ts, HsCode goodHs, List<TraceNode> lines,
                                     List<Candidate> passing) {
        if (c.hs() != null && shifts(c.hs(), c.facts(), goodHs, ts)) {
            if (trace) lines.add(TraceNode.leaf("`" + c.path() + "` (" + c.hs() + ") → " + goodHs + ": changes as required",
                    null, null, c.value(), null, true));
            if (passing != null) passing.add(c);
            return List.of();
        }
        if (c.inputs() != null) {
            List<TraceNode> sub = new ArrayList<>();
            List<Candidate> inner = new ArrayList<>();
            List<Candidate> innerPassing = passing == null ? null : new ArrayList<>();
            for (Candidate i : c.inputs()) inner.addAll(failures(i, ts, goodHs, sub, innerPassing));
            BigDecimal innerValue = inner.stream().map(Candidate::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (innerValue.compareTo(c.value()) < 0 || inner.isEmpty()) {
                if (passing != null) passing.addAll(innerPassing);
                if (trace) lines.add(new TraceNode("`" + c.path() + "` (" + c.hs() + ") does not change, so the materials it was"
                        + " made of are tested instead", null, regime.cite("self-produced-shift"), c.value(), null, inner.isEmpty(), sub));
                return inner;
            }
        }
        if (trace) lines.add(TraceNode.leaf("`" + c.path() + "` (" + (c.hs() == null ? "unclassified" : c.hs()) + ") → "
                + goodHs + ": does not change as required", null, null, c.value(), null, false));
        return List.of(c);
    }

    /**
     * "Except from more than one of the following" ({@link Rule.TariffShift#atMostOneOf}): the tested materials
     * (passing and failing) under a provision of some group are counted; when no single group holds them all,
     * the change is from more than one of the entries and every counted material that passed fails, to be
     * judged by de minimis like any other failure. Materials from one entry only are left to the other tests.
     */
    private void counted(Rule.TariffShift ts, List<Candidate> failing, List<Candidate> passing, List<TraceNode> lines) {
        List<Candidate> counted = new ArrayList<>();
        for (Candidate c : passing) if (inSomeGroup(c.hs(), ts)) counted.add(c);
        for (Candidate c : failing) if (inSomeGroup(c.hs(), ts)) counted.add(c);
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
            for (Candidate c : passing) if (inSomeGroup(c.hs(), ts)) failing.add(c);
        }
        if (trace) {
            lines.add(TraceNode.leaf(oneEntry
                    ? "Non-originating materials of only one of the entries " + groups(ts) + ": " + which
                    : "Non-originating materials of more than one of the entries " + groups(ts) + ": " + which
                            + "; the change from more than one of them is excepted", null, null, value, null, oneEntry));
        }
    }

    private static boolean inSomeGroup(HsCode hs, Rule.TariffShift ts) {
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

    private static String describe(Rule.TariffShift ts) {
        StringBuilder sb = new StringBuilder();
        if (ts.level() != null) {
            sb.append(ts.level() == dev.origin.core.rules.ShiftLevel.CC ? "a change from any other chapter"
                    : ts.level() == dev.origin.core.rules.ShiftLevel.CTH ? "a change from any other heading"
                    : ts.level() == dev.origin.core.rules.ShiftLevel.CTSH ? "a change from any other subheading"
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

    // ---------------------------------------------------------------- regional value content

    private Outcome rvc(Rule.Rvc rv, Analysis a) {
        Regime.ThresholdOverride auto = regime.automotive() != null
                ? regime.automotive().thresholdFor(a.node.hs(), vehicleKind, a.node.top() ? use : "original-equipment") : null;
        BigDecimal min = threshold(auto != null ? auto.threshold() : rv.min(), rv.id());
        String relief = null;
        var np = good.vehicleData().newPlant();
        var npr = regime.automotive() == null ? null : regime.automotive().newPlantRelief();
        if (a.node.top() && np != null && np.from() != null && npr != null && min != null
                && (npr.vehicles().isEmpty() || (vehicleKind != null && npr.vehicles().contains(vehicleKind)))) {
            LocalDate end = np.from().plusYears("refit".equals(np.kind()) ? npr.refitYears() : npr.newPlantYears());
            if (!thresholdDate.isBefore(np.from()) && thresholdDate.isBefore(end) && npr.percent().compareTo(min) < 0) {
                min = npr.percent();
                relief = (np.kind().equals("refit") ? "Refit" : "New plant") + " relief until " + end.minusDays(1) + ": " + min.toPlainString() + " %";
            }
        }
        List<Requirement> reqs = new ArrayList<>();
        if (min == null) return notInForce(rv);
        BigDecimal vnm = a.tracing != null ? a.tracedVnm : a.vnm;
        // De minimis exemption: all non-originating materials within the limit (SOR/2020-155 s.5(4); SOR/94-14 s.5(5)).
        DeMinimis dm = regime.deMinimis();
        BigDecimal base = deMinimisBase(a);
        BigDecimal pct = dm.percentFor(a.node.hs());
        Outcome exemption = null;
        if (base != null && base.signum() > 0 && a.vnm.multiply(HUNDRED).compareTo(pct.multiply(base)) <= 0) {
            String dmId = regime.id() + ".de-minimis-rvc";
            BigDecimal share = percent(a.vnm, base);
            TraceNode t = node("RVC of " + min.toPlainString() + " % not required", rv.id(), rv.citation(), null, min, true,
                    List.of(TraceNode.leaf("All non-originating materials (" + a.vnm.toPlainString() + ") are " + display(share)
                            + " % of " + baseName(a) + " " + base.toPlainString() + ", not more than " + pct.toPlainString() + " %",
                            dmId, dm.rvcCitation(), a.vnm, pct, true)));
            exemption = new Outcome(true, t, List.of(new Requirement(rv.id(), rv.kind(), true, null, min, rv.citation(), "not required: de minimis"),
                    new Requirement(dmId, "de-minimis", true, share, pct, dm.rvcCitation(), "all non-originating materials within de minimis")),
                    List.of(rv.id(), dmId), null);
        }
        boolean ncOnly = (regime.netCostRequiredWhenAccumulating() && a.accumulating)
                || (regime.netCostRequiredForIntermediate() && a.node.intermediate()) || auto != null
                || (regime.automotive() != null && regime.automotive().netCostOnly(a.node.hs()))
                // a statement of an originating amount serves the net cost method only (SOR/2020-155 s.9(2)(b), (3))
                || a.amountStatement;
        if (ncOnly && rv.method() == RvcMethod.TV) {
            // the net cost method is required, so a transaction-value limb is not available (its NC
            // alternative, if the rule has one, is evaluated on its own)
            return new Outcome(false, node("Transaction value method not available: the net cost method is required", rv.id(),
                    regime.cite("net-cost-required"), null, min, false, List.of()),
                    List.of(new Requirement(rv.id(), rv.kind(), false, null, min, rv.citation(), "net cost method required")),
                    List.of(rv.id()), null);
        }
        List<RvcMethod> methods = new ArrayList<>();
        if (rv.method() != RvcMethod.NC && !ncOnly) methods.add(RvcMethod.TV);
        if (rv.method() != RvcMethod.TV) methods.add(RvcMethod.NC);
        RvcResult best = null;
        List<TraceNode> kids = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RvcMethod m : methods) {
            BigDecimal basis = m == RvcMethod.TV ? a.adjustedTv : a.netCost;
            if (basis == null) {
                missing.add(m == RvcMethod.TV ? "transaction value" : "cost sheet (net cost)");
                continue;
            }
            if (basis.signum() <= 0) {
                error("NONPOSITIVE_BASIS", "The " + (m == RvcMethod.TV ? "adjusted transaction value" : "net cost") + " of `"
                        + label(a) + "` is `" + basis.toPlainString() + "`, so no RVC can be computed.", at(a.node, "costs"));
                continue;
            }
            BigDecimal value = percent(basis.subtract(vnm), basis);
            boolean met = basis.subtract(vnm).multiply(HUNDRED).compareTo(min.multiply(basis)) >= 0;
            RvcResult r = new RvcResult(m, value, min, m == RvcMethod.NC ? a.netCost : null,
                    m == RvcMethod.TV ? a.adjustedTv : null, vnm, met);
            if (trace) {
                String name = m == RvcMethod.TV ? "TV" : "NC";
                kids.add(TraceNode.leaf("RVC (" + name + ") = (" + name + " " + basis.toPlainString() + " − VNM " + vnm.toPlainString()
                        + ") / " + name + " × 100 = " + display(value) + " %, " + (met ? "not less than " : "less than ")
                        + min.toPlainString() + " %", rv.id(), regime.cite(m == RvcMethod.TV ? "rvc-tv" : "rvc-nc"), value, min, met));
            }
            if (best == null || better(r, best)) best = r;
        }
        if (best == null && exemption != null) return exemption;
        if (best == null) {
            String what = String.join(" or ", missing);
            error(missing.contains("cost sheet (net cost)") ? "MISSING_COST" : "MISSING_TRANSACTION_VALUE",
                    "`" + label(a) + "` has no " + what + ", which rule `" + rv.id() + "` needs.",
                    at(a.node, missing.contains("cost sheet (net cost)") ? "costs" : "transactionValue"));
            reqs.add(new Requirement(rv.id(), rv.kind(), null, null, min, rv.citation(), "missing " + what));
            return new Outcome(null, TraceNode.leaf("RVC cannot be computed: missing " + what, rv.id(), rv.citation(), null,
                    min, null), reqs, List.of(rv.id()), null);
        }
        if (ncOnly && rv.method() != RvcMethod.NC && trace) {
            kids.add(TraceNode.leaf("Net cost method required (accumulation or intermediate material)", null,
                    regime.cite("net-cost-required"), null, null, null));
        }
        if (a.tracing != null && trace) {
            kids.add(TraceNode.leaf(a.tracing.method() == Regime.Tracing.Method.TRACED ? "VNM counts traced materials only"
                    : "VNM counts all non-originating materials plus the non-originating value inside originating listed materials",
                    null, a.tracing.citation(), a.tracedVnm, null, null));
        }
        if (relief != null && trace) kids.add(TraceNode.leaf(relief, null, npr.citation(), null, min, null));
        if (auto != null && trace) {
            kids.add(TraceNode.leaf("Automotive threshold " + min.toPlainString() + " % by the net cost method replaces the rule's "
                    + "(" + (fiscalYearStart == null ? "fiscal year from 1 January" : "fiscal year from " + fiscalYearStart) + ")",
                    null, auto.citation(), null, min, null));
        }
        String how = (best.method() == RvcMethod.NC ? "net cost method" : "transaction value method") + (a.tracing != null ? "; traced VNM" : "");
        var credit = regime.automotive() == null ? null : regime.automotive().lvcCredit();
        if (!best.met() && a.node.top() && credit != null && vehicleKind != null && credit.vehicles().contains(vehicleKind)
                && (credit.until() == null || !thresholdDate.isAfter(credit.until())) && best.method() == RvcMethod.NC
                && best.value().compareTo(credit.floor()) >= 0) {
            Ratio points = hwmme(a);
            if (points != null) {
                Ratio excess = points.compareTo(Ratio.of(credit.above())) > 0
                        ? points.plus(new Ratio(credit.above().negate(), BigDecimal.ONE)) : Ratio.ZERO;
                Ratio withCredit = Ratio.percent(best.netCost().subtract(vnm), best.netCost()).plus(excess);
                if (withCredit.atLeast(min)) {
                    best = new RvcResult(best.method(), withCredit.value(), min, best.netCost(), best.transactionValue(), best.vnm(), true);
                    how += "; with " + display(excess.value()) + " LVC points above " + credit.above().toPlainString() + " credited ("
                            + credit.citation() + ")";
                    if (trace) kids.add(TraceNode.leaf("High-wage material and manufacturing points above " + credit.above().toPlainString()
                            + " credited: " + display(excess.value()) + " (RVC itself at least " + credit.floor().toPlainString() + " %)",
                            null, credit.citation(), excess.value(), null, true));
                }
            }
        }
        if (exemption != null && !best.met()) {
            // computed and reported, but not required (SOR/2020-155 s.5(4); SOR/94-14 s.5(5))
            List<Requirement> er = new ArrayList<>(exemption.requirements());
            er.set(0, new Requirement(rv.id(), rv.kind(), true, best.value(), min, rv.citation(), how + "; not required: de minimis"));
            List<TraceNode> ek = new ArrayList<>(kids);
            if (exemption.trace() != null) ek.addAll(exemption.trace().children());
            return new Outcome(true, node("Regional value content of " + min.toPlainString() + " % not required (de minimis)", rv.id(),
                    rv.citation(), best.value(), min, true, ek), er, exemption.deciding(), best);
        }
        reqs.add(new Requirement(rv.id(), rv.kind(), best.met(), best.value(), min, rv.citation(), how));
        if (exemption != null) {
            // met anyway; the exemption is reported too (SOR/2020-155 s.5(4); SOR/94-14 s.5(5))
            reqs.add(exemption.requirements().get(1));
            if (exemption.trace() != null) kids.addAll(exemption.trace().children());
        }
        TraceNode t = node("Regional value content of at least " + min.toPlainString() + " % (" + rv.method() + ")",
                rv.id(), rv.citation(), best.value(), min, best.met(), kids);
        return new Outcome(best.met(), t, reqs, List.of(rv.id()), best);
    }

    /**
     * An averaging period must be a fiscal year of the producer (SOR/2020-155 s.16(1); SOR/94-14 s.11(1))
     * or one of the periods the pack allows (USMCA s.16(4)-(5): the 18-month period at entry into force,
     * the transitional periods aligned with the 1 July steps).
     */
    private void checkAveraging() {
        var av = good.vehicleData().averaging();
        if (av == null || av.from() == null || av.to() == null) return;
        java.time.MonthDay start = fiscalYearStart == null ? java.time.MonthDay.of(1, 1) : fiscalYearStart;
        LocalDate fyStart = start.atYear(av.from().getYear());
        if (fyStart.isAfter(av.from())) fyStart = start.atYear(av.from().getYear() - 1);
        LocalDate fyEnd = fyStart.plusYears(1).minusDays(1);
        if (av.from().equals(fyStart) && av.to().equals(fyEnd)) return;
        if (regime.automotive() != null) {
            for (String period : regime.automotive().averagingPeriods()) {
                String[] ft = period.split("\\.\\.");
                if (!LocalDate.parse(ft[0]).equals(av.from())) continue;
                LocalDate to = ft[1].equals("FY") ? fyEnd : ft[1].equals("FY+1") ? fyEnd.plusYears(1) : LocalDate.parse(ft[1]);
                if (to.equals(av.to())) return;
            }
        }
        warn("AVERAGING_PERIOD", "The averaging period " + av.from() + " to " + av.to() + " is neither a fiscal year of the producer"
                + " (from " + start + ") nor a period the regime allows" + (regime.automotive() == null || regime.automotive().averagingPeriods().isEmpty()
                ? "" : " (" + String.join(", ", regime.automotive().averagingPeriods()) + ")") + ".", "averaging");
    }

    /** The threshold in force (at the averaging period's start when averaging), with the producer's fiscal year. */
    private BigDecimal threshold(dev.origin.core.rules.Threshold t, String ruleId) {
        if (t.dependsOnFiscalYear() && fiscalYearStart == null) {
            warn("FISCAL_YEAR_ASSUMED", "Rule `" + ruleId + "` steps by the producer's fiscal year; none is given, so a fiscal year "
                    + "starting on 1 January is assumed (give `fiscalYearStart`).", "fiscalYearStart");
        }
        BigDecimal v = t.at(thresholdDate, fiscalYearStart);
        var av = good.vehicleData().averaging();
        if (v != null && av != null && av.to() != null) {
            BigDecimal end = t.at(av.to(), fiscalYearStart);
            if (end != null && end.compareTo(v) != 0) {
                warn("AVERAGING_SPANS_STEP", "The averaging period " + av.from() + " to " + av.to() + " spans a change of the threshold of rule `"
                        + ruleId + "` (" + v.toPlainString() + " to " + end.toPlainString() + " %); the threshold at the period's start is applied.", "averaging");
            }
        }
        return v;
    }

    /** A requirement whose threshold is not in force on the date: not met (the rule did not exist), with a warning. */
    private Outcome notInForce(Rule r) {
        warn("THRESHOLD_NOT_IN_FORCE", "Rule `" + r.id() + "` sets no threshold for " + thresholdDate + ", so it cannot be met on that date.", "");
        return new Outcome(false, node(r.kind() + ": no threshold in force on " + thresholdDate, r.id(), r.citation(), null, null, false, List.of()),
                List.of(new Requirement(r.id(), r.kind(), false, null, null, r.citation(), "no threshold in force")), List.of(r.id()), null);
    }

    private Outcome missing(Rule r, String code, String what, String path, BigDecimal min) {
        error(code, "`" + label(null) + "` has no " + what + ", which rule `" + r.id() + "` needs.", path);
        return new Outcome(null, node(r.kind() + " cannot be evaluated: missing " + what, r.id(), r.citation(), null, min, null, List.of()),
                List.of(new Requirement(r.id(), r.kind(), null, null, min, r.citation(), "missing " + what)), List.of(r.id()), null);
    }

    private Outcome simple(Rule r, Ratio value, BigDecimal min, boolean met, String label, List<TraceNode> kids, String note) {
        BigDecimal v = value == null ? null : value.value();
        return new Outcome(met, node(label, r.id(), r.citation(), v, min, met, kids),
                List.of(new Requirement(r.id(), r.kind(), met, v, min, r.citation(), note)), List.of(r.id()), null);
    }

    /** SOR/2020-155 s.14(4)-(11): every Table A.2 core part originating, individually or as a super-core part. */
    private Outcome coreRequirement(Rule.CoreParts rule, Analysis a) {
        CoreParts core = a.core;
        BigDecimal min = threshold(rule.ncMin(), rule.id());
        if (min == null) return notInForce(rule);
        if (core == null || core.parts().isEmpty()) {
            return missing(rule, "MISSING_CORE_PARTS", "material marked as a Table A.2 core part (`corePart`)", "materials", min);
        }
        List<TraceNode> kids = new ArrayList<>();
        boolean allIndividually = true;
        Ratio lowest = null;
        for (CorePart p : core.parts()) {
            boolean ok = p.qualification() != Qualification.NONE;
            boolean individually = p.individually();
            allIndividually &= individually;
            if (p.figures()) {
                Ratio best = p.rvcAll().compareTo(p.rvcComponents()) >= 0 ? p.rvcAll() : p.rvcComponents();
                lowest = lowest == null ? best : lowest.min(best);
                if (trace) kids.add(TraceNode.leaf("`" + p.path() + "` (" + p.material().corePart() + "): RVC " + display(p.rvcAll().value())
                        + " % with all non-originating materials, " + display(p.rvcComponents().value()) + " % with column-2 components only; "
                        + p.qualification().label, null, rule.citation(), p.rvcAll().value(), core.ncMin(), ok));
            } else if (trace) {
                kids.add(TraceNode.leaf("`" + p.path() + "` (" + p.material().corePart() + "): no figures; declared "
                        + (ok ? "originating" : "not originating"), null, rule.citation(), null, null, ok));
            }
        }
        if (core.superAll() != null && trace) {
            kids.add(TraceNode.leaf("Super-core (all core parts as one part): RVC " + display(core.superAll().value()) + " % with all "
                    + "non-originating materials, " + display(core.superComponents().value()) + " % with components only", null,
                    rule.citation(), core.superAll().value(), core.ncMin(), core.superMet()));
        }
        boolean met = allIndividually || core.superMet();
        Ratio value = core.superMet() && !allIndividually ? core.superComponents().compareTo(core.superAll()) > 0 ? core.superComponents() : core.superAll() : lowest;
        return simple(rule, value, core.ncMin(), met, "Core parts originating (RVC of at least " + core.ncMin().toPlainString() + " % NC"
                + (core.tvMin() == null ? "" : " or " + core.tvMin().toPlainString() + " % TV") + "; roll-up policy `" + rollUp + "`)",
                kids, met ? (allIndividually ? "every core part individually" : "as a super-core part") : "a core part is not originating");
    }

    /** SOR/2020-155 s.18: labour value content. */
    private Outcome lvc(Rule.Lvc rule, Analysis a) {
        BigDecimal min = threshold(rule.min(), rule.id());
        BigDecimal hwMin = threshold(rule.hwmmeMin(), rule.id());
        if (min == null || hwMin == null) return notInForce(rule);
        var l = good.vehicleData().labour();
        if (l == null) return missing(rule, "MISSING_LABOUR_DATA", "`labour` data", "labour", min);
        Regime.Automotive auto = regime.automotive();
        java.util.Map<String, BigDecimal> floors = auto == null ? java.util.Map.of() : auto.wageFloors();
        if ("annual-purchase".equals(l.method())) {
            if (l.totalAnnualPurchaseValue() == null) return missing(rule, "MISSING_LABOUR_DATA", "`labour.totalAnnualPurchaseValue`", "labour", min);
        } else if (a.netCost == null || a.netCost.signum() <= 0) {
            return missing(rule, "MISSING_COST", "cost sheet (net cost)", "costs", min);
        }
        Ratio hwmme = hwmme(a);
        if (hwmme == null) return missing(rule, "MISSING_LABOUR_DATA", "positive annual purchase value", "labour", min);
        List<TraceNode> kids = new ArrayList<>();
        if (trace) {
            boolean plantOk = l.vehiclePlantWage() == null || qualifies(l.vehiclePlantWage(), floors);
            kids.add(TraceNode.leaf("High-wage labour costs (vehicle plant " + (l.vehiclePlantWage() == null ? "certified by the producer"
                    : wage(l.vehiclePlantWage()) + (plantOk ? ", at or above" : ", below") + " the wage floor") + ")", null, rule.citation(),
                    l.highWageLabour() == null || !plantOk ? BigDecimal.ZERO : l.highWageLabour(), null, null));
            if (l.highWageMaterials() == null) {
                for (Material m : good.materials()) {
                    var w = m.part() == null ? null : m.part().plantWage();
                    if (w != null && qualifies(w, floors)) {
                        kids.add(TraceNode.leaf("High-wage material `" + m.id() + "` (" + wage(w) + "), full value whatever its origin",
                                null, rule.citation(), m.value() != null ? m.value() : BigDecimal.ZERO, null, null));
                    }
                }
            }
        }
        Ratio cap = Ratio.of(auto == null || auto.technologyCreditCap() == null ? BigDecimal.TEN : auto.technologyCreditCap());
        Ratio tech = Ratio.ZERO;
        if (l.technologyWages() != null && l.productionWages() != null && l.productionWages().signum() > 0) {
            tech = Ratio.percent(l.technologyWages(), l.productionWages()).min(cap);
        }
        Ratio assembly = Ratio.ZERO;
        if (l.assemblyPlant() != null && auto != null && auto.assemblyCredit() != null) {
            var ac = auto.assemblyCredit();
            var p = l.assemblyPlant();
            boolean capacity = "heavy-truck".equals(vehicleKind)
                    ? Math.max(p.engines(), Math.max(p.transmissions(), p.batteries())) >= ac.heavyTruck()
                    : p.engines() >= ac.engines() || p.transmissions() >= ac.transmissions() || p.batteries() >= ac.batteries();
            if (capacity && (p.wage() == null || qualifies(p.wage(), floors))) assembly = Ratio.of(ac.points());
        }
        Ratio total = hwmme.plus(tech).plus(assembly);
        boolean met = hwmme.atLeast(hwMin) && total.atLeast(min);
        if (trace) {
            kids.add(TraceNode.leaf("High-wage material and manufacturing expenditures: " + display(hwmme.value()) + " points (at least "
                    + hwMin.toPlainString() + ")", null, rule.citation(), hwmme.value(), hwMin, hwmme.atLeast(hwMin)));
            kids.add(TraceNode.leaf("High-wage technology expenditure credit: " + display(tech.value()) + " points (capped at "
                    + cap.value().stripTrailingZeros().toPlainString() + ")", null, rule.citation(), tech.value(), null, null));
            kids.add(TraceNode.leaf("High-wage assembly credit: " + display(assembly.value()) + " points", null, rule.citation(),
                    assembly.value(), null, null));
        }
        return simple(rule, total, min, met, "Labour value content " + display(total.value()) + " % (at least " + min.toPlainString()
                + ", of which " + hwMin.toPlainString() + " from high-wage materials and manufacturing)", kids,
                "HWMME " + display(hwmme.value()) + " + technology " + display(tech.value()) + " + assembly " + display(assembly.value()));
    }

    /** High-wage material and manufacturing points (the LVC without credits), or null without labour data. */
    private Ratio hwmme(Analysis a) {
        var l = good.vehicleData().labour();
        if (l == null) return null;
        java.util.Map<String, BigDecimal> floors = regime.automotive() == null ? java.util.Map.of() : regime.automotive().wageFloors();
        boolean plantOk = l.vehiclePlantWage() == null || qualifies(l.vehiclePlantWage(), floors);
        BigDecimal hwlc = l.highWageLabour() == null || !plantOk ? BigDecimal.ZERO : l.highWageLabour();
        BigDecimal hwm = l.highWageMaterials();
        if (hwm == null) {
            hwm = BigDecimal.ZERO;
            for (Material m : good.materials()) {
                var w = m.part() == null ? null : m.part().plantWage();
                if (w != null && qualifies(w, floors)) hwm = hwm.add(m.value() != null ? m.value() : BigDecimal.ZERO);
            }
        }
        if ("annual-purchase".equals(l.method())) {
            BigDecimal apv = l.annualPurchaseValue() != null ? l.annualPurchaseValue() : hwm;
            if (l.totalAnnualPurchaseValue() == null || l.totalAnnualPurchaseValue().add(hwlc).signum() <= 0) return null;
            return Ratio.percent(apv.add(hwlc), l.totalAnnualPurchaseValue().add(hwlc));
        }
        if (a.netCost == null || a.netCost.signum() <= 0) return null;
        return Ratio.percent(hwlc.add(hwm), a.netCost);
    }

    private static boolean qualifies(VehicleData.Wage w, java.util.Map<String, BigDecimal> floors) {
        BigDecimal floor = floors.get(w.currency());
        return floor != null && w.rate().compareTo(floor) >= 0;
    }

    private static String wage(VehicleData.Wage w) {
        return w.currency() + " " + w.rate().toPlainString() + "/h";
    }

    /** SOR/2020-155 s.17: corporate purchases of Table S steel or aluminum at least {@code min} % originating. */
    private Outcome metal(Rule.MetalPurchases rule) {
        BigDecimal min = threshold(rule.min(), rule.id());
        if (min == null) return notInForce(rule);
        boolean steel = rule.metal() == Rule.Metal.STEEL;
        var p = steel ? good.vehicleData().steel() : good.vehicleData().aluminum();
        String field = steel ? "steel" : "aluminum";
        List<TraceNode> kids = new ArrayList<>();
        BigDecimal originating = p == null ? null : p.originating();
        BigDecimal total = p == null ? null : p.total();
        if (p != null && !p.items().isEmpty()) {
            // only purchases of Table S goods count (SOR/2020-155 s.17, Table S)
            var table = regime.automotive() == null ? List.<dev.origin.core.hs.HsRange>of()
                    : steel ? regime.automotive().steelTable() : regime.automotive().aluminumTable();
            originating = BigDecimal.ZERO;
            total = BigDecimal.ZERO;
            for (VehicleData.Purchase it : p.items()) {
                boolean inTable = table.isEmpty() || table.stream().anyMatch(r -> r.contains(it.hs()));
                if (inTable) {
                    total = total.add(it.value());
                    if (it.originating()) originating = originating.add(it.value());
                }
                if (trace) kids.add(TraceNode.leaf(it.hs() + (it.originating() ? " originating" : " non-originating")
                        + (inTable ? "" : ": not a Table S good, not counted"), null, rule.citation(), it.value(), null, null));
            }
        }
        if (originating == null || total == null || total.signum() <= 0) {
            return missing(rule, "MISSING_PURCHASES", "`" + field + "` purchase figures", field, min);
        }
        Ratio share = Ratio.percent(originating, total);
        boolean met = share.atLeast(min);
        return simple(rule, share, min, met, "Originating " + field + " purchases " + originating.toPlainString() + " of "
                + total.toPlainString() + " = " + display(share.value()) + " % (at least " + min.toPlainString() + " %)", kids, null);
    }

    /**
     * National content (model of the 2017 US proposal, docs/automotive.md): (originating materials
     * produced in the country + (net cost − all materials) when the producer is there) ÷ net cost.
     */
    private Outcome national(Rule.NationalContent rule, Analysis a) {
        BigDecimal min = threshold(rule.min(), rule.id());
        if (min == null) return notInForce(rule);
        if (a.netCost == null || a.netCost.signum() <= 0) return missing(rule, "MISSING_COST", "cost sheet (net cost)", "costs", min);
        String x = rule.country();
        boolean producerThere = x.equals(good.producerCountry());
        BigDecimal national = BigDecimal.ZERO;
        BigDecimal allMaterials = good.costs().lumpMaterials();
        List<TraceNode> kids = new ArrayList<>();
        if (producerThere && good.costs().originatingMaterials().signum() > 0) {
            national = national.add(good.costs().originatingMaterials());
            if (trace) kids.add(TraceNode.leaf("Lump-sum originating materials, taken as produced in " + x + " (the producer's country)",
                    null, rule.citation(), good.costs().originatingMaterials(), null, null));
        }
        for (Material m : good.materials()) {
            BigDecimal v = m.value() != null ? m.value() : BigDecimal.ZERO;
            allMaterials = allMaterials.add(v);
            String where = m.country() != null ? m.country() : m.isSelfProduced() ? good.producerCountry() : null;
            boolean orig = m.isSelfProduced() || isOriginating(m.origin());
            if (orig && x.equals(where) && !m.treatAsNonOriginating()) {
                national = national.add(v);
                if (trace) kids.add(TraceNode.leaf("`" + m.id() + "`: originating, produced in " + x, null, rule.citation(), v, null, null));
            }
        }
        if (producerThere) {
            BigDecimal added = a.netCost.subtract(allMaterials);
            if (added.signum() > 0) {
                national = national.add(added);
                if (trace) kids.add(TraceNode.leaf("Net cost other than materials, incurred by the producer in " + x, null, rule.citation(),
                        added, null, null));
            }
        }
        Ratio share = Ratio.percent(national, a.netCost);
        boolean met = share.atLeast(min);
        return simple(rule, share, min, met, x + " content " + display(share.value()) + " % of net cost (at least " + min.toPlainString() + " %)",
                kids, x + " content");
    }

    /** Canada's 2018 idea, as modelled: (NC − VNM + a) ÷ (NC + b) × 100 with North American (a) and total (b) intangibles. */
    private Outcome intangibles(Rule.Intangibles rule, Analysis a) {
        BigDecimal min = threshold(rule.min(), rule.id());
        if (min == null) return notInForce(rule);
        if (a.netCost == null || a.netCost.signum() <= 0) return missing(rule, "MISSING_COST", "cost sheet (net cost)", "costs", min);
        var ip = good.vehicleData().intangibles();
        BigDecimal na = ip == null || ip.northAmerican() == null ? BigDecimal.ZERO : ip.northAmerican();
        BigDecimal tot = ip == null || ip.total() == null ? BigDecimal.ZERO : ip.total();
        if (na.compareTo(tot) > 0) {
            error("BAD_INTANGIBLES", "North American intangibles `" + na.toPlainString() + "` exceed the total `" + tot.toPlainString() + "`.", "intangibles");
        }
        BigDecimal vnm = a.tracing != null ? a.tracedVnm : a.vnm;
        Ratio value = Ratio.percent(a.netCost.subtract(vnm).add(na), a.netCost.add(tot));
        boolean met = value.atLeast(min);
        List<TraceNode> kids = trace ? List.of(TraceNode.leaf("(NC " + a.netCost.toPlainString() + " − VNM " + vnm.toPlainString() + " + North American intangibles "
                + na.toPlainString() + ") ÷ (NC + all intangibles " + tot.toPlainString() + ") × 100", null, rule.citation(), value.value(), min, met))
                : List.of();
        Outcome o = simple(rule, value, min, met, "Regional content counting R&D, engineering, software and IP: " + display(value.value())
                + " % (at least " + min.toPlainString() + " %)", kids, ip == null ? "no intangibles given" : null);
        RvcResult r = new RvcResult(RvcMethod.NC, value.value(), min, a.netCost, null, vnm, met);
        return new Outcome(o.met(), o.trace(), o.requirements(), o.deciding(), r);
    }

    /** Prefers a met result; among equals, the larger margin over the threshold. */
    private static boolean better(RvcResult r, RvcResult than) {
        if (r.met() != than.met()) return r.met();
        return r.value().compareTo(than.value()) > 0;
    }

    // ---------------------------------------------------------------- helpers

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, RoundingMode.DOWN);
    }

    private static String display(BigDecimal pct) {
        return pct.setScale(4, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    /**
     * The de minimis base: the adjusted transaction value, or total cost where there is none (NAFTA
     * s.5(1)(b)); where the regime lets the producer choose either (USMCA s.5(1)(a)), the larger.
     */
    private BigDecimal deMinimisBase(Analysis a) {
        if (regime.deMinimis().eitherBase() && a.adjustedTv != null && a.totalCost != null) return a.adjustedTv.max(a.totalCost);
        return a.deMinimisBase();
    }

    private String baseName(Analysis a) {
        BigDecimal base = deMinimisBase(a);
        return base != null && a.adjustedTv != null && base.compareTo(a.adjustedTv) == 0 ? "the adjusted transaction value" : "total cost";
    }

    private String label(Analysis a) {
        return a == null || a.node.top() ? good.id() : a.node.path();
    }

    private TraceNode node(String label, String id, String cite, BigDecimal amount, BigDecimal threshold, Boolean met,
                           List<TraceNode> kids) {
        return trace ? new TraceNode(label, id, cite, amount, threshold, met, kids) : null;
    }

    private TraceNode costTrace(Analysis a) {
        if (a.totalCost == null) {
            return TraceNode.leaf("No cost sheet given", null, null, null, null, null);
        }
        List<TraceNode> kids = List.of(
                TraceNode.leaf("Total cost", null, regime.cite("total-cost"), a.totalCost, null, null),
                TraceNode.leaf("Excluded costs (incl. those of self-produced materials not designated)", null,
                        regime.cite("excluded-costs"), a.excluded, null, null));
        return new TraceNode("Net cost", regime.id() + ".net-cost", regime.cite("net-cost"), a.netCost, null, null, kids);
    }

    private TraceNode vnmTrace(Analysis a) {
        if (a.tracing != null) {
            boolean traced = a.tracing.method() == Regime.Tracing.Method.TRACED;
            List<TraceNode> kids = new ArrayList<>();
            if (!traced) kids.addAll(a.vnmLines);
            kids.addAll(a.tracedLines);
            return new TraceNode(traced ? "Value of non-originating materials (VNM): traced materials only"
                    : "Value of non-originating materials (VNM): all non-originating materials and the non-originating value in listed materials",
                    regime.id() + ".vnm", a.tracing.citation(), a.tracedVnm, null, null, kids);
        }
        return new TraceNode("Value of non-originating materials (VNM)", regime.id() + ".vnm", regime.cite("vnm"), a.vnm,
                null, null, a.vnmLines);
    }

    private TraceNode subTrace(String path, Material m, Analysis sa, Outcome so) {
        List<TraceNode> kids = new ArrayList<>();
        kids.add(costTrace(sa));
        kids.add(vnmTrace(sa));
        kids.addAll(sa.subTraces);
        if (so.trace() != null) kids.add(so.trace());
        return new TraceNode("Self-produced material `" + path + "` (" + m.hs() + ")" + (m.intermediate() ? ", designated intermediate" : "")
                + ": " + (Boolean.TRUE.equals(so.met()) ? "originating" : "not originating"), null,
                regime.cite(m.intermediate() ? "intermediate" : "self-produced"), sa.totalCost, null, so.met(), kids);
    }

    private void error(String code, String message, String path) {
        add(new Diagnostic(Severity.ERROR, code, message, good.id(), path));
    }

    private void warn(String code, String message, String path) {
        add(new Diagnostic(Severity.WARNING, code, message, good.id(), path));
    }

    private void add(Diagnostic d) {
        if (!diagnostics.contains(d)) diagnostics.add(d);
    }
}
