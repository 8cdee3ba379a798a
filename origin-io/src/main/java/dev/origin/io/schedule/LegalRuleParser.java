package dev.origin.io.schedule;

import dev.origin.core.hs.HsPrefix;
import dev.origin.core.hs.HsRange;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RvcMethod;
import dev.origin.core.rules.ShiftLevel;
import dev.origin.core.rules.Threshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the legal English of one Schedule I rule into a {@link Rule}, or explains what it could not read.
 *
 * <p>Understood phrases (each alternative "(1) ...; or (2) ..." is parsed on its own and the results are
 * alternatives of an any-of):
 * <ul>
 * <li>{@code A change to <provisions> from <sources>} where the target is "heading(s)/subheading(s)/tariff
 *     item No. X [through Y]" or "a good of [any of] ..."; sources, joined by "," / "or", are
 *     "any other chapter/heading/subheading" (a level), "any other subheading within heading H / within
 *     Chapters A through B", "any heading/subheading outside that group [within ...]" (the level, except
 *     the provisions of the group), "within that subheading/heading" (the good's own provision), and listed
 *     chapters, headings, subheadings and tariff items with ranges (a from-list);</li>
 * <li>{@code , whether or not there is also a change from <sources>}: more sources (a union);</li>
 * <li>{@code , including another (sub)heading within that group}: already implied by the level;</li>
 * <li>{@code , except from <provisions>}: the except-list;</li>
 * <li>{@code , provided there is a regional value content of not less than: (a) N per cent where the
 *     transaction value method is used, or (b) M per cent where the net cost method is used} (any-of of
 *     two RVC tests), {@code ... not less than N per cent under the net cost method}, and
 *     {@code . In addition, the regional value content must be not less than: ...}: and-ed with the shift;</li>
 * <li>{@code No required change in tariff classification to <provisions>[, provided there is a regional
 *     value content ...]}: NCR [and RVC].</li>
 * </ul>
 * A union of sources becomes one tariff shift: the finest level among the unrestricted levels, the listed
 * provisions as {@code from}, and the group of "outside that group" plus the "except from" provisions as
 * {@code except}. "Any other subheading within heading H" together with "any other heading" is simply a
 * change of subheading (every material outside H already changes heading); on its own it is
 * {@code from H except from <the good's subheading>}.
 */
final class LegalRuleParser {

    /** The rule could not be read. */
    static final class Failure extends Exception {
        final FlagReason reason;
        final String remainder;

        Failure(FlagReason reason, String remainder, String message) {
            super(message);
            this.reason = reason;
            this.remainder = remainder;
        }
    }

    /** The text refers to the good's own provision and the scope has several: parse per provision. */
    static final class NeedsSplit extends RuntimeException {
        NeedsSplit() { super(null, null, false, false); }
    }

    /** The good the rule is for: its scope, and the single provision when the scope was split. */
    record Good(List<HsRange> scope, HsPrefix unit) {}

    private static final String CODE_RE = "(\\d{4}\\.\\d{2}\\.\\d{2}(?:\\.\\d{2})?|\\d{4}\\.\\d{2}|\\d{2}\\.\\d{2}|\\d{4})(?![\\d])";
    private static final Pattern CODE = Pattern.compile(CODE_RE);
    private static final Pattern CHAPTER_NUM = Pattern.compile("(\\d{1,2})(?!\\d|\\.\\d)");
    private static final Pattern KIND = Pattern.compile(
            "(Chapters|Chapter|headings|heading|subheadings|subheading|tariff items? Nos?\\.?|tariff items?)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEVEL_WORD = Pattern.compile("(chapter|heading|subheading|tariff item No\\.?|tariff item)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_START = Pattern.compile(
            "\\s*(,\\s*)?(whether|except|including|provided|in addition|\\.\\s*In addition)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*");
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private final HsNomenclature hs;

    LegalRuleParser(HsNomenclature hs) {
        this.hs = hs;
    }

    /** Normalises whitespace, spelling variants and typographic characters of a legal text. */
    static String normalize(String s) {
        String t = s.replace('\u00a0', ' ').replace('\u2009', ' ').replace('\u2019', '\'')
                .replaceAll("\\s+", " ").strip();
        t = t.replaceAll("(?i)\\bpercent\\b", "per cent").replace("whether of not", "whether or not")
                .replace(" ,", ",").replace("No..", "No.").replace("per pcent", "per cent");
        return t;
    }

    /** Parses the alternatives of one rule (one element per "(n)" alternative, or one for a plain rule). */
    Rule parse(List<String> limbs, Good good) throws Failure {
        List<Rule> alternatives = new ArrayList<>();
        for (int i = 0; i < limbs.size(); i++) {
            try {
                alternatives.add(limb(normalize(limbs.get(i)), good));
            } catch (Failure f) {
                String where = limbs.size() > 1 ? "alternative (" + (i + 1) + "): " : "";
                throw new Failure(f.reason, f.remainder, where + f.getMessage());
            }
        }
        if (alternatives.isEmpty()) throw new Failure(FlagReason.UNRECOGNISED, "", "no rule text");
        return alternatives.size() == 1 ? alternatives.get(0) : new Rule.AnyOf(null, alternatives, null);
    }

    // ------------------------------------------------------------------ one alternative

    private Rule limb(String text, Good good) throws Failure {
        Cur c = new Cur(text);
        if (c.eat("No required change in tariff classification to ")) {
            target(c);
            Rule rvc = null;
            if (c.eat(",?\\s*provided there is a regional value content of not less than")) {
                rvc = rvc(c);
            } else if (c.at(",?\\s*provided")) {
                throw proviso(c);
            }
            finish(c);
            Rule ncr = new Rule.NoChangeRequired(null, null);
            return rvc == null ? ncr : new Rule.AllOf(null, List.of(ncr, rvc), null);
        }
        if (!c.eat("A change to ")) {
            FlagReason r = c.at("Production of") || text.matches("(?is).*\\b(cut|sewn|chemical reaction|distillation)\\b.*")
                    ? FlagReason.PROCESS_REQUIREMENT
                    : c.at("For any") ? FlagReason.DESCRIPTION_SCOPE : FlagReason.UNRECOGNISED;
            throw new Failure(r, c.rest(), "expected `A change to` or `No required change`");
        }
        Target target = target(c);
        if (!c.eat("\\s*from ")) throw c.fail(FlagReason.UNRECOGNISED, "expected `from` after the target");
        Acc acc = new Acc();
        sources(c, acc, target, good);
        Rule rvc = null;
        while (true) {
            if (c.eat(",?\\s*whether or not there is also a change from ")) {
                sources(c, acc, target, good);
            } else if (c.eat(",?\\s*including (another|any other) (sub)?heading within ")) {
                if (!c.eat("that group") && provList(c) == null) {
                    throw c.fail(FlagReason.UNRECOGNISED, "expected `that group` or provisions after `including ... within`");
                }
            } else if (c.eat(",?\\s*except from ")) {
                excepts(c, acc);
            } else if (c.eat(",?\\s*provided there is a regional value content of not less than")
                    || c.eat("\\.?\\s*In addition, the regional value content must be not less than")) {
                if (rvc != null) throw c.fail(FlagReason.UNRECOGNISED, "a second regional value content clause");
                rvc = rvc(c);
            } else if (c.at(",?\\s*provided")) {
                throw proviso(c);
            } else {
                int save = c.pos;
                if (c.eat("\\s*(,\\s*or|,|or)\\s+(from\\s+)?") && !c.at(CLAUSE_START)) {
                    sources(c, acc, target, good);
                } else {
                    c.pos = save;
                    break;
                }
            }
        }
        finish(c);
        Rule shift = acc.build(this, target, good, c);
        return rvc == null ? shift : new Rule.AllOf(null, List.of(shift, rvc), null);
    }

    private static void finish(Cur c) throws Failure {
        c.eat("\\s*[.;,]?\\s*(or|and)?\\s*[.;]?\\s*");
        if (!c.end()) {
            String rest = c.rest();
            FlagReason r = rest.matches("(?is).*\\b(cut|sewn|assembled|chemical reaction|knit|process|processes)\\b.*")
                    ? FlagReason.PROCESS_REQUIREMENT
                    : rest.matches("(?is).*\\b(weight|volume)\\b.*") ? FlagReason.QUANTITY_LIMIT
                    : rest.matches("(?is)(,\\s*)?except to .*|.*\\bthe good contains\\b.*") ? FlagReason.DESCRIPTION_SCOPE
                    : FlagReason.UNRECOGNISED;
            throw c.fail(r, "unexpected text after the rule");
        }
    }

    private static Failure proviso(Cur c) {
        String rest = c.rest();
        FlagReason r = rest.matches("(?is).*\\b(weight|volume|alcoholic content|single strength)\\b.*") ? FlagReason.QUANTITY_LIMIT
                : FlagReason.PROCESS_REQUIREMENT;
        return c.fail(r, "a condition other than regional value content");
    }

    // ------------------------------------------------------------------ target

    record Target(List<HsPrefix> codes, boolean goodOf) {
        int digits() { return codes.get(0).length(); }
    }

    private Target target(Cur c) throws Failure {
        boolean goodOf = c.eat("a good of (any of )?(the )?");
        List<HsPrefix> codes = provList(c);
        if (codes == null) {
            throw c.fail(FlagReason.DESCRIPTION_SCOPE, "the good is described in words, not only by its tariff provision");
        }
        if (!c.at("\\s*from ") && !c.at("\\s*,?\\s*provided") && !c.end() && !c.at("\\s*[.;]")) {
            throw c.fail(FlagReason.DESCRIPTION_SCOPE, "the good is qualified in words after its tariff provision");
        }
        return new Target(codes, goodOf);
    }

    // ------------------------------------------------------------------ sources

    private record Restricted(int digits, List<HsPrefix> container) {}

    private record Outside(int digits, List<HsPrefix> container) {}

    private void sources(Cur c, Acc acc, Target target, Good good) throws Failure {
        source(c, acc, target, good);
        while (true) {
            int save = c.pos;
            if (c.eat("\\s*(,\\s*or|,|or)\\s+(from\\s+)?") && !c.at(CLAUSE_START) && !c.end()) {
                source(c, acc, target, good);
            } else {
                c.pos = save;
                return;
            }
        }
    }

    private void source(Cur c, Acc acc, Target target, Good good) throws Failure {
        Matcher m;
        if ((m = c.match("any other " + LEVEL_WORD.pattern() + "(?![a-z])")) != null) {
            int d = digits(m.group(1), c);
            if (c.eat("\\s*within ")) {
                List<HsPrefix> container = c.eat("that group") ? target.codes() : provList(c);
                if (container == null) throw c.fail(FlagReason.DESCRIPTION_SCOPE, "expected provisions after `within`");
                if (c.eat("\\s*outside (that|the) group")) {
                    acc.outside.add(new Outside(d, container));     // "any other subheading within Chapters 28 through 38 outside that group"
                } else {
                    acc.restricted.add(new Restricted(d, container));
                }
            } else {
                acc.levels.add(d);
            }
            return;
        }
        if ((m = c.match("any " + LEVEL_WORD.pattern() + " outside (that|the) group")) != null) {
            int d = digits(m.group(1), c);
            List<HsPrefix> container = null;
            if (c.eat("\\s*within ")) {
                container = provList(c);
                if (container == null) throw c.fail(FlagReason.DESCRIPTION_SCOPE, "expected provisions after `within`");
            }
            acc.outside.add(new Outside(d, container));
            return;
        }
        if ((m = c.match("within that " + LEVEL_WORD.pattern())) != null) {
            acc.from.add(own(good, digits(m.group(1), c), c));
            return;
        }
        if (c.at("more than one of the following")) {
            throw c.fail(FlagReason.COUNTED_MATERIALS, "a condition on the number of materials");
        }
        List<HsPrefix> codes = provList(c);
        if (codes != null) {
            acc.from.addAll(codes);
            return;
        }
        throw c.fail(FlagReason.DESCRIPTION_SCOPE, "a material described in words, not only by its tariff provision");
    }

    private void excepts(Cur c, Acc acc) throws Failure {
        while (true) {
            if (c.at("more than one of the following")) {
                throw c.fail(FlagReason.COUNTED_MATERIALS, "an exception that depends on the number of materials");
            }
            List<HsPrefix> codes = provList(c);
            if (codes == null) {
                throw c.fail(FlagReason.DESCRIPTION_SCOPE, "an excepted material described in words");
            }
            acc.except.addAll(codes);
            int save = c.pos;
            if (!(c.eat("\\s*(,\\s*or|,|or)\\s+(from\\s+)?") && !c.at(CLAUSE_START) && !c.end())) {
                c.pos = save;
                return;
            }
        }
    }

    private static int digits(String levelWord, Cur c) throws Failure {
        String w = levelWord.toLowerCase(Locale.ROOT);
        if (w.startsWith("tariff item")) throw c.fail(FlagReason.TARIFF_ITEM_LEVEL, "a change of tariff item (8 digits) has no shift level");
        return switch (w) {
            case "chapter" -> 2;
            case "heading" -> 4;
            default -> 6;
        };
    }

    /** The good's own provision at {@code digits}. */
    static HsPrefix own(Good good, int digits, Cur c) throws Failure {
        HsPrefix unit = good.unit();
        if (unit == null) {
            if (good.scope().size() == 1 && good.scope().get(0).from().equals(good.scope().get(0).to())) {
                unit = good.scope().get(0).from();
            } else {
                throw new NeedsSplit();
            }
        }
        if (unit.length() < digits) {
            throw c.fail(FlagReason.UNRECOGNISED, "the good's provision " + unit + " is coarser than the level referred to");
        }
        return new HsPrefix(unit.digits().substring(0, digits));
    }

    // ------------------------------------------------------------------ provision lists

    /**
     * A list of provisions: {@code heading 74.01 or 74.02 or tariff item No. 7404.00.10, 7404.00.20},
     * {@code Chapters 28 through 38}, {@code subheadings 8482.10 through 8482.80}; ranges expanded.
     * Returns null (consuming nothing) when no provision starts here.
     */
    private List<HsPrefix> provList(Cur c) throws Failure {
        boolean[] chapter = {false};
        List<HsPrefix> out = provItem(c, chapter);
        if (out == null) return null;
        out = new ArrayList<>(out);
        while (true) {
            int save = c.pos;
            if (c.eat("\\s*(,\\s*or|,|or|and)\\s+(from\\s+)?")) {
                List<HsPrefix> more = provItem(c, chapter);
                if (more != null) {
                    out.addAll(more);
                    continue;
                }
            }
            c.pos = save;
            return out;
        }
    }

    private List<HsPrefix> provItem(Cur c, boolean[] chapter) throws Failure {
        int save = c.pos;
        Matcher k = c.match(KIND.pattern());
        if (k != null) chapter[0] = k.group(1).toLowerCase(Locale.ROOT).startsWith("chapter");
        HsPrefix a = code(c, chapter[0]);
        if (a == null) {
            c.pos = save;
            return null;
        }
        int afterA = c.pos;
        if (c.eat("\\s*(through|to)\\s+")) {
            Matcher k2 = c.match(KIND.pattern());
            if (k2 != null) chapter[0] = k2.group(1).toLowerCase(Locale.ROOT).startsWith("chapter");
            HsPrefix b = code(c, chapter[0]);
            if (b == null) {
                c.pos = afterA;
                return List.of(a);
            }
            try {
                return hs.expand(a, b);
            } catch (IllegalArgumentException e) {
                throw c.fail(FlagReason.UNRECOGNISED, e.getMessage());
            }
        }
        return List.of(a);
    }

    private static HsPrefix code(Cur c, boolean chapter) {
        if (chapter) {
            Matcher m = c.match(CHAPTER_NUM.pattern());
            if (m != null) return new HsPrefix(m.group(1).length() == 1 ? "0" + m.group(1) : m.group(1));
        }
        Matcher m = c.match(CODE_RE);
        return m == null ? null : HsPrefix.parse(m.group(1));
    }

    // ------------------------------------------------------------------ regional value content

    private static Rule rvc(Cur c) throws Failure {
        List<Rule> tests = new ArrayList<>();
        if (c.eat("\\s*:") || c.at("\\s*\\(a\\)")) {
            do {
                c.eat("\\s*\\([a-z]\\)\\s*");
                tests.add(rvcItem(c, "where the (transaction value|net cost) method is used"));
            } while (c.eat("\\s*(,\\s*or|;\\s*or|,|;|or)(?=\\s*\\([a-z]\\))"));
        } else {
            tests.add(rvcItem(c, "under the (transaction value|net cost) method"));
        }
        return tests.size() == 1 ? tests.get(0) : new Rule.AnyOf(null, tests, null);
    }

    private static Rule rvcItem(Cur c, String methodPhrase) throws Failure {
        Matcher n = c.match("\\s*" + NUMBER.pattern());
        if (n == null) throw c.fail(FlagReason.UNRECOGNISED, "expected a percentage");
        if (!c.eat("per cent ")) throw c.fail(FlagReason.UNRECOGNISED, "expected `per cent`");
        Matcher m = c.match(methodPhrase);
        if (m == null) throw c.fail(FlagReason.UNRECOGNISED, "expected the RVC method");
        RvcMethod method = m.group(1).startsWith("transaction") ? RvcMethod.TV : RvcMethod.NC;
        return new Rule.Rvc(null, method, Threshold.of(new BigDecimal(n.group(1))), null);
    }

    // ------------------------------------------------------------------ building the shift

    private static final class Acc {
        final LinkedHashSet<Integer> levels = new LinkedHashSet<>();
        final List<Restricted> restricted = new ArrayList<>();
        final List<Outside> outside = new ArrayList<>();
        final List<HsPrefix> from = new ArrayList<>();
        final List<HsPrefix> except = new ArrayList<>();

        Rule build(LegalRuleParser p, Target target, Good good, Cur c) throws Failure {
            // "any other L within that group" + "any L' outside that group": every material outside the good's
            // own L-provision, when the group at L covers the group at L' (always when L' == L)
            for (var it = restricted.iterator(); it.hasNext(); ) {
                Restricted r = it.next();
                for (var ot = outside.iterator(); ot.hasNext(); ) {
                    Outside o = ot.next();
                    if (o.container() == null && r.container().equals(target.codes()) && r.digits() >= o.digits()
                            && p.covers(target.codes(), o.digits(), r.digits())) {
                        it.remove();
                        ot.remove();
                        levels.add(r.digits());
                        break;
                    }
                }
            }
            Integer l2 = levels.stream().max(Integer::compare).orElse(null);
            Integer level = l2;
            LinkedHashSet<HsPrefix> f = new LinkedHashSet<>(from);
            LinkedHashSet<HsPrefix> groupEx = new LinkedHashSet<>();
            for (Restricted r : restricted) {
                if (l2 != null && l2 >= r.digits()) continue;                      // subsumed by the finer level
                if (l2 != null && r.container().stream().allMatch(x -> x.length() <= l2)) {
                    level = Math.max(level, r.digits());                            // outside the container = other l2 unit
                    continue;
                }
                HsPrefix own = own(good, r.digits(), c);
                boolean coversOwn = false;
                for (HsPrefix x : r.container()) {
                    if (own.digits().startsWith(x.digits()) && x.length() < own.length()) coversOwn = true;
                    if (!x.digits().startsWith(own.digits())) f.add(x);
                }
                if (coversOwn) groupEx.add(own);                                   // "from 84.07 except from 8407.10"
            }
            for (Outside o : outside) {
                List<HsPrefix> group = new ArrayList<>();
                for (HsPrefix t : target.codes()) {
                    HsPrefix g = t.length() > o.digits() ? new HsPrefix(t.digits().substring(0, o.digits())) : t;
                    if (!group.contains(g)) group.add(g);
                }
                if (l2 != null && l2 >= o.digits()) continue;                       // subsumed
                boolean containerCoarse = o.container() == null || (l2 != null && o.container().stream().allMatch(x -> x.length() <= l2));
                if (containerCoarse) {
                    if (l2 != null && !sameUnit(group, good, l2)) {
                        throw c.fail(FlagReason.UNSUPPORTED_COMBINATION, "`outside that group` with a coarser level across the group");
                    }
                    level = level == null ? o.digits() : Math.max(level, o.digits());
                } else if (l2 == null) {
                    f.addAll(o.container());
                } else {
                    throw c.fail(FlagReason.UNSUPPORTED_COMBINATION, "`outside that group within` with another level");
                }
                groupEx.addAll(group);
            }
            LinkedHashSet<HsPrefix> ex = new LinkedHashSet<>(groupEx);
            ex.addAll(except);
            for (HsPrefix x : f) {
                for (HsPrefix e : ex) {
                    if (x.digits().startsWith(e.digits())) {
                        throw c.fail(FlagReason.UNSUPPORTED_COMBINATION, "a change allowed from " + x + " but excepted by " + e);
                    }
                }
            }
            if (level == null && f.isEmpty()) throw c.fail(FlagReason.UNRECOGNISED, "no source of change");
            ShiftLevel sl = level == null ? null : switch (level) {
                case 2 -> ShiftLevel.CC;
                case 4 -> ShiftLevel.CTH;
                default -> ShiftLevel.CTSH;
            };
            return new Rule.TariffShift(null, sl, List.copyOf(f), List.copyOf(ex), null);
        }

        /** True when the group and every good of the scope share one provision at {@code digits}. */
        private static boolean sameUnit(List<HsPrefix> group, Good good, int digits) {
            LinkedHashSet<String> units = new LinkedHashSet<>();
            for (HsPrefix g : group) units.add(g.digits().substring(0, Math.min(digits, g.length())));
            for (HsRange r : good.scope()) {
                units.add(r.from().digits().substring(0, Math.min(digits, r.from().length())));
                units.add(r.to().digits().substring(0, Math.min(digits, r.to().length())));
            }
            return units.size() == 1 && units.iterator().next().length() == digits;
        }
    }

    /**
     * True when the provisions {@code group} (of {@code fine} digits) include every {@code fine}-digit
     * provision under their {@code coarse}-digit provisions.
     */
    boolean covers(List<HsPrefix> group, int coarse, int fine) {
        if (coarse == fine) return true;
        if (!hs.isLoaded()) return false;
        java.util.Set<String> have = new java.util.HashSet<>();
        for (HsPrefix g : group) have.add(g.digits());
        java.util.Set<String> units = new java.util.LinkedHashSet<>();
        for (HsPrefix g : group) units.add(g.digits().substring(0, coarse));
        for (String u : units) {
            String lo = u + "0".repeat(fine - coarse);
            String hi = u + "9".repeat(fine - coarse);
            for (HsPrefix x : hs.expand(new HsPrefix(lo), new HsPrefix(hi))) {
                if (x.digits().equals(lo) || x.digits().equals(hi)) continue;   // the ends are added by expand
                if (!have.contains(x.digits())) return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ cursor

    static final class Cur {
        final String s;
        int pos;

        Cur(String s) { this.s = s; }

        private static Pattern p(String regex) {
            return CACHE.computeIfAbsent(regex, r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE));
        }

        Matcher match(String regex) {
            Matcher m = p(regex).matcher(s);
            m.region(pos, s.length());
            if (!m.lookingAt()) return null;
            pos = m.end();
            return m;
        }

        boolean eat(String regex) { return match(regex) != null; }

        boolean at(String regex) { return at(p(regex)); }

        boolean at(Pattern p) {
            Matcher m = p.matcher(s);
            m.region(pos, s.length());
            return m.lookingAt();
        }

        boolean end() { return s.substring(pos).isBlank(); }

        String rest() { return s.substring(pos).strip(); }

        Failure fail(FlagReason reason, String message) {
            return new Failure(reason, rest(), message);
        }
    }
}
