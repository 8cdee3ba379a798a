package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Issue 13 item 1, 3 and 6: the simulation's text tables and HTML report read well to a trade analyst (units,
 * legends, figures written as people write them, choices in words), every chart has axes, gridlines, value labels and
 * a legend, the report is self-contained, the commands say what they wrote, and progress stays off redirected output.
 */
class ReportPresentationTest {
    /** Figures written raw: a long decimal (20994211.70, 54.5454) or an ungrouped number of five digits or more. */
    static final Pattern RAW = Pattern.compile("(?<![\\w.,-])\\d{5,}(\\.\\d+)?(?![\\w-])|\\d+\\.\\d{3,}");
    static final Pattern CODE_NAMES = Pattern.compile("\\b(QUALIFIES|RESOURCES|PAYS|NOT_EXPOSED|NOT_ELIGIBLE|NON_ORIGINATING)\\b");

    /** The simulation table of {@code out}: money in US$, a legend for vol %, MFN and the units, no cut-off label, no raw figure. */
    static void readsWellToAnAnalyst(String out) {
        String table = out.substring(out.indexOf("models that qualify as is"), out.indexOf("US$: US dollars"));
        assertThat(table).contains("US$", " M", "vol %", "compliance rate (% of exposed volume)", " k");
        assertThat(out).contains("vol %: the models' share of the fleet's vehicles", "MFN tariff: the most-favoured-nation duty",
                "M = million, B = billion", "k = thousand");
        assertThat(table).doesNotContain("…");
        assertThat(RAW.matcher(table).find()).as("raw figure in %s", table).isFalse();
        assertThat(CODE_NAMES.matcher(table).find()).isFalse();
    }

    @Test
    void theSimulationTableAndTheHtmlReportReadWell(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, SimulateCliTest.FLEET);
        Path html = dir.resolve("out.html");
        Path csv = dir.resolve("out.csv");
        CliTest.Result r = CliTest.run("simulate", "--fleet", fleet.toString(), "--regimes", "nafta,usmca,us-proposal-2017",
                "--draws", "2", "--sweep", "us-proposal-2017:min=60..90/10", "--html", html.toString(), "--csv", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        readsWellToAnAnalyst(r.out());
        // the commands print what they wrote; no progress line when stderr is not a terminal
        assertThat(r.err()).contains("wrote " + html.toAbsolutePath().normalize(), "wrote " + csv.toAbsolutePath().normalize());
        assertThat(r.err()).doesNotContain("[=", "\r");

        String page = Files.readString(html);
        // self-contained: no external asset
        assertThat(page).doesNotContainPattern("(?i)<(script|link|img|iframe)\\b|url\\(|@import|\\bsrc=|\\bhref=");
        // charts use the page width
        assertThat(page).contains("svg.chart{display:block;width:100%");
        List<String> svgs = svgs(page);
        assertThat(svgs).hasSizeGreaterThanOrEqualTo(3 + 4 * 3); // compliance, purchases, sweep; 4 tornados per regime
        for (String svg : svgs) {
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            String label = d.getDocumentElement().getAttribute("aria-label");
            assertThat(d.getDocumentElement().getAttribute("width")).as(label).isEqualTo("100%");
            assertThat(count(d, "//*[contains(@class,'axis')]//*[local-name()='line' and contains(@class,'axis-line')]")).as(label + ": axis").isPositive();
            assertThat(count(d, "//*[local-name()='line' and @class='grid']")).as(label + ": gridlines").isGreaterThanOrEqualTo(3);
            assertThat(count(d, "//*[local-name()='text' and contains(@class,'tick')]")).as(label + ": tick labels").isGreaterThanOrEqualTo(3);
            assertThat(text(d, "//*[local-name()='text' and @class='axis-title']")).as(label + ": axis title with a unit")
                    .containsPattern("%|US\\$|jobs|percent");
            assertThat(count(d, "//*[local-name()='text' and @class='value']")).as(label + ": value labels").isGreaterThanOrEqualTo(2);
            assertThat(count(d, "//*[local-name()='g' and @class='legend']/*[local-name()='text']")).as(label + ": legend").isGreaterThanOrEqualTo(2);
        }
        String visible = page.replaceAll("<style>.*?</style>", "").replaceAll("<[^>]+>", " ");
        assertThat(RAW.matcher(visible).find()).as("raw figure: %s", RAW.matcher(visible).results().map(m -> m.group()).toList()).isFalse();
        assertThat(CODE_NAMES.matcher(visible).find()).isFalse();
        assertThat(visible).contains("US$", "not eligible (built outside North America)", "vol %:", "MFN tariff:");
        // the purchases chart's value labels carry the unit
        assertThat(svgs.get(1)).containsPattern("class=\"value\"[^>]*>[+\u2212]?US\\$");
        // tables: figures right-aligned in cells of their own, ids unwrapped
        assertThat(page).contains("td.num,th.num{text-align:right;white-space:nowrap", "td.id{white-space:nowrap}",
                "<td class=\"id\">sedan-mx</td>");
    }

    @Test
    void theProgressLineOnlyGoesForwardAndOnlyOnATerminal() {
        StringWriter shown = new StringWriter();
        try (Progress p = Progress.forced(new PrintWriter(shown, true), true)) {
            p.phase("work", 10);
            p.update(5);
            p.update(3); // a worker reporting late
            p.update(10);
        }
        List<Integer> percents = new ArrayList<>();
        Matcher m = Pattern.compile("\\] (\\d+) %").matcher(shown.toString());
        while (m.find()) percents.add(Integer.parseInt(m.group(1)));
        assertThat(percents).containsExactly(0, 50, 100);
        assertThat(shown.toString()).endsWith("\r");
        StringWriter hidden = new StringWriter();
        try (Progress p = Progress.forced(new PrintWriter(hidden, true), false)) {
            p.phase("work", 10);
            p.update(5);
        }
        assertThat(hidden.toString()).isEmpty();
    }

    static List<String> svgs(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(page);
        while (m.find()) out.add(m.group());
        return out;
    }

    static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    static String text(Document d, String xpath) throws Exception {
        NodeList n = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.getLength(); i++) sb.append(n.item(i).getTextContent()).append(' ');
        return sb.toString();
    }
}
