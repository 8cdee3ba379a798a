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
        text = rnd.nextBoolean() ? text.replace(" and ", "; and ") : text.replace(" and ", "; ");
        if (rnd.nextBoolean()) text = text.replace(" or ", "; or ");
        if (rnd.nextBoolean()) text = text.replace("except from ", "except ");
        if (rnd.nextBoolean()) text = text.replace("WO", "wholly-obtained").replace("NCR", "no-change");
        text = switch (rnd.nextInt(3)) {
            case 0 -> text.toUpperCase(java.util.Locale.ROOT);
            case 1 -> text.toLowerCase(java.util.Locale.ROOT);
            default -> text;
        };
        String[] gaps = {" ", "  ", "\n", "\t", "\r\n   "};
        StringBuilder noisy = new StringBuilder();
        for (char c : text.toCharArray()) noisy.append(c == ' ' ? gaps[rnd.nextInt(gaps.length)] : String.valueOf(c));
        assertThat(RuleSyntax.parse(noisy.toString())).as(noisy.toString()).isEqualTo(rule);
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
        List<HsPrefix> from = randomHsList(rnd, level == null ? 1 + rnd.nextInt(3) : rnd.nextInt(3));
        return shift(level, from, randomHsList(rnd, rnd.nextInt(4)));
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
