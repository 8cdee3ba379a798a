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

    private final LegalRuleParser parser = new LegalRuleParser(HsNomenclature.numeric());

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
    void flagsWhatTheAstCannotSay() {
        assertThat(failure("2106.90.96", "A change to tariff item No. 2106.90.96 from any other tariff item No., except from headings 22.03 through 22.09.").reason)
                .isEqualTo(FlagReason.TARIFF_ITEM_LEVEL);
        assertThat(failure("8708.40", "A change to gear boxes of subheading 8708.40 from any other heading; or").reason)
                .isEqualTo(FlagReason.DESCRIPTION_SCOPE);
        assertThat(failure("8443.31", "A change to subheading 8443.31 from any other subheading, except from more than one of the following:").reason)
                .isEqualTo(FlagReason.COUNTED_MATERIALS);
        assertThat(failure("6101.10", "A change to subheading 6101.10 from any other chapter, provided that the good is both cut and sewn"
                + " or otherwise assembled in the territory of one or more of the NAFTA countries.").reason)
                .isEqualTo(FlagReason.PROCESS_REQUIREMENT);
        LegalRuleParser.Failure weight = failure("1806.10", "A change to subheading 1806.10 from any other heading, provided that the"
                + " non-originating sugar of Chapter 17 constitutes no more than 35 per cent by weight of the sugar.");
        assertThat(weight.reason).isEqualTo(FlagReason.QUANTITY_LIMIT);
        assertThat(weight.remainder).startsWith(", provided that the non-originating sugar");
    }
}
