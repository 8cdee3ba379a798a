package dev.origin.tools.sample;

import dev.origin.io.CsvSource;
import dev.origin.io.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data sets' CSV files as rows of values, read by origin-io's {@link CsvSource}. */
final class Csv {
    private Csv() {}

    static List<List<String>> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The rows of {@code text}; text that is not CSV fails with the problem's file, line, column and sentence. */
    static List<List<String>> parse(String text, String file) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<CsvSource.Row> rows = CsvSource.read(text, file, dev.origin.core.engine.ErrorCode.BAD_CSV, CsvSource.Locations.LINE_AND_CHARACTER, problems);
        if (!problems.isEmpty()) throw new IOException(problems.get(0).format());
        return rows.stream().map(CsvSource.Row::values).toList();
    }
}
