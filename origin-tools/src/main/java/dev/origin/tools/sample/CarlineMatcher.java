package dev.origin.tools.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins EPA vehicles to AALA labels by maker and car line.
 *
 * <p>Makers are reduced to a key ("General Motors" / "GM LLC" → gm; "VW", "Audi", "Porsche AG" →
 * volkswagen; …). Car-line names are upper-cased, parenthesised text is removed, "/" splits tokens,
 * hyphens and dots are dropped (CR-V → CRV), drive and body tokens (AWD, FWD, 4WD, 4X4, PICKUP, FFV, …)
 * the body word SUV, the engine word 4CYL and the AALA brand (RAM) are removed, door counts are unified (4DR → 4D) and HEV → HYBRID. An EPA name
 * matches an AALA car line when one token list is a prefix of the other (or the names are equal without
 * spaces: RX 350 = RX350); the longest common prefix wins, then the shorter AALA name, then file order.
 * Model year 2022 labels are tried first, then the nearest years (2021, 2023, 2020, 2024, …).
 */
final class CarlineMatcher {
    private static final Set<String> DROP = Set.of("AWD", "FWD", "RWD", "4WD", "2WD", "4X4", "4X2", "AWC", "4MOTION",
            "4MATIC", "XDRIVE", "QUATTRO", "PICKUP", "FFV", "E4WD", "SUV", "4CYL");

    private final List<AalaLabel> labels;

    CarlineMatcher(List<AalaLabel> labels) {
        this.labels = labels;
    }

    /** The matched label (best car line, nearest year), or null. */
    Match match(EpaVehicle v) {
        String maker = makerKey(v.manufacturer());
        List<String> e = tokens(v.name(), "");
        if (e.isEmpty()) {
            return null;
        }
        List<Integer> years = new ArrayList<>();
        for (AalaLabel l : labels) {
            if (!years.contains(l.year())) {
                years.add(l.year());
            }
        }
        years.sort(Comparator.<Integer>comparingInt(y -> Math.abs(y - SampleAssumptions.MODEL_YEAR)).thenComparingInt(y -> y));
        for (int year : years) {
            Match best = null;
            for (AalaLabel l : labels) {
                if (l.year() != year || !makerKey(l.manufacturer()).equals(maker)) {
                    continue;
                }
                for (List<String> k : keys(l)) {
                    int score = score(e, k);
                    if (score > 0 && (best == null || score > best.score
                            || score == best.score && k.size() < best.key.size())) {
                        best = new Match(l, k, score);
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** The car-line key(s) of a label: its normalised tokens, and each side of a one-word "A/B" name. */
    static List<List<String>> keys(AalaLabel l) {
        List<List<String>> out = new ArrayList<>();
        String name = l.carline().replaceAll("\\(.*?\\)", " ").trim();
        if (name.contains("/") && !name.contains(" ")) {
            for (String part : name.split("/")) {
                List<String> t = tokens(part, l.brand());
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        } else {
            List<String> t = tokens(name, l.brand());
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static int score(List<String> e, List<String> k) {
        int common = 0;
        while (common < e.size() && common < k.size() && e.get(common).equals(k.get(common))) {
            common++;
        }
        if (common > 0 && (common == e.size() || common == k.size())) {
            return common;
        }
        if (String.join("", e).equals(String.join("", k))) {
            return Math.max(e.size(), k.size());
        }
        return 0;
    }

    static List<String> tokens(String name, String brand) {
        String s = name.toUpperCase(Locale.ROOT).replaceAll("\\(.*?\\)", " ").replace('/', ' ')
                .replace("-", "").replace(".", "").replace(",", " ").replace("\n", " ");
        String b = brand == null ? "" : brand.toUpperCase(Locale.ROOT).trim();
        List<String> out = new ArrayList<>();
        for (String t : s.trim().split("\\s+")) {
            if (t.isEmpty() || DROP.contains(t) || t.equals(b)) {
                continue;
            }
            switch (t) {
                case "4DR": t = "4D"; break;
                case "5DR": t = "5D"; break;
                case "2DR": t = "2D"; break;
                case "HEV": t = "HYBRID"; break;
                default: break;
            }
            out.add(t);
        }
        return out;
    }

    static String makerKey(String maker) {
        String m = maker.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String[][] keys = {
            {"generalmotors", "gm"}, {"gmllc", "gm"}, {"stellantis", "stellantis"}, {"fiatchrysler", "stellantis"},
            {"volkswagen", "volkswagen"}, {"vw", "volkswagen"}, {"audi", "volkswagen"}, {"porsche", "volkswagen"},
            {"mercedes", "mercedes"}, {"toyota", "toyota"}, {"ford", "ford"}, {"honda", "honda"},
            {"hyundai", "hyundai"}, {"kia", "kia"}, {"nissan", "nissan"}, {"subaru", "subaru"}, {"tesla", "tesla"},
            {"bmw", "bmw"}, {"mazda", "mazda"}, {"mitsubishi", "mitsubishi"}, {"volvo", "volvo"},
        };
        for (String[] k : keys) {
            if (m.startsWith(k[0])) {
                return k[1];
            }
        }
        return m;
    }

    /** A match: the label, the car-line key that matched and its score (common tokens). */
    record Match(AalaLabel label, List<String> key, int score) {}
}
