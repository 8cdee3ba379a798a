package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every official worked example in {@code conformance/} (see its README) through the same reader
 * and engine as {@code origin qualify} and compares with the figures printed in the legal text.
 */
class ConformanceSuiteTest {
    static final Path ROOT = Path.of(System.getProperty("origin.root", "..")).resolve("conformance");
    static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void suiteCoversAtLeast25OfficialExamplesAndBothRegimes() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(25);
        long nafta = files.stream().filter(p -> p.getParent().getFileName().toString().equals("nafta")).count();
        long usmca = files.stream().filter(p -> p.getParent().getFileName().toString().equals("usmca")).count();
        assertThat(nafta).isPositive();
        assertThat(usmca).isPositive();
    }

    @TestFactory
    Stream<DynamicTest> officialExamples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            JsonNode doc = JSON.readTree(file.toFile());
            String source = doc.path("source").asText(file.getFileName().toString());
            for (JsonNode g : doc.path("goods")) {
                String id = g.path("id").asText();
                tests.add(DynamicTest.dynamicTest(ROOT.relativize(file) + " — " + id + " (" + source + ")",
                        () -> check(file, doc, id)));
            }
        }
        return tests.stream();
    }

    private static void check(Path file, JsonNode doc, String goodId) throws IOException, InputException {
        ObjectNode caseFile = JSON.createObjectNode();
        JsonNode expected = null;
        var goods = caseFile.putArray("goods");
        for (JsonNode g : doc.path("goods")) {
            ObjectNode copy = g.deepCopy();
            if (g.path("id").asText().equals(goodId)) expected = copy.remove("expected");
            else copy.remove("expected");
            goods.add(copy);
        }
        assertThat(expected).as("expected block of " + goodId).isNotNull();
        List<Good> read = CaseFileReader.read(JSON.writeValueAsString(caseFile), file.toString(), false);
        Good good = read.stream().filter(x -> x.id().equals(goodId)).findFirst().orElseThrow();
        var regime = RulePackReader.load(doc.path("regime").asText(), Map.of());
        Determination d = Evaluator.of(regime).evaluate(good, LocalDate.parse(doc.path("date").asText()));
        assertThat(d.diagnostics().stream().filter(x -> x.isError()).toList()).as("errors").isEmpty();
        assertThat(d.status().name()).as("status").isEqualTo(expected.path("status").asText());
        money(expected, "vnm", d.vnm());
        money(expected, "totalCost", d.totalCost());
        if (expected.has("netCost")) {
            assertThat(d.rvc()).as("rvc result").isNotNull();
            money(expected, "netCost", d.rvc().netCost());
        }
        if (expected.has("transactionValue")) {
            assertThat(d.rvc()).as("rvc result").isNotNull();
            money(expected, "transactionValue", d.rvc().transactionValue());
        }
        if (expected.has("rvc")) {
            assertThat(d.rvc()).as("rvc result").isNotNull();
            BigDecimal want = new BigDecimal(expected.path("rvc").asText());
            assertThat(want.scale()).as("expected rvc decimals").isGreaterThanOrEqualTo(4);
            assertThat(d.rvc().value().setScale(want.scale(), RoundingMode.DOWN)).as("rvc").isEqualByComparingTo(want);
        }
        if (expected.has("method")) {
            assertThat(d.rvc().method().name()).as("method").isEqualTo(expected.path("method").asText());
        }
        if (expected.has("requirements")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("requirements").fields(); it.hasNext(); ) {
                var e = it.next();
                List<Finding> ofKind = d.findings().stream().filter(r -> r.kind().label().equals(e.getKey())).toList();
                assertThat(ofKind).as("requirements of kind " + e.getKey()).isNotEmpty();
                Boolean want = e.getValue().isNull() ? null : e.getValue().asBoolean();
                assertThat(ofKind.stream().anyMatch(r -> java.util.Objects.equals(r.met(), want)))
                        .as("a " + e.getKey() + " requirement with met=" + want + " in " + ofKind).isTrue();
            }
        }
    }

    private static void money(JsonNode expected, String field, BigDecimal actual) {
        if (!expected.has(field)) return;
        assertThat(actual).as(field).isNotNull();
        assertThat(actual).as(field).isEqualByComparingTo(new BigDecimal(expected.path(field).asText()));
    }
}
