package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the citations of the built-in packs against the official text (Justice Laws XML in shared/data): every
 * cited section and subsection exists in the body of the regulation, every threshold rule for a parts table cites
 * the subsection that sets that table's thresholds, and every row of the SOR/2020-155 s.13 table a citation names
 * is a row of that table. Skipped when the shared data is absent.
 */
class CitationCheckTest {

    private static final Path DATA = Path.of(System.getProperty("origin.shared.data", "../../shared/data"));
    /** "s.14(2)-(3)", "s.15(2), (4)", "s.14(14),(16)", "s.20(2)(b)-(f)", "s.19(4)(a), (4)(c)-(d), (5)", "s.13 (table, ...)". */
    private static final Pattern REF = Pattern.compile("s\\.(\\d+)((?:\\s*(?:-|,)?\\s*\\(\\d+\\)(?:\\([a-z]+\\)(?:-\\([a-z]+\\))?)*)*)");
    private static final Pattern SUB = Pattern.compile("(-)?\\s*\\((\\d+)\\)");
    private static final Pattern TABLE_ROW = Pattern.compile("s\\.13 \\(table, ([^()]*(?:\\(\\d\\)[^()]*)*)\\)");

    private static final String USMCA_XML = "SOR-2020-155_CUSMA-rules-of-origin-regulations.xml";
    /** Parsed regulations by file name: each is read once per run. */
    private static final Map<String, Document> DOCS = new java.util.HashMap<>();

