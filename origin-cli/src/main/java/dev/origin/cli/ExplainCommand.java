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

/** {@code origin explain}: the failing path of each determination in plain language, with citations. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain each verdict from the legal text: the failing path (or, for an originating good, why it qualifies).")
final class ExplainCommand implements Callable<Integer> {
    @Mixin Inputs inputs;

    @Option(names = "--good", paramLabel = "ID", description = "Only this good.")
    String good;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "Case file (JSON or YAML).")
    java.nio.file.Path file;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        inputs.file = file;
        CaseRun run = inputs.evaluate(spec.commandLine().getErr(), true);
        if (run == null) return 2;
        if (good != null) run = run.only(good);
        if (run == null) {
            spec.commandLine().getErr().println("--good: UNKNOWN_GOOD: no good `" + good + "` in " + inputs.file + ".");
            return 2;
        }
        for (Determination d : run.results()) {
            out.print(ResultWriter.explain(d));
            out.println();
        }
        out.flush();
        return run.report(spec.commandLine().getErr());
    }
}
