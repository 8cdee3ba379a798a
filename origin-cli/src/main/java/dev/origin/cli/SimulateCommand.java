package dev.origin.cli;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.Outcome;
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
    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file (YAML or JSON); default: the built-in sample fleet.")
    Path fleet;

    @Option(names = "--regimes", defaultValue = CompareCommand.DEFAULT_REGIMES, split = ",", paramLabel = "R1,R2,...")
    List<String> regimes;

    @Option(names = "--date", defaultValue = "2023-07-01", paramLabel = "YYYY-MM-DD", description = "Rules in force on this date (default 2023-07-01).")
    String date;

    @Option(names = "--param", paramLabel = "REGIME:NAME=VALUE", description = "Override a parameter of one regime (repeatable).")
    List<String> params = new ArrayList<>();

    @Option(names = "--margin", defaultValue = "0", paramLabel = "POINTS", description = "Safety margin above thresholds when re-sourcing.")
    BigDecimal margin;

    @Option(names = "--pass-through", defaultValue = "0.5", paramLabel = "SHARE", description = "Share of costs passed on to prices (0-1).")
    BigDecimal passThrough;

    @Option(names = "--jobs", paramLabel = "C=JOBS", split = ",",
            description = "Jobs per US$1 million of parts purchases by country (US, CA, MX, ROW), e.g. US=3.2,MX=7.5.")
    List<String> jobs = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "PACK:PARAM=FROM..TO/STEP",
            description = "Threshold sweep, e.g. us-proposal-2017:min=50..100/5 (other parameters of that pack from --param).")
    String sweep;

    @Option(names = "--csv", paramLabel = "FILE") Path csv;
    @Option(names = "--json", paramLabel = "FILE") Path json;
    @Option(names = "--html", paramLabel = "FILE") Path html;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> problems = new ArrayList<>();
        LocalDate on = Inputs.date(date, problems);
        List<String> known = new ArrayList<>(regimes);
        if (sweep != null && sweep.contains(":")) known.add(sweep.substring(0, sweep.indexOf(':')));
        Map<String, Map<String, String>> overrides = CompareCommand.overrides(params, known, problems);
        Map<String, BigDecimal> jobsPer = new LinkedHashMap<>();
        for (String j : jobs) {
            String[] kv = j.split("=", 2);
            if (kv.length != 2 || !List.of("US", "CA", "MX", "ROW").contains(kv[0]) || !kv[1].matches("\\d+(\\.\\d+)?")) {
                problems.add(new Problem("--jobs", 0, 0, "", "BAD_PARAM", "`" + j + "` is not of the form US|CA|MX|ROW=NUMBER."));
            } else {
                jobsPer.put(kv[0], new BigDecimal(kv[1]));
            }
        }
        if (passThrough.signum() < 0 || passThrough.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new Problem("--pass-through", 0, 0, "", "BAD_PARAM", "`" + passThrough + "` is not a share between 0 and 1."));
        }
        if (margin.signum() < 0) problems.add(new Problem("--margin", 0, 0, "", "BAD_PARAM", "`" + margin + "` is negative."));
        String[] sw = null;
        if (sweep != null) {
            var mt = java.util.regex.Pattern.compile("([^:]+):([^=]+)=(\\d+(?:\\.\\d+)?)\\.\\.(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?)").matcher(sweep);
            if (!mt.matches() || new BigDecimal(mt.group(5)).signum() <= 0) {
                problems.add(new Problem("--sweep", 0, 0, "", "BAD_SWEEP", "`" + sweep + "` is not of the form PACK:PARAM=FROM..TO/STEP."));
            } else {
                sw = new String[] {mt.group(1), mt.group(2), mt.group(3), mt.group(4), mt.group(5)};
            }
        }
        List<Regime> packs = Inputs.regimes(regimes, overrides, problems);
        Fleet f = null;
        try {
            f = fleet == null ? FleetReader.sample() : FleetReader.read(fleet);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        Inputs t = new Inputs();
        var tariffs = t.tariffSchedule(problems);
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        Simulator.Settings defaults = Simulator.Settings.defaults(on, tariffs);
        Map<String, BigDecimal> jp = new LinkedHashMap<>(defaults.jobsPerMillion());
        jp.putAll(jobsPer);
        Simulator.Settings settings = new Simulator.Settings(on, tariffs, margin, passThrough, jp);
        Simulator sim = new Simulator(settings);
        int total = f.models().size() * packs.size();
        Progress bar = new Progress(err, total);
        var decisions = sim.run(f, packs, bar::update);
        bar.done();
        List<Outcome> outcomes = new ArrayList<>();
        for (var e : decisions.entrySet()) outcomes.add(Outcome.of(e.getKey(), e.getValue(), settings));
        List<Sweep.Point> curve = null;
        if (sw != null) {
            try {
                curve = Sweep.run(f, sw[0], sw[1], Sweep.range(new BigDecimal(sw[2]), new BigDecimal(sw[3]), new BigDecimal(sw[4])),
                        overrides.getOrDefault(sw[0], Map.of()), sim, settings);
            } catch (InputException e) {
                Inputs.report(err, e.problems());
                return 2;
            }
        }
        out.println("Fleet " + f.id() + (f.synthetic() ? " (synthetic-calibrated)" : "") + ": " + f.models().size() + " models, rules as of " + on);
        out.print(Report.text(outcomes));
        if (curve != null) {
            out.println();
            out.println("Threshold sweep of " + sw[0] + " " + sw[1] + ": threshold -> N. American parts share, compliance rate");
            for (Sweep.Point p : curve) {
                out.println("  " + p.threshold() + " % -> " + p.outcome().regionalShare().setScale(1, java.math.RoundingMode.HALF_UP) + " %, "
                        + p.outcome().complianceRate().setScale(1, java.math.RoundingMode.HALF_UP) + " %");
            }
            Sweep.Point peak = Sweep.peak(curve);
            out.println(peak == null ? "  The regional share does not first rise and then fall over this range."
                    : "  The regional share peaks at a threshold of " + peak.threshold() + " % and falls beyond it as makers switch to paying the tariff.");
        }
        out.flush();
        if (csv != null) Files.writeString(csv, Report.csv(outcomes));
        if (json != null) Files.writeString(json, Report.json(outcomes, curve, sw == null ? null : sw[0]));
        if (html != null) {
            Files.writeString(html, Report.html("Origin simulation: " + f.id(), outcomes, curve, sw == null ? null : sw[0] + " " + sw[1],
                    f.description()));
        }
        return 0;
    }

    /** A progress bar on stderr for long runs (only when stderr is a terminal). */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean show;
        private int last = -1;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
            this.show = total >= 200 && System.console() != null;
        }

        void update(int done) {
            if (!show) return;
            int pct = done * 100 / total;
            if (pct == last) return;
            last = pct;
            int bars = pct / 4;
            err.print("\r[" + "=".repeat(bars) + " ".repeat(25 - bars) + "] " + pct + " % (" + done + "/" + total + ")");
            err.flush();
        }

        void done() {
            if (show) {
                err.println();
                err.flush();
            }
        }
    }
}
