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
 *
 * <p>Conventions for what the HS code alone does not tell (the lead's {@code CTI} level and {@code GOOD} /
 * {@code PROCESS} conditions):
 * <ul>
 * <li>"any other tariff item" is the {@code CTI} level (8 digits); "except from ... or combinations thereof" stays flagged.</li>
 * <li>A good named in words ("A change to gear boxes of subheading 8708.40 from ...", "tubes ... of subheading
 *     4009.12, of a kind for use in ..., from ...", "a good of feather or down of heading 67.01") puts
 *     {@code GOOD "<the words, without the provision>"} before the limb's rule. "Any other good of <provision>"
 *     gets {@code GOOD "other than <d1> or <d2> ..."}, naming every good described in the other limbs of the same
 *     rule, so that a described good cannot qualify under the other goods' limbs (the case file states which it
 *     is). When no limb describes a good and Schedule I has rules for finer provisions inside the scope (tariff
 *     items of the subheading, which take precedence), the other goods are exactly the rest and the limb has no
 *     condition; otherwise it is flagged.</li>
 * <li>A material named in words in a from- or except-list ("from parts thereof of subheading 8708.94 or 8708.99",
 *     "except from printed circuit assemblies (PCAs) of subheading 9030.90") becomes a described entry
 *     ({@link Rule.Described}) for each provision after "of" up to a repeated provision word, with the legal words as
 *     the description ({@code 8708.94 "parts thereof"}, {@code 9030.90 "printed circuit assemblies (PCAs)"}): only
 *     materials whose case-file line states those words are admitted or excepted. "Any other good of X" is resolved:
 *     when X is (part of) the good's own provision it is {@code X "other than <the limb's GOOD description>"} (the
 *     words of the {@code GOOD "other than ..."} convention, so "any other good of subheading 2811.29" in the limb
 *     for sulphur dioxide is {@code 2811.29 "other than sulphur dioxide"}; a fixed text such as "other goods of the
 *     subheading" would leave open other than what); when the limb named a material of X in words ("from barium
 *     chloride of subheading 2827.39 ..., except from any other good of subheading 2827.39") it is
 *     {@code X "other than <those words>"}; otherwise, in a from-list, X is listed plainly (no good of X is the
 *     limb's good, so every good of X is "other"). Still flagged ({@link FlagReason#DESCRIPTION_SCOPE}): materials
 *     named without a tariff provision ("assemblies incorporating more than one of the following: ...", "parts of
 *     facsimile machines specified in Note 4 of Chapter 84"), "any other good" of the good's own provision when the
 *     good is not described, "except from any other good" of a provision nothing was named of; and
 *     ({@link FlagReason#UNSUPPORTED_COMBINATION}) a material admitted by name but under an exception meant for the
 *     other sources ("from flat yarns of 5402.45 or any other chapter, except from Chapters 54 through 55").</li>
 * <li>Production requirements become {@code PROCESS} conditions with a normalised legal phrase: "both cut (or knit
 *     to shape) and sewn or otherwise assembled in the territory of one or more of the NAFTA countries" is
 *     {@code PROCESS "cut or knit to shape and sewn or otherwise assembled in the territory"} (without "or knit to
 *     shape" when the law has none); "the good resulting from such change is the product of a chemical reaction"
 *     is {@code PROCESS "chemical reaction"}; "the non-originating materials undergo electrolytic, thermal or
 *     chemical separation or alloying" and "if bar or rod is used, the cross-sectional area ... is reduced by at
 *     least 50 per cent" keep their words.</li>
 * <li>Requirements on what the good is or is made of, stated by the producer, become {@code GOOD} conditions with
 *     the legal words: "the visible lining fabric listed in Note 1 to Chapter 61 satisfies the tariff change
 *     requirements provided therein", "wholly of fabric of tariff item No. ..., exclusive of collar, ...", "waste and
 *     scrap as described in paragraph 4(1)(i) of these Regulations".</li>
 * <li>"except from [X or] more than one of the following: — subheadings 8413.50 through 8413.60, — tariff item No.
 *     8466.93.10, — subheading 8501.32 or 8501.52" becomes {@code except from [X or] more than one of [8413.50, 8413.60],
 *     [8466.93.10], [8501.32, 8501.52]}: one group per entry, ranges expanded inside the entry. The complementary limb
 *     "from more than one of the following: <the entries>, whether or not there is also a change from any other L, provided
 *     RVC" becomes {@code L from <the provisions of the entries> and RVC}: dropping "more than one" is exact only beside a
 *     limb "from any other L, except from more than one of <the same entries>" for the same good, whose entries all change
 *     at L (with fewer than two entries used that limb is met whenever the dropped condition would fail), which is
 *     checked; otherwise, and for entries named in words, {@link FlagReason#COUNTED_MATERIALS}.</li>
 * <li>Conditions are and-ed with the limb's rule in the order: the good's description, the shift (or NCR), the
 *     RVC, then the provisos.</li>
 * <li>A limb for only part of the scope ("No required change ... to subheading 7106.91" in the rule for
 *     7106.10-7106.92) makes the importer split the rule per provision ({@link NeedsSplit}); each provision gets
 *     the limbs that name it.</li>
 * </ul>
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

    /**
     * The good the rule is for: its scope, the single provision when the scope was split, and whether Schedule I
     * has rules for finer provisions inside the scope (tariff items of the subheading), which take precedence
     * (Sch. I s.1(b)) and are then the goods an "any other good of ..." limb excludes.
     */
    record Good(List<HsRange> scope, HsPrefix unit, boolean finerRules) {
        Good(List<HsRange> scope, HsPrefix unit) { this(scope, unit, false); }
    }

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

    private final HsRanges hs;

    LegalRuleParser(HsRanges hs) {
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
        Ctx ctx = new Ctx();
        Rule[] parsed = new Rule[limbs.size()];
        boolean[] applies = new boolean[limbs.size()];
        // "any other good of ..." limbs last: their condition names the goods described in the other limbs
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < limbs.size(); i++) {
                String text = normalize(limbs.get(i));
                if (OTHER_GOOD_LIMB.matcher(text).lookingAt() != (pass == 1)) continue;
                try {
                    parsed[i] = limb(text, good, ctx);
                    applies[i] = true;
                } catch (NotApplicable n) {
                    applies[i] = false;
                } catch (Failure f) {
                    String where = limbs.size() > 1 ? "alternative (" + (i + 1) + "): " : "";
                    throw new Failure(f.reason, f.remainder, where + f.getMessage());
                }
            }
        }
        for (Counted from : ctx.countedFrom) {
            // "(2) from more than one of G, whether or not there is also a change from any other L, provided RVC" is
            // read as "L from <the provisions of G> and RVC", dropping "more than one": exact only beside a limb
            // "(1) from any other L, except from more than one of G" for the same good, which admits every case
            // of fewer than two entries (each provision of G changes at L, checked when the limb was read)
            if (!ctx.countedExcept.contains(from)) {
                throw new Failure(FlagReason.COUNTED_MATERIALS, "", "a change `from more than one of the following` without"
                        + " the alternative `from any other " + from.level() + ", except from more than one of` the same entries");
            }
        }
        List<Rule> alternatives = new ArrayList<>();
        for (int i = 0; i < limbs.size(); i++) if (applies[i]) alternatives.add(parsed[i]);
        if (alternatives.isEmpty()) {
            throw new Failure(limbs.isEmpty() ? FlagReason.UNRECOGNISED : FlagReason.UNSUPPORTED_COMBINATION, "",
                    limbs.isEmpty() ? "no rule text" : "no alternative applies to " + (good.unit() == null ? good.scope() : good.unit()));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Rule.AnyOf(null, alternatives, null);
    }

    private static final Pattern OTHER_GOOD_LIMB = Pattern.compile(
            "(A change to|No required change in tariff classification to) any other goods? of ", Pattern.CASE_INSENSITIVE);

    /** What the limbs of one rule share: the goods described in words (for "any other good"). */
    static final class Ctx {
        final LinkedHashSet<String> described = new LinkedHashSet<>();
        /** Limbs that are exactly "a change to T from any other L, except from more than one of G". */
        final List<Counted> countedExcept = new ArrayList<>();
        /** Limbs "a change to T from more than one of G, whether or not there is also a change from any other L". */
        final List<Counted> countedFrom = new ArrayList<>();
    }

    /** The target, level and entries of a limb with counted materials. */
    record Counted(List<HsPrefix> target, ShiftLevel level, List<List<HsPrefix>> groups) {}

    /** The limb is for provisions of the scope other than the one being parsed (after a split). */
    static final class NotApplicable extends Exception {
        NotApplicable() { super(null, null, false, false); }
    }

    // ------------------------------------------------------------------ one alternative

    private Rule limb(String text, Good good, Ctx ctx) throws Failure, NotApplicable {
        Cur c = new Cur(text);
        List<Rule> conditions = new ArrayList<>();
        if (c.eat("No required change in tariff classification to ")) {
            Target target = target(c, ctx, good);
            checkScope(target, good, c);
            if (target.condition() != null) conditions.add(target.condition());
            Rule rvc = null;
            if (c.eat(",?\\s*provided there is (also )?a regional value content of not less than")) {
                rvc = rvc(c);
            } else if (c.at(",?\\s*(whether or not there is also a change from (another|any other) subheading,?\\s*)?provided")) {
                c.eat(",?\\s*whether or not there is also a change from (another|any other) subheading");
                conditions.addAll(provisos(c, null));
            }
            finish(c);
            List<Rule> all = new ArrayList<>();
            if (target.condition() != null) all.add(target.condition());
            all.add(new Rule.NoChangeRequired(null, null));
            if (rvc != null) all.add(rvc);
            for (Rule r : conditions) if (r != target.condition()) all.add(r);
            return all.size() == 1 ? all.get(0) : new Rule.AllOf(null, all, null);
        }
        if (!c.eat("A change to ")) {
            FlagReason r = c.at("Production of") || text.matches("(?is).*\\b(cut|sewn|chemical reaction|distillation)\\b.*")
                    ? FlagReason.PROCESS_REQUIREMENT
                    : c.at("For any") ? FlagReason.DESCRIPTION_SCOPE : FlagReason.UNRECOGNISED;
            throw new Failure(r, c.rest(), "expected `A change to` or `No required change`");
        }
        Target target = target(c, ctx, good);
        checkScope(target, good, c);
        if (target.condition() != null) conditions.add(target.condition());
        if (!c.eat("\\s*,?\\s*from ")) throw c.fail(FlagReason.UNRECOGNISED, "expected `from` after the target");
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
            } else if (c.eat(",?\\s*except from ") || c.eat(",?\\s*except (?=(Chapters?|headings?|subheadings?|tariff items?)\\s)")) {
                excepts(c, acc, target, good);
            } else if (c.eat(",?\\s*provided there is (also )?a regional value content of not less than")
                    || c.eat("\\.?\\s*In addition, the regional value content must be not less than")) {
                if (rvc != null) throw c.fail(FlagReason.UNRECOGNISED, "a second regional value content clause");
                rvc = rvc(c);
            } else if (c.at(",?\\s*provided")) {
                conditions.addAll(provisos(c, acc));
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
        Rule.TariffShift shift = acc.build(this, target, good, c);
        List<Rule> all = new ArrayList<>();
        if (target.condition() != null) all.add(target.condition());
        all.add(shift);
        if (rvc != null) all.add(rvc);
        for (Rule r : conditions) if (r != target.condition()) all.add(r);
        if (!acc.countedFrom.isEmpty()) countedFrom(c, ctx, acc, target, shift);
        if (all.size() == 1 && !shift.atMostOneOf().isEmpty() && shift.level() != null && shift.from().isEmpty()
                && shift.fromDescribed().isEmpty() && shift.except().isEmpty() && shift.exceptDescribed().isEmpty()) {
            ctx.countedExcept.add(new Counted(target.codes(), shift.level(), shift.atMostOneOf()));
        }
        return all.size() == 1 ? all.get(0) : new Rule.AllOf(null, all, null);
    }

    /**
     * Checks a limb "from more than one of G, whether or not there is also a change from any other L": its shift
     * must be the level L from exactly the provisions of G, each of which changes at L from every good of the
     * target; the rule-level check ({@link #parse}) then looks for the complementary limb.
     */
    private static void countedFrom(Cur c, Ctx ctx, Acc acc, Target target, Rule.TariffShift shift) throws Failure {
        LinkedHashSet<HsPrefix> codes = new LinkedHashSet<>();
        for (List<HsPrefix> g : acc.countedFrom) codes.addAll(g);
        boolean exact = acc.countedFrom.size() >= 2 && shift.level() != null && shift.except().isEmpty()
                && shift.exceptDescribed().isEmpty() && shift.fromDescribed().isEmpty()
                && new LinkedHashSet<>(shift.from()).equals(codes) && shift.atMostOneOf().isEmpty();
        int d = exact ? shift.level().digits() : 0;
        for (HsPrefix g : codes) {
            for (HsPrefix t : target.codes()) {
                int n = Math.min(d, Math.min(g.length(), t.length()));
                if (exact && g.digits().substring(0, n).equals(t.digits().substring(0, n))) exact = false;
            }
        }
        if (!exact) {
            throw c.fail(FlagReason.COUNTED_MATERIALS, "a change `from more than one of the following` that is not the"
                    + " complement of a limb `except from more than one of` the same entries");
        }
        ctx.countedFrom.add(new Counted(target.codes(), shift.level(), List.copyOf(acc.countedFrom)));
    }

    /**
     * The entries of "more than one of the following: — subheadings 8413.50 through 8413.60, — tariff item No.
     * 8466.93.10, — subheading 8501.32 or 8501.52": one group per entry, ranges expanded. An entry that is not a
     * list of provisions (a material named in words) is flagged.
     */
    private List<List<HsPrefix>> countedEntries(Cur c) throws Failure {
        if (!c.eat("more than one (of )?the following\\s*:?\\s*")) {
            throw c.fail(FlagReason.COUNTED_MATERIALS, "expected `more than one of the following`");
        }
        List<List<HsPrefix>> groups = new ArrayList<>();
        do {
            c.eat("\\s*[\u2014\u2013-]\\s*");
            int start = c.pos;
            List<HsPrefix> entry = provList(c);
            if (entry == null || !(c.end() || c.at("\\s*[,;.]"))) {
                c.pos = start;
                throw c.fail(FlagReason.COUNTED_MATERIALS, "an entry of `more than one of the following` that is not a list"
                        + " of tariff provisions");
            }
            groups.add(entry);
        } while (c.eat("\\s*,\\s*(?=[\u2014\u2013])"));
        if (groups.size() < 2) throw c.fail(FlagReason.COUNTED_MATERIALS, "`more than one of` a single entry");
        return groups;
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

    /**
     * The production or description requirements after "provided that", as {@code PROCESS} / {@code GOOD}
     * conditions; anything else (weights, volumes, counts of materials) fails as before.
     */
    private List<Rule> provisos(Cur c, Acc acc) throws Failure {
        int save = c.pos;
        List<Rule> out = new ArrayList<>();
        Matcher m;
        if (c.eat(",?\\s*provided that:?\\s*(\\(a\\)\\s*)?the good is both cut (\\(or knit to shape\\) )?and sewn or otherwise assembled"
                + " in the territory of one or more of the NAFTA countries")) {
            boolean knit = c.s.substring(save, c.pos).contains("knit to shape");
            out.add(process(knit ? CUT_KNIT_SEWN : CUT_SEWN));
            if ((m = c.match(",?\\s*and \\(b\\) the visible lining fabric listed in Note 1 to Chapter (\\d+) satisfies the tariff"
                    + " change requirements provided therein")) != null) {
                out.add(goodIs("visible lining fabric listed in Note 1 to Chapter " + m.group(1)
                        + " satisfies the tariff change requirements provided therein"));
            }
        } else if ((m = c.match(",?\\s*provided that the good, exclusive of ([^;]+?), is wholly of such fabric and the good is both cut"
                + " and sewn or otherwise assembled in the territory of one or more of the NAFTA countries")) != null
                && acc != null && !acc.from.isEmpty() && acc.levels.isEmpty() && acc.restricted.isEmpty() && acc.outside.isEmpty()) {
            String fabric = acc.from.stream().map(HsPrefix::toString).collect(java.util.stream.Collectors.joining(", "));
            out.add(goodIs("wholly of fabric of " + (acc.from.get(0).length() > 6 ? "tariff item No. " : "") + fabric
                    + ", exclusive of " + m.group(1)));
            out.add(process(CUT_SEWN));
        } else if (c.eat(",?\\s*provided that the good resulting from such (a )?change is the product of a chemical reaction")) {
            out.add(process("chemical reaction"));
        } else if (c.eat(",?\\s*provided that the non-originating materials undergo electrolytic, thermal or chemical separation or alloying")) {
            out.add(process("electrolytic, thermal or chemical separation or alloying of the non-originating materials"));
        } else if (c.eat(",?\\s*provided that,? if bar or rod is used, the cross-sectional area of the bar or rod is reduced by at least 50 per cent")) {
            out.add(process("if bar or rod is used, the cross-sectional area of the bar or rod is reduced by at least 50 per cent"));
        } else if (c.eat(",?\\s*provided (that )?the waste and scrap are as described in paragraph 4\\(1\\)\\(i\\) of these Regulations")) {
            out.add(goodIs("waste and scrap as described in paragraph 4(1)(i) of these Regulations"));
        } else {
            throw proviso(c);
        }
        return out;
    }

    /** The {@code PROCESS} text for "both cut (or knit to shape) and sewn or otherwise assembled in the territory ...". */
    static final String CUT_KNIT_SEWN = "cut or knit to shape and sewn or otherwise assembled in the territory";
    /** The {@code PROCESS} text for "both cut and sewn or otherwise assembled in the territory ...". */
    static final String CUT_SEWN = "cut and sewn or otherwise assembled in the territory";

    private static Rule.Condition process(String text) {
        return new Rule.Condition(null, Rule.ConditionKind.PROCESS, text, null);
    }

    private static Rule.Condition goodIs(String text) {
        return new Rule.Condition(null, Rule.ConditionKind.GOOD, text, null);
    }

    private static Failure proviso(Cur c) {
        String rest = c.rest();
        FlagReason r = rest.matches("(?is).*\\b(weight|volume|alcoholic content|single strength)\\b.*") ? FlagReason.QUANTITY_LIMIT
                : FlagReason.PROCESS_REQUIREMENT;
        return c.fail(r, "a condition other than regional value content");
    }

    // ------------------------------------------------------------------ target

    /**
     * The goods a limb is for: their provisions and, when the limb names them in words ("gear boxes of
     * subheading 8708.40", "any other good of subheading 8708.40"), the {@code GOOD} condition.
     */
    record Target(List<HsPrefix> codes, boolean goodOf, Rule.Condition condition) {
        int digits() { return codes.get(0).length(); }
    }

    private static final Pattern DESCRIBED_OF = Pattern.compile(
            ",?\\s+of (the )?(?=(subheadings?|headings?|tariff items?( Nos?\\.?)?|Chapters?)\\s*\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER_END = Pattern.compile(
            ",?\\s+from (?=any |within |subheadings? |headings? |Chapters? |tariff item|\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_GOOD = Pattern.compile("any other goods?", Pattern.CASE_INSENSITIVE);

    /** True when {@code code} names part of the good's scope (or the scope part of it). */
    private static boolean overlaps(HsPrefix code, Good good) {
        List<HsRange> scope = good.unit() == null ? good.scope() : List.of(new HsRange(good.unit(), good.unit()));
        for (HsRange r : scope) {
            int d = Math.min(code.length(), r.from().length());
            String x = code.digits().substring(0, d);
            if (x.compareTo(r.from().digits().substring(0, d)) >= 0 && x.compareTo(r.to().digits().substring(0, d)) <= 0) return true;
        }
        return false;
    }

    /**
     * True when {@code code} names part of the good's scope, or, after a split, another subheading of the same
     * heading (a limb for a sibling provision of the split scope, which {@link #checkScope} then skips).
     */
    private static boolean overlapsOrSibling(HsPrefix code, Good good) {
        if (overlaps(code, good)) return true;
        HsPrefix unit = good.unit();
        return unit != null && unit.length() >= 6 && code.length() >= 6
                && code.digits().substring(0, 4).equals(unit.digits().substring(0, 4));
    }

    private Target target(Cur c, Ctx ctx, Good good) throws Failure {
        boolean goodOf = c.eat("a good of (any of )?(the )?");
        c.eat("any of (the )?(?=(subheadings?|headings?|tariff items?)\\s)");
        int start = c.pos;
        List<HsPrefix> codes = provList(c);
        String description = null;
        if (codes == null) {
            // "<words> of subheading 8708.40": the first "of <provisions>" naming provisions of the good's scope
            Matcher of = DESCRIBED_OF.matcher(c.s);
            of.region(start, c.s.length());
            String words = null;
            while (of.find()) {
                c.pos = of.end();
                List<HsPrefix> found = provList(c);
                if (found != null && found.stream().anyMatch(x -> overlapsOrSibling(x, good))) {
                    words = c.s.substring(start, of.start()).strip();
                    codes = found;
                    break;
                }
            }
            if (words == null || words.isEmpty()
                    || words.matches("(?is).*(\\bfrom\\b|\\bprovided (that|there)\\b|\\bwhether\\b(?! or not\\b)|\\bwhether or not there\\b).*")) {
                c.pos = start;
                throw c.fail(FlagReason.DESCRIPTION_SCOPE, "the good is described in words, not only by its tariff provision");
            }
            description = (goodOf ? "a good of " : "") + words;
            goodOf = false;
            boolean which = c.at("\\s+which\\b");                                      // "hides of 41.01 which have undergone ..."
            if (which || c.at(",(?!\\s*(from|whether|except|including|provided)\\b)")) {       // ", of a kind for use in ..., from"
                Matcher end = QUALIFIER_END.matcher(c.s);
                end.region(c.pos, c.s.length());
                if (!end.find()) throw c.fail(FlagReason.DESCRIPTION_SCOPE, "the good is qualified in words after its tariff provision");
                String qualifier = c.s.substring(c.pos, end.start()).replaceFirst("^,\\s*", "").strip();
                if (qualifier.matches("(?is).*\\b(provided|whether|except)\\b.*")) {
                    throw c.fail(FlagReason.DESCRIPTION_SCOPE, "the good is qualified in words after its tariff provision");
                }
                description = description + (which ? " " : ", ") + qualifier;
                c.pos = end.start();
            }
        }
        if (!c.at("\\s*,?\\s*from ") && !c.at("\\s*,?\\s*(whether or not there is also a change from (another|any other) subheading,?\\s*)?provided")
                && !c.end() && !c.at("\\s*[.;]")) {
            throw c.fail(FlagReason.DESCRIPTION_SCOPE, "the good is qualified in words after its tariff provision");
        }
        Rule.Condition condition = null;
        if (description != null) {
            description = normalize(description).replaceAll(",$", "");
            if (OTHER_GOOD.matcher(description).matches() && ctx.described.isEmpty() && good.finerRules()) {
                condition = null;                  // the other goods are those without a finer rule of their own
            } else if (OTHER_GOOD.matcher(description).matches()) {
                if (ctx.described.isEmpty()) {
                    throw c.fail(FlagReason.DESCRIPTION_SCOPE, "`any other good` with no good described in the other alternatives");
                }
                condition = goodIs("other than " + String.join(" or ", ctx.described));
            } else {
                ctx.described.add(description);
                condition = goodIs(description);
            }
        }
        return new Target(codes, goodOf, condition);
    }

    /**
     * Checks that the limb is for every provision of the scope; a limb for some of them splits the rule per
     * provision ({@link NeedsSplit}), and after the split a limb for other provisions is skipped.
     */
    private void checkScope(Target target, Good good, Cur c) throws NotApplicable {
        if (good.unit() != null) {
            if (!covered(good.unit(), target.codes())) throw new NotApplicable();
            return;
        }
        for (HsRange r : good.scope()) {
            List<HsPrefix> units;
            try {
                units = hs.expand(r.from(), r.to());
            } catch (IllegalArgumentException e) {
                units = List.of(r.from(), r.to());
            }
            for (HsPrefix u : units) {
                if (!covered(u, target.codes())) throw new NeedsSplit();
            }
        }
    }

    private static boolean covered(HsPrefix unit, List<HsPrefix> codes) {
        return codes.stream().anyMatch(t -> unit.digits().startsWith(t.digits()));
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
        if (c.at("more than one (of )?the following")) {
            if (!acc.countedFrom.isEmpty()) throw c.fail(FlagReason.COUNTED_MATERIALS, "two lists of counted materials");
            acc.countedFrom.addAll(countedEntries(c));
            return;
        }
        List<HsPrefix> codes = provList(c);
        if (codes != null) {
            acc.from.addAll(codes);
            return;
        }
        Named named = named(c, acc, false, target, good, "a material described in words, not only by its tariff provision");
        acc.from.addAll(named.plain());
        acc.fromDescribed.addAll(named.described());
    }

    private void excepts(Cur c, Acc acc, Target target, Good good) throws Failure {
        while (true) {
            if (c.at("more than one (of )?the following")) {
                if (!acc.atMostOneOf.isEmpty()) throw c.fail(FlagReason.COUNTED_MATERIALS, "two lists of counted materials");
                acc.atMostOneOf.addAll(countedEntries(c));
                return;                              // the entries end the exceptions
            }
            List<HsPrefix> codes = provList(c);
            if (codes == null) {
                Named named = named(c, acc, true, target, good, "an excepted material described in words");
                acc.except.addAll(named.plain());
                acc.exceptDescribed.addAll(named.described());
            } else {
                acc.except.addAll(codes);
            }
            int save = c.pos;
            if (!(c.eat("\\s*(,\\s*or|,|or)\\s+(from\\s+)?") && !c.at(CLAUSE_START) && !c.end())) {
                c.pos = save;
                return;
            }
        }
    }

    // ------------------------------------------------------------------ materials named in words

    /** A material named in words: the provisions it names plainly and those it names with a description. */
    private record Named(List<HsPrefix> plain, List<Rule.Described> described) {}

    /** "of subheading 8708.94", "of heading 88.01", "of tariff item No. 8538.90.20", "of Chapter 85", "of that subheading". */
    private static final Pattern MATERIAL_OF = Pattern.compile(
            ",?\\s+of (the )?(?=(subheadings?|headings?|tariff items?( Nos?\\.?)?|Chapters?)\\s*\\d|that (sub)?heading\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Words that end a material's description: another clause of the rule begins. */
    private static final Pattern NOT_A_DESCRIPTION = Pattern.compile(
            "(?is).*(\\b(from|except|change|changes)\\b|\\bprovided (that|there)\\b|\\bwhether\\b(?! or not\\b)|\\bwhether or not there\\b"
            + "|\\bincluding (another|any other)\\b|;|\"|^more than one\\b|^a combination\\b).*");
    /** "... specified in Note 4 of Chapter 84": a note of a chapter, not the material's provision. */
    private static final Pattern NOTE_BEFORE = Pattern.compile("(?is).*\\bNotes?\\s+\\d+(\\s*\\([a-z0-9]+\\))?$");

    /**
     * A material named in words before its provision: {@code parts thereof of subheading 8708.94 or 8708.99},
     * {@code printed circuit assemblies (PCAs) of subheading 9030.90}, {@code any other good of subheading 8708.40}.
     * The description is the legal words, except "any other good(s)", which is resolved against the limb's good:
     * for provisions of the good's own scope it becomes {@code other than <the good's description>} (the same
     * words as the {@code GOOD "other than ..."} convention, so a case file states the same text for a material as
     * for a good), for other provisions nothing needs to be stated (no good of theirs is the limb's good) and the
     * provision is listed plainly. The description applies to the provisions that follow "of" without a repeated
     * provision word ("of subheading 8708.94 or 8708.99"); "its salts of subheading 2924.23 or subheading 2917.20"
     * names 2917.20 plainly. Anything else fails with {@link FlagReason#DESCRIPTION_SCOPE}.
     */
    private Named named(Cur c, Acc acc, boolean except, Target target, Good good, String failure) throws Failure {
        int start = c.pos;
        Matcher of = MATERIAL_OF.matcher(c.s);
        of.region(start, c.s.length());
        while (of.find()) {
            String words = normalize(c.s.substring(start, of.start())).replaceAll(",$", "").strip();
            if (words.isEmpty() || NOT_A_DESCRIPTION.matcher(words).matches()) break;
            if (NOTE_BEFORE.matcher(words).matches()) continue;
            c.pos = of.end();
            List<HsPrefix> codes;
            Matcher own = c.match("that (sub)?heading\\b");
            if (own != null) {
                codes = List.of(own(good, own.group(1) == null ? 4 : 6, c));
            } else {
                codes = describedCodes(c);
            }
            if (codes == null || !(c.end() || c.at("\\s*([,;.]|or\\s|whether\\s|provided\\s)"))) break;
            List<HsPrefix> plain = new ArrayList<>();
            List<Rule.Described> described = new ArrayList<>();
            if (OTHER_GOOD.matcher(words).matches()) {
                for (HsPrefix x : codes) {
                    if (!overlaps(x, good)) {
                        // "from barium chloride of subheading 2827.39 ..., except from any other good of subheading 2827.39"
                        LinkedHashSet<String> named = new LinkedHashSet<>();
                        for (Rule.Described d : acc.fromDescribed) if (d.prefix().equals(x)) named.add(d.description());
                        for (Rule.Described d : acc.exceptDescribed) if (d.prefix().equals(x)) named.add(d.description());
                        if (!named.isEmpty() && named.stream().noneMatch(n -> n.startsWith("other than "))) {
                            described.add(new Rule.Described(x, "other than " + String.join(" or ", named)));
                        } else if (!except) {
                            plain.add(x);              // no good of x is the limb's good: every good of x is "other"
                        } else {
                            c.pos = start;
                            throw c.fail(FlagReason.DESCRIPTION_SCOPE, "`except from any other good` of a provision with no"
                                    + " good named in words");
                        }
                        continue;
                    }
                    Rule.Condition cond = target.condition();
                    if (cond == null || cond.text().startsWith("other than ")) {
                        c.pos = start;
                        throw c.fail(FlagReason.DESCRIPTION_SCOPE, "`any other good` of the good's own provision, for a good"
                                + " not described in words");
                    }
                    described.add(new Rule.Described(x, "other than " + cond.text()));
                }
            } else {
                for (HsPrefix x : codes) described.add(new Rule.Described(x, words));
            }
            return new Named(plain, described);
        }
        c.pos = start;
        throw c.fail(FlagReason.DESCRIPTION_SCOPE, failure);
    }

    /** The provisions a description applies to: a list without a repeated provision word. */
    private List<HsPrefix> describedCodes(Cur c) throws Failure {
        return provSequence(c, "\\s*(,\\s*or|,|or|and)\\s+", true);
    }

    private static int digits(String levelWord, Cur c) {
        String w = levelWord.toLowerCase(Locale.ROOT);
        if (w.startsWith("tariff item")) return 8;
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
        return provSequence(c, "\\s*(,\\s*or|,|or|and)\\s+(from\\s+)?", false);
    }

    /**
     * Provision items joined by {@code separator}; with {@code stopAtKind} a separator followed by a provision
     * word ("heading", "subheading", ...) ends the list. Null (consuming nothing) when no provision starts here.
     */
    private List<HsPrefix> provSequence(Cur c, String separator, boolean stopAtKind) throws Failure {
        boolean[] chapter = {false};
        List<HsPrefix> out = provItem(c, chapter);
        if (out == null) return null;
        out = new ArrayList<>(out);
        while (true) {
            int save = c.pos;
            if (c.eat(separator) && !(stopAtKind && c.at(KIND.pattern()))) {
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
                tests.add(rvcItem(c, "where the (transaction value|transaction|net cost) method is used"));
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
        final List<Rule.Described> fromDescribed = new ArrayList<>();
        final List<Rule.Described> exceptDescribed = new ArrayList<>();
        /** "except from more than one of the following": the entries. */
        final List<List<HsPrefix>> atMostOneOf = new ArrayList<>();
        /** "from more than one of the following": the entries (their provisions are also a from-list). */
        final List<List<HsPrefix>> countedFrom = new ArrayList<>();

        Rule.TariffShift build(LegalRuleParser p, Target target, Good good, Cur c) throws Failure {
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
            for (List<HsPrefix> g : countedFrom) f.addAll(g);
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
            for (Rule.Described x : fromDescribed) {
                for (HsPrefix e : ex) {
                    if (x.prefix().digits().startsWith(e.digits())) {
                        throw c.fail(FlagReason.UNSUPPORTED_COMBINATION, "a change allowed from " + x + " but excepted by " + e);
                    }
                }
            }
            for (List<HsPrefix> g : atMostOneOf) {
                for (HsPrefix x : g) {
                    for (HsPrefix e : ex) {
                        if (x.digits().startsWith(e.digits()) || e.digits().startsWith(x.digits())) {
                            throw c.fail(FlagReason.UNSUPPORTED_COMBINATION, "a counted entry " + x + " overlapping the exception " + e);
                        }
                    }
                }
            }
            if (level == null && f.isEmpty() && fromDescribed.isEmpty()) throw c.fail(FlagReason.UNRECOGNISED, "no source of change");
            ShiftLevel sl = level == null ? null : switch (level) {
                case 2 -> ShiftLevel.CC;
                case 4 -> ShiftLevel.CTH;
                case 6 -> ShiftLevel.CTSH;
                default -> ShiftLevel.CTI;
            };
            return new Rule.TariffShift(null, sl, List.copyOf(f), List.copyOf(ex), List.copyOf(new LinkedHashSet<>(fromDescribed)),
                    List.copyOf(new LinkedHashSet<>(exceptDescribed)), atMostOneOf, null);
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
