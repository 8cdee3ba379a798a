package dev.origin.store;

import dev.origin.io.InputException;
import dev.origin.store.importer.ImportReport;
import dev.origin.store.importer.Importer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample workspace ({@code origin db init --sample}): a small auto-parts supplier with two plants, eight
 * suppliers, three finished goods (a brake corner module, a strut module, a wheel hub) with multi-level BOMs, and
 * supplier declarations of which some are valid, some about to lapse, one expired, one withdrawn and some missing,
 * so that one good is ORIGINATING, one UNDETERMINED and one NON_ORIGINATING. The files are the import templates
 * of docs/workspace.md ({@code origin-store/src/main/resources/dev/origin/store/sample/}).
 *
 * <p>The files are dated around {@link #ANCHOR}; every date is moved by the days from the anchor to the day the
 * sample is loaded, so that "expires in 19 days" stays true whenever it is loaded.
 */
public final class Sample {
    /** The day the sample's dates are written for. */
    public static final LocalDate ANCHOR = LocalDate.of(2026, 12, 1);
    /** The files, in import order. */
    public static final List<String> FILES = List.of("plants.csv", "suppliers.csv", "parts.csv", "costs.csv", "boms.csv",
            "declarations.csv");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

    private Sample() {}

    /** The sample's files as text, dates moved from {@link #ANCHOR} to {@code today}. */
    public static List<Importer.Source> files(LocalDate today) {
        long shift = ChronoUnit.DAYS.between(ANCHOR, today);
        List<Importer.Source> out = new ArrayList<>();
        for (String f : FILES) {
            try (InputStream in = Sample.class.getResourceAsStream("/dev/origin/store/sample/" + f)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = DATE.matcher(text);
                String moved = m.replaceAll(r -> LocalDate.parse(r.group(1)).plusDays(shift).toString());
                out.add(new Importer.Source(f, moved.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("sample file missing from the build: " + f, e);
            }
        }
        return out;
    }

    /** Loads the sample into {@code ws} (one transaction; loading it again the same day changes nothing). */
    public static ImportReport load(Workspace ws, LocalDate today, Importer.Progress progress) throws InputException {
        return new Importer(ws, progress).importAll(files(today), null);
    }
}
