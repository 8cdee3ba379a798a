package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.regime.Regime;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.Outcome;
import dev.origin.sim.Simulator.Choice;
import dev.origin.sim.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures docs/simulation.md quotes for the sample fleet are what the simulator computes (docs cannot drift). */
class SimulationDocsTest {
    @Test
    void theDocumentedSampleFleetFiguresAreCurrent() throws Exception {
        String doc = Files.readString(CliTest.ROOT.resolve("docs/simulation.md"));
        List<Regime> regimes = new ArrayList<>();
        for (String id : CompareCommand.DEFAULT_REGIMES.split(",")) regimes.add(RulePackReader.load(id, Map.of()));
        Simulator.Settings s = Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn());
        var decisions = new Simulator(s).run(FleetReader.sample(), regimes, null);
        StringBuilder choices = new StringBuilder("| qualify as is / re-source / pay (models) |");
        StringBuilder share = new StringBuilder("| North American parts share |");
        for (Regime r : regimes) {
            Outcome o = Outcome.of(r.id(), decisions.get(r.id()), s);
            choices.append(' ').append(o.count().get(Choice.QUALIFIES)).append(" / ").append(o.count().get(Choice.RESOURCES))
                    .append(" / ").append(o.count().get(Choice.PAYS)).append(" |");
            share.append(' ').append(o.regionalShare().setScale(1, RoundingMode.HALF_UP)).append(" % |");
        }
        assertThat(doc).contains(choices.toString()).contains(share.toString());
    }

    /** The validation table quotes what `origin backtest` predicts for the vehicles' duty-paid share and value. */
    @Test
    void theValidationTableIsCurrent() throws Exception {
        String doc = Files.readString(CliTest.ROOT.resolve("docs/simulation.md"));
        var rows = new dev.origin.sim.Backtest(FleetReader.sample(), TariffReader.builtIn()).run();
        int checked = 0;
        for (var r : rows) {
            String unit = switch (r.target().name()) {
                case "vehicles-duty-paid-share" -> " (%)";
                case "vehicles-duty-paid-value" -> " (US$ B)";
                default -> null;
            };
            if (unit == null) continue;
            assertThat(doc).contains("| " + r.target().name() + unit + " | " + r.target().year() + " | " + r.target().observed() + " | "
                    + r.predicted() + " | " + r.target().tolerance().toPlainString() + " | " + (r.within() ? "yes" : "**no**") + " | "
                    + (r.target().heldOut() ? "held out" : "calibration") + " |");
            checked++;
        }
        assertThat(checked).isEqualTo(7);
    }
}
