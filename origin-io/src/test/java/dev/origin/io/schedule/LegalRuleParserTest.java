package dev.origin.io.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.origin.core.hs.HsRange;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The legal-English parser on single rules (no shared data needed; ranges enumerated numerically). */
class LegalRuleParserTest {

    private final LegalRuleParser parser = new LegalRuleParser(HsRanges.numeric());

    private Rule parse(String scope, String... limbs) throws LegalRuleParser.Failure {
        return parser.parse(List.of(limbs), new LegalRuleParser.Good(List.of(HsRange.parse(scope)), null));
    }

    private LegalRuleParser.Failure failure(String scope, String... limbs) {
        return catchThrowableOfType(LegalRuleParser.Failure.class, () -> parse(scope, limbs));
    }

    @Test
    void levelsAndLists() throws Exception {
        assertThat(parse("8414.51", "A change to subheading 8414.51 from any other subheading.")).isEqualTo(RuleSyntax.parse("CTSH"));
        assertThat(parse("94.02", "A change to heading 94.02 from any other chapter.")).isEqualTo(RuleSyntax.parse("CC"));
        assertThat(parse("1901.10.20", "A change to tariff item No. 1901.10.20 from any other chapter, except from Chapter 4."))
                .isEqualTo(RuleSyntax.parse("CC except from 04"));
        assertThat(parse("56.02", "A change to heading 56.02 from any other chapter, except from headings 51.06 through 51.08 or Chapters 54 through 55."))
                .isEqualTo(RuleSyntax.parse("CC except from 51.06, 51.07, 51.08, 54, 55"));
        assertThat(parse("64.06", "A change to heading 64.06 from any heading outside that group."))
                .isEqualTo(RuleSyntax.parse("CTH except from 64.06"));
    }

    @Test
    void alternativesWhetherOrNotAndRvc() throws Exception {
        assertThat(parse("8414.10-8414.20", "A change to subheadings 8414.10 through 8414.20 from any other heading; or",
                "A change to subheadings 8414.10 through 8414.20 from subheading 8414.90, whether or not there is also a change from any"
                        + " other heading, provided there is a regional value content of not less than: (a) 60 per cent where the transaction"
                        + " value method is used, or (b) 50 per cent where the net cost method is used."))
                .isEqualTo(RuleSyntax.parse("CTH or (CTH from 8414.90 and (RVC(TV) >= 60 or RVC(NC) >= 50))"));
        assertThat(parse("8708.29", "A change to subheading 8708.29 from any other heading; or",
                "No required change in tariff classification to subheading 8708.29, provided there is a regional value content of not"
                        + " less than 50 per cent under the net cost method."))
                .isEqualTo(RuleSyntax.parse("CTH or (NCR and RVC(NC) >= 50)"));
        assertThat(parse("2804.61-2804.69", "A change to subheadings 2804.61 through 2804.69 from any other subheading within that group,"
                + " whether or not there is also a change from any subheading outside that group."))
                .isEqualTo(RuleSyntax.parse("CTSH"));
        assertThat(parse("8407.10", "A change to subheading 8407.10 from any other subheading within heading 84.07."))
                .isEqualTo(RuleSyntax.parse("from 84.07 except from 8407.10"));
    }

    @Test
    void tariffItemLevel() throws Exception {
        assertThat(parse("2106.90.96", "A change to tariff item No. 2106.90.96 from any other tariff item No., except from headings 22.03 through 22.09."))
                .isEqualTo(RuleSyntax.parse("CTI except from 22.03, 22.04, 22.05, 22.06, 22.07, 22.08, 22.09"));
        assertThat(parse("8536.30.10", "A change to tariff item No. 8536.30.10 or 8536.30.20 from tariff item No. 8538.90.10, whether or not"
                + " there is also a change from any other tariff item, provided there is a regional value content of not less than 50 per cent"
                + " under the net cost method."))
                .isEqualTo(RuleSyntax.parse("CTI from 8538.90.10 and RVC(NC) >= 50"));
    }

