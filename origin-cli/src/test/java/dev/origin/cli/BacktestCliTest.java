package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `origin backtest`: the JSON contract of issue 8, and the text's summary lines. */
class BacktestCliTest {
    @Test
    void theJsonHasExactlyTheIssuesFields() throws Exception {
        CliTest.Result r = CliTest.run("backtest", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> top = new ArrayList<>();
        doc.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("targets");
        assertThat(doc.path("targets").size()).isGreaterThan(20);
        boolean required2019 = false, required2023 = false;
        for (JsonNode t : doc.path("targets")) {
            List<String> fields = new ArrayList<>();
            t.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("name", "year", "observed", "predicted", "tolerance", "source", "heldOut");
            if (t.path("name").asText().equals("vehicles-duty-paid-share")) {
                int y = t.path("year").asInt();
                double gap = Math.abs(t.path("predicted").asDouble() - t.path("observed").asDouble());
                if (y == 2019) required2019 = gap <= 3;
                if (y == 2023) required2023 = gap <= 3;
            }
        }
        assertThat(required2019).as("2019 within 3 points").isTrue();
        assertThat(required2023).as("2023 within 3 points").isTrue();
    }

    @Test
    void refitPrintsTheFitAndUsesIt() {
        CliTest.Result r = CliTest.run("backtest", "--refit");
        assertThat(r.exit()).as(r.err()).isZero();
        var cal = dev.origin.sim.Backtest.Assumptions.calibrated();
        assertThat(r.out()).contains("fitted on the calibration targets only",
                "NAFTA claim (%) = " + cal.documentationNafta().toPlainString() + ", fitted on vehicles-duty-paid-share 2019",
                "USMCA claim (%) = " + cal.documentationUsmca().toPlainString() + ", fitted on vehicles-duty-paid-share 2023",
                "documentation cost NAFTA " + cal.documentationNafta().toPlainString() + " %");
    }

    @Test
    void theTextReportsBothErrorsAndTheYearToYearChanges() {
        CliTest.Result r = CliTest.run("backtest");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Calibration: ", "Held out: ", "mean absolute error", "Year to year", "2022 -> 2023: ");
    }

    /**
     * Issue 8: every parameter of the mechanisms is overridable; for the alternative staging regime these are the
     * approvals by maker and date. Withdrawing every approval puts the approved makers' models under the full USMCA,
     * so the 2023 duty-paid share cannot fall and (docs/simulation.md, "Validation") rises.
     */
    @Test
    void stagingApprovalsCanBeOverridden() throws Exception {
        List<String> args = new ArrayList<>(List.of("backtest", "--format", "json"));
        for (String maker : dev.origin.sim.AlternativeStaging.published().approved().keySet()) {
            args.add("--staging");
            args.add(maker + "=none");
        }
        CliTest.Result none = CliTest.run(args.toArray(String[]::new));
        assertThat(none.exit()).as(none.err()).isZero();
        CliTest.Result asPublished = CliTest.run("backtest", "--format", "json");
        assertThat(share2023(none.out())).isGreaterThan(share2023(asPublished.out()));

        CliTest.Result text = CliTest.run("backtest", "--staging", "General Motors=2020-07-01..2025-06-30");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Alternative staging approvals overridden (--staging): General Motors 2020-07-01..2025-06-30");
        CliTest.Result typo = CliTest.run("backtest", "--staging", "Gm=none");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("--staging", "BAD_PARAM", "`Gm` is not a maker of the fleet", "General Motors");
        CliTest.Result backwards = CliTest.run("backtest", "--staging", "Honda=2025-06-30..2020-07-01");
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).contains("BAD_PARAM", "ends before it starts");
        CliTest.Result badDate = CliTest.run("simulate", "--draws", "0", "--staging", "Honda=2020-13-01..2025-06-30");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("BAD_DATE", "2020-13-01");
        CliTest.Result badForm = CliTest.run("simulate", "--draws", "0", "--staging", "Honda");
        assertThat(badForm.exit()).isEqualTo(2);
        assertThat(badForm.err()).contains("BAD_PARAM", "MAKER=FROM..UNTIL");
    }

    private static double share2023(String json) throws Exception {
        for (JsonNode t : new ObjectMapper().readTree(json).path("targets")) {
            if (t.path("name").asText().equals("vehicles-duty-paid-share") && t.path("year").asInt() == 2023) return t.path("predicted").asDouble();
        }
        throw new AssertionError("no 2023 vehicles-duty-paid-share");
    }
}
