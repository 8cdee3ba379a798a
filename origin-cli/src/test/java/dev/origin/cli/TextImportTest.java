package dev.origin.cli;

import static dev.origin.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `origin rules import --text`: product-specific rules in the USMCA's Annex 4-B language (a constructed sample,
 * not the official text, which the shared data does not carry) become a rule file a pack extending usmca includes.
 */
class TextImportTest {
    @Test
    void annexRulesInPlainTextBecomeExecutableRulesOfAPackExtendingUsmca(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("annex-4b.txt");
        try (var in = TextImportTest.class.getResourceAsStream("/annex/annex-4b-sample.txt")) {
            Files.write(text, in.readAllBytes());
        }
        Path rules = dir.resolve("annex-4b.yaml");
        var imported = run("rules", "import", "--text", text.toString(), "-o", rules.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        String yaml = Files.readString(rules);
        // the two-line RVC clause in the USMCA's wording is read as one limb of the second alternative
        assertThat(yaml).contains("rule: \"CC or CC from 9401.90 and (RVC(TV) >= 60 or RVC(NC) >= 50)\"")
                .contains("citation: \"USMCA Annex 4-B, subheadings 9401.61-9401.69\"").contains("rule: \"CTSH\"")
                .doesNotContain("# FLAGGED");
        Files.writeString(dir.resolve("pack.yaml"), "id: usmca-annex\nname: USMCA with Annex 4-B\nextends: usmca\ninclude: [annex-4b.yaml]\n");
        var shown = run("rules", "show", dir.resolve("pack.yaml").toString(), "9401.61");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("USMCA Annex 4-B, subheadings 9401.61-9401.69");
    }

    @Test
    void aProvisionWithoutRuleTextIsALocatedErrorNotAStackTrace(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("bad.txt");
        Files.writeString(text, "# comment\n8414.51\n\n");
        var r = run("rules", "import", "--text", text.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("RULE_SYNTAX").contains("line 2").contains("8414.51").doesNotContain("Exception");
    }
}
