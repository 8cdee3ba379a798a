package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.hs.HsCode;
import dev.origin.core.tariff.Rate;
import dev.origin.core.tariff.TariffSchedule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks every US entry of the built-in {@code mfn.yaml} against the "General Rate of Duty" column of
 * the USITC HTS 2024 Basic Edition CSV ({@code <origin.shared.data>/usitc-hts-2024-basic-edition/}).
 *
 * <p>Lines compared: every CSV row that has an HTS number of 6, 8 or 10 digits and a non-empty
 * general rate (rates live on 8-digit lines, a few on 10-digit lines such as {@code 8703.90.01.00})
 * and for which the built-in schedule gives a US rate on 2024-07-01. For each such line the rate the
 * lookup returns (the most specific entry) must equal the CSV rate ("Free" = 0, "2.5%" = 2.5; markup
 * such as {@code <u></u>} is ignored); a compound or specific rate (e.g. "25¢ each + 3.9%") under a
 * US entry is a failure, since an ad valorem entry cannot represent it. Also: every US entry must win
 * for at least one CSV line, and its {@code source} must name each line it was compared with.
 */
class MfnDataCheckTest {
    private static final LocalDate DATE = LocalDate.of(2024, 7, 1);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

    record Line(String number, String rate) {}

    @Test
    void usEntriesMatchTheHts2024GeneralColumn() throws IOException {
        String dir = System.getProperty("origin.shared.data");
        Path csv = dir == null ? null : Path.of(dir, "usitc-hts-2024-basic-edition", "hts_2024_basic_edition_csv.csv");
        Assumptions.assumeTrue(csv != null && Files.isRegularFile(csv),
                "USITC HTS 2024 CSV not found (system property origin.shared.data = " + dir
                        + "; expected <it>/usitc-hts-2024-basic-edition/hts_2024_basic_edition_csv.csv); data check skipped");

        TariffSchedule s = TariffReader.builtIn();
        Map<TariffSchedule.Entry, List<Line>> compared = new IdentityHashMap<>();
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        for (List<String> row : parse(Files.readString(csv, StandardCharsets.UTF_8))) {
            if (rows++ == 0) {
                assertThat(row.get(0).replace("\uFEFF", "")).isEqualTo("HTS Number");
                assertThat(row.get(4)).isEqualTo("General Rate of Duty");
                continue;
            }
            if (row.size() < 5) continue;
            String number = row.get(0).strip();
            String general = row.get(4).replaceAll("<[^>]*>", "").strip();
            if (number.isEmpty() || general.isEmpty() || !HsCode.isValid(number)) continue;
            Rate r = s.mfn("US", HsCode.parse(number), DATE).orElse(null);
            if (r == null) continue;
            compared.computeIfAbsent(r.entry(), k -> new ArrayList<>()).add(new Line(number, general));
            BigDecimal hts = adValorem(general);
            if (hts == null) {
                mismatches.add(number + ": HTS general rate `" + general + "` is not ad valorem, but US " + r.scope() + " gives " + r.percent() + " %");
            } else if (hts.compareTo(r.percent()) != 0) {
                mismatches.add(number + ": HTS general rate " + general + " but US " + r.scope() + " gives " + r.percent().toPlainString() + " %");
            }
            if (!r.source().contains(number)) {
                mismatches.add(number + ": compared with US " + r.entry().scope() + " whose source does not name it");
            }
        }
        assertThat(rows).as("CSV rows").isGreaterThan(35_000);

        StringBuilder report = new StringBuilder("Compared with the HTS 2024 general column:\n");
        for (TariffSchedule.Entry e : s.entries()) {
            if (!e.importer().equals("US")) continue;
            List<Line> lines = compared.get(e);
            if (lines == null) {
                mismatches.add("US " + e.scope() + " covers no HTS 2024 line with a general rate (or is always outranked)");
                continue;
            }
            report.append("  US ").append(e.scope()).append(' ').append(e.percent().toPlainString()).append(" %: ")
                    .append(lines.stream().map(l -> l.number() + "=" + l.rate()).toList()).append('\n');
        }
        System.out.print(report);
        assertThat(mismatches).as("US entries of mfn.yaml against the HTS 2024 general column (lines compared: see standard output)").isEmpty();
        assertThat(compared.values().stream().mapToInt(List::size).sum()).as("lines compared").isGreaterThan(150);
    }

    /** "Free" = 0; "2.5%" = 2.5; anything else (specific or compound) = null. */
    static BigDecimal adValorem(String rate) {
        if (rate.equalsIgnoreCase("Free")) return BigDecimal.ZERO;
        Matcher m = PERCENT.matcher(rate);
        return m.matches() ? new BigDecimal(m.group(1)) : null;
    }

    @Test
    void rateTextIsParsed() {
        assertThat(adValorem("Free")).isEqualByComparingTo("0");
        assertThat(adValorem("2.5%")).isEqualByComparingTo("2.5");
        assertThat(adValorem("25%")).isEqualByComparingTo("25");
        assertThat(adValorem("25¢ each + 3.9%")).isNull();
        assertThat(parse("a,\"b \"\"q\"\"\nc\",\n\"x\"\n")).containsExactly(List.of("a", "b \"q\"\nc", ""), List.of("x"));
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) { row.add(cell.toString()); rows.add(row); }
        return rows;
    }
}
