package dev.origin.io.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.hs.HsCode;
import dev.origin.core.regime.Regime;
import dev.origin.io.RulePackReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code nafta} pack's generated Schedule I ({@value RulePackWriter#INCLUDED_FILE}) is the importer's
 * output for the official XML: regenerated from the shared data and compared (skipped when the data is absent), as
 * the sample fleet is. The precedence of the hand-written rules is checked without the data.
 */
class BuiltInScheduleOneTest {

    private static final Path DATA = Path.of(System.getProperty("origin.shared.data", "../../shared/data"));
    private static final Path XML = DATA.resolve("canada-roo-regulations/SOR-94-14_NAFTA-rules-of-origin-regulations_pre-repeal.xml");

    @Test
    void committedRulesAreTheImportersOutput() throws Exception {
        Path hs17 = DATA.resolve("harmonized-system/hs2017-harmonized-system.csv");
        Path hs22 = DATA.resolve("harmonized-system/hs2022-harmonized-system.csv");
        Assumptions.assumeTrue(Files.isRegularFile(XML) && Files.isRegularFile(hs17) && Files.isRegularFile(hs22),
                "shared data not found at " + DATA.toAbsolutePath() + " (set -Dorigin.shared.data=<shared/data>): skipping the"
                        + " regeneration of " + RulePackWriter.INCLUDED_FILE);
        ImportResult result = ScheduleOneImporter.importFrom(XML, HsRanges.ofCsv(hs17, hs22));
        String generated = RulePackWriter.toIncludedRules(result);
        try (InputStream in = RulePackReader.class.getResourceAsStream("/dev/origin/packs/" + RulePackWriter.INCLUDED_FILE)) {
            assertThat(in).as("committed " + RulePackWriter.INCLUDED_FILE).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .as(RulePackWriter.INCLUDED_FILE + " is the importer's output; regenerate it with the command in its header")
                    .isEqualTo(generated);
        }
        // every executable rule is in the built-in pack, unless a written rule of the same id replaces it
        Regime nafta = RulePackReader.load("nafta", Map.of());
        long fallback = nafta.rules().stream().filter(Regime.ProductRule::fallback).count();
        int entries = result.rules().stream().mapToInt(r -> r.entries().size()).sum();
        long replaced = nafta.rules().stream().filter(r -> !r.fallback()).count();
        assertThat(fallback).isBetween(entries - replaced, (long) entries);
        assertThat(result.coverage().executable()).isGreaterThanOrEqualTo(1300);
    }

    @Test
    void handWrittenRulesPrevailAndTheGeneratedOnesFillIn() throws Exception {
        Regime nafta = RulePackReader.load("nafta", Map.of());
        // a good of another chapter: the generated Schedule I rule, with its citation
        Regime.ProductRule seats = nafta.ruleFor(HsCode.parse("9401.61"));
        assertThat(seats.fallback()).isTrue();
        assertThat(seats.rule().citation()).isEqualTo("SOR/94-14 Sch. I, subheadings 9401.10-9401.80");
        // chapter 87: the written heading rule wins over the generated subheading rule
        Regime.ProductRule truck = nafta.ruleFor(HsCode.parse("8704.21"));
        assertThat(truck.fallback()).isFalse();
        assertThat(truck.rule().id()).isEqualTo("nafta.87.04");
        // a tariff item with its own Schedule I row (Sch. I s.1(b)), written by hand next to 8708.99
        assertThat(nafta.ruleFor(HsCode.parse("8708.99.41")).rule().citation())
                .isEqualTo("SOR/94-14 Sch. I, tariff items 8708.99.41, 8708.99.42, 8708.99.49");
        assertThat(nafta.ruleFor(HsCode.parse("8708.99.10")).rule().id()).isEqualTo("nafta.8708.99");
        // chapter 87 provisions not written by hand come from the generated file
        assertThat(nafta.ruleFor(HsCode.parse("8708.40")).fallback()).isTrue();
        // ids stay unique: a generated rule with a written rule's id is dropped
        assertThat(nafta.rules().stream().map(r -> r.rule().id()).distinct().count()).isEqualTo(nafta.rules().size());
        // the proposals extending nafta include it too
        assertThat(RulePackReader.load("proposal-80-15", Map.of()).ruleFor(HsCode.parse("9401.61")).rule().citation())
                .isEqualTo("SOR/94-14 Sch. I, subheadings 9401.10-9401.80");
    }
}