    @Test
    void goodsDescribedInWordsBecomeGoodConditions() throws Exception {
        // the described goods and "any other good" (the goods not described in the other alternatives)
        assertThat(parse("8469.00", "A change to word-processing machines of subheading 8469.00 from any other heading; or",
                "A change to any other good of subheading 8469.00 from any other subheading."))
                .isEqualTo(RuleSyntax.parse("GOOD \"word-processing machines\" and CTH or GOOD \"other than word-processing machines\" and CTSH"));
        assertThat(parse("67.01", "A change to heading 67.01 from any other heading; or",
                "A change to a good of feather or down of heading 67.01 from within that heading or any other heading."))
                .isEqualTo(RuleSyntax.parse("CTH or GOOD \"a good of feather or down\" and CTH from 67.01"));
        // a description qualified after the provision
        assertThat(parse("4009.12", "A change to tubes, pipes or hoses of subheading 4009.12, of a kind for use in a motor vehicle of heading 87.11,"
                + " from any other heading, except from headings 40.10 through 40.11."))
                .isEqualTo(RuleSyntax.parse("GOOD \"tubes, pipes or hoses, of a kind for use in a motor vehicle of heading 87.11\" and CTH except from 40.10, 40.11"));
        // "any other good" with nothing described elsewhere in the rule cannot be stated
        assertThat(failure("8536.30", "A change to any other good of subheading 8536.30 from any other heading.").reason)
                .isEqualTo(FlagReason.DESCRIPTION_SCOPE);
        // a material described in words becomes a described entry: "any other good" of the good's own subheading is
        // "other than <the good>", of another subheading every good of it (no good of it is a gear box)
        assertThat(parse("8708.40", "A change to gear boxes of subheading 8708.40 from any other heading; or",
                "A change to gear boxes of subheading 8708.40 from any other good of subheading 8708.40 or 8708.99, whether or not there is"
                        + " also a change from any other heading, provided there is a regional value content of not less than 50 per cent under"
                        + " the net cost method."))
                .isEqualTo(RuleSyntax.parse("GOOD \"gear boxes\" and CTH"
                        + " or GOOD \"gear boxes\" and CTH from 8708.99, 8708.40 \"other than gear boxes\" and RVC(NC) >= 50"));
    }

    @Test
    void materialsDescribedInWordsBecomeDescribedEntries() throws Exception {
        assertThat(parse("9030.31", "A change to subheading 9030.31 from any other subheading, except from printed circuit assemblies (PCAs)"
                + " of subheading 9030.90."))
                .isEqualTo(RuleSyntax.parse("CTSH except from 9030.90 \"printed circuit assemblies (PCAs)\""));
        // the words apply to every provision after "of" until a provision word is repeated
        assertThat(parse("2103.90", "A change to subheading 2103.90 from yeasts of subheading 2102.10 or 2102.20 or any other chapter."))
                .isEqualTo(RuleSyntax.parse("CC from 2102.10 \"yeasts\", 2102.20 \"yeasts\""));
        assertThat(parse("2924.23", "A change to subheading 2924.23 from its salts of subheading 2924.23 or subheading 2917.20, whether or not"
                + " there is also a change from any other subheading."))
                .isEqualTo(RuleSyntax.parse("CTSH from 2917.20, 2924.23 \"its salts\""));
        // "except from any other good of" a provision named in words in the same limb: other than those words
        assertThat(parse("28.52", "A change to heading 28.52 from barium chloride of subheading 2827.39 or any other heading,"
                + " except from any other good of subheading 2827.39."))
                .isEqualTo(RuleSyntax.parse("CTH from 2827.39 \"barium chloride\" except from 2827.39 \"other than barium chloride\""));
        // without a provision, or "any other good" of the good's own provision when the good is not described: flagged
        assertThat(failure("8418.10", "A change to subheading 8418.10 from any other subheading, except from subheading 8418.91 or from"
                + " assemblies incorporating more than one of the following: compressor, condenser, evaporator, connecting tubing.").reason)
                .isEqualTo(FlagReason.DESCRIPTION_SCOPE);
        assertThat(failure("8443.31", "A change to subheading 8443.31 from any other subheading, except from parts of facsimile machines"
                + " specified in Note 4 of Chapter 84.").reason).isEqualTo(FlagReason.DESCRIPTION_SCOPE);
        assertThat(failure("8517.62", "A change to subheading 8517.62 from any other good of subheading 8517.62 or any other subheading.").reason)
                .isEqualTo(FlagReason.DESCRIPTION_SCOPE);
    }

