package dev.origin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.origin.bench.catalog.CatalogBench;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code origin bench}: the side-by-side catalog benchmark (Origin's bulk engine, DuckDB, PostgreSQL) as one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Qualify a generated catalog with Origin's bulk engine, and with the same qualification in SQL on DuckDB "
                + "(in-process) and PostgreSQL (a throwaway server on 127.0.0.1), in one run; print one JSON object.",
                "Times are reported only when every good's verdict, total cost, VNM and net cost agree (`matched`). See docs/bulk.md."})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lines", defaultValue = "5000000", description = "BOM lines of the catalog (default ${DEFAULT-VALUE}).")
    long lines;

    @Option(names = "--workload", defaultValue = "multi-level", description = "multi-level (fan-out 10, one sub-assembly level; default), "
            + "single-level (20 lines per good, flat) or deep (fan-out 5, three levels).")
    String workload;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs of each engine; the best is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--no-postgres", description = "Leave PostgreSQL out.")
    boolean noPostgres;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Override public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!CatalogBench.WORKLOADS.containsKey(workload)) {
            err.println("--workload: BAD_VALUE: `" + workload + "` is not one of `multi-level`, `single-level`, `deep`.");
            return 2;
        }
        if (lines < 1 || lines > 1_000_000_000L) {
            err.println("--lines: BAD_LIMIT: `" + lines + "` is not a positive number of lines.");
            return 2;
        }
        if (repeats < 1 || repeats > 100) {
            err.println("--repeats: BAD_COUNT: `" + repeats + "` is not a whole number from 1 to 100.");
            return 2;
        }
        PrintWriter log = quiet ? new PrintWriter(Writer.nullWriter()) : err;
        var figures = CatalogBench.run(lines, workload, repeats, !noPostgres, log);
        log.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        out.flush();
        return Boolean.TRUE.equals(figures.get("matched")) ? 0 : 1;
    }
}
