package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code origin demo}: the five negotiation scenarios on the built-in sample fleet (who qualifies,
 * re-sources or pays; purchases and jobs), then the bundled example goods under NAFTA and USMCA and
 * the example vehicle under the five scenarios; no setup needed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The negotiation scenarios on the sample fleet, then bundled example goods and an example vehicle.")
final class DemoCommand implements Callable<Integer> {
    static final String GOODS = "/dev/origin/demo/goods.json";
    static final String VEHICLE = "/dev/origin/demo/examples/passenger-vehicle.json";
    static final LocalDate NAFTA_DATE = LocalDate.of(2019, 6, 17);
    static final LocalDate USMCA_DATE = LocalDate.of(2023, 7, 1);
    /** The demo's Monte Carlo: a small count so that the demo stays quick; {@code origin simulate} runs 200 by default. */
    static final int DRAWS = 20;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException, InputException {
        PrintWriter out = spec.commandLine().getOut();
        Progress bar = Progress.onTerminal(spec.commandLine().getErr());
        String text;
        try (InputStream in = DemoCommand.class.getResourceAsStream(GOODS)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var fleet = dev.origin.io.fleet.FleetReader.sample();
        bar.phase("origin demo: backtest of the sample fleet against observed trade", 0);
        var backtest = new dev.origin.sim.Backtest(fleet, dev.origin.io.TariffReader.builtIn()).run();
        bar.close();
        out.println(BacktestCommand.line(backtest));
        out.flush();
        out.println();
        List<dev.origin.core.regime.Regime> scenarios = new java.util.ArrayList<>();
        for (String id : CompareCommand.DEFAULT_REGIMES.split(",")) scenarios.add(RulePackReader.load(id, Map.of()));
        var settings = dev.origin.sim.Simulator.Settings.defaults(USMCA_DATE, dev.origin.io.TariffReader.builtIn());
        var cache = new dev.origin.sim.EngineCache();
        var simulator = new dev.origin.sim.Simulator(settings, cache);
        bar.phase("origin demo 1/3: simulating " + scenarios.size() + " regimes x " + fleet.models().size() + " models", simulator.steps(fleet, scenarios));
        var decisions = simulator.run(fleet, scenarios, bar::update);
        bar.close();
        List<dev.origin.sim.Outcome> outcomes = new java.util.ArrayList<>();
        for (var e : decisions.entrySet()) outcomes.add(dev.origin.sim.Outcome.of(e.getKey(), e.getValue(), settings));
        out.println("Origin demo 1/3: the negotiation scenarios on the sample fleet (" + fleet.models().size()
                + " MY2022 models, synthetic-calibrated from EPA OMEGA and NHTSA AALA; rules as of " + USMCA_DATE + ")");
        out.println("Each maker qualifies as is, re-sources at the cheapest cost, or pays the MFN tariff, whichever costs less.");
        out.println();
        out.print(dev.origin.sim.Report.text(outcomes));
        out.println();
        out.flush();
        bar.phase("origin demo: Monte Carlo, " + DRAWS + " draws and the tornado", dev.origin.sim.MonteCarlo.steps(DRAWS));
        var uncertainty = new dev.origin.sim.MonteCarlo(fleet, scenarios, settings, cache).run(DRAWS, 1, bar::update);
        bar.close();
        out.println("How sure: the figures above with the uncertain assumptions drawn " + DRAWS + " times (a small count to keep the demo");
        out.println("quick; `origin simulate` runs " + SimulateCommand.DEFAULT_DRAWS + " draws by default).");
        out.print(dev.origin.sim.UncertaintyReport.text(uncertainty));
        out.println();
        out.println("Next: `origin simulate --html scratch/report.html --sweep us-proposal-2017:min=50..100/5 --param us-proposal-2017:national-min=0`");
        out.println("writes a report with charts and sweeps the 2017 US proposal's regional threshold from 50 to 100 %. Note: its");
        out.println("--param changes the proposal, dropping its 50 % US-content requirement (national-min=0), so the sweep shows the");
        out.println("regional threshold alone. docs/simulation.md explains the model and its assumptions.");
        out.flush();
        out.println();
        List<Good> goods = CaseFileReader.read(text, "demo:goods.json", false);
        Regime nafta = RulePackReader.load("nafta", Map.of());
        Regime usmca = RulePackReader.load("usmca", Map.of());
        Evaluator en = Evaluator.of(nafta);
        Evaluator eu = Evaluator.of(usmca);
        out.println("Origin demo 2/3: bundled example goods under NAFTA (" + NAFTA_DATE + ") and USMCA (" + USMCA_DATE + ")");
        out.println();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Good g : goods) {
            Determination n = en.evaluate(g, NAFTA_DATE, false);
            Determination u = eu.evaluate(g, USMCA_DATE, false);
            rows.add(List.of(g.id(), g.hs().toString(), dev.origin.sim.Wording.status(n.status()), rvc(n), dev.origin.sim.Wording.status(u.status()), rvc(u)));
        }
        out.print(dev.origin.sim.Wording.table(List.of("good", "HS code", "NAFTA verdict", "NAFTA RVC", "USMCA verdict", "USMCA RVC"), rows));
        out.println("  RVC: regional value content, % of the good's value (NC: net cost method, TV: transaction value method); - : no RVC test.");
        out.println();
        out.println("Why the answers differ: de minimis is 7 % under NAFTA and 10 % under USMCA; NAFTA values goods FOB");
        out.println("and makes net cost mandatory when accumulating. `origin explain --regime usmca FILE` shows the reasoning.");
        out.println();
        out.println("Origin demo 3/3: the negotiation scenarios for one vehicle (examples/passenger-vehicle.json), as of " + USMCA_DATE + ":");
        String vehicleText;
        try (InputStream in = DemoCommand.class.getResourceAsStream(VEHICLE)) {
            vehicleText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Good> vehicles = CaseFileReader.read(vehicleText, "demo:passenger-vehicle.json", false);
        List<dev.origin.core.regime.Regime> packs = new java.util.ArrayList<>();
        for (String id : CompareCommand.DEFAULT_REGIMES.split(",")) packs.add(RulePackReader.load(id, Map.of()));
        var tariffs = dev.origin.io.TariffReader.builtIn();
        List<List<Determination>> table = new java.util.ArrayList<>();
        for (Good v : vehicles) {
            List<Determination> row = new java.util.ArrayList<>();
            for (var p : packs) row.add(Evaluator.of(p, tariffs).evaluate(v, USMCA_DATE, false));
            table.add(row);
        }
        out.print(CompareCommand.text(table, packs));
        out.flush();
        return 0;
    }

    private static String rvc(Determination d) {
        if (d.rvc() == null) return "-";
        return dev.origin.sim.Wording.percent(d.rvc().value(), 1) + " " + d.rvc().method();
    }
}
