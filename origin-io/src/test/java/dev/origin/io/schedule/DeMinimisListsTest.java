package dev.origin.io.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.hs.HsRange;
import dev.origin.core.regime.DeMinimis;
import dev.origin.io.RulePackReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The de minimis exclusions of the built-in packs are the regulation's lists: for each paragraph of SOR/94-14 s.5(4)
 * and SOR/2020-155 s.5(3), read from the official XML in shared/data (skipped when absent), every tariff provision the
 * paragraph names (chapters, headings, subheadings, tariff items, "X through Y" ranges) lies in the goods or materials
 * of the pack's exclusion citing that paragraph, and every end of the pack's ranges is a provision the paragraph
 * names. A paragraph naming no provision (NAFTA (j), printed circuit assemblies) must be an exclusion by
 * {@code materialFacts}. Every paragraph has an exclusion and every exclusion cites a paragraph.
 */
class DeMinimisListsTest {

    private static final Path DATA = Path.of(System.getProperty("origin.shared.data", "../../shared/data"));
    private static final Pattern CODE = Pattern.compile(
            "(?<![\\d.])(\\d{4}\\.\\d{2}\\.\\d{2}|\\d{4}\\.\\d{2}|\\d{2}\\.\\d{2})(?!\\.?\\d)|Chapters? (\\d{1,2})(?!\\d|\\.\\d|%)");
    private static final Pattern MORE_CHAPTERS = Pattern.compile("\\G(,| or| and| through) (\\d{1,2})(?!\\d|\\.\\d|%)");

    @ParameterizedTest(name = "{0} s.5({2})")
    @CsvSource({"nafta, SOR-94-14_NAFTA-rules-of-origin-regulations_pre-repeal.xml, 4, SOR/94-14",
            "usmca, SOR-2020-155_CUSMA-rules-of-origin-regulations.xml, 3, SOR/2020-155"})
    void exclusionsAreTheRegulationsList(String pack, String file, String subsection, String regulation) throws Exception {
        Path xml = DATA.resolve("canada-roo-regulations").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(xml), xml.toAbsolutePath() + " not found (set -Dorigin.shared.data): skipping");
        Map<String, String> paragraphs = paragraphs(xml, subsection);
        assertThat(paragraphs).as("paragraphs of s.5(" + subsection + ")").hasSizeGreaterThan(10);
        DeMinimis dm = RulePackReader.load(pack, Map.of()).deMinimis();
        Map<String, DeMinimis.Exclusion> byParagraph = new LinkedHashMap<>();
        for (DeMinimis.Exclusion e : dm.exclusions()) {
            Matcher m = Pattern.compile(Pattern.quote(regulation + " s.5(" + subsection + ")") + "\\(([a-z])\\)").matcher(e.citation());
            assertThat(m.lookingAt()).as("exclusion cites a paragraph of s.5(" + subsection + "): " + e.citation()).isTrue();
            assertThat(byParagraph.put(m.group(1), e)).as("one exclusion per paragraph: " + e.citation()).isNull();
        }
        assertThat(byParagraph.keySet()).containsExactlyInAnyOrderElementsOf(paragraphs.keySet());
        for (var p : paragraphs.entrySet()) {
            String what = regulation + " s.5(" + subsection + ")(" + p.getKey() + ")";
            List<HsRange> law = provisions(p.getValue());
            DeMinimis.Exclusion e = byParagraph.get(p.getKey());
            List<HsRange> ours = new ArrayList<>(e.goods());
            ours.addAll(e.materials());
            if (law.isEmpty()) {
                assertThat(e.materialFacts()).as(what + " names no provision: a material named in words").isNotEmpty();
                continue;
            }
            for (HsRange r : law) assertThat(ScheduleOneImporterTest.within(r, ours)).as(what + ": `" + r + "` of the text in " + ours).isTrue();
            for (HsRange r : ours) {
                for (HsRange end : List.of(HsRange.parse(r.from().toString()), HsRange.parse(r.to().toString()))) {
                    assertThat(ScheduleOneImporterTest.within(end, law)).as(what + ": `" + end + "` (of `" + r + "` in the pack) is not named by the text " + law).isTrue();
                }
            }
        }
    }

    /** The paragraphs (a), (b), ... of s.5(n), as text. */
    private static Map<String, String> paragraphs(Path xml, String subsection) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root;
        try (InputStream in = Files.newInputStream(xml)) {
            root = f.newDocumentBuilder().parse(in).getDocumentElement();
        }
        Map<String, String> out = new LinkedHashMap<>();
        NodeList sections = root.getElementsByTagName("Section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element s = (Element) sections.item(i);
            if (!"5".equals(label(s))) continue;
            for (Node c = s.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (!(c instanceof Element sub) || !sub.getTagName().equals("Subsection") || !("(" + subsection + ")").equals(label(sub))) continue;
                for (Node d = sub.getFirstChild(); d != null; d = d.getNextSibling()) {
                    if (d instanceof Element para && para.getTagName().equals("Paragraph")) {
                        out.put(label(para).replaceAll("[()]", ""), ScheduleOneImporter.text(para));
                    }
                }
            }
            break;
        }
        return out;
    }

    private static String label(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element l && l.getTagName().equals("Label")) return l.getTextContent().strip();
        }
        return null;
    }

    /** The provisions a paragraph names, "X through Y" as one range. */
    static List<HsRange> provisions(String text) {
        List<String> codes = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                codes.add(m.group(1));
                starts.add(m.start());
                ends.add(m.end());
            } else {
                codes.add(String.format("%02d", Integer.parseInt(m.group(2))));
                starts.add(m.start(2));
                ends.add(m.end());
                Matcher more = MORE_CHAPTERS.matcher(text).region(m.end(), text.length());
                while (more.find()) {
                    codes.add(String.format("%02d", Integer.parseInt(more.group(2))));
                    starts.add(more.start(2));
                    ends.add(more.end());
                    m.region(more.end(), text.length());
                }
            }
        }
        List<HsRange> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (i + 1 < codes.size() && text.substring(ends.get(i), starts.get(i + 1)).matches("\\s*through\\s*(headings?|subheadings?)?\\s*")) {
                out.add(HsRange.parse(codes.get(i) + "-" + codes.get(i + 1)));
                i++;
            } else {
                out.add(HsRange.parse(codes.get(i)));
            }
        }
        return out;
    }
}
