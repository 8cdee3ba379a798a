package dev.origin.cli;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.Backtest;
import dev.origin.sim.MonteCarlo;
import dev.origin.sim.Outcome;
import dev.origin.sim.UncertaintyReport;
import dev.origin.sim.Report;
import dev.origin.sim.Simulator;
import dev.origin.sim.Sweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin simulate}: a fleet under several regimes — who qualifies, re-sources or pays, and where purchases and jobs move. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a fleet under several regimes: comply-or-pay per model, fleet outcomes, optional threshold sweep.")
final class SimulateCommand implements Callable<Integer> {
    /** Monte Carlo draws when {@code --draws} is not given (issue 8). */
    static final int DEFAULT_DRAWS = 200;
    /** The most Monte Carlo draws (docs/cli.md, "Limits"): about 25 minutes for the sample fleet under the five regimes. */
    static final int MAX_DRAWS = 10_000;

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file (YAML or JSON); default: the built-in sample fleet.")
    Path fleet;

    @Option(names = "--regimes", defaultValue = CompareCommand.DEFAULT_REGIMES, split = ",", paramLabel = "REGIME", splitSynopsisLabel = ",",
            completionCandidates = Converters.BuiltInRegimes.class,
            description = "Regimes to simulate, each a built-in id (${COMPLETION-CANDIDATES}) or a rule-pack file (default: every built-in).")
    List<String> regimes;

    @Option(names = "--date", defaultValue = "2023-07-01", paramLabel = "YYYY-MM-DD", description = "Rules in force on this date (default ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--param", paramLabel = "REGIME:NAME=VALUE", converter = {Converters.RegimeParamName.class, Converters.ParamValue.class},
            description = "Override a parameter of one regime, e.g. us-proposal-2017:national-min=0 (repeatable).")
    Map<CompareCommand.RegimeParam, String> params = new LinkedHashMap<>();

    @Option(names = "--margin", defaultValue = "0", paramLabel = "POINTS", converter = Converters.NonNegative.class,
            description = "Safety margin above thresholds when re-sourcing, in percentage points (default ${DEFAULT-VALUE}).")
    BigDecimal margin;

    @Option(names = "--pass-through", defaultValue = "0.5", paramLabel = "SHARE", converter = Converters.Share.class,
            description = "Share of costs passed on to prices, from 0 to 1 (default ${DEFAULT-VALUE}).")
    BigDecimal passThrough;

    @Option(names = "--jobs", paramLabel = "COUNTRY=JOBS", split = ",", converter = {Converters.JobsCountry.class, Converters.NonNegative.class},
            description = "Jobs per US$1 million of parts purchases by country (US, CA, MX, ROW), e.g. US=3.2,MX=7.5.")
    Map<String, BigDecimal> jobs = new LinkedHashMap<>();

    @Option(names = "--alternative-staging", description = "Apply the alternative staging regime to the approved makers' models "
            + "on --date (alternative-staging.yaml; off by default, the scenarios compare the rules as written).")
    boolean alternativeStaging;

    @Option(names = "--staging", paramLabel = "MAKER=FROM..UNTIL|none", converter = Converters.Staging.class,
            description = "Override one maker's alternative staging approval of alternative-staging.yaml, e.g. \"Honda=none\" or "
                    + "\"General Motors=2020-07-01..2025-06-30\" (repeatable; implies --alternative-staging).")
    List<Converters.StagingOverride> staging = new ArrayList<>();

    @Option(names = "--documentation-cost", defaultValue = "0", paramLabel = "PERCENT", converter = Converters.NonNegative.class,
            description = "Mean cost of documenting a preference claim, tariff equivalent in percent of value; importers whose cost "
                    + "exceeds the MFN rate pay the duty (default ${DEFAULT-VALUE}; the backtest's calibrated USMCA value is 1.3655).")
    BigDecimal documentationCost;

