package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.AuditFile;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code origin audit ID --out FILE.zip} (also {@code origin db audit}): the audit file of a stored determination. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Write the audit file of a stored determination: determination and explanation, BOM with HS, origin and value per line, declarations relied on, rule text with citations (a zip).")
final class AuditCommand implements Callable<Integer> {
    @Mixin WorkspaceOption db;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The zip file to write.")
    Path outFile;

    @Parameters(index = "0", paramLabel = "ID", description = "The determination's number in the ledger (origin db ledger).")
    long id;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> problems = new ArrayList<>();
        Outputs.check("--out", outFile, problems);
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        Workspace ws = db.open(err);
        if (ws == null) return 2;
        try {
            LedgerEntry e = ws.determination(id);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            AuditFile.write(e, zip);
            Path tmp = outFile.toAbsolutePath().resolveSibling(outFile.getFileName() + ".tmp");
            Files.write(tmp, zip.toByteArray());
            Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            out.println("wrote " + outFile + ": audit file of determination " + e.id() + " (" + e.partId() + " " + e.verdict() + " under "
                    + e.regime() + " as of " + e.asOf() + "): " + String.join(", ", AuditFile.FILES));
            out.flush();
            return 0;
        } catch (InputException x) {
            for (Problem p : x.problems()) err.println(p.format());
            err.flush();
            return 2;
        } catch (IOException x) {
            Inputs.report(err, List.of(Problem.of("--out", 0, 0, "", ErrorCode.CANNOT_WRITE, outFile, "the disk refused it")));
            return 2;
        }
    }
}
