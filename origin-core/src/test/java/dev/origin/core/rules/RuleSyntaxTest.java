package dev.origin.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.hs.HsPrefix;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSyntaxTest {

    // ------------------------------------------------------------ hand-built expectations

    private static List<HsPrefix> hs(String... codes) {
        return Arrays.stream(codes).map(HsPrefix::parse).toList();
    }

    private static Rule shift(ShiftLevel level, List<HsPrefix> from, List<HsPrefix> except) {
        return new Rule.TariffShift(null, level, from, except, null);
    }

    private static Rule rvc(RvcMethod method, String percent) {
        return new Rule.Rvc(null, method, Threshold.of(percent), null);
    }

    private static Rule all(Rule... rules) { return new Rule.AllOf(null, List.of(rules), null); }

    private static Rule any(Rule... rules) { return new Rule.AnyOf(null, List.of(rules), null); }

    private static final Rule WO = new Rule.WhollyObtained(null, null);
    private static final Rule NCR = new Rule.NoChangeRequired(null, null);

    // ------------------------------------------------------------ examples

    @Test
    void cthExceptFromWithRvc() {
        assertThat(RuleSyntax.parse("CTH except from 8708.50, 8708.60; and RVC(NC) >= 50"))
                .isEqualTo(all(shift(ShiftLevel.CTH, List.of(), hs("870850", "870860")), rvc(RvcMethod.NC, "50")));
    }

    @Test
    void alternativeWithParenthesisedPositiveList() {
        assertThat(RuleSyntax.parse("CC or (from 87.08 and RVC(NC) >= 50)"))
                .isEqualTo(any(shift(ShiftLevel.CC, List.of(), List.of()),
                        all(shift(null, hs("8708"), List.of()), rvc(RvcMethod.NC, "50"))));
    }

    @Test
    void singleLevelAndEitherMethod() {
        assertThat(RuleSyntax.parse("CTSH")).isEqualTo(shift(ShiftLevel.CTSH, List.of(), List.of()));
        assertThat(RuleSyntax.parse("RVC(either) >= 60")).isEqualTo(rvc(RvcMethod.EITHER, "60"));
    }

    @Test
    void steppedThreshold() {
        Threshold usmca = new Threshold(List.of(
                new Threshold.Step(LocalDate.of(2020, 7, 1), new BigDecimal("66")),
                new Threshold.Step(LocalDate.of(2021, 7, 1), new BigDecimal("69")),
                new Threshold.Step(LocalDate.of(2022, 7, 1), new BigDecimal("72")),
                new Threshold.Step(LocalDate.of(2023, 7, 1), new BigDecimal("75"))));
        assertThat(RuleSyntax.parse(
                "NCR and RVC(NC) >= [66 @2020-07-01, 69 @2021-07-01, 72 @2022-07-01, 75 @2023-07-01]"))
                .isEqualTo(all(NCR, new Rule.Rvc(null, RvcMethod.NC, usmca, null)));
    }

    @Test
    void parametersAreResolvedFromTheMap() {
        assertThat(RuleSyntax.parse("RVC(NC) >= ${min}", Map.of("min", new BigDecimal("85"))))
                .isEqualTo(rvc(RvcMethod.NC, "85"));
        Threshold stepped = new Threshold(List.of(new Threshold.Step(null, new BigDecimal("50")),
                new Threshold.Step(LocalDate.of(2027, 1, 1), new BigDecimal("62.5"))));
        assertThat(RuleSyntax.parse("RVC(TV) >= [${a}, ${b.next} @2027-01-01]",
                Map.of("a", new BigDecimal("50"), "b.next", new BigDecimal("62.5"))))
                .isEqualTo(new Rule.Rvc(null, RvcMethod.TV, stepped, null));
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(RuleSyntax.parse("WO or CTH and RVC(NC) >= 50 or NCR"))
                .isEqualTo(any(WO, all(shift(ShiftLevel.CTH, List.of(), List.of()), rvc(RvcMethod.NC, "50")), NCR));
    }

    @Test
    void semicolonsReadAsInTheLegalText() {
        Rule cth = shift(ShiftLevel.CTH, List.of(), List.of());
        assertThat(RuleSyntax.parse("CTH; RVC(NC) >= 50")).isEqualTo(all(cth, rvc(RvcMethod.NC, "50")));
        assertThat(RuleSyntax.parse("CTH; or WO; NCR")).isEqualTo(any(cth, all(WO, NCR)));
    }

    @Test
    void keywordsIgnoreCaseAndWhitespaceIsFree() {
        assertThat(RuleSyntax.parse("  cth\n\tEXCEPT 8708.50 AND\r\n rvc ( tv )>=40 Or wholly-obtained OR No-Change"))
                .isEqualTo(any(all(shift(ShiftLevel.CTH, List.of(), hs("870850")), rvc(RvcMethod.TV, "40")), WO, NCR));
    }

    @Test
    void groupsOfOneCollapseAndParenthesisedGroupsStayNested() {
        assertThat(RuleSyntax.parse("((CTH))")).isEqualTo(shift(ShiftLevel.CTH, List.of(), List.of()));
        assertThat(RuleSyntax.parse("(WO and NCR) and CTSH"))
                .isEqualTo(all(all(WO, NCR), shift(ShiftLevel.CTSH, List.of(), List.of())));
    }

    @Test
    void levelWithFromAndExceptLists() {
        assertThat(RuleSyntax.parse("CTSH from 87.06, 8707 except 8708.99.14"))
                .isEqualTo(shift(ShiftLevel.CTSH, hs("8706", "8707"), hs("87089914")));
    }

    @Test
    void describedMaterialsInFromAndExceptLists() {
        Rule.Described pca = new Rule.Described(HsPrefix.parse("9030.90"), "printed circuit assemblies");
        assertThat(RuleSyntax.parse("CTH except from 9030.90 \"printed circuit assemblies\""))
                .isEqualTo(new Rule.TariffShift(null, ShiftLevel.CTH, List.of(), List.of(), List.of(), List.of(pca), null));
        // plain and described entries mix in one list; a description may hold commas and keywords
        Rule.Described parts = new Rule.Described(HsPrefix.parse("8708.94"), "parts thereof");
        Rule.Described other = new Rule.Described(HsPrefix.parse("8708.99"), "other than gear boxes, or clutches from 87.08");
        Rule rule = RuleSyntax.parse("CTH from 8708.94 \"parts thereof\", 8708.40, 8708.99 \"other than gear boxes, or clutches from 87.08\""
                + " except 8708.50 and RVC(NC) >= 50");
        assertThat(rule).isEqualTo(all(new Rule.TariffShift(null, ShiftLevel.CTH, hs("8708.40"), hs("8708.50"),
                List.of(parts, other), List.of(), null), rvc(RvcMethod.NC, "50")));
        // written back with the plain provisions first, then the described ones
        assertThat(RuleSyntax.format(rule)).isEqualTo("CTH from 8708.40, 8708.94 \"parts thereof\", 8708.99 \"other than gear boxes,"
                + " or clutches from 87.08\" except from 8708.50 and RVC(NC) >= 50");
        assertThat(RuleSyntax.parse(RuleSyntax.format(rule))).isEqualTo(rule);
        // a described from alone is a valid shift without a level
        assertThat(RuleSyntax.format(RuleSyntax.parse("from 8708.94 \"parts thereof\""))).isEqualTo("from 8708.94 \"parts thereof\"");
        // ids and citations keep the described lists
        Rule.TariffShift withId = (Rule.TariffShift) Rules.withIds(RuleSyntax.parse("CTH except from 9030.90 \"printed circuit assemblies\""),
                "psr", "cite");
        assertThat(withId.exceptDescribed()).containsExactly(pca);
    }

    @Test
    void exceptFromMoreThanOneOfTheEntries() {
        // SOR/94-14 Sch. I, 8456.20-8456.90: "from any other heading, except from more than one of the following:
        // — subheadings 8413.50 through 8413.60, — tariff item No. 8466.93.10, — subheading 8501.32 or 8501.52,
        // — subheading 8537.10": one bracketed group per entry
        List<List<HsPrefix>> entries = List.of(hs("8413.50", "8413.60"), hs("8466.93.10"), hs("8501.32", "8501.52"), hs("8537.10"));
        String text = "CTH except from more than one of [8413.50, 8413.60], [8466.93.10], [8501.32, 8501.52], [8537.10]";
        Rule counted = new Rule.TariffShift(null, ShiftLevel.CTH, List.of(), List.of(), List.of(), List.of(), entries, null);
        assertThat(RuleSyntax.parse(text)).isEqualTo(counted);
        assertThat(RuleSyntax.format(counted)).isEqualTo(text);
        assertThat(RuleSyntax.parse("cth except MORE THAN ONE OF [8413.50,8413.60],[8466.93.10],[8501.32, 8501.52],[8537.10]"))
                .isEqualTo(counted);
        // after a plain except-list, joined by `or` as in the legal text ("except from heading 84.59 or more than one of")
        String both = "CTH except from 84.59 or more than one of [8413.50, 8413.60], [8537.10] and RVC(NC) >= 50";
        Rule parsed = RuleSyntax.parse(both);
        assertThat(parsed).isEqualTo(all(new Rule.TariffShift(null, ShiftLevel.CTH, List.of(), hs("84.59"), List.of(), List.of(),
                List.of(hs("8413.50", "8413.60"), hs("8537.10")), null), rvc(RvcMethod.NC, "50")));
        assertThat(RuleSyntax.format(parsed)).isEqualTo(both);
        assertThat(RuleSyntax.parse(both.replace(" or more", "; or more"))).isEqualTo(parsed);
        // `or` before anything but `more` is still an alternative
        assertThat(RuleSyntax.parse("CTH except from 84.59 or NCR")).isEqualTo(any(shift(ShiftLevel.CTH, List.of(), hs("84.59")), NCR));
        // ids keep the entries
        Rule.TariffShift withId = (Rule.TariffShift) Rules.withIds(counted, "psr", "cite");
        assertThat(withId.atMostOneOf()).isEqualTo(entries);
        assertThat(withId.id()).isEqualTo("psr");
        // the old constructors mean no counted materials
        assertThat(((Rule.TariffShift) shift(ShiftLevel.CTH, List.of(), List.of())).atMostOneOf()).isEmpty();
        assertThat(new Rule.TariffShift(null, ShiftLevel.CTH, List.of(), List.of(), List.of(), List.of(), null, null).atMostOneOf()).isEmpty();
    }

    @Test
    void moreThanOneOfNeedsTwoGroupsOfProvisions() {
        assertThat(catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse("CTH except from more than one of [8537.10]")).code()).isEqualTo("RULE_SYNTAX");
        assertThat(catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse("CTH except from more than one of [], [8537.10]")).code()).isEqualTo("RULE_SYNTAX");
        assertThat(catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse("CTH except from more than one of [8537.10, [8501.32]")).code()).isEqualTo("RULE_SYNTAX");
        RuleSyntaxException bad = catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse("CTH except from more than one of [8537.1], [8501.32]"));
        assertThat(bad.code()).isEqualTo("BAD_HS");
        assertThat(bad.column()).isEqualTo(35);
        assertThat(catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse("CTH except from more than two of [8537.10], [8501.32]")).code()).isEqualTo("RULE_SYNTAX");
        assertThatThrownBy(() -> new Rule.TariffShift(null, ShiftLevel.CTH, List.of(), List.of(), List.of(), List.of(),
                List.of(hs("8537.10")), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule.TariffShift(null, ShiftLevel.CTH, List.of(), List.of(), List.of(), List.of(),
                List.of(hs("8537.10"), List.of()), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describedMaterialNeedsAText() {
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class, () -> RuleSyntax.parse("CTH except from 9030.90 \"\""));
        assertThat(e.code()).isEqualTo("RULE_SYNTAX");
        assertThat(e.column()).isEqualTo(25);
        assertThatThrownBy(() -> new Rule.Described(HsPrefix.parse("9030.90"), "a \"quoted\" text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rule.TariffShift(null, null, List.of(), List.of(), List.of(),
                List.of(new Rule.Described(HsPrefix.parse("9030.90"), "printed circuit assemblies")), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"87, 87", "87.08, 8708", "8708, 8708", "8708.50, 870850", "870850, 870850",
            "8708.99.14, 87089914", "8708.99.14.10, 8708991410"})
    void hsForms(String written, String digits) {
        assertThat(RuleSyntax.parse("from " + written))
                .isEqualTo(shift(null, List.of(new HsPrefix(digits)), List.of()));
    }

    @Test
    void percentagesAreExactAndKeepTheirScale() {
        Rule.Rvc r = (Rule.Rvc) RuleSyntax.parse("RVC(TV) >= 62.50");
        assertThat(r.min().steps().get(0).percent()).isEqualTo(new BigDecimal("62.50"))
                .isNotEqualTo(new BigDecimal("62.5"));
        assertThat(RuleSyntax.format(r)).isEqualTo("RVC(TV) >= 62.50");
    }

    // ------------------------------------------------------------ canonical text

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CTH except from 8708.50, 8708.60; and RVC(NC) >= 50 | CTH except from 8708.50, 8708.60 and RVC(NC) >= 50",
            "CC or (from 87.08 and RVC(NC) >= 50)                 | CC or from 87.08 and RVC(NC) >= 50",
            "(CC or CTH) and rvc(nc)>=50                          | (CC or CTH) and RVC(NC) >= 50",
            "(WO and NCR) and CTH                                 | (WO and NCR) and CTH",
            "WO or (NCR or CTH); or CTSH                          | WO or (NCR or CTH) or CTSH",
            "rvc(EITHER)>=[66@2020-07-01,69@2021-07-01]           | RVC(either) >= [66 @2020-07-01, 69 @2021-07-01]",
            "from 8708 except 8708.50                             | from 87.08 except from 8708.50",
            "wholly-obtained or no-change                         | WO or NCR",
    })
    void formatIsCanonical(String text, String canonical) {
        assertThat(RuleSyntax.format(RuleSyntax.parse(text))).isEqualTo(canonical);
    }

    @Test
    void formatWritesAGroupOfOneAsItsElementAndRejectsAnEmptyGroup() {
        assertThat(RuleSyntax.format(all(any(WO)))).isEqualTo("WO");
        assertThatThrownBy(() -> RuleSyntax.format(new Rule.AnyOf(null, List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ errors

    @Test
    void messageNamesTheTokenAndItsPosition() {
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class, () -> RuleSyntax.parse("CTH and WO RVCX"));
        assertThat(e.getMessage())
                .isEqualTo("Expected `and`, `or` or the end of the rule but found `RVCX` at line 1, column 12.");
        assertThat(e.code()).isEqualTo("RULE_SYNTAX");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(12);
    }

    @Test
    void multiLineErrorIsLocatedOnItsLine() {
        String text = "CTH except from 8708.50,\n    8708.5\n  and RVC(NC) >= 50";
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class, () -> RuleSyntax.parse(text));
        assertThat(e.getMessage())
                .isEqualTo("`8708.5` is not an HS chapter, heading, subheading or tariff item at line 2, column 5.");
        assertThat(e.code()).isEqualTo("BAD_HS");
    }

    @Test
    void endOfTextIsReportedJustAfterTheLastToken() {
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class, () -> RuleSyntax.parse("(CC or CTH"));
        assertThat(e.getMessage()).isEqualTo("Expected `and`, `or` or `)` but found the end of the rule at line 1, column 11.");
    }

    @Test
    void onlyTheFirstErrorIsReported() {
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse("RVC(NC) >= 120 and from 87.0 and RVC(NC) >= ${nope}"));
        assertThat(e.code()).isEqualTo("BAD_NUMBER");
        assertThat(e.column()).isEqualTo(12);
    }

    @ParameterizedTest(name = "[{index}] {1} at {2}:{3}")
    @MethodSource("errorCases")
    void errors(String text, String code, int line, int column) {
        RuleSyntaxException e = catchThrowableOfType(RuleSyntaxException.class,
                () -> RuleSyntax.parse(text, Map.of("max", new BigDecimal("101"), "min", new BigDecimal("85"))));
        assertThat(e).as("no error for %s", text).isNotNull();
        assertThat(List.of(e.code(), e.line(), e.column())).as(e.getMessage()).containsExactly(code, line, column);
        assertThat(e.getMessage()).contains("`").doesNotContain("Exception", "Token", "dev.origin")
                .endsWith(" at line " + line + ", column " + column + ".");
    }

    static List<Object[]> errorCases() {
        return List.of(
                new Object[] {"", "RULE_SYNTAX", 1, 1},
                new Object[] {"\n\n  WO or\n", "RULE_SYNTAX", 3, 8},
                new Object[] {"CTH;", "RULE_SYNTAX", 1, 5},
                new Object[] {"CTH except from 8708.50\n  and RVC(NC) >= 50\n  and RVC(XX) >= 1", "RULE_SYNTAX", 3, 11},
                new Object[] {"CTH\r\n  # x", "RULE_SYNTAX", 2, 3},
                new Object[] {"CTH except from and WO", "RULE_SYNTAX", 1, 17},
                new Object[] {"RVC(NC) > 50", "RULE_SYNTAX", 1, 9},
                new Object[] {"RVC(NC) >= fifty", "RULE_SYNTAX", 1, 12},
                new Object[] {"RVC(NC) >= [60, 65]", "RULE_SYNTAX", 1, 19},
                new Object[] {"RVC(NC) >= [60 @2020-01-01", "RULE_SYNTAX", 1, 27},
                new Object[] {"()", "RULE_SYNTAX", 1, 2},
                new Object[] {"from 8708.5", "BAD_HS", 1, 6},
                new Object[] {"CC except 870", "BAD_HS", 1, 11},
                new Object[] {"from 87.0850", "BAD_HS", 1, 6},
                new Object[] {"RVC(NC) >= 100.5", "BAD_NUMBER", 1, 12},
                new Object[] {"RVC(NC) >= -5", "BAD_NUMBER", 1, 12},
                new Object[] {"RVC(NC) >= 5x", "BAD_NUMBER", 1, 12},
                new Object[] {"RVC(NC) >= 50.5.1", "BAD_NUMBER", 1, 12},
                new Object[] {"RVC(TV) >= ${max}", "BAD_NUMBER", 1, 12},
                new Object[] {"RVC(NC) >= ${nope}", "UNKNOWN_PARAM", 1, 12},
                new Object[] {"RVC(NC) >= [60 @2020-13-01]", "BAD_DATE", 1, 17},
                new Object[] {"RVC(NC) >= [60 @2021-02-29]", "BAD_DATE", 1, 17},
                new Object[] {"RVC(NC) >= [60 @2021-1-1]", "BAD_DATE", 1, 17},
                new Object[] {"RVC(NC) >= [60 @2021-01-01, 65 @2020-01-01]", "BAD_DATE", 1, 33},
                new Object[] {"RVC(NC) >= [60 @2021-01-01, 65 @2021-01-01]", "BAD_DATE", 1, 33});
    }

    // ------------------------------------------------------------ round trip

    static IntStream seeds() { return IntStream.rangeClosed(1, 200); }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void formatThenParseGivesTheSameRule(int seed) {
        Rule rule = randomRule(new Random(seed), 3);
        String text = RuleSyntax.format(rule);
        assertThat(RuleSyntax.parse(text)).as(text).isEqualTo(rule);
        assertThat(RuleSyntax.format(RuleSyntax.parse(text))).isEqualTo(text);
    }

    /** The same texts with the allowed variations (case, spacing, line breaks, `;`, long keywords). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void variantSpellingsParseToTheSameRule(int seed) {
        Random rnd = new Random(seed);
        Rule rule = randomRule(rnd, 3);
        String text = RuleSyntax.format(rule);
        // the variations apply to the rule text, not to the quoted descriptions of materials
        boolean semicolonAnd = rnd.nextBoolean();
        text = outsideQuotes(text, t -> semicolonAnd ? t.replace(" and ", "; and ") : t.replace(" and ", "; "));
        if (rnd.nextBoolean()) text = outsideQuotes(text, t -> t.replace(" or ", "; or "));
        if (rnd.nextBoolean()) text = outsideQuotes(text, t -> t.replace("except from ", "except "));
        if (rnd.nextBoolean()) text = outsideQuotes(text, t -> t.replace("WO", "wholly-obtained").replace("NCR", "no-change"));
        int casing = rnd.nextInt(3);
        text = outsideQuotes(text, t -> switch (casing) {
            case 0 -> t.toUpperCase(java.util.Locale.ROOT);
            case 1 -> t.toLowerCase(java.util.Locale.ROOT);
            default -> t;
        });
        String[] gaps = {" ", "  ", "\n", "\t", "\r\n   "};
        StringBuilder noisy = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') quoted = !quoted;
            noisy.append(c == ' ' && !quoted ? gaps[rnd.nextInt(gaps.length)] : String.valueOf(c));
        }
        assertThat(RuleSyntax.parse(noisy.toString())).as(noisy.toString()).isEqualTo(rule);
    }

    /** Applies {@code f} to the parts of {@code text} outside double quotes. */
    private static String outsideQuotes(String text, java.util.function.UnaryOperator<String> f) {
        String[] parts = text.split("\"", -1);
        for (int i = 0; i < parts.length; i += 2) parts[i] = f.apply(parts[i]);
        return String.join("\"", parts);
    }

    private static Rule randomRule(Random rnd, int depth) {
        int pick = rnd.nextInt(depth > 0 ? 7 : 4);
        switch (pick) {
            case 0: return WO;
            case 1: return NCR;
            case 2: return randomShift(rnd);
            case 3: return new Rule.Rvc(null, RvcMethod.values()[rnd.nextInt(3)], randomThreshold(rnd), null);
            default:
                List<Rule> children = new ArrayList<>();
                int n = 2 + rnd.nextInt(3);
                for (int i = 0; i < n; i++) children.add(randomRule(rnd, depth - 1));
                return pick == 4 ? new Rule.AllOf(null, children, null) : new Rule.AnyOf(null, children, null);
        }
    }

    private static Rule randomShift(Random rnd) {
        ShiftLevel level = rnd.nextInt(4) == 0 ? null : ShiftLevel.values()[rnd.nextInt(3)];
        List<HsPrefix> from = randomHsList(rnd, level == null ? rnd.nextInt(3) : rnd.nextInt(3));
        List<Rule.Described> fromDescribed = randomDescribed(rnd, level == null && from.isEmpty() ? 1 + rnd.nextInt(2) : rnd.nextInt(3) / 2);
        List<Rule.Described> exceptDescribed = randomDescribed(rnd, rnd.nextInt(4) / 2);
        List<List<HsPrefix>> counted = new ArrayList<>();
        if (rnd.nextInt(3) == 0) {
            for (int i = 0, n = 2 + rnd.nextInt(3); i < n; i++) counted.add(randomHsList(rnd, 1 + rnd.nextInt(3)));
        }
        return new Rule.TariffShift(null, level, from, randomHsList(rnd, rnd.nextInt(4)), fromDescribed, exceptDescribed, counted, null);
    }

    /** Descriptions with commas, parentheses and keywords of the syntax, which stay text inside the quotes. */
    private static final String[] DESCRIPTIONS = {"parts thereof", "printed circuit assemblies (PCAs)", "other than gear boxes",
            "savory, neither crushed nor ground", "isobutyl acetate or 2-ethoxyethyl acetate", "CTH and RVC(NC) >= 50 except from 87",
            "“smart cards”", "Tubes; 3 mm"};

    private static List<Rule.Described> randomDescribed(Random rnd, int size) {
        List<Rule.Described> list = new ArrayList<>();
        for (HsPrefix p : randomHsList(rnd, size)) list.add(new Rule.Described(p, DESCRIPTIONS[rnd.nextInt(DESCRIPTIONS.length)]));
        return list;
    }

    private static List<HsPrefix> randomHsList(Random rnd, int size) {
        List<HsPrefix> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StringBuilder digits = new StringBuilder();
            int length = 2 * (1 + rnd.nextInt(5));
            for (int d = 0; d < length; d++) digits.append(rnd.nextInt(10));
            list.add(new HsPrefix(digits.toString()));
        }
        return list;
    }

    private static Threshold randomThreshold(Random rnd) {
        if (rnd.nextBoolean()) return Threshold.of(randomPercent(rnd));
        List<Threshold.Step> steps = new ArrayList<>();
        if (rnd.nextBoolean()) steps.add(new Threshold.Step(null, randomPercent(rnd)));
        LocalDate date = LocalDate.of(1995 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
            steps.add(new Threshold.Step(date, randomPercent(rnd)));
            date = date.plusDays(1 + rnd.nextInt(800));
        }
        return new Threshold(steps);
    }

    /** 0 to 100 with 0 to 3 decimals, scale kept (e.g. 50, 62.5, 62.50, 100.000). */
    private static BigDecimal randomPercent(Random rnd) {
        int scale = rnd.nextInt(4);
        int bound = 100 * (int) Math.pow(10, scale);
        return BigDecimal.valueOf(rnd.nextInt(bound + 1), scale);
    }
}
