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
}