    @Test
    void productionRequirementsBecomeProcessConditions() throws Exception {
        assertThat(parse("6102.90", "A change to subheading 6102.90 from any other chapter, except from Chapter 54, provided that the good is both"
                + " cut (or knit to shape) and sewn or otherwise assembled in the territory of one or more of the NAFTA countries."))
                .isEqualTo(RuleSyntax.parse("CC except from 54 and PROCESS \"cut or knit to shape and sewn or otherwise assembled in the territory\""));
        assertThat(parse("6201.11", "A change to subheading 6201.11 from any other chapter, except from Chapter 54, provided that: (a) the good is"
                + " both cut and sewn or otherwise assembled in the territory of one or more of the NAFTA countries, and (b) the visible lining"
                + " fabric listed in Note 1 to Chapter 62 satisfies the tariff change requirements provided therein."))
                .isEqualTo(RuleSyntax.parse("CC except from 54 and PROCESS \"cut and sewn or otherwise assembled in the territory\""
                        + " and GOOD \"visible lining fabric listed in Note 1 to Chapter 62 satisfies the tariff change requirements provided therein\""));
        assertThat(parse("2707.10", "A change to subheading 2707.10 from any other heading; or",
                "A change to subheading 2707.10 from any other subheading within heading 27.07, whether or not there is also a change from any"
                        + " other heading, provided that the good resulting from such change is the product of a chemical reaction."))
                .isEqualTo(RuleSyntax.parse("CTH or CTSH and PROCESS \"chemical reaction\""));
    }

    @Test
    void aLimbForPartOfTheScopeSplitsTheRule() throws Exception {
        String[] limbs = {"A change to subheadings 7106.10 through 7106.92 from any other subheading, including another subheading within that group; or",
                "No required change in tariff classification to subheading 7106.91, whether or not there is also a change from another subheading,"
                        + " provided that the non-originating materials undergo electrolytic, thermal or chemical separation or alloying."};
        assertThat(catchThrowableOfType(LegalRuleParser.NeedsSplit.class, () -> parse("7106.10-7106.92", limbs))).isNotNull();
        LegalRuleParser.Good g91 = new LegalRuleParser.Good(List.of(HsRange.parse("7106.91")), new dev.origin.core.hs.HsPrefix("710691"));
        LegalRuleParser.Good g10 = new LegalRuleParser.Good(List.of(HsRange.parse("7106.10")), new dev.origin.core.hs.HsPrefix("710610"));
        assertThat(parser.parse(List.of(limbs), g91)).isEqualTo(RuleSyntax.parse(
                "CTSH or NCR and PROCESS \"electrolytic, thermal or chemical separation or alloying of the non-originating materials\""));
        assertThat(parser.parse(List.of(limbs), g10)).isEqualTo(RuleSyntax.parse("CTSH"));
    }

