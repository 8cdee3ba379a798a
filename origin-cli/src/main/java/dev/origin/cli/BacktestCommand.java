package dev.origin.cli;

import dev.origin.io.InputException;
import dev.origin.io.TariffReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.Backtest;
import dev.origin.sim.Calibration;
import dev.origin.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code origin backtest}: the sample fleet in every year with observed figures, predicted against observed. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run the sample fleet in 2019 (NAFTA) and 2020-2023 (USMCA as in force, alternative staging regime) and "
                + "compare the predictions with the observed figures (observed.yaml).")
final class BacktestCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--documentation-cost-nafta", paramLabel = "PERCENT", converter = Converters.NonNegative.class,
            description = "Mean documentation cost of a NAFTA claim, tariff equivalent in percent of value (default: calibrated, 1.2565).")
    BigDecimal documentationNafta;

    @Option(names = "--documentation-cost-usmca", paramLabel = "PERCENT", converter = Converters.NonNegative.class,
            description = "Mean documentation cost of a USMCA claim, tariff equivalent in percent of value (default: calibrated, 1.3655).")
    BigDecimal documentationUsmca;

    @Option(names = "--refit", description = "Fit the documentation costs again on the calibration targets (bisection within 0-2 %, "
            + "price-volume feedback on; about 10-20 s), print the fit and run the backtest with it.")
    boolean refit;

    @Option(names = "--staging", paramLabel = "MAKER=FROM..UNTIL|none", converter = Converters.Staging.class,
            description = "Override one maker's alternative staging approval in the USMCA years, e.g. \"Honda=none\" or "
                    + "\"General Motors=2020-07-01..2025-06-30\" (repeatable; default: alternative-staging.yaml).")
    List<Converters.StagingOverride> staging = new java.util.ArrayList<>();

    @Spec CommandSpec spec;

    @Override public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        List<dev.origin.io.Problem> problems = new java.util.ArrayList<>();
        Converters.StagingOverride.check(staging, FleetReader.sample(), problems);
        if (!problems.isEmpty()) {
            Inputs.report(spec.commandLine().getErr(), problems);
            return 2;
        }
        Backtest.Assumptions cal = Backtest.Assumptions.calibrated();
        var settings = Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn());
        if (refit) {
            List<Calibration.Fit> fits = Calibration.fit(FleetReader.sample(), settings);
            cal = Calibration.assumptions(fits);
            if (format == Format.text) {
                out.println("Calibration (fitted on the calibration targets only, within 0-2 %, price-volume feedback on):");
                for (Calibration.Fit f : fits) {
                    out.println("  " + f.parameter() + " = " + f.value().toPlainString() + ", fitted on " + f.target().name() + " "
                            + f.target().year() + ": observed " + f.target().observed() + ", predicted " + f.predicted().toPlainString()
                            + " (range gives " + f.atLow().toPlainString() + " to " + f.atHigh().toPlainString() + ")");
                }
                out.println();
            }
        }
        Backtest.Assumptions a = new Backtest.Assumptions(documentationNafta == null ? cal.documentationNafta() : documentationNafta,
                documentationUsmca == null ? cal.documentationUsmca() : documentationUsmca);
        Backtest bt = new Backtest(FleetReader.sample(), settings, a)
                .withStaging(Converters.StagingOverride.apply(dev.origin.sim.AlternativeStaging.published(), staging));
        List<Backtest.Row> rows = bt.run();
        if (format == Format.text && !staging.isEmpty()) {
            List<String> shown = new java.util.ArrayList<>();
            for (Converters.StagingOverride o : staging) {
                shown.add(o.maker() + " " + (o.period() == null ? "not approved" : o.period().from() + ".." + o.period().until()));
            }
            out.println("Alternative staging approvals overridden (--staging): " + String.join("; ", shown));
        }
        out.print(format == Format.json ? json(rows) : text(rows, a, bt) + yearToYear(bt.yearToYear(2024)));
        out.flush();
        return 0;
    }

    static String text(List<Backtest.Row> rows, Backtest.Assumptions a, Backtest bt) {
        StringBuilder sb = new StringBuilder();
        sb.append("Backtest of the sample fleet: 2019 NAFTA; 2020-2023 USMCA as in force with the alternative staging regime\n");
        sb.append("(a year = its two halves; documentation cost NAFTA ").append(a.documentationNafta().toPlainString())
                .append(" %, USMCA ").append(a.documentationUsmca().toPlainString()).append(" % of value, tariff equivalent)\n\n");
        String fmt = "%-31s %4s %9s %9s %6s %-7s %-11s %s%n";
        sb.append(String.format(fmt, "name", "year", "observed", "predicted", "tol.", "within", "use", "source"));
        for (Backtest.Row r : rows) {
            var t = r.target();
            sb.append(String.format(fmt, t.name(), t.year(), t.observed(), r.predicted() == null ? "-" : r.predicted(),
                    t.tolerance() == null ? "sign" : t.tolerance().toPlainString(), r.predicted() == null ? "n/a" : r.within() ? "yes" : "no",
                    t.heldOut() ? "held out" : "calibration", t.source()));
            if (r.predicted() == null) sb.append("      ").append(r.reason()).append('\n');
            else if (!r.within()) sb.append("      missed: ").append(bt.missReason(r)).append('\n');
        }
        for (boolean held : new boolean[] {false, true}) {
            int[] s = Backtest.score(rows, held);
            BigDecimal e = Backtest.meanError(rows, held);
            sb.append('\n').append(held ? "Held out: " : "Calibration: ").append(s[0]).append(" of ").append(s[1])
                    .append(" predicted targets within tolerance (").append(s[2] - s[1]).append(" not modelled)")
                    .append(e == null ? "" : "; mean absolute error of the percentage targets " + e.toPlainString() + " points");
        }
        sb.append('\n');
        return sb.toString();
    }

    /** Which Canadian and Mexican models changed their decision as the USMCA stepped, year by year. */
    static String yearToYear(java.util.Map<Integer, List<String>> changes) {
        StringBuilder sb = new StringBuilder("\nYear to year (USMCA steps of 1 July; Canadian and Mexican models whose choice or duty-paid share changed):\n");
        changes.forEach((y, c) -> sb.append("  ").append(y - 1).append(" -> ").append(y).append(": ")
                .append(c.isEmpty() ? "none (no decision turns on the step; see docs/simulation.md, \"Validation\")" : String.join("; ", c)).append('\n'));
        return sb.toString();
    }

    /** The line `./origin demo` prints: 2019 and 2023 vehicles-duty-paid-share, observed against predicted. */
    static String line(List<Backtest.Row> rows) {
        StringBuilder sb = new StringBuilder("Backtest (vehicles-duty-paid-share, US imports from CA+MX by value):");
        for (Backtest.Row r : rows) {
            var t = r.target();
            if (!t.name().equals("vehicles-duty-paid-share") || t.heldOut()) continue;
            sb.append(' ').append(t.year()).append(" observed ").append(t.observed()).append(" %, predicted ").append(r.predicted())
                    .append(" % (").append(r.within() ? "within" : "outside").append(" ±").append(t.tolerance().toPlainString()).append(");");
        }
        sb.setLength(sb.length() - 1);
        return sb.append(". `origin backtest` shows every target.").toString();
    }

    static String json(List<Backtest.Row> rows) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("targets");
            for (Backtest.Row r : rows) {
                var t = r.target();
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeNumberField("year", t.year());
                if (t.isDirection()) g.writeStringField("observed", t.observed());
                else g.writeNumberField("observed", new BigDecimal(t.observed()));
                if (r.predicted() == null) g.writeNullField("predicted");
                else if (t.isDirection()) g.writeStringField("predicted", r.predicted());
                else g.writeNumberField("predicted", new BigDecimal(r.predicted()));
                if (t.tolerance() == null) g.writeNullField("tolerance");
                else g.writeNumberField("tolerance", t.tolerance());
                g.writeStringField("source", t.source());
                g.writeBooleanField("heldOut", t.heldOut());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString() + "\n";
    }
}
