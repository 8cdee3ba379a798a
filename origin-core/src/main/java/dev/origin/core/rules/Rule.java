package dev.origin.core.rules;

import java.util.List;

/**
 * A rule of origin as data: a small algebraic type. Every rule has an {@link #id()} (unique within
 * its pack, used as a deciding-rule id in determinations) and a legal {@link #citation()}.
 * Ids and citations may be absent on freshly parsed rules; {@link Rules#withIds} assigns them.
 */
public sealed interface Rule permits Rule.TariffShift, Rule.Rvc, Rule.WhollyObtained,
        Rule.NoChangeRequired, Rule.AllOf, Rule.AnyOf, Rule.NationalContent, Rule.CoreParts, Rule.Lvc,
        Rule.MetalPurchases, Rule.Intangibles, Rule.Condition {

    /** Stable id, e.g. {@code psr.rvc}; null until assigned. */
    String id();

    /** Legal citation, e.g. {@code SOR/94-14 Sch. I, heading 87.06}; null when none. */
    String citation();

    /** The requirement kind reported in determinations. */
    RequirementKind kind();

    /**
     * A change in tariff classification. A non-originating material satisfies it when it is listed in
     * {@code from} (when given), or is under a provision of {@code fromDescribed} and the case file states
     * that it is of the described kind, or when its classification differs from the good's at {@code level}
     * (when a level is given); and in every case it is not under any prefix in {@code except}, nor under a
     * provision of {@code exceptDescribed} while stating its description.
     *
     * @param level           CC, CTH or CTSH; null for a rule that only allows the listed {@code from} provisions
     * @param from            provisions from which a change is allowed in addition to the level (may be empty)
     * @param except          provisions from which no change is allowed (may be empty)
     * @param fromDescribed   materials named in words from which a change is allowed ("from parts thereof of
     *                        subheading 8708.94"): only materials of the provision stating the description
     * @param exceptDescribed materials named in words from which no change is allowed ("except from printed
     *                        circuit assemblies (PCAs) of subheading 9030.90")
     * @param atMostOneOf     the entries of an "except from more than one of the following" list: groups of
     *                        provisions (one group per entry, a range of subheadings being one entry) of which
     *                        the non-originating materials may come from at most one. When the tested materials
     *                        under these provisions fall under more than one group, all of them fail the shift;
     *                        otherwise they are tested like any other material. Empty for none; else at least two
     *                        non-empty groups.
     */
    record TariffShift(String id, ShiftLevel level, List<dev.origin.core.hs.HsPrefix> from,
                       List<dev.origin.core.hs.HsPrefix> except, List<Described> fromDescribed,
                       List<Described> exceptDescribed, List<List<dev.origin.core.hs.HsPrefix>> atMostOneOf,
                       String citation) implements Rule {
        public TariffShift {
            from = List.copyOf(from);
            except = List.copyOf(except);
            fromDescribed = fromDescribed == null ? List.of() : List.copyOf(fromDescribed);
            exceptDescribed = exceptDescribed == null ? List.of() : List.copyOf(exceptDescribed);
            atMostOneOf = atMostOneOf == null ? List.of() : atMostOneOf.stream().map(List::copyOf).toList();
            if (level == null && from.isEmpty() && fromDescribed.isEmpty()) {
                throw new IllegalArgumentException("a tariff shift needs a level (CC, CTH, CTSH) or a `from` list");
            }
            if (atMostOneOf.size() == 1 || atMostOneOf.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("`except from more than one of` needs at least two non-empty groups");
            }
        }
        /** A shift without counted materials. */
        public TariffShift(String id, ShiftLevel level, List<dev.origin.core.hs.HsPrefix> from,
                           List<dev.origin.core.hs.HsPrefix> except, List<Described> fromDescribed,
                           List<Described> exceptDescribed, String citation) {
            this(id, level, from, except, fromDescribed, exceptDescribed, List.of(), citation);
        }
        /** A shift without materials named in words. */
        public TariffShift(String id, ShiftLevel level, List<dev.origin.core.hs.HsPrefix> from,
                           List<dev.origin.core.hs.HsPrefix> except, String citation) {
            this(id, level, from, except, List.of(), List.of(), citation);
        }
        public static TariffShift of(ShiftLevel level, List<dev.origin.core.hs.HsPrefix> except) {
            return new TariffShift(null, level, List.of(), except, null);
        }
        @Override public RequirementKind kind() { return RequirementKind.TARIFF_SHIFT; }
    }

    /**
     * A material named in words in a tariff shift's from- or except-list: the materials of {@code prefix} of
     * which the case file states {@code description} (a material line's {@code facts}, case-insensitive).
     *
     * @param description the legal words, e.g. {@code parts thereof}; not blank, without double quotes
     */
    record Described(dev.origin.core.hs.HsPrefix prefix, String description) {
        public Described {
            java.util.Objects.requireNonNull(prefix, "prefix");
            if (description == null || description.isBlank() || description.indexOf('"') >= 0) {
                throw new IllegalArgumentException("a described material needs a description without double quotes");
            }
        }
        @Override public String toString() { return prefix + " \"" + description + "\""; }
    }

    /** Regional value content of at least {@code min} percent by {@code method}. */
    record Rvc(String id, RvcMethod method, Threshold min, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.RVC; }
    }

    /** The good must be wholly obtained or produced in the territory (no non-originating materials). */
    record WhollyObtained(String id, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.WHOLLY_OBTAINED; }
    }

    /** No change in tariff classification is required (typically paired with an RVC). */
    record NoChangeRequired(String id, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.NO_CHANGE_REQUIRED; }
    }

    /** All of the rules must be met. */
    record AllOf(String id, List<Rule> rules, String citation) implements Rule {
        public AllOf { rules = List.copyOf(rules); }
        @Override public RequirementKind kind() { return RequirementKind.ALL_OF; }
    }

    /** Any one of the alternative rules suffices (SOR/94-14 s.4(6); SOR/2020-155 s.4(5)). */
    record AnyOf(String id, List<Rule> rules, String citation) implements Rule {
        public AnyOf { rules = List.copyOf(rules); }
        @Override public RequirementKind kind() { return RequirementKind.ANY_OF; }
    }

    /**
     * National content of {@code country} of at least {@code min} percent (the 2017 US proposal's "US
     * content"; a model assumption, see docs/automotive.md): (value of originating materials produced in
     * the country + (net cost − value of all materials) when the producer is there) ÷ net cost × 100.
     */
    record NationalContent(String id, String country, Threshold min, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.NATIONAL_CONTENT; }
    }

    /**
     * The core-parts requirement of a passenger vehicle or light truck (SOR/2020-155 s.14(4)-(11), Table
     * A.2): every core part must be originating with an RVC of at least {@code ncMin} (net cost) or
     * {@code tvMin} (transaction value, where the part's figures give one), each part individually or all
     * of them as one "super-core" part, under any of the four VNM options.
     */
    record CoreParts(String id, Threshold ncMin, Threshold tvMin, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.CORE_PARTS; }
    }

    /**
     * Labour value content (SOR/2020-155 s.18): at least {@code min} points in total, of which at least
     * {@code hwmmeMin} from high-wage material and manufacturing expenditures; the technology credit
     * (at most 10 points) and the assembly credit (0 or 5 points) top up the total.
     */
    record Lvc(String id, Threshold min, Threshold hwmmeMin, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.LVC; }
    }

    /** The steel or aluminum purchase requirement (SOR/2020-155 s.17): {@code min} % of Table S purchases originating. */
    record MetalPurchases(String id, Metal metal, Threshold min, String citation) implements Rule {
        @Override public RequirementKind kind() { return metal == Metal.STEEL ? RequirementKind.STEEL : RequirementKind.ALUMINUM; }
    }

    /** Steel or aluminum. */
    enum Metal { STEEL, ALUMINUM }

    /**
     * Canada's 2018 idea, as modelled: regional content counting North American R&amp;D, engineering,
     * software and IP on the total value of the vehicle: (NC − VNM + a) ÷ (NC + b) × 100 ≥ {@code min},
     * with a the North American and b the total value of such intangibles not already in net cost.
     */
    record Intangibles(String id, Threshold min, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.INTANGIBLES; }
    }

    /**
     * A fact the HS code alone does not tell, which the case file must state: that the good is of a
     * described kind ({@code GOOD "gear boxes"}, for rules that split a subheading by description) or
     * that a production process was performed in the territory ({@code PROCESS "cut and sewn"}). Met when
     * the good's {@code facts} include the text (case-insensitive).
     */
    record Condition(String id, ConditionKind condition, String text, String citation) implements Rule {
        @Override public RequirementKind kind() { return RequirementKind.CONDITION; }
    }

    /** What a {@link Condition} asks about. */
    enum ConditionKind { GOOD, PROCESS }
}
