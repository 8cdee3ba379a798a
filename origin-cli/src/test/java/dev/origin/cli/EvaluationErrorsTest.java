package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.VehicleData;
import dev.origin.io.CaseFile;
import dev.origin.io.CaseFileReader;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors raised while evaluating, not while reading, carry the source position of the good, material or field
 * they concern, as the reader's errors do (issue 12): {@code file:line:column: CODE: message (at path)}. The
 * expected positions are found in the text of each file, independently of the readers. The errors of the engine
 * that a case file cannot reach (its reader refuses the input first) are placed from the engine's own paths, on
 * goods built in code. The errors the case-file examples of docs/errors.md show (NO_RULE, TOTAL_COST_TOO_LOW,
 * NONPOSITIVE_BASIS, NESTED_DESIGNATION, LVC_EXCEEDS_COST) are checked there, line and column included, by
 * {@link ErrorCatalogueTest}.
 */
class EvaluationErrorsTest {
    static final LocalDate DATE = LocalDate.of(2023, 7, 1);

    /** {@code line:column} (1-based) of the first {@code value} of the first line holding {@code key}. */
    static String at(String text, String key, String value) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int k = lines.get(i).indexOf(key);
            if (k >= 0) return (i + 1) + ":" + (lines.get(i).indexOf(value) + 1);
        }
        throw new AssertionError(key + " is not in the text");
    }

    static final String FLEET = """
            fleet: { id: f }
            models:
              - id: car
                country: MX
                class: passenger-vehicle
                hs: "8703.23"
                price: "30000.00"
                assembly: { labour: "1000.00", overhead: "1000.00", period: "1000.00" }
                volumes: { US: 1000 }
                parts:
                  - { id: engine, group: engine, hs: "8407.34", cost: "3000.00", country: US }
              - id: bike
                country: MX
                class: passenger-vehicle
                hs: "8711.10"
                price: "3000.00"
                assembly: { labour: "100.00", overhead: "100.00", period: "100.00" }
                volumes: { US: 1000 }
                parts:
                  - { id: engine, group: engine, hs: "8407.31", cost: "500.00", country: US }
            """;

    @Test
    void aFleetModelWithoutARuleIsPlacedAtItsHsCodeBeforeAnySimulation(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, FLEET);
        CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--regimes", "usmca", "--fleet", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).as("nothing was simulated").isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                f + ":" + at(FLEET, "8711.10", "\"8711.10\"") + ": NO_RULE: The rule pack `usmca` has no product-specific rule for HS 8711.10, "
                        + "so model `bike` cannot be decided under it; check its `hs`. (at models[1].hs)",
                "1 problem; nothing was evaluated.");
    }

    @Test
    void inACsvFleetTheErrorIsPlacedAtTheRowAndField(@TempDir Path dir) throws IOException {
        String csv = """
                model_id,country,class,hs,price,labour,overhead,period,volumes,part_id,part_group,part_hs,part_cost,part_country
                car,MX,passenger-vehicle,8703.23,30000.00,1000.00,1000.00,1000.00,US:1000,engine,engine,8407.34,3000.00,US
                bike,MX,passenger-vehicle,8711.10,3000.00,100.00,100.00,100.00,US:1000,engine,engine,8407.31,500.00,US
                """;
        Path f = dir.resolve("fleet.csv");
        Files.writeString(f, csv);
        CliTest.Result r = CliTest.run("simulate", "--draws", "0", "--regimes", "usmca", "--fleet", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        int field = List.of(csv.lines().findFirst().orElseThrow().split(",")).indexOf("hs") + 1;
        assertThat(r.err()).startsWith(f + ":3:" + field + ": NO_RULE: ").contains("(at models[1].hs)");
    }

    @Test
    void labourFiguresBeyondTheNetCostArePlacedAtTheLabourFigure(@TempDir Path dir) throws IOException {
        String text = Files.readString(CliTest.ROOT.resolve("examples/passenger-vehicle.json"))
                .replace("\"highWageLabour\": \"900.00\"", "\"highWageLabour\": \"900000.00\"");
        Path f = dir.resolve("vehicle.json");
        Files.writeString(f, text);
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        // the example's net cost is 23250.00 (its own qualify output); 900000 + the high-wage materials is far beyond it
        assertThat(r.err()).startsWith(f + ":" + at(text, "highWageLabour", "\"900000.00\"") + ": LVC_EXCEEDS_COST: High-wage labour `900000.00` ")
                .contains("more than the net cost `23250.00`", "(at goods[0].labour.highWageLabour)");
        CliTest.Result ok = CliTest.run("qualify", "--regime", "usmca", CliTest.ROOT.resolve("examples/passenger-vehicle.json").toString());
        assertThat(ok.exit()).as("the example as published is consistent: " + ok.err()).isZero();
    }

    @Test
    void anAnnualPurchaseValueBeyondItsTotalIsPlacedAtIt(@TempDir Path dir) throws IOException {
        String text = """
                goods:
                  - id: V
                    hs: "8703.23"
                    producer: { country: MX }
                    rule: CTH
                    labour:
                      method: annual-purchase
                      annualPurchaseValue: "900.00"
                      totalAnnualPurchaseValue: "800.00"
                """;
        Path f = dir.resolve("apv.yaml");
        Files.writeString(f, text);
        CliTest.Result r = CliTest.run("qualify", "--regime", "nafta", "--date", "2019-06-01", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith(f + ":" + at(text, "annualPurchaseValue", "\"900.00\"") + ": LVC_EXCEEDS_COST: ")
                .contains("(at goods[0].labour.annualPurchaseValue)");
    }

    /**
     * The engine's errors of facts a case file's reader already refuses (shipping above the value, intangibles,
     * a material without value) arise for goods built by a program; their paths place them at the field of a file
     * holding the same good (with the pack's rule, which tests the intangibles).
     */
    @Test
    void errorsACaseFileCannotReachArePlacedFromTheEnginesPaths(@TempDir Path dir) throws Exception {
        String text = """
                {"goods": [{"id": "V", "hs": "8703.23", "producer": {"country": "MX"}, "rule": "CTH",
                  "transactionValue": "1000.00",
                  "internationalShipping": "10.00",
                  "costs": {"otherProductCosts": "100.00"},
                  "intangibles": {"northAmerican": "1.00", "total": "2.00"},
                  "materials": [
                    {"id": "engine", "hs": "8407.34", "value": "900.00", "origin": "originating"}]}]}
                """;
        CaseFile file = CaseFileReader.load(text, "v.json", false);
        Good g = file.goods().get(0);
        Material m = g.materials().get(0);
        Material noValue = new Material(m.id(), m.hs(), null, m.origin(), m.country(), m.kind(), m.treatAsNonOriginating(), m.intermediate(),
                m.production(), m.statement(), m.part(), m.facts(), m.providedForAsParts());
        VehicleData vd = g.vehicleData();
        Good bad = new Good(g.id(), g.hs(), g.producerCountry(), g.destination(), g.date(), g.use(), g.vehicle(), g.transactionValue(),
                new BigDecimal("2000.00"), g.costs(), List.of(noValue), null, g.whollyObtained(),
                new VehicleData(vd.fiscalYearStart(), vd.alternativeStaging(), vd.labour(), vd.steel(), vd.aluminum(),
                        new VehicleData.Intangibles(new BigDecimal("5.00"), new BigDecimal("2.00")), vd.averaging(), vd.newPlant()),
                g.facts(), g.unassembled(), g.partsProvision());
        var pack = RulePackReader.load("canada-proposal-2018", java.util.Map.of());
        Determination d = Evaluator.of(pack).evaluate(bad, DATE, false);
        List<String> placed = new ArrayList<>();
        for (Diagnostic x : d.diagnostics()) {
            if (!x.isError()) continue;
            Problem p = file.sources().locate(x);
            placed.add(p.code() + " " + p.line() + ":" + p.column() + " " + p.path());
        }
        assertThat(placed).contains(
                "SHIPPING_EXCEEDS_VALUE " + at(text, "internationalShipping", "\"10.00\"") + " goods[0].internationalShipping",
                "MISSING_VALUE " + at(text, "\"engine\"", "{\"id\"") + " goods[0].materials[0]");
        assertThat(placed).anySatisfy(p -> assertThat(p).startsWith("BAD_INTANGIBLES " + at(text, "intangibles", "{")));
    }
}
