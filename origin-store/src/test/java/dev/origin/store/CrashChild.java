package dev.origin.store;

import dev.origin.store.cert.CertifierRole;
import dev.origin.store.cert.Signature;
import dev.origin.store.importer.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link CrashTest}, killed at random points. It prints {@code OPEN} once the workspace is open,
 * then, by operation:
 * <ul>
 *   <li>{@code import URL FILE}: imports one BOM file, prints {@code DONE};</li>
 *   <li>{@code append URL}: appends determinations until killed, printing {@code COMMITTED id} after each commit;</li>
 *   <li>{@code requalify URL PACK}: withdraws the synthetic catalog's declaration of housing 3 and requalifies its goods
 *       in one transaction, prints {@code DONE};</li>
 *   <li>{@code certify URL PACK}: issues USMCA certifications for two goods until killed, printing {@code COMMITTED id}
 *       after each.</li>
 * </ul>
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Workspace ws = Workspace.open(args[1]);
        say("OPEN");
        switch (args[0]) {
            case "import" -> {
                new Importer(ws, null).importFile(Files.readAllBytes(Path.of(args[2])), "boms.csv", null);
                say("DONE");
            }
            case "append" -> {
                GoodInput in = ws.input("BRK-100", WorkspaceTest.JAN);
                Qualification q = Qualification.evaluate(in.document(), "usmca", Map.of(), WorkspaceTest.JAN);
                for (int i = 0; ; i++) {
                    String reason = "child " + i;
                    say("COMMITTED " + ws.write(tx -> tx.ledger().append(q.toLedger(in, reason))).id());
                }
            }
            case "requalify" -> {
                Qualification.Pack pack = Qualification.Pack.load(args[2], Map.of());
                new Requalifier(ws, pack).withdrawDeclaration(SyntheticCatalog.declaration(3), SyntheticCatalog.FROM.plusMonths(2));
                say("DONE");
            }
            case "certify" -> {
                LocalDate jan = FlowsTest.JAN;
                Certifying.Request r = new Certifying.Request(Certifying.Form.USMCA, args[2], List.of("GBX-1", "ASM-3"), List.of(),
                        CertifierRole.PRODUCER, null, "ME", "ME", "GLA", jan, FlowsTest.LAST,
                        new Signature("Ana Ruiz", "Compliance", "Transmisiones MTY", jan, null, null), null);
                Certifying certifying = new Certifying(ws);
                while (true) {
                    say("COMMITTED " + certifying.issue(r, jan).id());
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
