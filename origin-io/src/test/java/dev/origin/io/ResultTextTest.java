package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text view of a determination: each citation once, and an alternative that was not needed marked so (issue 13). */
class ResultTextTest {
    private static Determination evaluate(String good) throws InputException {
        var g = CaseFileReader.read("{\"goods\": [" + good + "]}", "t.json", false).get(0);
        return Evaluator.of(RulePackReader.load("usmca", Map.of())).evaluate(g, LocalDate.of(2023, 7, 1));
    }

    @Test
    void anAlternativeNotNeededIsMarkedNotNeededNotUnmet() throws InputException {
        // TV 100, VNM 30: RVC(TV) 70 % meets 60 %; the NC alternative has no cost sheet and was not needed
        Determination d = evaluate("""
                {"id": "valve", "hs": "8481.80", "producer": {"country": "MX"}, "transactionValue": "100.00",
                 "materials": [{"id": "m", "hs": "8481.90", "value": "30.00", "origin": "non-originating"}],
                 "rule": "RVC(TV) >= 60 or RVC(NC) >= 50"}""");
        String text = ResultWriter.text(d);
        assertThat(text).contains("[x] psr.rvc (rvc) 70 % against 60 %");
        assertThat(text).containsPattern("\\[-\\] psr\\.rvc\\.2 \\(rvc\\) needs 50 % — not needed");
        assertThat(text).doesNotContain("[ ]").doesNotContain("[?]");
    }

    @Test
    void aFailedRequirementIsUnmetAndEachCitationIsPrintedOnce() throws Exception {
        Determination d = evaluate("""
                {"id": "valve", "hs": "8481.80", "producer": {"country": "MX"}, "transactionValue": "100.00",
                 "materials": [{"id": "m", "hs": "8481.90", "value": "50.00", "origin": "non-originating"}],
                 "rule": "RVC(TV) >= 60 and RVC(TV) >= 55"}""");
        String text = ResultWriter.text(d);
        assertThat(text).contains("[ ] psr.rvc (rvc) 50 % against 60 %").doesNotContain("[-]");
        // the six requirements of a passenger vehicle share one citation, printed once
        var root = java.nio.file.Path.of(System.getProperty("origin.root", ".."));
        var vehicle = CaseFileReader.read(java.nio.file.Files.readString(root.resolve("examples/passenger-vehicle.json")),
                "passenger-vehicle.json", false).get(0);
        Determination v = Evaluator.of(RulePackReader.load("usmca", Map.of())).evaluate(vehicle, LocalDate.of(2023, 7, 1));
        String cite = v.findings().get(0).citation();
        assertThat(v.findings()).hasSizeGreaterThan(3).allMatch(f -> cite.equals(f.citation()));
        assertThat(ResultWriter.text(v).split(java.util.regex.Pattern.quote(cite), -1)).hasSize(2);
    }
}