    @Option(names = "--elasticity", defaultValue = "-3", paramLabel = "E", converter = Converters.NonPositive.class,
            description = "Own-price elasticity of a model's demand against its rivals, 0 or negative (default ${DEFAULT-VALUE}, "
                    + "Berry-Levinsohn-Pakes 1995; 0 with --market-elasticity 0 keeps volumes fixed).")
    BigDecimal elasticity;

    @Option(names = "--market-elasticity", defaultValue = "-1", paramLabel = "E", converter = Converters.NonPositive.class,
            description = "Aggregate price elasticity of new-vehicle demand, 0 or negative (default ${DEFAULT-VALUE}).")
    BigDecimal marketElasticity;

    @Option(names = "--draws", defaultValue = "" + DEFAULT_DRAWS, paramLabel = "N", converter = Converters.Count.class,
            description = "Monte Carlo draws over the uncertain assumptions for intervals, a tornado and the Montreal claim's robustness "
                    + "(default ${DEFAULT-VALUE}, about half a minute for the sample fleet under the five regimes, docs/PERFORMANCE.md; "
                    + "0: none; at most " + MAX_DRAWS + ").")
    int draws;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the Monte Carlo draws (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sweep", paramLabel = "PACK:PARAM=FROM..TO/STEP", converter = Converters.Sweep.class,
            description = "Threshold sweep, e.g. us-proposal-2017:min=50..100/5 (other parameters of that pack from --param).")
    SweepSpec sweep;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write one CSV row per model and regime to this file.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write everything (decisions, outcomes, sweep) as JSON to this file.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a report with charts to this HTML file.")
    Path html;

