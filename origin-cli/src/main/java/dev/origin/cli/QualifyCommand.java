package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import dev.origin.store.GoodInput;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Qualification;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code origin qualify}: the contract of shared/spec/case-file.md; with {@code --part ID} a part of the workspace
 * instead of a file, whose determination is recorded in the ledger.
 */
@Command(name = "qualify", mixinStandardHelpOptions = true,
        description = "Decide the origin of every good in a case file, or of a stored part (--part, recorded in the ledger). Exit 0 when all were evaluated, 2 when the input or a good is invalid.")
final class QualifyCommand implements Callable<Integer> {
    @Mixin Inputs inputs;

    @Option(names = "--format", defaultValue = "text", paramLabel = "json|text",
            description = "Output format, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json prints exactly one JSON document.")
    Words.Format format;

    @Option(names = "--part", paramLabel = "ID",
            description = "A part of the workspace (see --db) instead of a FILE: its BOM, costs and declarations as of --date (default: today); the determination is appended to the ledger.")
    String part;

    @Mixin WorkspaceOption db;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Case file (JSON or YAML); not with --part.")
    java.nio.file.Path file;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format == Words.Format.JSON;
        inputs.file = file;
        if (part != null) return stored(out, err, json);
        if (db.url != null) {
            Inputs.report(err, List.of(Problem.of("--db", 0, 0, "", ErrorCode.CONFLICTING_OPTIONS, "--db", "FILE")));
            return 2;
        }
        CaseRun run = inputs.evaluate(err, json);
        if (run == null) return 2;
        if (!run.rows().isEmpty()) {
            if (json) {
                out.print(ResultWriter.json(run.results(), run.errors()));
            } else {
                for (Determination d : run.results()) out.print(ResultWriter.text(d));
            }
        }
        out.flush();
        return run.report(err);
    }

    /** {@code --part}: the stored part as of the date, evaluated and recorded. */
    private int stored(PrintWriter out, PrintWriter err, boolean json) {
        List<Problem> problems = new ArrayList<>();
        if (inputs.file != null) problems.add(Problem.of("--part", 0, 0, "", ErrorCode.CONFLICTING_OPTIONS, "--part", "FILE " + inputs.file));
        if (inputs.tariffs != null) problems.add(Problem.of("--tariffs", 0, 0, "", ErrorCode.CONFLICTING_OPTIONS, "--tariffs", "--part"));
        if (inputs.nomenclature != null) {
            problems.add(Problem.of("--hs-nomenclature", 0, 0, "", ErrorCode.CONFLICTING_OPTIONS, "--hs-nomenclature", "--part"));
        }
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        Workspace ws = db.open(err);
        if (ws == null) return 2;
        LocalDate asOf = inputs.date != null ? inputs.date : LocalDate.now();
        try {
            GoodInput in = ws.input(part, asOf);
            Qualification q = Qualification.evaluate(in.document(), inputs.regime, inputs.params, asOf);
            LedgerEntry e = ws.write(tx -> tx.ledger().append(q.toLedger(in, "qualify")));
            out.print(json ? e.findings() : ResultWriter.text(q.determination()));
            out.flush();
            err.println("recorded as determination " + e.id() + " (origin replay " + e.id() + ", origin audit " + e.id() + " --out FILE.zip)");
            err.flush();
            return 0;
        } catch (InputException x) {
            Inputs.report(err, x.problems());
            return 2;
        }
    }
}
