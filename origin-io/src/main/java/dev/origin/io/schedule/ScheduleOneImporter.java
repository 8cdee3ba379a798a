package dev.origin.io.schedule;

import dev.origin.core.hs.HsPrefix;
import dev.origin.core.hs.HsRange;
import dev.origin.core.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Imports the product-specific rules of origin of NAFTA, Schedule I of the NAFTA Rules of Origin
 * Regulations (SOR/94-14), from Canada's Justice Laws XML into rules of Origin's AST.
 *
 * <p>Every table row of Schedule I with a tariff provision and a rule text is one {@link ImportedRule}.
 * Rows with a provision but no rule (headers above tariff-item rows) and rows that only hold chapter notes
 * are not rules. A note "The following rule applies to a good ... incorporating ..." makes the next rule
 * conditional ({@link FlagReason#CONDITIONAL_NOTE}). Notes printed inside a rule cell are kept as text.
 *
 * <pre>
 * ImportResult result = ScheduleOneImporter.importFrom(xml);                  // numeric HS ranges
 * ImportResult result = ScheduleOneImporter.importFrom(xml, HsRanges.ofCsv(hs2017, hs2022));
 * String yaml = RulePackWriter.toYaml(result);
 * CoverageReport report = result.coverage();
 * // from the CLI: HS files of a directory, pack written, report printed
 * ImportResult r = ScheduleOneImporter.importToPack(xml, HsRanges.inDirectory(hsDir), Path.of("nafta-schedule-i.yaml"));
 * System.out.print(r.coverage().toText());
 * </pre>
 *
 * <p>A rule row whose limbs are for only some provisions of its scope ("No required change ... to subheading
 * 7106.91" in the rule for 7106.10-7106.92) is split per provision, each getting the limbs that name it. A note
 * in the rule cell that grants origin on other terms ("... shall be considered to originate if ...") keeps the
 * rule flagged ({@link FlagReason#ORIGIN_NOTE}): the rule alone would be stricter than the law.
 */
public final class ScheduleOneImporter {

    private static final Pattern CHAPTER = Pattern.compile("Chapter\\s+(\\d{1,2})");
    private final HsRanges hs;
    private final LegalRuleParser parser;
    /** What each rule's citation starts with, e.g. {@code SOR/94-14 Sch. I}. */
    private final String citationPrefix;

    private ScheduleOneImporter(HsRanges hs) {
        this(hs, "SOR/94-14 Sch. I");
    }

    private ScheduleOneImporter(HsRanges hs, String citationPrefix) {
        this.hs = hs;
        this.parser = new LegalRuleParser(hs);
        this.citationPrefix = citationPrefix;
    }

    /**
     * Product-specific rules given as plain text in the same legal English as Schedule I, e.g. the USMCA's
     * Annex 4-B (HTSUS General Note 11), which the shared data does not carry (format: docs/rule-packs.md).
     * Entries are separated by blank lines; an entry's first line is its tariff provision (a heading,
     * subheading, tariff item or range: {@code 87.08}, {@code 8708.10}, {@code 8701.21-8701.29}), each
     * further line one limb of its rule ({@code A change to subheading 8708.10 from any other heading; or});
     * a line starting with {@code Note:} is a note; {@code #} starts a comment line.
     *
     * @param citation what each rule's citation starts with, e.g. {@code USMCA Annex 4-B}
     * @throws java.io.IOException when an entry has a provision but no rule text, with its line number
     */
    public static ImportResult importText(String text, String source, HsRanges hs, String citation) throws IOException {
        ScheduleOneImporter importer = new ScheduleOneImporter(hs, citation);
        List<Pending> rows = new ArrayList<>();
        String provision = null;
        int provisionLine = 0;
        List<String> limbs = new ArrayList<>(), notes = new ArrayList<>();
        String[] lines = (text + "\n\n").split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) continue;
            if (line.isEmpty()) {
                if (provision != null) {
                    if (limbs.isEmpty()) throw new IOException("line " + provisionLine + ": provision `" + provision + "` has no rule text");
                    List<String> labels = new ArrayList<>();
                    for (int k = 0; k < limbs.size(); k++) labels.add("");
                    String p = provision.replace(" ", "");
                    rows.add(new Pending(p.length() >= 2 ? p.substring(0, 2) : p, p, new Cell(labels, List.copyOf(limbs), List.copyOf(notes)), null));
                }
                provision = null;
                limbs.clear();
                notes.clear();
            } else if (provision == null) {
                provision = line;
                provisionLine = i + 1;
            } else if (line.regionMatches(true, 0, "Note:", 0, 5)) {
                notes.add(line.substring(5).strip());
            } else if (line.matches("\\([a-z]\\)\\s.*") && !limbs.isEmpty()) {
                // "(a) 60 percent under the transaction value method, or": part of the limb above it
                limbs.set(limbs.size() - 1, limbs.get(limbs.size() - 1) + " " + usmcaWording(line));
            } else {
                limbs.add(usmcaWording(line));
            }
        }
        return importer.build(rows, source);
    }

    /** Imports with numeric enumeration of HS ranges. */
    public static ImportResult importFrom(Path xml) throws IOException {
        return importFrom(xml, HsRanges.numeric());
    }

    /** Imports, expanding HS ranges with {@code hs}. */
    public static ImportResult importFrom(Path xml, HsRanges hs) throws IOException {
        try (InputStream in = Files.newInputStream(xml)) {
            return new ScheduleOneImporter(hs).read(in, xml.toString());
        }
    }

    /**
     * The command-line entry: imports {@code xml} (ranges expanded with {@code hs}), writes the rule pack to
     * {@code pack} (parent directories created; skipped when {@code pack} is null) and returns the result, whose
     * {@code coverage().toText()} is the report to print.
     */
    public static ImportResult importToPack(Path xml, HsRanges hs, Path pack) throws IOException {
        ImportResult result = importFrom(xml, hs);
        if (pack != null) {
            Path dir = pack.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(pack, RulePackWriter.toYaml(result), java.nio.charset.StandardCharsets.UTF_8);
        }
        return result;
    }

    /** Imports from a stream; {@code source} names it in the result. */
    public static ImportResult importFrom(InputStream xml, String source, HsRanges hs) throws IOException {
        return new ScheduleOneImporter(hs).read(xml, source);
    }

    private ImportResult read(InputStream in, String source) throws IOException {
        Document doc = parse(in);
        Element schedule = scheduleOne(doc);
        if (schedule == null) throw new IOException("No SCHEDULE I in " + source);
        List<Pending> rows = new ArrayList<>();
        String chapter = "";
        String condition = null;
        NodeList tables = schedule.getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            for (Element head : descendants(table, "thead")) {
                Matcher m = CHAPTER.matcher(text(head));
                if (m.find()) chapter = m.group(1).length() == 1 ? "0" + m.group(1) : m.group(1);
            }
            for (Element body : descendants(table, "tbody")) {
                for (Element row : children(body, "row")) {
                    List<Element> entries = children(row, "entry");
                    if (entries.size() < 2) continue;
                    String provision = text(entries.get(0)).replace(" ", "").replaceAll(",$", "");
                    Cell cell = cell(entries.get(1));
                    if (cell.limbs.isEmpty() || provision.isEmpty()) {
                        String notes = String.join(" ", cell.notes) + " " + String.join(" ", cell.limbs);
                        if (provision.isEmpty() && notes.contains("The following rule applies")) condition = notes;
                        continue;                     // a header above tariff items, or notes only: not a rule
                    }
                    rows.add(new Pending(chapter, provision, cell, condition));
                    condition = null;
                }
            }
        }
        return build(rows, source);
    }

    /**
     * The USMCA's wording of the same clauses, in Schedule I's, which the rule parser reads: "percent" for
     * "per cent", "under the ... method" for "where the ... method is used", "not less than:" for "not less than".
     */
    private static String usmcaWording(String limb) {
        return limb.replaceAll("(?i)\\bpercent\\b", "per cent")
                .replaceAll("(?i)under the (transaction value|net cost) method", "where the $1 method is used")
                .replaceAll("(?i)not less than:", "not less than");
    }

    /** The imported rules of the rows read. */
    private ImportResult build(List<Pending> rows, String source) {
        List<List<HsRange>> scopes = rows.stream().map(r -> scope(r.provision())).toList();
        List<ImportedRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Pending p = rows.get(i);
            out.add(rule(out.size() + 1, p.chapter(), p.provision(), p.cell(), p.condition(), ids, finerRules(scopes.get(i), scopes)));
        }
        String hsSource = hs.isLoaded() ? "HS nomenclature files" : "numeric enumeration";
        return new ImportResult(source, out, hsSource);
    }

    /** A rule row as read, before parsing. */
    private record Pending(String chapter, String provision, Cell cell, String condition) {}

    /** The ranges of a provision column; empty when it cannot be read. */
    private static List<HsRange> scope(String provision) {
        List<HsRange> scope = new ArrayList<>();
        try {
            for (String p : provision.split(",")) {
                if (!p.isBlank()) scope.add(HsRange.parse(p.strip()));
            }
        } catch (IllegalArgumentException e) {
            scope.clear();
        }
        return scope;
    }

    /** True when another row has a rule for a finer provision inside {@code scope} (e.g. tariff items of the subheading). */
    private static boolean finerRules(List<HsRange> scope, List<List<HsRange>> all) {
        for (List<HsRange> other : all) {
            for (HsRange o : other) {
                for (HsRange r : scope) {
                    if (o.from().length() > r.from().length()
                            && o.from().digits().substring(0, r.from().length()).compareTo(r.from().digits()) >= 0
                            && o.to().digits().substring(0, r.from().length()).compareTo(r.to().digits()) <= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private ImportedRule rule(int row, String chapter, String provision, Cell cell, String condition, Set<String> ids,
                              boolean finerRules) {
        String text = cell.legalText();
        List<HsRange> scope = scope(provision);
        String citation = citationPrefix + ", " + describe(provision, scope);
        if (scope.isEmpty()) {
            return flagged(row, chapter, provision, scope, text, cell, citation,
                    new ImportedRule.Flag(FlagReason.BAD_PROVISION, provision, "the tariff provision `" + provision + "` is not an HS code or range"));
        }
        List<ImportedRule.Entry> entries = new ArrayList<>();
        try {
            try {
                Rule r = parser.parse(cell.limbs, new LegalRuleParser.Good(scope, null, finerRules));
                entries.add(new ImportedRule.Entry(id(provision, ids), scope, r));
            } catch (LegalRuleParser.NeedsSplit split) {
                for (HsRange range : scope) {
                    for (HsPrefix unit : hs.expand(range.from(), range.to())) {
                        List<HsRange> s = List.of(new HsRange(unit, unit));
                        Rule r = parser.parse(cell.limbs, new LegalRuleParser.Good(s, unit, finerRules));
                        entries.add(new ImportedRule.Entry(id(unit.toString(), ids), s, r));
                    }
                }
            }
        } catch (LegalRuleParser.Failure f) {
            return flagged(row, chapter, provision, scope, text, cell, citation,
                    new ImportedRule.Flag(f.reason, f.remainder, f.getMessage()));
        }
        for (String note : cell.notes) {
            if (note.matches("(?is).*\\bshall be considered to originate\\b.*")) {
                return flagged(row, chapter, provision, scope, text, cell, citation,
                        new ImportedRule.Flag(FlagReason.ORIGIN_NOTE, note,
                                "a note in the rule grants origin on other terms (e.g. listed fabrics), which is not encoded"));
            }
        }
        if (condition != null) {
            return flagged(row, chapter, provision, scope, text, cell, citation,
                    new ImportedRule.Flag(FlagReason.CONDITIONAL_NOTE, condition,
                            "the rule applies only to the goods described in the preceding note"));
        }
        return new ImportedRule(row, chapter, provision, scope, text, cell.notes, citation, entries, null);
    }

    private static ImportedRule flagged(int row, String chapter, String provision, List<HsRange> scope, String text,
                                        Cell cell, String citation, ImportedRule.Flag flag) {
        return new ImportedRule(row, chapter, provision, scope, text, cell.notes, citation, List.of(), flag);
    }

    private static String id(String base, Set<String> ids) {
        String id = base;
        for (int n = 2; !ids.add(id); n++) id = base + "#" + n;
        return id;
    }

    /** {@code subheading 3923.29}, {@code headings 74.01-74.03}, {@code tariff items 2106.90.31, 2106.90.32}. */
    static String describe(String provision, List<HsRange> scope) {
        if (scope.isEmpty()) return provision;
        int len = scope.get(0).from().length();
        String kind = switch (len) {
            case 2 -> "chapter";
            case 4 -> "heading";
            case 6 -> "subheading";
            default -> "tariff item";
        };
        boolean plural = scope.size() > 1 || !scope.get(0).from().equals(scope.get(0).to());
        List<String> parts = scope.stream().map(HsRange::toString).toList();
        return kind + (plural ? "s " : " ") + String.join(", ", parts);
    }

    // ------------------------------------------------------------------ XML

    /** The text of a rule cell: its alternatives (limbs) and its notes. */
    private record Cell(List<String> labels, List<String> limbs, List<String> notes) {
        String legalText() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < limbs.size(); i++) {
                if (i > 0) sb.append(' ');
                if (!labels.get(i).isEmpty()) sb.append(labels.get(i)).append(' ');
                sb.append(limbs.get(i));
            }
            return sb.toString();
        }
    }

    private static Cell cell(Element entry) {
        List<String> labels = new ArrayList<>();
        List<String> limbs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Element> provisions = children(entry, "Provision");
        if (provisions.isEmpty()) {
            String t = text(entry);
            if (!t.isEmpty()) {
                labels.add("");
                limbs.add(t);
            }
            return new Cell(labels, limbs, notes);
        }
        boolean inNote = false;
        for (Element p : provisions) {
            Element label = first(p, "Label");
            String l = label == null ? "" : text(label);
            String body = textWithout(p, label);
            boolean rule = body.matches("(?i)(A change|No required change|Production of|For any).*");
            if (l.toLowerCase(Locale.ROOT).startsWith("note")) {
                inNote = true;
                notes.add((l + " " + body).strip());
            } else if ((inNote || !limbs.isEmpty() && body.matches("(?s)(N =|Fractions in the resulting).*")) && l.isEmpty() && !rule) {
                notes.add(body);                              // continuation of a note (or a note's formula)
            } else if (!rule && l.matches("\\([a-z]\\)") && !limbs.isEmpty()) {
                limbs.set(limbs.size() - 1, limbs.get(limbs.size() - 1) + " " + l + " " + body);   // "(b) 50 per cent ..." of the limb above
            } else if (!body.isEmpty()) {
                inNote = false;
                labels.add(l);
                limbs.add(body);
            }
        }
        return new Cell(labels, limbs, notes);
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            // errors become the exception below, not lines printed on stderr by the parser's default handler
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override public void fatalError(org.xml.sax.SAXParseException e) throws SAXException { throw e; }
                @Override public void error(org.xml.sax.SAXParseException e) throws SAXException { throw e; }
            });
            return b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot read the regulation XML: " + e.getMessage(), e);
        }
    }

    private static Element scheduleOne(Document doc) {
        NodeList schedules = doc.getElementsByTagName("Schedule");
        for (int i = 0; i < schedules.getLength(); i++) {
            Element s = (Element) schedules.item(i);
            Element heading = first(s, "ScheduleFormHeading");
            Element label = heading == null ? null : first(heading, "Label");
            if (label != null && text(label).equalsIgnoreCase("SCHEDULE I")) return s;
        }
        return null;
    }

    private static List<Element> children(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) out.add(c);
        }
        return out;
    }

    private static List<Element> descendants(Element e, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList l = e.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
        return out;
    }

    private static Element first(Element e, String tag) {
        List<Element> c = children(e, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Text content with block elements separated by spaces; historical and footnote references dropped. */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        append(n, sb, null);
        return LegalRuleParser.normalize(sb.toString());
    }

    private static String textWithout(Element e, Element skip) {
        StringBuilder sb = new StringBuilder();
        append(e, sb, skip);
        return LegalRuleParser.normalize(sb.toString());
    }

    private static final Set<String> SKIP = Set.of("HistoricalNote", "FootnoteRef", "Footnote");
    private static final Set<String> BLOCK = Set.of("Provision", "Text", "Label", "Item", "List", "row", "entry");

    private static void append(Node n, StringBuilder sb, Node skip) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c == skip) continue;
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(c.getNodeValue());
            } else if (c instanceof Element el && !SKIP.contains(el.getTagName())) {
                boolean block = BLOCK.contains(el.getTagName());
                if (block) sb.append(' ');
                append(el, sb, null);
                if (block) sb.append(' ');
            }
        }
    }
}