    @Test
    void countedMaterialsBecomeGroupsOfAtMostOne() throws Exception {
        // 84.57: each entry is one group, a range of subheadings expanded inside its entry
        assertThat(parse("84.57", "A change to heading 84.57 from any other heading, except from heading 84.59 or more than one of the"
                + " following: \u2014 subheadings 8413.50 through 8413.60, \u2014 tariff item No. 8466.93.10, \u2014 subheading 8501.32 or"
                + " 8501.52, \u2014 subheading 8537.10."))
                .isEqualTo(RuleSyntax.parse("CTH except from 84.59 or more than one of [8413.50, 8413.51, 8413.52, 8413.53, 8413.54,"
                        + " 8413.55, 8413.56, 8413.57, 8413.58, 8413.59, 8413.60], [8466.93.10], [8501.32, 8501.52], [8537.10]"));
        // 8528.49 (3) omits "of": "more than one the following"
        assertThat(parse("8540.11.21", "A change to tariff item No. 8540.11.21 from any other subheading, except from tariff item No."
                + " 8540.12.91 or 8540.12.99 or more than one the following:\u2014tariff item No. 7011.20.10,\u2014tariff item No. 8540.91.10."))
                .isEqualTo(RuleSyntax.parse("CTSH except from 8540.12.91, 8540.12.99 or more than one of [7011.20.10], [8540.91.10]"));
        // 8459.21: the complementary limb "from more than one of ..., whether or not there is also a change from any other
        // heading, provided RVC" is CTH from the listed provisions and the RVC (see LegalRuleParser#parse)
        String entries = " \u2014 tariff item No. 8466.93.10, \u2014 subheading 8501.32 or 8501.52, \u2014 subheading 8537.10";
        String rvc = ", provided there is a regional value content of not less than: (a) 60 per cent where the transaction value method"
                + " is used, or (b) 50 per cent where the net cost method is used.";
        String first = "A change to subheading 8459.21 from any other heading, except from more than one of the following:" + entries + "; or";
        String second = "A change to subheading 8459.21 from more than one of the following:" + entries
                + ", whether or not there is also a change from any other heading" + rvc;
        assertThat(parse("8459.21", first, second)).isEqualTo(RuleSyntax.parse("CTH except from more than one of [8466.93.10],"
                + " [8501.32, 8501.52], [8537.10] or (CTH from 8466.93.10, 8501.32, 8501.52, 8537.10 and (RVC(TV) >= 60 or RVC(NC) >= 50))"));
        // alone, or with an entry of the good's own heading, "from more than one of" is a count the AST cannot state
        assertThat(failure("8459.21", second).reason).isEqualTo(FlagReason.COUNTED_MATERIALS);
        assertThat(failure("8459.21", first.replace("8466.93.10", "8459.90.10"), second.replace("8466.93.10", "8459.90.10")).reason)
                .isEqualTo(FlagReason.COUNTED_MATERIALS);
        // an entry named in words stays flagged
        assertThat(failure("8486.30", "A change to subheading 8486.30 from any other heading, except from heading 84.56 or more than one"
                + " of the following: \u2014 bed, base, table of subheading 8486.90, \u2014 subheading 8537.10.").reason)
                .isEqualTo(FlagReason.COUNTED_MATERIALS);
    }

    @Test
    void flagsWhatTheAstCannotSay() {
        assertThat(failure("8443.31", "A change to subheading 8443.31 from any other subheading, except from more than one of the following:").reason)
                .isEqualTo(FlagReason.COUNTED_MATERIALS);
        assertThat(failure("73.08", "A change to heading 73.08 from any other heading, except for changes resulting from the following"
                + " processes performed on angles, shapes, or sections of heading 72.16:").reason)
                .isEqualTo(FlagReason.PROCESS_REQUIREMENT);
        LegalRuleParser.Failure weight = failure("1806.10", "A change to subheading 1806.10 from any other heading, provided that the"
                + " non-originating sugar of Chapter 17 constitutes no more than 35 per cent by weight of the sugar.");
        assertThat(weight.reason).isEqualTo(FlagReason.QUANTITY_LIMIT);
        assertThat(weight.remainder).startsWith(", provided that the non-originating sugar");
    }
}
