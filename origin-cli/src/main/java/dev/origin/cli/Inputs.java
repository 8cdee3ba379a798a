package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFile;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that evaluate a case file. */
final class Inputs {
    @Option(names = "--regime", required = true, paramLabel = "REGIME", completionCandidates = Converters.BuiltInRegimes.class,
            description = "Built-in regime (${COMPLETION-CANDIDATES}) or the path of a rule-pack file.")
    String regime;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Apply the rules in force on this date (default: each good's `date`, else today).")
    LocalDate date;

    @Option(names = "--param", paramLabel = "NAME=VALUE", converter = {Converters.ParamName.class, Converters.ParamValue.class},
            description = "Override a rule-pack parameter, e.g. min=70 (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--tariffs", paramLabel = "FILE",
            description = "A tariff table (YAML) whose rates take precedence over the built-in MFN table.")
    Path tariffs;

    @Option(names = "--hs-nomenclature", paramLabel = "CSV",
            description = "HS nomenclature CSV (as in shared/data/harmonized-system): codes not in it are reported as warnings.")
    Path nomenclature;

    /** The case file: a positional parameter of each command that uses these options (optional for qualify --part). */
    Path file;

    /** The built-in MFN table, overridden by {@code --tariffs} when given; null after a problem. */
    dev.origin.core.tariff.TariffSchedule tariffSchedule(List<Problem> problems) {
        var builtIn = dev.origin.io.TariffReader.builtIn();
        if (tariffs == null) return builtIn;
        try {
            return builtIn.overriddenBy(dev.origin.io.TariffReader.read(tariffs));
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /**
     * The goods of the case file evaluated good by good (see {@link CaseRun}), or null when the options or
     * the file as a whole are invalid (problems then printed on {@code err}).
     */
    CaseRun evaluate(PrintWriter err, boolean trace) {
        List<Problem> problems = new ArrayList<>();
        Regime r = regime(problems);
        CaseFile caseFile = null;
        if (file == null) {
            problems.add(Problem.of("FILE", 0, 0, "", dev.origin.core.engine.ErrorCode.Variant.CASE_FILE_MISSING, " or --part ID"));
        } else {
            try {
                caseFile = CaseFileReader.load(file);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            report(err, problems);
            return null;
        }
        var schedule = tariffSchedule(problems);
        dev.origin.io.hs.HsNomenclature hsn = nomenclature(problems);
        if (!problems.isEmpty()) {
            report(err, problems);
            return null;
        }
        Evaluator ev = Evaluator.of(r, schedule);
        LocalDate today = LocalDate.now();
        var checkAgainst = hsn;
        return CaseRun.of(caseFile, g -> {
            Determination det = ev.evaluate(g, date != null ? date : g.date() != null ? g.date() : today, trace);
            return List.of(checkAgainst == null ? det : det.withDiagnostics(dev.origin.io.hs.HsCheck.good(g, checkAgainst)));
        }, x -> true);
    }

    /**
     * What {@code qualify} needs to evaluate a case file good by good: the evaluator, the file opened as a stream
     * (checked as a whole), the nomenclature to check codes against (or null), and the date given (or null).
     */
    record Streamed(Evaluator evaluator, dev.origin.io.CaseStream stream, dev.origin.io.hs.HsNomenclature nomenclature, LocalDate date) {
        /** The date a good is evaluated on: {@code --date}, else its own, else {@code today}. */
        LocalDate dateOf(dev.origin.core.model.Good g, LocalDate today) {
            return date != null ? date : g.date() != null ? g.date() : today;
        }
    }

    /**
     * The regime, tariffs and nomenclature loaded and the case file opened for reading good by good; null when
     * the options or the file as a whole are invalid (problems then printed on {@code err}).
     */
    Streamed stream(PrintWriter err) {
        return stream(err, false);
    }

    /**
     * As {@link #stream(PrintWriter)}; with {@code overlap}, the file is opened by {@link dev.origin.io.CaseStream#openOverlapped}
     * (its first pass starts at once, beside the loading of the rule pack and tariffs, and goes on while its goods are
     * evaluated), and the problems of the file as a whole are reported when the run starts it again.
     */
    Streamed stream(PrintWriter err, boolean overlap) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> fileProblems = new ArrayList<>();
        dev.origin.io.CaseStream cs = null;
        if (file != null && overlap) {
            try {
                cs = dev.origin.io.CaseStream.openOverlapped(file);
            } catch (InputException e) {
                fileProblems.addAll(e.problems());
            }
        }
        Regime r = regime(problems);
        if (file == null) {
            problems.add(Problem.of("FILE", 0, 0, "", dev.origin.core.engine.ErrorCode.Variant.CASE_FILE_MISSING, " or --part ID"));
        } else if (!overlap) {
            try {
                cs = dev.origin.io.CaseStream.open(file);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        } else {
            if (!problems.isEmpty() && cs != null) {
                // the options are invalid: the problems of the file as a whole are reported with theirs, as without overlap
                try {
                    cs = cs.passedOrReopened();
                } catch (InputException e) {
                    cs = null;
                    fileProblems.addAll(e.problems());
                }
            }
            problems.addAll(fileProblems);
        }
        if (!problems.isEmpty()) {
            if (cs != null) cs.close();
            report(err, problems);
            return null;
        }
        var schedule = tariffSchedule(problems);
        dev.origin.io.hs.HsNomenclature hsn = nomenclature(problems);
        if (!problems.isEmpty()) {
            // as without overlap: a file that fails as a whole is reported first, alone
            try {
                cs = cs.passedOrReopened();
            } catch (InputException e) {
                report(err, e.problems());
                return null;
            }
            cs.close();
            report(err, problems);
            return null;
        }
        return new Streamed(Evaluator.of(r, schedule), cs, hsn, date);
    }

    /** The {@code --hs-nomenclature} table, or null when not given or unreadable (then a problem is added). */
    private dev.origin.io.hs.HsNomenclature nomenclature(List<Problem> problems) {
        if (nomenclature == null) return null;
        try {
            return dev.origin.io.hs.HsNomenclature.load(nomenclature);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private Regime regime(List<Problem> problems) {
        try {
            return RulePackReader.load(regime, params);
        } catch (InputException e) {
            for (Problem x : e.problems()) {
                // parameter problems concern the --param option, not a line of the pack
                problems.add(x.path().startsWith("params") && x.line() == 0 ? new Problem("--param", 0, 0, "", x.code(), x.message()) : x);
            }
            return null;
        }
    }

    /** Loads each regime with its overrides; problems are collected. */
    static List<Regime> regimes(List<String> ids, Map<String, Map<String, String>> overrides, List<Problem> problems) {
        List<Regime> packs = new ArrayList<>();
        for (String id : ids) {
            try {
                packs.add(RulePackReader.load(id, overrides.getOrDefault(id, Map.of())));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        return packs;
    }

    static void report(PrintWriter err, List<Problem> problems) {
        for (Problem p : problems) err.println(p.format());
        err.println(problems.size() == 1 ? "1 problem; nothing was evaluated." : problems.size() + " problems; nothing was evaluated.");
        err.flush();
    }
}