    /** A threshold sweep: parameter {@code param} of {@code pack} from {@code from} to {@code to} by {@code step}. */
    record SweepSpec(String pack, String param, BigDecimal from, BigDecimal to, BigDecimal step) {}

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> problems = new ArrayList<>();
        List<String> known = new ArrayList<>(regimes);
        if (sweep != null) known.add(sweep.pack());
        Map<String, Map<String, String>> overrides = CompareCommand.overrides(params, known, problems);
        List<Regime> packs = Inputs.regimes(regimes, overrides, problems);
        Fleet f = null;
        dev.origin.io.fleet.FleetSources sources = null;
        try {
            if (fleet == null) {
                f = FleetReader.sample();
                sources = dev.origin.io.fleet.FleetSources.none("builtin:sample-fleet.yaml");
            } else {
                FleetReader.Located l = FleetReader.load(fleet);
                f = l.fleet();
                sources = l.sources();
            }
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        if (f != null) Converters.StagingOverride.check(staging, f, problems);
        Inputs t = new Inputs();
        var tariffs = t.tariffSchedule(problems);
        if (draws > MAX_DRAWS) problems.add(Problem.of("--draws", 0, 0, "", dev.origin.core.engine.ErrorCode.OUT_OF_RANGE, draws, 0, MAX_DRAWS));
        Outputs.check("--csv", csv, problems);
        Outputs.check("--json", json, problems);
        Outputs.check("--html", html, problems);
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        Simulator.Settings defaults = Simulator.Settings.defaults(date, tariffs);
        Map<String, BigDecimal> jp = new LinkedHashMap<>(defaults.jobsPerMillion());
        jp.putAll(jobs);
        Simulator.Settings settings = new Simulator.Settings(date, tariffs, margin, passThrough, jp)
                .withStaging(alternativeStaging || !staging.isEmpty()
                        ? Converters.StagingOverride.apply(dev.origin.sim.AlternativeStaging.published(), staging) : dev.origin.sim.AlternativeStaging.NONE)
                .withDocumentationCost(documentationCost)
                .withDemand(new dev.origin.sim.Demand(elasticity, marketElasticity));
        dev.origin.sim.EngineCache cache = new dev.origin.sim.EngineCache();
        Simulator sim = new Simulator(settings, cache);
        // the engine's errors in the models as they are (e.g. an HS code a pack has no rule for), placed in the fleet
        // file, before any simulation: a model that cannot be decided is not simulated as if it paid the tariff
        for (var x : sim.errors(f, packs)) problems.add(sources.locate(x));
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        Progress bar = Progress.onTerminal(err);
        bar.phase("simulating " + packs.size() + " regime" + (packs.size() == 1 ? "" : "s") + " x " + f.models().size() + " models",
                sim.steps(f, packs));
        var decisions = sim.run(f, packs, bar::update);
        bar.close();
        List<Outcome> outcomes = new ArrayList<>();
        for (var e : decisions.entrySet()) outcomes.add(Outcome.of(e.getKey(), e.getValue(), settings));
        List<Sweep.Point> curve = null;
        if (sweep != null) {
            try {
                var range = Sweep.range(sweep.from(), sweep.to(), sweep.step());
                bar.phase("threshold sweep, " + range.size() + " thresholds", Sweep.steps(f, range.size(), sim));
                curve = Sweep.run(f, sweep.pack(), sweep.param(), range, overrides.getOrDefault(sweep.pack(), Map.of()), sim, settings, bar::update);
                bar.close();
            } catch (InputException e) {
                Inputs.report(err, e.problems());
                return 2;
            }
        }
        out.println("Fleet " + f.id() + (f.synthetic() ? " (synthetic-calibrated)" : "") + ": " + f.models().size() + " models, rules as of " + date);
        out.print(Report.text(outcomes));
        if (curve != null) {
            out.println();
            out.println("Threshold sweep of " + sweep.pack() + " " + sweep.param() + ": threshold -> N. American parts share, compliance rate");
            for (Sweep.Point p : curve) {
                out.println("  " + p.threshold() + " % -> " + p.outcome().regionalShare().setScale(1, java.math.RoundingMode.HALF_UP) + " %, "
                        + p.outcome().complianceRate().setScale(1, java.math.RoundingMode.HALF_UP) + " %");
            }
            Sweep.Point peak = Sweep.peak(curve);
            out.println(peak == null ? "  The regional share does not first rise and then fall over this range."
                    : "  The regional share peaks at a threshold of " + peak.threshold() + " % and falls beyond it as makers switch to paying the tariff.");
        }
        MonteCarlo.Result uncertainty = null;
        if (draws > 0) {
            bar.phase("Monte Carlo, " + draws + " draws and the tornado (whole-fleet runs)", MonteCarlo.steps(draws));
            uncertainty = new MonteCarlo(f, packs, settings, cache).run(draws, seed, bar::update);
            bar.close();
            out.println();
            out.print(UncertaintyReport.text(uncertainty));
        }
        out.flush();
        List<Problem> unwritten = new ArrayList<>();
        if (csv != null && Outputs.write("--csv", csv, Report.csv(outcomes), unwritten)) {
            err.println("origin: wrote " + csv.toAbsolutePath().normalize() + " (one row per model and regime)");
        }
        if (json != null && Outputs.write("--json", json, Report.json(outcomes, curve, sweep == null ? null : sweep.pack(), uncertainty), unwritten)) {
            err.println("origin: wrote " + json.toAbsolutePath().normalize() + " (decisions, outcomes" + (curve == null ? "" : ", sweep")
                    + (uncertainty == null ? "" : ", uncertainty") + ")");
        }
        if (html != null) {
            List<Backtest.Row> backtest = null;
            if (fleet == null) {
                bar.phase("backtest for the report", 0);
                backtest = new Backtest(f, tariffs).run();
                bar.close();
            }
            if (Outputs.write("--html", html, Report.html("Origin simulation: " + f.id(), outcomes, curve, sweep == null ? null : sweep.pack() + " " + sweep.param(),
                    f.description(), backtest, uncertainty), unwritten)) {
                err.println("origin: wrote " + html.toAbsolutePath().normalize() + " (report with charts; open it in a browser)");
            }
        }
        for (Problem p : unwritten) err.println(p.format());
        err.flush();
        return unwritten.isEmpty() ? 0 : 2;
    }
}
