package dev.origin.store;

import dev.origin.store.importer.Importer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link KillTest}: {@code import URL FILE} imports one file and prints {@code IMPORTED};
 * {@code append URL} appends determinations until it is killed, printing each id once committed.
 */
public final class KillChild {
    private KillChild() {}

    public static void main(String[] args) throws Exception {
        Workspace ws = Workspace.open(args[1]);
        System.out.println("OPEN");
        System.out.flush();
        if (args[0].equals("import")) {
            new Importer(ws, null).importFile(Files.readAllBytes(Path.of(args[2])), "boms.csv", null);
            System.out.println("IMPORTED");
        } else {
            GoodInput in = ws.input("BRK-100", WorkspaceTest.JAN);
            Qualification q = Qualification.evaluate(in.document(), "usmca", Map.of(), WorkspaceTest.JAN);
            for (int i = 0; ; i++) {
                String reason = "child " + i;
                long id = ws.write(tx -> tx.ledger().append(q.toLedger(in, reason))).id();
                System.out.println("APPENDED " + id);
                System.out.flush();
            }
        }
        System.out.flush();
    }
}
