package dev.origin.io.hs;

import dev.origin.core.hs.HsEdition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Derives origin-core's table {@code dev/origin/core/hs/parts-provisions.txt} of the HS provisions that provide
 * for both a good and its parts (criterion (d): SOR/94-14 s.4(4)(b)(ii)(B), SOR/2020-155 s.3(4)(a); s.4(5) and
 * s.3(5): decided "on the basis of the nomenclature of the heading or subheading") from the descriptions of the
 * HS 2017 and HS 2022 nomenclatures. A test-scope tool: {@code PartsProvisionClassifierTest} re-derives the
 * table from {@code shared/data/harmonized-system} and compares it with the committed resource.
 *
 * <p>The descriptions are UN Comtrade's abbreviated paraphrases, in the style {@code Category; specifics}:
 * {@code Pumps; parts thereof} is the parts subheading of pumps, {@code Iron or steel; structures and parts
 * thereof, towers} names towers and their parts. The rules, in order, for a subheading of a divided heading:
 * <ol>
 *   <li>"other parts" anywhere: the goods named are themselves parts (8452.90, 9606.30): parts only;</li>
 *   <li>a parts category ({@code Vehicle parts; ...}, {@code Machinery parts; ...}, {@code Parts of ...}): parts only;</li>
 *   <li>the specifics begin with parts ({@code Pumps; parts thereof}, {@code Furniture; parts, of wood}): parts only;</li>
 *   <li>goods named with their own parts: "and parts thereof" (therefor, of such ..., of the foregoing, "and
 *       parts and accessories thereof", "and glass parts thereof"), "including parts", or "and parts of X"
 *       with X named before: good and parts, unless the heading is a parts heading ({@code Motor vehicles;
 *       parts and accessories ...}), when the goods are themselves parts (8708.10 bumpers and parts thereof):
 *       parts of parts, not listed (SOR/94-14 s.4(4)(b)(iii): good and materials "both classified as parts");</li>
 *   <li>else nothing.</li>
 * </ol>
 * A heading not further subdivided (its only subheading is {@code xxxx00}) is judged on its own description and
 * its subheading's: rules 1 and 2 as above, and goods named with their parts also by {@code ; parts thereof} or
 * {@code , parts thereof} (heading style: {@code Parachutes ...; parts thereof and accessories thereto}).
 * Rule of the heading text: when a divided heading names goods and their parts (as an undivided heading would)
 * and none of its subheadings mentions parts, each subheading covers its goods and their parts (6212).
 * Hand decisions ({@link #HAND}) then include or exclude single provisions, each with its reason.
 */
final class PartsProvisionClassifier {

    /** What a description provides for. */
    enum Kind { GOOD_AND_PARTS, PARTS_ONLY, PARTS_OF_PARTS, NONE }

    /** How a listed provision was found: the tag at the end of its line. */
    enum How { TEXT, HEADING, UNDIVIDED, HAND }

    /** The verdict on one provision of one edition and the rule that gave it. */
    record Finding(String code, Kind kind, How how, String rule) {}

    /** A provision included or excluded by hand, in the editions given, for the reason given. */
    record HandDecision(String code, boolean include, Set<HsEdition> editions, String reason) {}

    /** One line of the table. */
    record Row(String code, Set<HsEdition> editions, String description, How how) {}

    private static final Set<HsEdition> BOTH = EnumSet.allOf(HsEdition.class);

    /** Hand decisions after reading the borderline results and chapters 84, 85, 87 and 94 in full. */
    static final List<HandDecision> HAND = List.of(
            new HandDecision("680410", true, BOTH, "6804.10-6804.30: heading 68.04 names millstones, grindstones and the like \"and parts thereof\""
                    + " and has no parts subheading; the heading-text rule is blocked only by 6804.30's \"with or without parts of other"
                    + " materials\" (what the stones are made of, not their parts)"),
            new HandDecision("680421", true, BOTH, "as 6804.10"),
            new HandDecision("680422", true, BOTH, "as 6804.10"),
            new HandDecision("680423", true, BOTH, "as 6804.10"),
            new HandDecision("680430", true, BOTH, "as 6804.10"),
            new HandDecision("731520", false, BOTH, "skid chain: the description repeats heading 73.15's \"and parts thereof\", but parts of"
                    + " chain have their own subheadings 7315.19 and 7315.90"),
            new HandDecision("732010", true, BOTH, "\"leaf-springs and leaves therefor\": the leaves are parts of the leaf-spring, named"
                    + " without the word parts"),
            new HandDecision("8213", true, BOTH, "undivided heading: \"scissors ... and blades therefor\", the blades being parts of the scissors"),
            new HandDecision("821410", true, BOTH, "paper knives, letter openers, erasing knives, pencil sharpeners \"and blades therefor\""),
            new HandDecision("850590", true, BOTH, "electro-magnets, holding devices and other goods of heading 85.05 named with \"parts"
                    + " n.e.c. in heading 85.05\" (the subheading for the rest of the heading, including parts); the rules need \"parts"
                    + " thereof\""),
            new HandDecision("902290", true, BOTH, "X-ray apparatus n.e.c.: the description names goods of heading 90.22 (generators, control"
                    + " panels, screens, examination tables, chairs) with parts and accessories; the rules read it as parts only, its specifics"
                    + " beginning with parts"),
            new HandDecision("911190", false, BOTH, "the parts subheading of watch cases (the cases are 9111.10-9111.80); its description"
                    + " repeats the heading text \"watch cases and parts thereof\""),
            new HandDecision("930690", true, BOTH, "the rest of heading 93.06 (munitions of war and ammunition \"and parts thereof\"), whose"
                    + " other parts have 9306.29 and 9306.30; its description says only n.e.c."),
            new HandDecision("961610", true, BOTH, "scent sprays and similar toilet sprays \"and mounts and heads therefor\" (parts of the sprays)"),
            new HandDecision("970521", false, EnumSet.of(HsEdition.HS2022), "9705.21, 9705.22, 9705.29: collectors' specimens \"and parts"
                    + " thereof\" are pieces of a specimen, not parts from which a good is produced"),
            new HandDecision("970522", false, EnumSet.of(HsEdition.HS2022), "as 9705.21"),
            new HandDecision("970529", false, EnumSet.of(HsEdition.HS2022), "as 9705.21"));

    /** Our short descriptions of the listed provisions (paraphrases, not the legal texts). */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("392530", "shutters, blinds and similar articles of plastics, and parts thereof"),
            Map.entry("4416", "casks, barrels, vats, tubs and other coopers' products of wood, and parts thereof"),
            Map.entry("621210", "brassieres, and parts thereof"),
            Map.entry("621220", "girdles and panty-girdles, and parts thereof"),
            Map.entry("621230", "corselettes, and parts thereof"),
            Map.entry("621290", "braces, suspenders, garters and similar articles, and parts thereof"),
            Map.entry("670210", "artificial flowers, foliage and fruit of plastics, and parts thereof"),
            Map.entry("670290", "artificial flowers, foliage and fruit of other materials, and parts thereof"),
            Map.entry("680410", "millstones and grindstones for milling, grinding or pulping, and parts thereof"),
            Map.entry("680421", "millstones, grindstones, grinding wheels of agglomerated diamond, and parts thereof"),
            Map.entry("680422", "millstones, grindstones, grinding wheels of other agglomerated abrasives or ceramics, and parts thereof"),
            Map.entry("680423", "millstones, grindstones, grinding wheels of natural stone, and parts thereof"),
            Map.entry("680430", "hand sharpening or polishing stones, and parts thereof"),
            Map.entry("701110", "open glass envelopes for electric lighting, and glass parts thereof"),
            Map.entry("701120", "open glass envelopes for cathode-ray tubes, and glass parts thereof"),
            Map.entry("701190", "other open glass envelopes, and glass parts thereof"),
            Map.entry("711311", "jewellery of silver, and parts thereof"),
            Map.entry("711319", "jewellery of other precious metal, and parts thereof"),
            Map.entry("711320", "jewellery of base metal clad with precious metal, and parts thereof"),
            Map.entry("711411", "silversmiths' wares of silver, and parts thereof"),
            Map.entry("711419", "goldsmiths' or silversmiths' wares of other precious metal, and parts thereof"),
            Map.entry("711420", "goldsmiths' or silversmiths' wares of base metal clad with precious metal, and parts thereof"),
            Map.entry("730810", "bridges and bridge-sections of iron or steel, and parts thereof"),
            Map.entry("730820", "towers and lattice masts of iron or steel, and parts thereof"),
            Map.entry("730830", "doors, windows, their frames and door thresholds of iron or steel, and parts thereof"),
            Map.entry("730840", "scaffolding, shuttering or pit-propping equipment of iron or steel, and parts thereof"),
            Map.entry("730890", "other structures of iron or steel, and parts thereof"),
            Map.entry("7316", "anchors and grapnels of iron or steel, and parts thereof"),
            Map.entry("732010", "leaf-springs of iron or steel, and leaves therefor"),
            Map.entry("732211", "central-heating radiators of cast iron, and parts thereof"),
            Map.entry("732219", "central-heating radiators of other iron or steel, and parts thereof"),
            Map.entry("732290", "air heaters and hot-air distributors with motor-driven fan, of iron or steel, and parts thereof"),
            Map.entry("732391", "table, kitchen or household articles of cast iron, not enamelled, and parts thereof"),
            Map.entry("732392", "table, kitchen or household articles of cast iron, enamelled, and parts thereof"),
            Map.entry("732393", "table, kitchen or household articles of stainless steel, and parts thereof"),
            Map.entry("732394", "table, kitchen or household articles of other iron or steel, enamelled, and parts thereof"),
            Map.entry("732399", "other table, kitchen or household articles of iron or steel, and parts thereof"),
            Map.entry("732490", "sanitary ware of iron or steel other than sinks, wash basins and baths, and parts thereof"),
            Map.entry("741810", "table, kitchen or household articles of copper, and parts thereof"),
            Map.entry("741820", "sanitary ware of copper, and parts thereof"),
            Map.entry("741910", "chain of copper, and parts thereof"),
            Map.entry("761010", "doors, windows, their frames and door thresholds of aluminium, and parts of structures"),
            Map.entry("761090", "other structures of aluminium, and parts of structures"),
            Map.entry("761510", "table, kitchen or household articles of aluminium, and parts thereof"),
            Map.entry("761520", "sanitary ware of aluminium, and parts thereof"),
            Map.entry("820719", "rock drilling or earth boring tools (working part not of cermets), including parts"),
            Map.entry("8213", "scissors, tailors' shears and similar shears, and blades therefor"),
            Map.entry("821410", "paper knives, letter openers, erasing knives, pencil sharpeners, and blades therefor"),
            Map.entry("830590", "other office articles of base metal (letter clips, paper clips, indexing tags ...), including parts"),
            Map.entry("830890", "other clasps, buckles and the like of base metal, including parts"),
            Map.entry("840120", "machinery and apparatus for isotopic separation, and parts thereof"),
            Map.entry("850590", "electro-magnets, magnetic holding devices and other goods of heading 85.05, and parts"),
            Map.entry("8608", "railway or tramway track fixtures and fittings and mechanical signalling, safety or traffic control"
                    + " equipment, and parts thereof"),
            Map.entry("8710", "tanks and other armoured fighting vehicles, and parts of such vehicles"),
            Map.entry("8715", "baby carriages, and parts thereof"),
            Map.entry("8804", "parachutes and rotochutes, and parts and accessories thereof"),
            Map.entry("880510", "aircraft launching gear, deck-arrestor or similar gear, and parts thereof"),
            Map.entry("880521", "air combat simulators, and parts thereof"),
            Map.entry("880529", "other ground flying trainers, and parts thereof"),
            Map.entry("902290", "other X-ray apparatus goods (generators, control panels, screens, examination tables, chairs),"
                    + " with parts and accessories"),
            Map.entry("902790", "microtomes, and parts and accessories"),
            Map.entry("911310", "watch straps, bands and bracelets of precious metal, and parts thereof"),
            Map.entry("911320", "watch straps, bands and bracelets of base metal, and parts thereof"),
            Map.entry("911390", "other watch straps, bands and bracelets, and parts thereof"),
            Map.entry("930630", "other cartridges, and parts thereof"),
            Map.entry("930690", "munitions of war and other ammunition and projectiles, and parts thereof"),
            Map.entry("9307", "swords, cutlasses, bayonets, lances and similar arms, and parts thereof"),
            Map.entry("940210", "dentists', barbers' or similar chairs, and parts thereof"),
            Map.entry("940290", "other medical, surgical, dental or veterinary furniture, and parts thereof"),
            Map.entry("960610", "press-fasteners, snap-fasteners and press-studs, and parts therefor"),
            Map.entry("9614", "smoking pipes and cigar or cigarette holders, and parts thereof"),
            Map.entry("961590", "hairpins, curling pins and grips, hair-curlers and the like, and parts thereof"),
            Map.entry("961610", "scent sprays and similar toilet sprays, and mounts and heads therefor"),
            Map.entry("9617", "vacuum flasks and other vacuum vessels complete with cases, and parts other than glass inners"));

    // ------------------------------------------------------------------ the rules on one description

    private static final String REFLEXIVE = "(?:thereof|therefor|therefore|of such\\b|of the foregoing)";
    private static final Pattern PARTS_WORD = Pattern.compile("\\bparts?\\b");
    private static final Pattern OTHER_PARTS = Pattern.compile("\\bother parts\\b");
    /** Goods named with their own parts: "and parts thereof", "and glass parts thereof", "including parts". */
    private static final Pattern AND_PARTS = Pattern.compile("\\b(?:and|including) (?:[a-z]+ )?parts(?: and accessories)? " + REFLEXIVE
            + "|\\bincluding parts\\b");
    /** "and parts of X": X must be named before. */
    private static final Pattern AND_PARTS_OF = Pattern.compile("\\band parts of ([a-z' -]+)");
    /** Heading style: "Goods; parts thereof", "goods, parts thereof and ...". */
    private static final Pattern HEADING_PARTS = Pattern.compile("(?:^|[;,] )parts(?: and accessories)? " + REFLEXIVE);
    private static final Pattern PARTS_START = Pattern.compile("^parts?\\b");
    private static final Pattern PARTS_REFLEXIVE_START = Pattern.compile("^parts(?: and accessories)? " + REFLEXIVE);

    private PartsProvisionClassifier() {}

    private static String lower(String description) {
        return description.strip().toLowerCase(Locale.ROOT);
    }

    /** The category (text before the first semicolon) and the specifics (after it, or empty). */
    private static String[] split(String lower) {
        int i = lower.indexOf(';');
        return i < 0 ? new String[] {lower, ""} : new String[] {lower.substring(0, i).strip(), lower.substring(i + 1).strip()};
    }

    /** True when the category itself is parts: "Vehicle parts", "Parts of vacuum cleaners", not "Skins and other parts of ...". */
    static boolean isPartsCategory(String category) {
        Matcher m = PARTS_WORD.matcher(category);
        return m.find() && !(category.substring(0, m.start()) + " ").contains(" and ");
    }

    /** True when a heading's goods are parts: its category is parts, or its specifics begin with parts of other goods. */
    static boolean isPartsHeading(String headingDescription) {
        String[] cs = split(lower(headingDescription));
        return isPartsCategory(cs[0]) || (PARTS_START.matcher(cs[1]).find() && !PARTS_REFLEXIVE_START.matcher(cs[1]).find());
    }

    /** True when the text names goods together with their own parts (rule 4). */
    static boolean namesGoodsAndParts(String lower) {
        if (AND_PARTS.matcher(lower).find()) return true;
        Matcher m = AND_PARTS_OF.matcher(lower);
        while (m.find()) {
            String x = m.group(1).strip();
            if (!x.isEmpty() && Pattern.compile("\\b" + Pattern.quote(x) + "\\b").matcher(lower.substring(0, m.start())).find()) return true;
        }
        return false;
    }

    /** Rules 1-5 for a subheading of a divided heading. */
    static Finding subheading(String code, String description, boolean underPartsHeading) {
        String l = lower(description);
        String[] cs = split(l);
        if (OTHER_PARTS.matcher(l).find()) return new Finding(code, Kind.PARTS_ONLY, How.TEXT, "other parts");
        if (isPartsCategory(cs[0])) return new Finding(code, Kind.PARTS_ONLY, How.TEXT, "parts category");
        if (PARTS_START.matcher(cs[1]).find()) return new Finding(code, Kind.PARTS_ONLY, How.TEXT, "specifics begin with parts");
        if (namesGoodsAndParts(l)) {
            return underPartsHeading ? new Finding(code, Kind.PARTS_OF_PARTS, How.TEXT, "goods and their parts under a parts heading")
                    : new Finding(code, Kind.GOOD_AND_PARTS, How.TEXT, "goods and their parts");
        }
        return new Finding(code, Kind.NONE, How.TEXT, "");
    }

    /** What a heading's own text provides for, read in heading style (also "Goods; parts thereof"). */
    static Kind headingText(String description) {
        String l = lower(description);
        String[] cs = split(l);
        if (OTHER_PARTS.matcher(l).find() || isPartsCategory(cs[0])) return Kind.PARTS_ONLY;
        if (HEADING_PARTS.matcher(l).find() || namesGoodsAndParts(l)) return Kind.GOOD_AND_PARTS;
        if (PARTS_START.matcher(cs[1]).find()) return Kind.PARTS_ONLY;
        return Kind.NONE;
    }

    /** A heading not further subdivided, on its own description and its only subheading's. */
    static Finding undividedHeading(String code, String headingDescription, String subheadingDescription) {
        Kind a = headingText(headingDescription), b = headingText(subheadingDescription);
        Kind k = a == Kind.PARTS_ONLY || b == Kind.PARTS_ONLY ? Kind.PARTS_ONLY
                : a == Kind.GOOD_AND_PARTS || b == Kind.GOOD_AND_PARTS ? Kind.GOOD_AND_PARTS : Kind.NONE;
        return new Finding(code, k, How.UNDIVIDED, k == Kind.GOOD_AND_PARTS ? "goods and their parts" : "");
    }

    // ------------------------------------------------------------------ one nomenclature

    /**
     * The finding for every undivided heading (by its 4-digit code) and every subheading of a divided heading,
     * rule of the heading text applied, hand decisions not yet; sorted by code.
     */
    static Map<String, Finding> classify(HsNomenclature n) {
        Map<String, List<HsNomenclature.Entry>> subheadings = new TreeMap<>();
        Map<String, HsNomenclature.Entry> headings = new TreeMap<>();
        for (HsNomenclature.Entry e : n.entries()) {
            if (e.level() == 4) headings.put(e.code(), e);
            if (e.level() == 6) subheadings.computeIfAbsent(e.code().substring(0, 4), h -> new ArrayList<>()).add(e);
        }
        Map<String, Finding> out = new TreeMap<>();
        for (HsNomenclature.Entry h : headings.values()) {
            List<HsNomenclature.Entry> subs = subheadings.getOrDefault(h.code(), List.of());
            if (subs.size() == 1 && subs.get(0).code().endsWith("00")) {
                out.put(h.code(), undividedHeading(h.code(), h.description(), subs.get(0).description()));
                continue;
            }
            boolean partsHeading = isPartsHeading(h.description());
            boolean headingNamesParts = !partsHeading && headingText(h.description()) == Kind.GOOD_AND_PARTS;
            boolean anySubMentionsParts = subs.stream().anyMatch(s -> PARTS_WORD.matcher(lower(s.description())).find());
            for (HsNomenclature.Entry s : subs) {
                Finding f = subheading(s.code(), s.description(), partsHeading);
                if (f.kind() == Kind.NONE && headingNamesParts && !anySubMentionsParts) {
                    f = new Finding(s.code(), Kind.GOOD_AND_PARTS, How.HEADING, "heading names goods and their parts; no parts subheading");
                }
                out.put(s.code(), f);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the table

    /** The table: provisions of any edition that provide for good and parts, after hand decisions; sorted by code. */
    static List<Row> table(Map<HsEdition, HsNomenclature> byEdition) {
        Map<String, Set<HsEdition>> editions = new TreeMap<>();
        Map<String, How> how = new LinkedHashMap<>();
        for (Map.Entry<HsEdition, HsNomenclature> en : byEdition.entrySet()) {
            Map<String, Finding> findings = classify(en.getValue());
            for (Finding f : findings.values()) {
                HandDecision hand = hand(f.code(), en.getKey());
                boolean listed = hand != null ? hand.include() : f.kind() == Kind.GOOD_AND_PARTS;
                if (hand != null && hand.include() == (f.kind() == Kind.GOOD_AND_PARTS)) {
                    throw new IllegalStateException("the hand decision on " + f.code() + " agrees with the rules; remove it");
                }
                if (!listed) continue;
                editions.computeIfAbsent(f.code(), c -> EnumSet.noneOf(HsEdition.class)).add(en.getKey());
                How h = hand != null ? How.HAND : f.how();
                How prior = how.put(f.code(), h);
                if (prior != null && prior != h) throw new IllegalStateException(f.code() + " is found by " + prior + " and " + h + " in different editions");
            }
        }
        for (HandDecision d : HAND) {
            for (HsEdition e : d.editions()) {
                if (byEdition.containsKey(e) && !classify(byEdition.get(e)).containsKey(d.code())) {
                    throw new IllegalStateException("the hand decision on " + d.code() + " names no provision of " + e);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Set<HsEdition>> en : editions.entrySet()) {
            String d = DESCRIPTIONS.get(en.getKey());
            if (d == null) throw new IllegalStateException("write a short description of " + en.getKey() + " in PartsProvisionClassifier.DESCRIPTIONS");
            rows.add(new Row(en.getKey(), en.getValue(), d, how.get(en.getKey())));
        }
        Set<String> unused = DESCRIPTIONS.keySet().stream().filter(c -> !editions.containsKey(c)).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!unused.isEmpty()) throw new IllegalStateException("descriptions of provisions not listed: " + unused);
        return rows;
    }

    private static HandDecision hand(String code, HsEdition edition) {
        for (HandDecision d : HAND) if (d.code().equals(code) && d.editions().contains(edition)) return d;
        return null;
    }

    /** The resource text: header, hand decisions, one line per provision. */
    static String render(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER);
        sb.append("#\n# Hand decisions:\n");
        for (HandDecision d : HAND) {
            sb.append("#   ").append(d.include() ? "include " : "exclude ").append(dotted(d.code())).append(" (")
                    .append(d.editions().stream().map(Enum::name).collect(Collectors.joining(","))).append("): ")
                    .append(d.reason()).append('\n');
        }
        sb.append("#\n# Provisions:");
        for (HsEdition e : HsEdition.values()) {
            sb.append(' ').append(e).append(' ').append(rows.stream().filter(r -> r.editions().contains(e)).count());
        }
        sb.append("\n\n");
        for (Row r : rows) {
            sb.append(r.code()).append('\t').append(r.editions().stream().map(Enum::name).collect(Collectors.joining(","))).append('\t')
                    .append(r.description()).append(" [").append(r.how().name().toLowerCase(Locale.ROOT)).append("]\n");
        }
        return sb.toString();
    }

    private static String dotted(String code) {
        return code.length() == 4 ? code.substring(0, 2) + "." + code.substring(2) : code.substring(0, 4) + "." + code.substring(4);
    }

    private static final String HEADER = """
            # HS provisions that provide for both a good and its parts: criterion (d) of the rules of origin,
            # SOR/94-14 s.4(4)(b)(ii)(B) and s.4(5) (NAFTA), SOR/2020-155 s.3(4)(a) and s.3(5) (USMCA); docs/parts-rule.md.
            #
            # GENERATED from the descriptions of the HS 2017 and HS 2022 nomenclatures (shared/data/harmonized-system:
            # UN Comtrade's classification tables via github.com/datasets/harmonized-system, see its SOURCE.md) by
            # origin-io's test utility dev.origin.io.hs.PartsProvisionClassifier. Do not edit: change the classifier and
            # run PartsProvisionClassifierTest, which re-derives this file, fails on any difference and writes the
            # derived text to origin-io/target/parts-provisions.txt.
            #
            # Line: code <TAB> editions <TAB> our short description [how found]
            #   code       a six-digit subheading, or a four-digit heading not further subdivided (only subheading xxxx.00)
            #   editions   HS2017 and/or HS2022. USMCA applied HS 2017 from 2020-07-01 and HS 2022 from 2022-01-01; NAFTA
            #              ran on HS 1992 as amended: HS 2017 stands in for it (a limitation)
            #   [text]      the subheading's description names goods "and parts thereof" (therefor, of such ..., of the
            #               foregoing, "including parts", "and parts of" the goods named)
            #   [heading]   the heading names its goods and their parts and no subheading of it mentions parts, so each
            #               subheading covers its goods and their parts (s.4(5)(a), s.3(5)(a): "the nomenclature of the
            #               heading or subheading")
            #   [undivided] a heading not further subdivided whose description names goods and their parts
            #   [hand]      a hand decision below
            #
            # Not listed: parts-only provisions (a parts category, "Vehicle parts; ...", or specifics that begin with parts,
            # "Pumps; parts thereof", "Furniture; parts, of wood"; 8409, 8708.29, 9403.91 ...), and goods and their parts
            # under a parts heading (8708.10 bumpers and parts thereof, 8708.30, 8714.91, 8803.10/8807.10), where good and
            # materials are "both classified as parts of goods" (SOR/94-14 s.4(4)(b)(iii)).
            # Limits: the descriptions are Comtrade's paraphrases, not the legal texts, and hold no Section or Chapter Notes:
            # parts included by a Note (s.3(5)(b), s.4(5)(b); e.g. chapter 95 Note 3) are not found.
            """;
}
