package dev.origin.tools.sample;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** NHTSA AALA country letters, country names and plant towns → ISO 3166 alpha-2 codes. */
final class Countries {
    private Countries() {}

    /** AALA key letters and spellings seen in the data (G = Germany, J = Japan, M = Mexico, CN = Canada, K = Korea, …). */
    private static final Map<String, String> CODES = new LinkedHashMap<>();
    /** Words of plant addresses and country names (checked first, as substrings). */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        String[][] codes = {
            {"US", "US"}, {"USA", "US"}, {"U", "US"}, {"CN", "CA"}, {"CAN", "CA"}, {"CA", "CA"},
            {"M", "MX"}, {"MX", "MX"}, {"G", "DE"}, {"GER", "DE"}, {"J", "JP"}, {"JP", "JP"}, {"K", "KR"},
            {"H", "HU"}, {"PL", "PL"}, {"P", "PL"}, {"SL", "SK"}, {"I", "IT"}, {"UK", "GB"}, {"CH", "CN"},
            {"CHN", "CN"}, {"TH", "TH"}, {"A", "AT"}, {"AT", "AT"}, {"AU", "AT"}, {"ESP", "ES"}, {"SP", "ES"},
            {"IN", "IN"}, {"IND", "IN"}, {"BR", "BR"}, {"AR", "AR"}, {"F", "FR"}, {"FR", "FR"}, {"SE", "SE"},
            {"SW", "SE"}, {"BE", "BE"}, {"FN", "FI"}, {"AF", "ZA"}, {"SA", "ZA"}, {"N", "NL"}, {"CZ", "CZ"},
            {"R", "RO"}, {"ID", "ID"}, {"PH", "PH"},
        };
        for (String[] c : codes) {
            CODES.put(c[0], c[1]);
        }
        String[][] words = {
            {"UNITED STATES", "US"}, {"UNITED KINGDOM", "GB"}, {"SOUTH KOREA", "KR"}, {"SOUTH AFRICA", "ZA"},
            {"CZECH", "CZ"}, {"MEXICO", "MX"}, {"CANADA", "CA"}, {"USA", "US"}, {"GERMANY", "DE"},
            {"JAPAN", "JP"}, {"CHINA", "CN"}, {"ITALY", "IT"}, {"HUNGARY", "HU"}, {"SLOVAKIA", "SK"},
            {"THAILAND", "TH"}, {"ROMANIA", "RO"}, {"POLAND", "PL"}, {"SPAIN", "ES"}, {"TURKEY", "TR"},
            {"BELGIUM", "BE"}, {"FINLAND", "FI"}, {"SERBIA", "RS"}, {"AUSTRIA", "AT"}, {"TAIWAN", "TW"},
            {"SWEDEN", "SE"}, {"BRAZIL", "BR"}, {"FRANCE", "FR"}, {"PHILIPPINES", "PH"}, {"AUSTRALIA", "AU"},
            {"VIETNAM", "VN"},
            // plant towns of the FCA/Stellantis and other rows
            {"FREMONT", "US"}, {"AUSTIN", "US"}, {"DETROIT", "US"}, {"WARREN", "US"}, {"TOLEDO", "US"},
            {"STERLING HEIGHTS", "US"}, {"BELVIDERE", "US"}, {"BRAMPTON", "CA"}, {"WINDSOR", "CA"},
            {"TOLUCA", "MX"}, {"SALTILLO", "MX"}, {"CASSINO", "IT"}, {"CASSNI", "IT"}, {"MELFI", "IT"},
            {"POMIGLIANO", "IT"}, {"TORINO", "IT"}, {"BURSA", "TR"}, {"STUTTGART", "DE"}, {"LEIPZIG", "DE"},
            {"OSNABRUECK", "DE"}, {"BRATISLAVA", "SK"}, {"KRAGUJEVAC", "RS"},
        };
        for (String[] w : words) {
            WORDS.put(w[0], w[1]);
        }
    }

    /**
     * The ISO code of an AALA cell: a plant address or country name, else the first country letter
     * group ("M (5.7L)" → MX, "US or M" → US); "" when unknown or empty.
     */
    static String code(String cell) {
        if (cell == null) {
            return "";
        }
        String s = cell.replace('\n', ' ').trim().toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return "";
        }
        for (Map.Entry<String, String> w : WORDS.entrySet()) {
            if (s.contains(w.getKey())) {
                return w.getValue();
            }
        }
        String first = s.split("[\\s,(/]+")[0];
        return CODES.getOrDefault(first, "");
    }

    static String name(String iso) {
        return new Locale("", iso).getDisplayCountry(Locale.ENGLISH);
    }
}
