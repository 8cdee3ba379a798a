package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.io.catalog.CatalogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ndjson line written by hand ({@link NdjsonText}) is character for character the one the Jackson generator writes
 * ({@link ResultWriter#result}, as {@code origin qualify --format ndjson} wrote it before): on the determinations of a
 * generated catalog (flat and multi-level, unknown origins, so bounds) and of the example case files, under USMCA and
 * NAFTA with the built-in tariffs, with each trace view; and on texts that need escaping.
 */
class NdjsonTextTest {
    @TempDir Path dir;

    private static String jackson(Determination d, ResultWriter.TraceView view) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            ResultWriter.result(g, d, view);
        }
        return w + "\n";
    }

    private List<Good> goods() throws Exception {
        List<Good> goods = new ArrayList<>();
        for (CatalogGenerator.Settings s : List.of(CatalogGenerator.Settings.of(60).withShape(4, 0).withSeed(5),
                CatalogGenerator.Settings.of(60).withShape(3, 2).withOrigins(0.3, 20, 40).withSeed(6))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new CatalogGenerator(s).writeCaseFile(out, false);
            Path f = dir.resolve("generated-" + goods.size() + ".json");
            Files.write(f, out.toByteArray());
            goods.addAll(CaseFileReader.read(f));
        }
        for (String example : List.of("passenger-vehicle.json", "net-cost-example.json", "contract-sample.json")) {
            goods.addAll(CaseFileReader.load(Path.of("../examples/" + example)).goods());
        }
        return goods;
    }

    @Test
    void writesWhatTheGeneratorWrites() throws Exception {
        List<Good> goods = goods();
        int compared = 0;
        for (String regime : List.of("usmca", "nafta")) {
            Evaluator ev = Evaluator.of(RulePackReader.load(regime, Map.of()), TariffReader.builtIn());
            LocalDate date = regime.equals("usmca") ? LocalDate.of(2023, 7, 1) : LocalDate.of(2019, 7, 1);
            for (Good g : goods) {
                for (boolean trace : List.of(false, true)) {
                    Determination d = ev.evaluate(g, date, trace);
                    for (ResultWriter.TraceView view : ResultWriter.TraceView.values()) {
                        StringBuilder sb = new StringBuilder();
                        assertThat(NdjsonText.write(sb, d, view)).isTrue();
                        assertThat(sb.toString()).isEqualTo(jackson(d, view));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void escapesAsTheGeneratorDoesOrGivesUp() throws Exception {
        Evaluator ev = Evaluator.of(RulePackReader.load("usmca", Map.of()), TariffReader.builtIn());
        Good g = goods().get(0);
        Determination d = ev.evaluate(g, LocalDate.of(2023, 7, 1), false);
        for (String text : List.of("quote \" and backslash \\ and slash /", "é → ≥ 𝄞 \u007f \u0085 \u202e", "")) {
            Determination x = d.withDiagnostics(List.of(new Diagnostic(Diagnostic.Severity.WARNING, "SOME_CODE", text, g.id(), text)));
            StringBuilder sb = new StringBuilder();
            assertThat(NdjsonText.write(sb, x, ResultWriter.TraceView.NONE)).isTrue();
            assertThat(sb.toString()).isEqualTo(jackson(x, ResultWriter.TraceView.NONE));
        }
        // a control character: Jackson writes an escape of its own, which this writer leaves to it
        Determination x = d.withDiagnostics(List.of(new Diagnostic(Diagnostic.Severity.WARNING, "SOME_CODE", "a\tb", g.id(), "")));
        assertThat(NdjsonText.write(new StringBuilder(), x, ResultWriter.TraceView.NONE)).isFalse();
        ResultStream rs = new ResultStream(new StringWriter(), ResultStream.Format.NDJSON, ResultWriter.TraceView.NONE);
        assertThat(rs.render(x)).isEqualTo(jackson(x, ResultWriter.TraceView.NONE));
    }
}
