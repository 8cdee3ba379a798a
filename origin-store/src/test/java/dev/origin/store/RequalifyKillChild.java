package dev.origin.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link RequalifyKillTest}: {@code URL PACK} withdraws the synthetic catalog's declaration of
 * housing 3 and requalifies its goods in one transaction, printing {@code OPEN} before and {@code DONE n} after.
 */
public final class RequalifyKillChild {
    private RequalifyKillChild() {}

    public static void main(String[] args) throws Exception {
        Workspace ws = Workspace.open(args[0]);
        Qualification.Pack pack = Qualification.Pack.load(Path.of(args[1]).toString(), Map.of());
        System.out.println("OPEN");
        System.out.flush();
        Requalifier.Report r = new Requalifier(ws, pack).withdrawDeclaration(SyntheticCatalog.declaration(3), SyntheticCatalog.FROM.plusMonths(2));
        System.out.println("DONE " + r.evaluated());
        System.out.flush();
    }
}