    /** The regulation {@code file} of shared/data, parsed; the test is skipped when it is absent. */
    private static Document regulation(String file) throws Exception {
        Path xml = DATA.resolve("canada-roo-regulations").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(xml), xml.toAbsolutePath() + " not found (set -Dorigin.shared.data); skipping");
        Document doc = DOCS.get(file);
        if (doc == null) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
            DOCS.put(file, doc);
        }
        return doc;
    }

    /** Section label -> subsection label -> full text, from the body only (not the schedules). */
    private static Map<String, Map<String, String>> sections(Document doc) {
        Element body = (Element) doc.getElementsByTagName("Body").item(0);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element s) || !s.getTagName().equals("Section")) continue;
            Map<String, String> subs = new LinkedHashMap<>();
            subs.put("", s.getTextContent());
            for (Node c = s.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && e.getTagName().equals("Subsection")) subs.put(label(e), e.getTextContent());
            }
            out.put(label(s), subs);
        }
        return out;
    }

    private static String label(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element l && l.getTagName().equals("Label")) return l.getTextContent().trim();
        }
        return "";
    }

    private static List<String> citations(String pack, String instrument) throws Exception {
        try (InputStream in = RulePackReader.class.getResourceAsStream("/dev/origin/packs/" + pack + ".yaml")) {
            assertThat(in).as("built-in pack " + pack).isNotNull();
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String code = line.replaceFirst("^\\s*#.*", "");
                if (code.toLowerCase().contains("citation") && code.contains(instrument)) out.add(code.trim());
            }
            return out;
        }
    }

    /** The subsections a citation names, per section: "s.15(2), (4)" -> {15: [(2), (4)]}; ranges expand. */
    private static Map<String, Set<String>> cited(String citation, String instrument) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        // only the references after the instrument, up to the next instrument named in the same citation
        String own = citation.substring(citation.indexOf(instrument));
        int other = own.indexOf("SOR/", instrument.length());
        if (other > 0) own = own.substring(0, other);
        Matcher m = REF.matcher(own.replaceAll("Sch\\.[^,;]*", ""));
        while (m.find()) {
            Set<String> subs = out.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
            Matcher s = SUB.matcher(m.group(2).replaceAll("\\([a-z]+\\)", ""));
            int last = -1;
            while (s.find()) {
                int n = Integer.parseInt(s.group(2));
                if (s.group(1) != null && last > 0) {
                    for (int i = last + 1; i <= n; i++) subs.add("(" + i + ")");
                } else {
                    subs.add("(" + n + ")");
                }
                last = n;
            }
        }
        return out;
    }

    @Test
    void citationReferencesAreRead() {
        assertThat(cited("citation: SOR/2020-155 s.19(1)-(2), (4)(a), (4)(c)-(d), (5)", "SOR/2020-155"))
                .isEqualTo(Map.of("19", Set.of("(1)", "(2)", "(4)", "(5)")));
        assertThat(cited("SOR/2020-155 s.14(14)-(17), Table B; s.15(2), (4) and s.13 (table, 87.06 (2))", "SOR/2020-155"))
                .isEqualTo(Map.of("14", Set.of("(14)", "(15)", "(16)", "(17)"), "15", Set.of("(2)", "(4)"), "13", Set.of()));
        assertThat(cited("SOR/94-14 Sch. I, subheading 8703.10; s.13(1)(b)(iii)", "SOR/94-14"))
                .isEqualTo(Map.of("13", Set.of("(1)")));
    }

    @ParameterizedTest(name = "{0} cites sections of {1} that exist")
    @CsvSource({
        "usmca, SOR/2020-155, SOR-2020-155_CUSMA-rules-of-origin-regulations.xml",
        "nafta, SOR/94-14, SOR-94-14_NAFTA-rules-of-origin-regulations_pre-repeal.xml"
    })
    void citedSubsectionsExist(String pack, String instrument, String file) throws Exception {
        Map<String, Map<String, String>> text = sections(regulation(file));
        List<String> citations = citations(pack, instrument);
        assertThat(citations).as("citations of " + pack).hasSizeGreaterThan(10);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String c : citations) {
            for (Map.Entry<String, Set<String>> e : cited(c, instrument).entrySet()) {
                Map<String, String> section = text.get(e.getKey());
                if (section == null) {
                    missing.add("s." + e.getKey() + " in " + c);
                    continue;
                }
                for (String sub : e.getValue()) {
                    checked++;
                    if (!section.containsKey(sub)) missing.add("s." + e.getKey() + sub + " in " + c);
                }
            }
        }
        assertThat(checked).as("subsection references checked in " + pack).isGreaterThan(10);
        assertThat(missing).as("references to sections or subsections absent from " + file).isEmpty();
    }

    @ParameterizedTest(name = "usmca Table {0} rule cites the subsection that sets its thresholds")
    @CsvSource({"B, 14", "C, 14", "D, 15", "E, 15"})
    void partsTableThresholds(String table, String section) throws Exception {
        Map<String, String> subs = sections(regulation(USMCA_XML)).get(section);
        Set<String> setting = new LinkedHashSet<>();
        subs.forEach((label, body) -> {
            if (!label.isEmpty() && body.contains("Table " + table) && body.contains("net cost method")) setting.add(label);
        });
        assertThat(setting).as("subsections of s.%s setting Table %s thresholds", section, table).hasSize(1);
        String citation = citations("usmca", "SOR/2020-155").stream().filter(c -> c.contains("Table " + table))
                .findFirst().orElseThrow(() -> new AssertionError("no usmca citation names Table " + table));
        assertThat(cited(citation, "SOR/2020-155").getOrDefault(section, Set.of()))
                .as("subsections of s.%s cited by: %s", section, citation).containsAll(setting);
    }

    @Test
    void section13TableRowsExist() throws Exception {
        Document doc = regulation(USMCA_XML);
        Set<String> rows = new LinkedHashSet<>();
        var entries = doc.getElementsByTagName("row");
        for (int i = 0; i < entries.getLength(); i++) {
            Node first = ((Element) entries.item(i)).getElementsByTagName("entry").item(0);
            if (first != null) rows.add(first.getTextContent().replaceAll("\\s", "").replace('–', '-'));
        }
        List<String> named = new ArrayList<>();
        for (String c : citations("usmca", "SOR/2020-155")) {
            Matcher m = TABLE_ROW.matcher(c);
            while (m.find()) {
                for (String part : m.group(1).split(",| and ")) {
                    String row = part.replaceAll("\\(\\d\\)", "").replaceAll("\\s", "");
                    if (!row.isEmpty()) named.add(row);
                }
            }
        }
        assertThat(named).as("s.13 table rows named by usmca citations").hasSizeGreaterThanOrEqualTo(8);
        assertThat(rows).as("rows of the s.13 table").containsAll(named);
    }
}
