package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.io.ResultWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin qualify}: the contract of shared/spec/case-file.md. */
@Command(name = "qualify", mixinStandardHelpOptions = true,
        description = "Decide the origin of every good in a case file. Exit 0 when all were evaluated, 2 when the input or a good is invalid.")
final class QualifyCommand implements Callable<Integer> {
    @Mixin Inputs inputs;

    @Option(names = "--format", defaultValue = "text", paramLabel = "json|text",
            description = "Output format, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json prints exactly one JSON document.")
    Words.Format format;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format == Words.Format.JSON;
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
}
