package dev.origin.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Status;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.Origin;
import dev.origin.io.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the driver ships to executors: a pack file, the rule files it includes and a tariff file travel as
 * text inside the serialized task, so an executor builds the same evaluator without the submitter's files.
 */
class EngineSourceTest {
    @TempDir Path dir;

    @Test
    void aPackFileItsIncludesAndATariffFileTravelAsTextAndBuildTheSameEvaluatorWithoutTheFiles() throws Exception {
        Files.writeString(dir.resolve("extra.yaml"), """
                rules:
                  - id: test.8708.40
                    hs: "8708.40"
                    rule: "CTH and RVC(NC) >= 50"
                    citation: "a test rule"
                """);
        Files.writeString(dir.resolve("pack.yaml"), "id: usmca-test\nname: USMCA with a test rule\nextends: usmca\ninclude: [extra.yaml]\n");
        Files.writeString(dir.resolve("tariffs.yaml"), "rates:\n  - { importer: US, hs: [\"8708.40\"], percent: 7, source: \"what-if\" }\n");
        EngineSource source = EngineSource.load(dir.resolve("pack.yaml").toString(), Map.of(), dir.resolve("tariffs.yaml"));
        assertThat(source.packFiles()).containsOnlyKeys("pack.yaml", "extra.yaml");

        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        for (String f : List.of("pack.yaml", "extra.yaml", "tariffs.yaml")) Files.delete(dir.resolve(f));
        EngineSource shipped;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (EngineSource) in.readObject();
        }
        assertThat(shipped).isEqualTo(source);

        Evaluator ev = shipped.build(); // as an executor does, from the text alone
        assertThat(ev.regime().id()).isEqualTo("usmca-test");
        // a gear box with a non-originating part of its own heading: the included rule's shift fails
        Good g = Good.builder("g", HsCode.parse("870840"), "MX").destination("US").transactionValue(new BigDecimal("1000.00"))
                .materials(List.of(Material.of("m1", "870899", "300.00", Origin.NON_ORIGINATING))).build();
        var d = ev.evaluate(g, LocalDate.of(2023, 7, 1), false);
        assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        assertThat(d.decidingRules()).isNotEmpty().allMatch(r -> r.contains("test.8708.40"));
        assertThat(d.tariff().mfnRatePercent()).isEqualByComparingTo("7");
    }

    @Test
    void aBuiltInRegimeTravelsAsItsIdAndBadParametersAreReportedOnTheDriver() throws Exception {
        EngineSource usmca = EngineSource.load("usmca", Map.of(), null);
        assertThat(usmca.packFiles()).isEmpty();
        assertThat(usmca.tariffs()).isNull();
        assertThat(usmca.build().regime().id()).isEqualTo("usmca");
        assertThatThrownBy(() -> EngineSource.load("usmca", Map.of("no-such-param", "1"), null))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(p -> p.code()).contains("UNKNOWN_PARAM"));
    }
}
