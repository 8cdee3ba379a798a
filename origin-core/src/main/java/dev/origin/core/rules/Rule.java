package dev.origin.core.rules;

import java.util.List;

/**
 * A rule of origin as data: a small algebraic type. Every rule has an {@link #id()} (unique within
 * its pack, used as a deciding-rule id in determinations) and a legal {@link #citation()}.
 * Ids and citations may be absent on freshly parsed rules; {@link Rules#withIds} assigns them.
 */
public sealed interface Rule permits Rule.TariffShift, Rule.Rvc, Rule.WhollyObtained,
        Rule.NoChangeRequired, Rule.AllOf, Rule.AnyOf {

    /** Stable id, e.g. {@code psr.rvc}; null until assigned. */
    String id();

    /** Legal citation, e.g. {@code SOR/94-14 Sch. I, heading 87.06}; null when none. */
    String citation();

    /** The requirement kind reported in determinations ({@code tariff-shift}, {@code rvc}, ...). */
    String kind();

    /**
     * A change in tariff classification. A non-originating material satisfies it when it is listed in
     * {@code from} (when given) or when its classification differs from the good's at {@code level}
     * (when a level is given), and in either case it is not under any prefix in {@code except}.
     *
     * @param level  CC, CTH or CTSH; null for a rule that only allows the listed {@code from} provisions
     * @param from   provisions from which a change is allowed in addition to the level (may be empty)
     * @param except provisions from which no change is allowed (may be empty)
     */
    record TariffShift(String id, ShiftLevel level, List<dev.origin.core.hs.HsPrefix> from,
                       List<dev.origin.core.hs.HsPrefix> except, String citation) implements Rule {
        public TariffShift {
            from = List.copyOf(from);
            except = List.copyOf(except);
            if (level == null && from.isEmpty()) {
                throw new IllegalArgumentException("a tariff shift needs a level (CC, CTH, CTSH) or a `from` list");
            }
        }
        public static TariffShift of(ShiftLevel level, List<dev.origin.core.hs.HsPrefix> except) {
            return new TariffShift(null, level, List.of(), except, null);
        }
        @Override public String kind() { return "tariff-shift"; }
    }

    /** Regional value content of at least {@code min} percent by {@code method}. */
    record Rvc(String id, RvcMethod method, Threshold min, String citation) implements Rule {
        @Override public String kind() { return "rvc"; }
    }

    /** The good must be wholly obtained or produced in the territory (no non-originating materials). */
    record WhollyObtained(String id, String citation) implements Rule {
        @Override public String kind() { return "wholly-obtained"; }
    }

    /** No change in tariff classification is required (typically paired with an RVC). */
    record NoChangeRequired(String id, String citation) implements Rule {
        @Override public String kind() { return "no-change-required"; }
    }

    /** All of the rules must be met. */
    record AllOf(String id, List<Rule> rules, String citation) implements Rule {
        public AllOf { rules = List.copyOf(rules); }
        @Override public String kind() { return "all-of"; }
    }

    /** Any one of the alternative rules suffices (SOR/94-14 s.4(6); SOR/2020-155 s.4(5)). */
    record AnyOf(String id, List<Rule> rules, String citation) implements Rule {
        public AnyOf { rules = List.copyOf(rules); }
        @Override public String kind() { return "any-of"; }
    }
}
