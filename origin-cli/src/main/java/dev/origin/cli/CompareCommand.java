package dev.origin.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFile;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code origin compare}: each good of a case file under several regimes side by side: verdict, each
 * requirement's value and threshold, and the duty owed.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Evaluate each good under several regimes side by side (verdict, requirements, duty).")
final class CompareCommand implements Callable<Integer> {
    static final String DEFAULT_REGIMES = "nafta,usmca,us-proposal-2017,proposal-80-15,canada-proposal-2018";

    @Option(names = "--regimes", defaultValue = DEFAULT_REGIMES, split = ",", paramLabel = "REGIME", splitSynopsisLabel = ",",
            completionCandidates = Converters.BuiltInRegimes.class,
            description = "Regimes side by side, each a built-in id (${COMPLETION-CANDIDATES}) or a rule-pack file (default: every built-in).")
    List<String> regimes;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Apply every regime as of this date (default: each good's date, else today).")
    LocalDate date;

    @Option(names = "--param", paramLabel = "REGIME:NAME=VALUE", converter = {Converters.RegimeParamName.class, Converters.ParamValue.class},
            description = "Override a parameter of one regime, e.g. us-proposal-2017:min=75 (repeatable).")
    Map<RegimeParam, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "json|text",
            description = "Output format, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Words.Format format;

    @Option(names = "--tariffs", paramLabel = "FILE", description = "A tariff table overriding the built-in MFN rates.")
    Path tariffs;

    @Parameters(index = "0", paramLabel = "FILE", description = "Case file (JSON or YAML).")
    Path file;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, String>> overrides = overrides(params, regimes, problems);
        List<Regime> packs = Inputs.regimes(regimes, overrides, problems);
        CaseFile caseFile = null;
        try {
            caseFile = CaseFileReader.load(file);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        Inputs tariffInputs = new Inputs();
        tariffInputs.tariffs = tariffs;
        var schedule = tariffInputs.tariffSchedule(problems);
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        LocalDate today = LocalDate.now();
        CaseRun run = CaseRun.of(caseFile, g -> {
            LocalDate d = date != null ? date : g.date() != null ? g.date() : today;
            List<Determination> row = new ArrayList<>();
            for (Regime r : packs) row.add(Evaluator.of(r, schedule).evaluate(g, d, false));
            return row;
        }, x -> !x.code().equals(ErrorCode.REGIME_NOT_IN_FORCE.name())); // comparing regimes out of force is the point
        if (!run.rows().isEmpty()) {
            if (format == Words.Format.JSON) out.print(json(run.rows(), run.errors()));
            else out.print(text(run.rows(), packs));
        }
        out.flush();
        return run.report(err);
    }

    /** The regime and the name of a parameter in {@code --param REGIME:NAME=VALUE}. */
    record RegimeParam(String regime, String name) {}

    /** The {@code --param} overrides by regime; a regime that is not among {@code regimes} is a problem. */
    static Map<String, Map<String, String>> overrides(Map<RegimeParam, String> params, List<String> regimes, List<Problem> problems) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        params.forEach((p, value) -> overrides.computeIfAbsent(p.regime(), k -> new LinkedHashMap<>()).put(p.name(), value));
        for (String r : overrides.keySet()) {
            if (!regimes.contains(r)) problems.add(new Problem("--param", 0, 0, "", "UNKNOWN_REGIME", "`" + r + "` is not among --regimes."));
        }
        return overrides;
    }

    static String text(List<List<Determination>> table, List<Regime> packs) {
        StringBuilder sb = new StringBuilder();
        int w = 25; // fits "100.0 % vs 62.5: not met"
        for (List<Determination> row : table) {
            Determination first = row.get(0);
            sb.append(first.good()).append(" on ").append(first.date()).append('\n');
            sb.append(pad("", 18));
            for (Regime r : packs) sb.append(pad(r.id(), w));
            sb.append('\n');
            sb.append(pad("verdict", 18));
            for (Determination d : row) sb.append(pad(dev.origin.sim.Wording.status(d.status()), w));
            sb.append('\n');
            Set<String> kinds = new LinkedHashSet<>();
            for (Determination d : row) for (Finding q : d.findings()) kinds.add(q.kind().label());
            for (String kind : kinds) {
                sb.append(pad(kind, 18));
                for (Determination d : row) sb.append(pad(cell(d, kind), w));
                sb.append('\n');
            }
            sb.append(pad("duty per unit", 18));
            for (Determination d : row) {
                var t = d.tariff();
                sb.append(pad(t == null ? "-" : t.dutyOwed() != null ? dev.origin.sim.Wording.money(t.dutyOwed()) + " into " + t.importer()
                        : t.ratePercent() == null ? "?" : t.ratePercent().stripTrailingZeros().toPlainString() + " %", w));
            }
            sb.append('\n');
            for (Determination d : row) {
                for (Diagnostic x : d.diagnostics()) {
                    if (x.isError() || !x.code().equals("REGIME_NOT_IN_FORCE")) {
                        sb.append("  ").append(d.regime()).append(": ").append(x.severity()).append(' ').append(x.code()).append(": ")
                                .append(x.message()).append('\n');
                    }
                }
            }
            sb.append('\n');
        }
        sb.append("  value % vs threshold %: met or not met; -: not required. rvc: regional value content; lvc: labour value content;\n"
                + "  tariff-shift: change of tariff classification; duty per unit: MFN duty on one vehicle into the importing country.\n");
        return sb.toString();
    }

    /** One requirement kind of one determination: its value against its threshold, and met, not met or not evaluable. */
    private static String cell(Determination d, String kind) {
        List<String> parts = new ArrayList<>();
        for (Finding q : d.findings()) {
            if (!q.kind().label().equals(kind)) continue;
            String mark = q.met() == null ? "not evaluable" : q.met() ? "met" : "not met";
            if (q.value() != null && q.threshold() != null) {
                parts.add(ResultWriter.display(q.value()).replaceAll("(\\.\\d)\\d+", "$1") + " % vs " + q.threshold().stripTrailingZeros().toPlainString()
                        + ": " + mark);
            } else {
                parts.add(mark);
            }
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String pad(String s, int w) {
        if (s.length() >= w - 1) s = s.substring(0, w - 2) + "…";
        return s + " ".repeat(w - s.length());
    }

    static String json(List<List<Determination>> table, List<Problem> errors) throws IOException {
        return ResultWriter.comparison(table, errors);
    }
}
