package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Status;
import dev.origin.core.model.Good;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.CaseStream;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultStream;
import dev.origin.io.ResultWriter;
import dev.origin.io.ResultWriter.TraceView;
import dev.origin.store.GoodInput;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Qualification;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code origin qualify}: the contract of shared/spec/case-file.md, for case files of any size; with {@code --part ID}
 * a part of the workspace instead of a file, whose determination is recorded in the ledger. The file is read
 * good by good ({@link CaseStream}; read, evaluated and rendered on all cores in ordered batches: {@link GoodPipeline}) and each result is written as soon as
 * it is computed ({@link ResultStream}); memory does not grow with the number of goods (docs/case-file.md, "Large
 * case files"). Invalid goods follow docs/case-file.md, "When some goods are invalid": their problems go to
 * stderr as they are found, the others' results to stdout, exit 2.
 */
@Command(name = "qualify", mixinStandardHelpOptions = true,
        description = "Decide the origin of every good in a case file, or of a stored part (--part, recorded in the ledger). Exit 0 when all were evaluated, 2 when the input or a good is invalid.")
final class QualifyCommand implements Callable<Integer> {
    @Mixin Inputs inputs;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json prints exactly one JSON document, "
                    + "ndjson one result object per line, csv one row per good.")
    Words.QualifyFormat format;

    @Option(names = "--trace", paramLabel = "none|failing|full",
            description = "The explanation tree in json and ndjson results: none, failing (the failing path of the goods that are not "
                    + "originating) or full (default: full for a file of one good, else failing).")
    Words.Trace trace;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on stderr (default: only when stderr is a terminal).")
    Boolean progress;

    @Option(names = "--part", paramLabel = "ID",
            description = "A part of the workspace (see --db) instead of a FILE: its BOM, costs and declarations as of --date (default: today); the determination is appended to the ledger.")
    String part;

    @Mixin WorkspaceOption db;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Case file (JSON or YAML); not with --part.")
    java.nio.file.Path file;

    @Spec CommandSpec spec;

    /**
     * Whether the first pass over a case file runs beside the evaluation ({@link CaseStream#openOverlapped}); false
     * only in tests, which compare both ways.
     */
    static volatile boolean overlap = true;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        inputs.file = file;
        if (part != null) return stored(out, err, format == Words.QualifyFormat.JSON || format == Words.QualifyFormat.NDJSON);
        if (db.url != null) {
            Inputs.report(err, List.of(Problem.of("--db", 0, 0, "", ErrorCode.CONFLICTING_OPTIONS, "--db", "FILE")));
            return 2;
        }
        try (Progress bar = progress == null ? Progress.onTerminalStderr(err) : Progress.forced(err, progress)) {
            // the first pass over the file overlaps the evaluation unless a progress bar must show the count at once
            Inputs.Streamed in = inputs.stream(err, overlap && !bar.shown());
            if (in == null) return 2;
            CaseStream stream = in.stream();
            try {
                while (true) {
                    Integer exit = qualify(in, stream, bar, out, err);
                    if (exit != null) return exit;
                    // the file did not pass its first pass, which ran beside the evaluation: nothing was written;
                    // read it again as a whole, which reports its problems (or reads the goods that refs name first)
                    try {
                        stream = stream.reopen();
                    } catch (InputException x) {
                        Inputs.report(err, x.problems());
                        return 2;
                    }
                }
            } finally {
                stream.close();
            }
        }
    }

    /**
     * Qualifies the goods of {@code stream} and writes their results; the exit status, or null when an overlapped
     * stream's first pass failed (nothing was written: the run starts again with the stream reopened).
     */
    private Integer qualify(Inputs.Streamed in, CaseStream stream, Progress bar, PrintWriter out, PrintWriter err) {
        boolean single;
        try {
            single = stream.overlapped() ? !stream.moreThanOne() : stream.size() == 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        TraceView view = view(single);
        ResultStream.Format f = ResultStream.Format.valueOf(format.name());
        // results rendered apart are encoded on the workers and written as bytes, past the writers' layers
        java.io.OutputStream raw = f == ResultStream.Format.JSON ? null : Main.rawStdout();
        ResultStream results = new ResultStream(out, raw, f, view);
        boolean json = format == Words.QualifyFormat.JSON || format == Words.QualifyFormat.NDJSON;
        // the trace is recorded only where it is written: all goods (full), or the goods that turn out not to qualify (failing)
        boolean traceAll = json && view == TraceView.FULL;
        boolean traceFailing = json && view == TraceView.FAILING;
        Evaluator ev = in.evaluator();
        LocalDate today = LocalDate.now();
        long[] errors = {0};
        Set<String> bad = new LinkedHashSet<>();
        int size = stream.size();
        bar.phase(size < 0 ? "qualifying" : "qualifying " + size + (size == 1 ? " good" : " goods"), Math.max(size, 0));
        InputException stopped = null;
        try {
            // evaluation and rendering on the worker threads, in batches; writing here, in file order
            boolean passed = GoodPipeline.run(stream, e -> {
                if (e.rejected() != null) return new Done(e.index(), e.rejected().problems(), null, null);
                Good g = e.good();
                LocalDate date = in.dateOf(g, today);
                Determination d = ev.evaluate(g, date, traceAll);
                if (traceFailing && d.status() != Status.ORIGINATING) d = ev.evaluate(g, date, true);
                if (in.nomenclature() != null) d = d.withDiagnostics(dev.origin.io.hs.HsCheck.good(g, in.nomenclature()));
                Set<Problem> located = new LinkedHashSet<>();
                for (Diagnostic x : d.diagnostics()) {
                    if (x.isError() || x.severity() == Diagnostic.Severity.WARNING) located.add(e.sources().locate(x));
                }
                List<Problem> problems = located.isEmpty() ? List.of() : new ArrayList<>(located);
                if (problems.stream().anyMatch(Problem::isError)) return new Done(e.index(), problems, null, null);
                if (!results.rendersApart()) return new Done(e.index(), problems, d, null);
                String text = results.render(d);
                return new Done(e.index(), problems, null, raw == null ? text : Escaping.escape(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }, done -> {
                if (done.rendered() instanceof byte[] b) results.rendered(b);
                else if (done.rendered() instanceof String text) results.rendered(text);
                else if (done.result() != null) results.result(done.result());
                for (Problem p : done.problems()) {
                    bar.println(p.format());
                    if (p.isError()) {
                        errors[0]++;
                        bad.add(p.good());
                        results.error(p);
                    }
                }
                bar.update(done.index() + 1L);
            }, done -> done.weight());
            if (!passed) return null;
        } catch (InputException x) {
            stopped = x;
        }
        results.finish();
        bar.close();
        if (stopped != null) {
            for (Problem p : stopped.problems()) err.println(p.format());
            err.flush();
            return 2;
        }
        CaseRun.summary(err, errors[0], new ArrayList<>(bad), results.results());
        err.flush();
        return errors[0] == 0 ? 0 : 2;
    }

    /**
     * What the workers hand over for one good: its problems, and its result (rendered: a String for the writer, or
     * its bytes for the process's standard output; or for json the determination).
     */
    private record Done(int index, List<Problem> problems, Determination result, Object rendered) {
        /**
         * About the bytes it holds, to bound what is held while the first pass runs: a rendered result's length; a
         * determination (json) counted at 16 KiB, more than most with their trace, so at most 2,048 are held.
         */
        long weight() {
            if (rendered instanceof byte[] b) return b.length + 64L;
            if (rendered instanceof String text) return 2L * text.length() + 64;
            return result != null ? 16_384 : 256;
        }
    }

    /** The trace the results carry: {@code --trace}, else the whole tree for a file of one good and the failing path for more. */
    private TraceView view(boolean single) {
        if (trace != null) return TraceView.valueOf(trace.name());
        return single ? TraceView.FULL : TraceView.FAILING;
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
