package dev.origin.io.hs;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import dev.origin.core.hs.HsRange;
import dev.origin.io.CsvSource;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One edition of the Harmonized System nomenclature (chapters, headings and six-digit subheadings with
 * their descriptions), read from a CSV file with the columns {@code section,hscode,description,parent,level}
 * (the format of github.com/datasets/harmonized-system; only {@code hscode} and {@code description} are
 * required, {@code level} and {@code parent} are checked when present).
 *
 * <p>Rows of the section {@code TOTAL} (UN Comtrade's "all commodities" total and its chapter 99
 * "commodities not specified according to kind") are reporting codes, not WCO provisions, and are skipped,
 * as are blank rows. Immutable and thread-safe once loaded.
 */
public final class HsNomenclature {

    /** Problem code for every defect of a nomenclature file's content. */
    public static final String BAD_HS_FILE = ErrorCode.BAD_HS_FILE.name();

    /** At most this many problems are listed for one file. */
    static final int MAX_PROBLEMS = 50;

    private static final Pattern EDITION = Pattern.compile("(?i)(?<![a-z])hs[ _-]?((?:19|20)\\d\\d)(?!\\d)");

    /**
     * A provision of the nomenclature.
     *
     * @param code        digits only: 2 (chapter), 4 (heading) or 6 (subheading)
     * @param description the description as given (surrounding spaces removed)
     * @param parent      the code of the enclosing provision, or null for a chapter or when the file has no parent column
     * @param section     the section (Roman numeral) when the file has one, else null
     * @param line        1-based line of the row in the file
     */
    public record Entry(String code, String description, String parent, String section, int line) {
        /** 2 = chapter, 4 = heading, 6 = subheading. */
        public int level() { return code.length(); }

        /** {@code 85}, {@code 85.01} or {@code 8501.10}, as the rest of Origin prints HS provisions. */
        public String dotted() { return new HsPrefix(code).toString(); }
    }

    private final String edition;
    private final String file;
    private final Map<String, Entry> byCode;       // sorted by code
    private final List<Entry> entries;             // sorted by code
    private final List<String[]> descWords;           // per entry (same order): description words, lower case

