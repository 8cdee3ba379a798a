package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.io.CsvSource.Locations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV reader: values as Commons CSV reads them, located by line and character or by row and field. */
class CsvSourceTest {
    private final List<Problem> problems = new ArrayList<>();

    private List<CsvSource.Row> read(String text, Locations locations) {
        return CsvSource.read(text, "t.csv", dev.origin.core.engine.ErrorCode.BAD_CSV, locations, problems);
    }

    private static List<List<String>> values(List<CsvSource.Row> rows) {
        return rows.stream().map(CsvSource.Row::values).toList();
    }

    @Test
    void quotesDoubledQuotesAndLineBreaksInsideQuotes() {
        List<CsvSource.Row> rows = read("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"x\ny\",\n", Locations.LINE_AND_CHARACTER);
        assertThat(values(rows)).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("1", "x\ny", ""));
        assertThat(problems).isEmpty();
    }

    @Test
    void valuesAreLocatedByLineAndCharacter() {
        List<CsvSource.Row> rows = read("\uFEFFid,name\r\n\r\n7,\"two\nlines\",x\n\n8,\"\"\"q\"\"\"\n", Locations.LINE_AND_CHARACTER);
        assertThat(values(rows)).containsExactly(List.of("id", "name"), List.of("7", "two\nlines", "x"), List.of("8", "\"q\""));
        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).column(1)).as("the byte-order mark is no column").isEqualTo(4);
        CsvSource.Row seven = rows.get(1);
        assertThat(seven.line()).as("after a blank line").isEqualTo(3);
        assertThat(seven.column(1)).isEqualTo(3);
        assertThat(seven.line(2)).as("after a line break inside quotes").isEqualTo(4);
        assertThat(seven.column(2)).isEqualTo(8);
        assertThat(rows.get(2).line()).isEqualTo(6);
        assertThat(problems).isEmpty();
    }

    @Test
    void valuesAreLocatedByRowAndField() {
        List<CsvSource.Row> rows = read("id,name\n\n7,\"two\nlines\",x\n8,y\n", Locations.ROW_AND_FIELD);
        assertThat(rows).extracting(CsvSource.Row::line).containsExactly(1, 2, 3);
        assertThat(rows.get(1).line(2)).isEqualTo(2);
        assertThat(rows.get(1).column(2)).isEqualTo(3);
    }

    /** The problems of {@code text}, formatted. */
    private List<String> problemsOf(String text, Locations locations) {
        problems.clear();
        read(text, locations);
        return problems.stream().map(Problem::format).toList();
    }

    @Test
    void textThatIsNotCsvIsOneLocatedProblemAndTheEnd() {
        assertThat(values(read("a,b\n1,\"open,2\n3,4\n", Locations.LINE_AND_CHARACTER))).as("the rows before it")
                .containsExactly(List.of("a", "b"));
        assertThat(read("a,b\n1,\"q\"x\n3,4\n", Locations.LINE_AND_CHARACTER)).hasSize(1);
        assertThat(problemsOf("a,b\n1,\"open,2\n3,4\n", Locations.LINE_AND_CHARACTER))
                .containsExactly("t.csv:2:3: BAD_CSV: The quoted field opened here is never closed.");
        assertThat(problemsOf("a,b\n1,\"q\"x\n3,4\n", Locations.LINE_AND_CHARACTER))
                .containsExactly("t.csv:2:6: BAD_CSV: A quoted field must be followed by a comma or the end of the line.");
        assertThat(problemsOf("a,b\n1,\"q\" \n", Locations.LINE_AND_CHARACTER))
                .containsExactly("t.csv:2:6: BAD_CSV: A quoted field must be followed by a comma or the end of the line.");
        assertThat(problemsOf("a,b\n\n1,ab\"c\n", Locations.LINE_AND_CHARACTER))
                .containsExactly("t.csv:3:5: BAD_CSV: A quote inside an unquoted field; quote the whole field and double the quote (`\"\"`).");
        assertThat(problemsOf("a,b\n\n1,ab\"c\n", Locations.ROW_AND_FIELD))
                .containsExactly("t.csv:2:2: BAD_CSV: A quote inside an unquoted field; quote the whole field and double the quote (`\"\"`).");
    }

    @Test
    void emptyTextHasNoRows() {
        assertThat(read("", Locations.LINE_AND_CHARACTER)).isEmpty();
        assertThat(read("\uFEFF\r\n\n", Locations.LINE_AND_CHARACTER)).isEmpty();
        assertThat(problems).isEmpty();
    }
}
