package dev.origin.io.schedule;

import dev.origin.core.hs.HsRange;
import dev.origin.core.rules.RuleSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an {@link ImportResult} as a rule pack (the YAML format of the built-in {@code nafta} pack),
 * loadable with {@code RulePackReader.read}. The general provisions (parties, de minimis, net-cost
 * requirements, parts rule, provision citations) are copied from the built-in {@code nafta} pack; its
 * sample of Schedule I rules is replaced by the imported rules. Each executable rule carries its citation
 * and is preceded by its legal text as a comment; each flagged rule is written as comments only (reason,
 * legal text, unparsed remainder), so the pack still loads.
 */
public final class RulePackWriter {
    private static final String BUILT_IN = "/dev/origin/packs/nafta.yaml";
    private static final int WIDTH = 116;

    private RulePackWriter() {}

    /** The built-in {@code nafta} pack's generated rule file (its {@code include}). */
    public static final String INCLUDED_FILE = "nafta-schedule-i.yaml";

    /** The pack text: the general provisions of the built-in {@code nafta} pack and the imported rules. */
    public static String toYaml(ImportResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append("# NAFTA 1994: general provisions of the Uniform Regulations and the product-specific rules of\n");
        sb.append("# Schedule I of SOR/94-14, imported from Canada's Justice Laws XML (consolidated text of 2019-06-17)\n");
        sb.append("# by dev.origin.io.schedule.ScheduleOneImporter. HS ranges in except/from lists expanded by ")
                .append(result.hsSource()).append(".\n");
        coverage(sb, result);
        sb.append(header());
        rules(sb, result);
        return sb.toString();
    }

    /**
     * The rule file the built-in {@code nafta} pack includes ({@value #INCLUDED_FILE}): the imported rules only,
     * under a header saying how to regenerate them. The pack's own rules replace these where both apply.
     */
    public static String toIncludedRules(ImportResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append("# GENERATED FILE - do not edit. NAFTA Schedule I (SOR/94-14), product-specific rules of origin,\n");
        sb.append("# imported from Canada's Justice Laws XML (consolidated text of 2019-06-17) by\n");
        sb.append("# dev.origin.io.schedule.ScheduleOneImporter; HS ranges in except/from lists expanded by ")
                .append(result.hsSource()).append(".\n");
        sb.append("# Regenerate (from the repository root, with the shared data beside it):\n");
        sb.append("#   ./origin rules import ../shared/data/canada-roo-regulations/SOR-94-14_NAFTA-rules-of-origin-regulations_pre-repeal.xml \\\n");
        sb.append("#     --hs-nomenclature ../shared/data/harmonized-system/hs2017-harmonized-system.csv,../shared/data/harmonized-system/hs2022-harmonized-system.csv \\\n");
        sb.append("#     --included-rules -o origin-io/src/main/resources/dev/origin/packs/").append(INCLUDED_FILE).append('\n');
        sb.append("# (BuiltInScheduleOneTest regenerates it and compares.) Included by nafta.yaml (`include`): these rules\n");
        sb.append("# apply only to goods for which no rule written in the pack applies; the pack's rules (chapter 87 and\n");
        sb.append("# engines) replace them. Each rule is preceded by its legal text; FLAGGED rules are kept as comments\n");
        sb.append("# with the reason they are not executable (give the rule in the case file for those goods).\n");
        coverage(sb, result);
        rules(sb, result);
        return sb.toString();
    }

    /**
     * A rule file imported from plain text (e.g. the USMCA's Annex 4-B), for a pack that {@code extends} a
     * built-in one and {@code include}s it: the rules, each preceded by its legal text, flagged ones as comments.
     */
    public static String toRuleFile(ImportResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Product-specific rules imported from ").append(result.source())
                .append(" by dev.origin.io.schedule.ScheduleOneImporter (plain text; docs/rule-packs.md).\n");
        sb.append("# Include it from a pack that extends the regime: `extends: usmca` and `include: [this file]`.\n");
        coverage(sb, result);
        rules(sb, result);
        return sb.toString();
    }

    private static void coverage(StringBuilder sb, ImportResult result) {
        CoverageReport cov = result.coverage();
        sb.append("# Coverage: ").append(cov.executable()).append(" of ").append(cov.total())
                .append(" rules executable (").append(cov.share().toPlainString()).append(" %); ")
                .append(cov.flagged().size()).append(" kept as text below (FLAGGED comments).\n");
        cov.byReason().forEach((r, n) -> sb.append("#   ").append(r).append(": ").append(n).append('\n'));
    }

    private static void rules(StringBuilder sb, ImportResult result) {
        sb.append("rules:\n");
        for (ImportedRule r : result.rules()) {
            if (r.executable()) {
                comment(sb, "  # ", r.citation() + ": " + r.text());
                for (String note : r.notes()) comment(sb, "  #   ", note);
                for (ImportedRule.Entry e : r.entries()) {
                    sb.append("  - id: ").append(quote(e.id())).append('\n');
                    sb.append("    hs: [").append(e.scope().stream().map(HsRange::toString).map(RulePackWriter::quote)
                            .collect(Collectors.joining(", "))).append("]\n");
                    sb.append("    rule: ").append(quote(RuleSyntax.format(e.rule()))).append('\n');
                    sb.append("    citation: ").append(quote(r.citation())).append('\n');
                }
            } else {
                ImportedRule.Flag f = r.flag();
                sb.append("  # FLAGGED ").append(r.provision()).append(" [").append(f.reason()).append("] ")
                        .append(r.citation()).append('\n');
                comment(sb, "  #   text: ", r.text());
                for (String note : r.notes()) comment(sb, "  #   ", note);
                comment(sb, "  #   why: ", f.detail());
                comment(sb, "  #   unparsed: ", f.remainder());
            }
        }
    }

    /** The general provisions of the built-in nafta pack: from {@code id:} up to {@code rules:}. */
    private static String header() {
        String text;
        try (InputStream in = RulePackWriter.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException("built-in pack missing from the build: " + BUILT_IN);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("id:")) started = true;
            if (!started) continue;
            if (line.startsWith("rules:")) break;
            if (line.startsWith("include:")) continue;           // the full pack carries the rules itself
            if (line.startsWith("revision:")) {
                String rev = line.substring("revision:".length()).strip().replace("\"", "");
                line = "revision: \"" + rev + "+schedule-i\"";
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static void comment(StringBuilder sb, String prefix, String text) {
        String indent = "  #     ";
        List<String> lines = wrap(text == null ? "" : text.replace('\n', ' '), WIDTH - prefix.length());
        for (int i = 0; i < lines.size(); i++) sb.append(i == 0 ? prefix : indent).append(lines.get(i)).append('\n');
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
