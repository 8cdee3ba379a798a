package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The automotive regimes through the command line, on the example vehicle of the README. */
class AutomotiveCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String VEHICLE = CliTest.example("passenger-vehicle.json");
    static final Path SHARED = Path.of(System.getProperty("origin.shared.data", "../../shared/data"));

    static JsonNode qualify(String regime, String date, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("qualify", "--regime", regime, "--date", date, "--format", "json"));
        args.addAll(List.of(extra));
        args.add(VEHICLE);
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out()).path("results").get(0);
    }

    @ParameterizedTest(name = "{0} on {1}: rvc.min {2}")
    @CsvSource({
            "usmca, 2021-06-30, 66", "usmca, 2021-07-01, 69", "usmca, 2022-06-30, 69", "usmca, 2022-07-01, 72",
            "usmca, 2023-06-30, 72", "usmca, 2023-07-01, 75", "usmca, 2020-07-01, 66",
            "nafta, 2005-06-01, 62.5", "nafta, 2001-12-31, 56", "nafta, 2002-01-01, 62.5", "nafta, 1997-12-31, 50", "nafta, 1998-01-01, 56",
            "us-proposal-2017, 2018-01-01, 85", "proposal-80-15, 2018-01-01, 80", "canada-proposal-2018, 2018-01-01, 80"})
    void passengerVehicleThresholdsByRegimeAndDate(String regime, String date, String min) throws IOException {
        JsonNode res = qualify(regime, date);
        assertThat(res.path("rvc").path("min").decimalValue()).isEqualByComparingTo(min);
        assertThat(res.path("rvc").path("method").asText()).isEqualTo("NC");
    }

    @ParameterizedTest(name = "{0}: national content min {1}")
    @CsvSource({"us-proposal-2017, 50", "proposal-80-15, 15"})
    void theUsProposalsReportNationalContent(String regime, String min) throws IOException {
        JsonNode res = qualify(regime, "2018-01-01");
        JsonNode nc = null;
        for (JsonNode q : res.path("requirements")) if (q.path("kind").asText().equals("national-content")) nc = q;
        assertThat(nc).isNotNull();
        assertThat(nc.path("min").decimalValue()).isEqualByComparingTo(min);
        // US content of the Mexican-built sedan: US originating engine 3,500 + axles 900 + glass 300 = 4,700 of NC 23,250
        assertThat(nc.path("value").decimalValue()).isEqualByComparingTo("20.215053");
    }

    @Test
    void parametersOverrideTheProposals() throws IOException {
        JsonNode res = qualify("us-proposal-2017", "2018-01-01", "--param", "min=70", "--param", "national-min=20");
        assertThat(res.path("rvc").path("min").decimalValue()).isEqualByComparingTo("70");
        assertThat(res.path("status").asText()).isEqualTo("ORIGINATING"); // 75.91 >= 70 and 20.2 >= 20
        JsonNode mx = qualify("us-proposal-2017", "2018-01-01", "--param", "national-country=MX");
        for (JsonNode q : mx.path("requirements")) {
            if (q.path("kind").asText().equals("national-content")) {
                // the producer is in Mexico: MX originating materials + (NC - all materials) over NC
                assertThat(q.path("value").decimalValue()).isGreaterThan(new BigDecimal("20.215053"));
            }
        }
    }

    @Test
    void dutyOwedAndSavedAreReported() throws IOException {
        JsonNode usmca = qualify("usmca", "2023-07-01").path("tariff");
        assertThat(usmca.path("importer").asText()).isEqualTo("US");
        assertThat(usmca.path("ratePercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(usmca.path("mfnRatePercent").decimalValue()).isEqualByComparingTo("2.5");
        // 2.5 % of the transaction value without international shipment: (26,000 - 400) x 0.025 = 640.00
        assertThat(usmca.path("dutySaved").asText()).isEqualTo("640.00");
        assertThat(usmca.path("dutyOwed").asText()).isEqualTo("0.00");
        JsonNode us = qualify("us-proposal-2017", "2018-01-01").path("tariff");
        assertThat(us.path("dutyOwed").asText()).isEqualTo("640.00");
    }

    @Test
    void rollUpPolicyIsANamedOption() throws IOException {
        JsonNode panel = qualify("usmca", "2023-07-01");
        JsonNode cbp = qualify("usmca", "2023-07-01", "--param", "roll-up=us-cbp");
        // five core parts qualify only under the component / super-core options: under us-cbp their own VNM
        // (engine 900 + transmission 700 + axles 250 + suspension 200 + steering 180 = 2,230) joins the vehicle's
        assertThat(new BigDecimal(cbp.path("rvc").path("vnm").asText()).subtract(new BigDecimal(panel.path("rvc").path("vnm").asText())))
                .isEqualByComparingTo("2230.00");
        assertThat(panel.path("status").asText()).isEqualTo("ORIGINATING");
        assertThat(cbp.path("status").asText()).isEqualTo("NON_ORIGINATING");
        CliTest.Result bad = CliTest.run("qualify", "--regime", "usmca", "--param", "roll-up=maybe", VEHICLE);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("BAD_PARAM", "`maybe`");
    }

    @Test
    void compareShowsTheFiveScenariosSideBySide() throws IOException {
        CliTest.Result r = CliTest.run("compare", "--date", "2023-07-01", VEHICLE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("nafta", "usmca", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018",
                "national-content", "intangibles", "core-parts", "lvc", "duty per unit");
        CliTest.Result j = CliTest.run("compare", "--regimes", "usmca,proposal-80-15", "--param", "proposal-80-15:min=75",
                "--date", "2023-07-01", "--format", "json", VEHICLE);
        assertThat(j.exit()).as(j.err()).isZero();
        JsonNode results = JSON.readTree(j.out()).path("comparisons").get(0).path("results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(1).path("rvc").path("min").decimalValue()).isEqualByComparingTo("75");
        CliTest.Result bad = CliTest.run("compare", "--regimes", "usmca", "--param", "nafta:min=70", VEHICLE);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("UNKNOWN_REGIME");
    }

    @Test
    void rulesDiffListsWhatChangedForAnHsCode() {
        CliTest.Result r = CliTest.run("rules", "diff", "nafta", "usmca", "8703.23", "--date", "2023-07-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("* de minimis: 7 %", "10 %", "traced materials only", "core-parts 75", "lvc 40", "rvc 62.5");
        CliTest.Result all = CliTest.run("rules", "diff", "nafta", "us-proposal-2017");
        assertThat(all.out()).contains("NATIONAL(US) >= 50");
    }

    @Test
    void builtInNaftaCarriesScheduleOneBeyondChapter87() {
        // SOR/94-14 Sch. I, subheadings 9401.10-9401.80: "(1) A change to subheadings 9401.10 through 9401.80 from any
        // other chapter; or (2) A change to subheadings 9401.10 through 9401.80 from subheading 9401.90, whether or not
        // there is also a change from any other chapter, provided there is a regional value content of not less than:
        // (a) 60 per cent where the transaction value method is used, or (b) 50 per cent where the net cost method is used."
        CliTest.Result r = CliTest.run("rules", "show", "nafta", "9401.61");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Rule nafta.9401.10-9401.80 for [9401.10-9401.80] — SOR/94-14 Sch. I, subheadings 9401.10-9401.80",
                "CC or CC from 9401.90 and (RVC(TV) >= 60 or RVC(NC) >= 50)").doesNotContain("No product-specific rule");
        // chapter 87: the hand-written rule stays authoritative; the generated one is listed as replaced
        CliTest.Result truck = CliTest.run("rules", "show", "nafta", "8704.21");
        assertThat(truck.out()).contains("Rule nafta.87.04 for [87.04]", "nafta.8704.21 — SOR/94-14 Sch. I, subheading 8704.21 (included rule, replaced by nafta.87.04)");
    }

    @Test
    void rulesImportTurnsScheduleOneIntoALoadablePack(@TempDir Path dir) {
        Path xml = SHARED.resolve("canada-roo-regulations/SOR-94-14_NAFTA-rules-of-origin-regulations_pre-repeal.xml");
        Assumptions.assumeTrue(Files.isRegularFile(xml), "shared data absent: " + xml + " (skipping the import test)");
        Path pack = dir.resolve("schedule-i.yaml");
        CliTest.Result r = CliTest.run("rules", "import", xml.toString(), "-o", pack.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Schedule I rules:");
        CliTest.Result show = CliTest.run("rules", "show", pack.toString(), "8414.51");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("CTSH", "SOR/94-14 Sch. I");
    }

    @Test
    void rulesImportReportsABadNomenclatureFileAtItsCell(@TempDir Path dir) throws IOException {
        Path xml = SHARED.resolve("canada-roo-regulations/SOR-94-14_NAFTA-rules-of-origin-regulations_pre-repeal.xml");
        Assumptions.assumeTrue(Files.isRegularFile(xml), "shared data absent: " + xml + " (skipping the import test)");
        Path hs = dir.resolve("hs-bad.csv");
        Files.writeString(hs, "section,hscode,description,parent,level\nI,01,\"Animals,TOTAL,2\n");
        CliTest.Result r = CliTest.run("rules", "import", xml.toString(), "--hs-nomenclature", hs.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(hs + ":2:6: BAD_HS_FILE: The quoted field opened here is never closed.").doesNotContain("internal error");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownHsCodesAreReportedWithANomenclature(@TempDir Path dir) throws IOException {
        Path hs = SHARED.resolve("harmonized-system/hs2022-harmonized-system.csv");
        Assumptions.assumeTrue(Files.isRegularFile(hs), "shared data absent: " + hs);
        Path f = dir.resolve("g.json");
        Files.writeString(f, "{\"goods\": [{\"id\": \"x\", \"hs\": \"8703.99\", \"producer\": {\"country\": \"MX\"}, \"transactionValue\": \"10.00\","
                + " \"materials\": [{\"id\": \"m\", \"hs\": \"8407.34\", \"value\": \"1.00\", \"origin\": \"non-originating\"}], \"rule\": \"CTH\"}]}");
        CliTest.Result r = CliTest.run("qualify", "--regime", "usmca", "--date", "2024-01-01", "--hs-nomenclature", hs.toString(),
                "--format", "json", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("UNKNOWN_HS_CODE", "`8703.99`", "HS2022");
    }
}