    private HsNomenclature(String edition, String file, TreeMap<String, Entry> byCode) {
        this.edition = edition;
        this.file = file;
        this.byCode = Collections.unmodifiableMap(byCode);
        this.entries = List.copyOf(byCode.values());
        this.descWords = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            descWords.add(words(e.description()).toArray(String[]::new));
        }
    }

    /**
     * Loads a nomenclature file; the edition is taken from the file name ({@code hs2022-...csv} gives
     * {@code HS2022}), else from a {@code TOTAL} row naming it, else it is the file name.
     */
    public static HsNomenclature load(Path file) throws InputException {
        return load(file, null);
    }

    /** Loads a nomenclature file naming its edition (e.g. {@code HS2017}); null to derive it as {@link #load(Path)} does. */
    public static HsNomenclature load(Path file, String edition) throws InputException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(List.of(Problem.of(name, 0, 0, "", Variant.FILE_DOES_NOT_EXIST, name)));
        } catch (CharacterCodingException e) {
            throw new InputException(List.of(Problem.of(name, 0, 0, "", ErrorCode.BAD_HS_FILE)));
        } catch (IOException e) {
            throw new InputException(List.of(Problem.of(name, 0, 0, "", ErrorCode.UNREADABLE, name)));
        }
        if (edition == null) {
            Path fn = file.getFileName();
            Matcher m = EDITION.matcher(fn == null ? "" : fn.toString());
            if (m.find()) edition = "HS" + m.group(1);
        }
        return read(text, name, edition);
    }

    /**
     * Reads a nomenclature from CSV text.
     *
     * @param file    the name used in problems
     * @param edition e.g. {@code HS2022}; null to take it from a {@code TOTAL} row, else the file name
     */
    public static HsNomenclature read(String text, String file, String edition) throws InputException {
        List<Problem> problems = new ArrayList<>();
        String[] totalDescription = {null};
        TreeMap<String, Entry> byCode = parse(text, file, problems, totalDescription);
        if (!problems.isEmpty()) throw new InputException(problems);
        if (edition == null && totalDescription[0] != null) {
            Matcher m = EDITION.matcher(totalDescription[0]);
            if (m.find()) edition = "HS" + m.group(1);
        }
        if (edition == null) edition = file;
        return new HsNomenclature(edition, file, byCode);
    }

    // ---------------------------------------------------------------- parsing

    private static TreeMap<String, Entry> parse(String text, String file, List<Problem> problems, String[] totalDescription) {
        TreeMap<String, Entry> byCode = new TreeMap<>();
        CsvSource csv = new CsvSource(text, file, ErrorCode.BAD_HS_FILE, CsvSource.Locations.LINE_AND_CHARACTER, problems);
        CsvSource.Row header = csv.next();
        if (header == null) {
            if (problems.isEmpty()) problems.add(Problem.of(file, 1, 1, "", Variant.NOMENCLATURE_EMPTY));
            return byCode;
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.values().size(); i++) col.putIfAbsent(header.values().get(i).strip().toLowerCase(Locale.ROOT), i);
        for (String required : List.of("hscode", "description")) {
            if (!col.containsKey(required)) {
                problems.add(Problem.of(file, header.line(), 1, "", Variant.NOMENCLATURE_COLUMN_MISSING, required));
            }
        }
        if (!problems.isEmpty()) return byCode;
        int cCode = col.get("hscode"), cDesc = col.get("description");
        Integer cLevel = col.get("level"), cParent = col.get("parent"), cSection = col.get("section");
        int width = header.values().size();
        for (CsvSource.Row row = csv.next(); row != null && problems.size() < MAX_PROBLEMS; row = csv.next()) {
            List<String> f = row.values();
            if (f.stream().allMatch(String::isBlank)) continue;
            if (f.size() != width) {
                problems.add(Problem.of(file, row.line(), 1, "", Variant.NOMENCLATURE_ROW_WIDTH, f.size(), width));
                continue;
            }
            String code = f.get(cCode).strip();
            String section = cSection == null ? null : f.get(cSection).strip();
            if ("TOTAL".equalsIgnoreCase(section) || "TOTAL".equalsIgnoreCase(code)) {
                if ("TOTAL".equalsIgnoreCase(code)) totalDescription[0] = f.get(cDesc);
                continue;
            }
            if (code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (code.length() != 2 && code.length() != 4 && code.length() != 6)) {
                problems.add(Problem.of(file, row.line(cCode), row.column(cCode), "", Variant.NOMENCLATURE_NOT_A_CODE, code));
                continue;
            }
            String description = f.get(cDesc).strip();
            if (description.isEmpty()) {
                problems.add(Problem.of(file, row.line(cDesc), row.column(cDesc), "", Variant.NOMENCLATURE_NO_DESCRIPTION, code));
                continue;
            }
            if (cLevel != null && !f.get(cLevel).strip().equals(String.valueOf(code.length()))) {
                problems.add(Problem.of(file, row.line(cLevel), row.column(cLevel), "", Variant.NOMENCLATURE_BAD_LEVEL, f.get(cLevel).strip(), code,
                        code.length()));
                continue;
            }
            String parent = null;
            if (cParent != null && code.length() > 2) {
                parent = f.get(cParent).strip();
                if (!parent.equals(code.substring(0, code.length() - 2))) {
                    problems.add(Problem.of(file, row.line(cParent), row.column(cParent), "", Variant.NOMENCLATURE_BAD_PARENT, parent, code,
                            code.substring(0, code.length() - 2)));
                    continue;
                }
            }
            Entry prior = byCode.get(code);
            if (prior != null) {
                problems.add(Problem.of(file, row.line(cCode), row.column(cCode), "", Variant.NOMENCLATURE_LISTED_TWICE, code, prior.line()));
                continue;
            }
            byCode.put(code, new Entry(code, description, parent, section == null || section.isEmpty() ? null : section, row.line()));
        }
        if (problems.isEmpty()) {
            for (Entry e : byCode.values()) {
                if (e.level() > 2 && !byCode.containsKey(e.code().substring(0, e.level() - 2)) && problems.size() < MAX_PROBLEMS) {
                    problems.add(Problem.of(file, e.line(), 1, "", Variant.NOMENCLATURE_NOT_ENCLOSED, e.code(), e.level() == 4 ? "chapter" : "heading",
                            e.code().substring(0, e.level() - 2)));
                }
            }
            if (byCode.isEmpty() && problems.isEmpty()) {
                problems.add(Problem.of(file, header.line(), 1, "", Variant.NOMENCLATURE_NO_PROVISIONS));
            }
        }
        if (problems.size() >= MAX_PROBLEMS) {
            problems.add(Problem.of(file, 0, 0, "", Variant.NOMENCLATURE_TOO_MANY_PROBLEMS));
        }
        return byCode;
    }

    // ---------------------------------------------------------------- queries

    /** The edition, e.g. {@code HS2022}. */
    public String edition() { return edition; }

    /** The file it was read from (as given). */
    public String file() { return file; }

    /** All chapters, headings and subheadings, sorted by code. */
    public List<Entry> entries() { return entries; }

    /** Number of chapters, headings and subheadings. */
    public int size() { return entries.size(); }

    /** True when the six-digit subheading of {@code code} exists (national digits beyond six are not checked). */
    public boolean exists(HsCode code) {
        return byCode.containsKey(code.subheading());
    }

    /**
     * True when the provision exists: a chapter (2 digits), heading (4) or subheading (6); for a national
     * tariff item (8 or 10 digits), its six-digit subheading.
     */
    public boolean exists(HsPrefix prefix) {
        String d = prefix.digits();
        return byCode.containsKey(d.length() > 6 ? d.substring(0, 6) : d);
    }

    /** True when both ends of the range exist. */
    public boolean exists(HsRange range) {
        return exists(range.from()) && exists(range.to());
    }

    /**
     * The entry of a chapter, heading or subheading given as digits, with dots or spaces allowed
     * ({@code 85}, {@code 85.01}, {@code 8501.10}); empty for anything else (national items included).
     */
    public Optional<Entry> entry(String digits) {
        String d = normalise(digits);
        return d == null ? Optional.empty() : Optional.ofNullable(byCode.get(d));
    }

    /** The description of a chapter, heading or subheading, as {@link #entry(String)} finds it. */
    public Optional<String> description(String digits) {
        return entry(digits).map(Entry::description);
    }

    /**
     * Entries whose description matches the most words of {@code text}: a query word matches when a word
     * of the description starts with it, case-insensitively ({@code motor} matches {@code motors}).
     * Ranked by the number of query words matched, then by how early they appear (the sum, over the matched
     * query words, of the position of the first description word each matches: {@code Electric motors ...}
     * before {@code Winches; ... powered by an electric motor}), then by code. Entries matching no word
     * are left out; repeated query words count once.
     *
     * @param limit at most this many entries (0 or less: none)
     */
    public List<Entry> search(String text, int limit) {
        List<String> query = List.copyOf(new LinkedHashSet<>(words(text == null ? "" : text)));
        if (query.isEmpty() || limit <= 0) return List.of();
        record Hit(int index, int matched, int position) {}
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String[] ws = descWords.get(i);
            int matched = 0, position = 0;
            for (String q : query) {
                for (int k = 0; k < ws.length; k++) {
                    if (ws[k].startsWith(q)) { matched++; position += k; break; }
                }
            }
            if (matched > 0) hits.add(new Hit(i, matched, position));
        }
        hits.sort(Comparator.comparingInt(Hit::matched).reversed()
                .thenComparingInt(Hit::position)
                .thenComparingInt(Hit::index));   // entries are sorted by code
        List<Entry> out = new ArrayList<>(Math.min(limit, hits.size()));
        for (int i = 0; i < hits.size() && i < limit; i++) out.add(entries.get(hits.get(i).index()));
        return out;
    }

    /** Lower-case words of letters and digits. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (sb.length() > 0) {
                out.add(sb.toString().toLowerCase(Locale.ROOT));
                sb.setLength(0);
            }
        }
        return out;
    }

    private static String normalise(String text) {
        if (text == null) return null;
        String t = text.strip();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') sb.append(c);
            else if (c != '.' && c != ' ') return null;
        }
        int n = sb.length();
        return n == 2 || n == 4 || n == 6 ? sb.toString() : null;
    }

    @Override public String toString() {
        return edition + " (" + entries.size() + " provisions, " + file + ")";
    }
}
