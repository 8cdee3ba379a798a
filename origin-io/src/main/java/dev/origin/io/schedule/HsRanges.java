package dev.origin.io.schedule;

import dev.origin.core.hs.HsPrefix;
import dev.origin.io.InputException;
import dev.origin.io.hs.HsNomenclature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands HS ranges such as "headings 50.07 through 51.13" into the lists that {@code except}/{@code from} need.
 *
 * <p>With nomenclature editions loaded ({@link HsNomenclature}, e.g. the files of
 * {@code shared/data/harmonized-system}), a range of chapters, headings or subheadings expands to the codes of
 * that level present in any loaded edition, plus both ends of the range (always kept, in case the regulation
 * names a code an edition dropped). Without editions ({@link #numeric()}), and always for national tariff items
 * (8 or 10 digits), ranges are enumerated numerically at their own level; this is exact (a code that does not
 * exist matches no material) but verbose.
 */
public final class HsRanges {
    /** Largest numeric expansion accepted; beyond it the range is refused. */
    static final int MAX_NUMERIC = 2000;

    private final Set<String> codes;

    private HsRanges(Set<String> codes) {
        this.codes = codes;
    }

    /** No edition: ranges are enumerated numerically. */
    public static HsRanges numeric() {
        return new HsRanges(null);
    }

    /** The codes of one or more editions; numeric enumeration when none is given. */
    public static HsRanges of(HsNomenclature... editions) {
        Set<String> codes = new TreeSet<>();
        for (HsNomenclature n : editions) {
            for (HsNomenclature.Entry e : n.entries()) codes.add(e.code());
        }
        return codes.isEmpty() ? numeric() : new HsRanges(codes);
    }

    /** The codes of one or more HS nomenclature CSV files (missing files are skipped), each read by {@link HsNomenclature#load(Path)}. */
    public static HsRanges ofCsv(Path... files) throws InputException {
        List<HsNomenclature> editions = new ArrayList<>();
        for (Path f : files) {
            if (f != null && Files.isRegularFile(f)) editions.add(HsNomenclature.load(f));
        }
        return of(editions.toArray(HsNomenclature[]::new));
    }

    /**
     * The codes of every {@code *harmonized-system*.csv} file of {@code dir} (e.g. {@code shared/data/harmonized-system});
     * numeric enumeration when {@code dir} is null, missing or holds no such file.
     */
    public static HsRanges inDirectory(Path dir) throws IOException, InputException {
        if (dir == null || !Files.isDirectory(dir)) return numeric();
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(f -> f.getFileName().toString().matches("(?i).*harmonized-system.*\\.csv")).sorted().forEach(files::add);
        }
        return ofCsv(files.toArray(Path[]::new));
    }

    /** True when codes were loaded from a nomenclature file. */
    public boolean isLoaded() {
        return codes != null;
    }

    /**
     * The provisions from {@code from} to {@code to} inclusive, at their level.
     *
     * @throws IllegalArgumentException when the ends have different lengths, are reversed, or the
     *                                  numeric expansion is too large
     */
    public List<HsPrefix> expand(HsPrefix from, HsPrefix to) {
        if (from.length() != to.length() || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("`" + from + " through " + to + "` is not a range");
        }
        if (from.equals(to)) return List.of(from);
        int len = from.length();
        List<HsPrefix> out = new ArrayList<>();
        if (codes != null && len <= 6) {
            out.add(from);
            for (String c : codes) {
                if (c.length() == len && c.compareTo(from.digits()) > 0 && c.compareTo(to.digits()) < 0) {
                    out.add(new HsPrefix(c));
                }
            }
            out.add(to);
            return out;
        }
        long a = Long.parseLong(from.digits());
        long b = Long.parseLong(to.digits());
        if (b - a + 1 > MAX_NUMERIC) {
            throw new IllegalArgumentException("`" + from + " through " + to + "` is too large to enumerate");
        }
        for (long v = a; v <= b; v++) {
            String d = String.format("%0" + len + "d", v);
            if (len == 2 && d.equals("00")) continue;
            out.add(new HsPrefix(d));
        }
        return out;
    }
}
