package dev.origin.cli;

import dev.origin.server.Access;
import dev.origin.server.OriginServer;
import dev.origin.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code origin serve}: the web UI and the REST API on the workspace database. On a workspace without users
 * it creates the first admin, {@code admin}, with a random password printed once (docs/web.md, "First run").
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web UI and the REST API (docs/web.md, docs/api.md) on 127.0.0.1 until stopped with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every interface, behind TLS).")
    String host;

    @Option(names = "--db", paramLabel = "URL", description = "Workspace database: a JDBC URL, or the path of an embedded file (default: $ORIGIN_DB, else ~/.origin/workspace).")
    String db;

    @Option(names = "--max-request-size", defaultValue = "5242880", paramLabel = "BYTES",
            description = "Largest request body accepted, e.g. an uploaded case file (default ${DEFAULT-VALUE}, 5 MiB; 1024 to 1073741824).")
    long maxRequest;

    @Spec CommandSpec spec;

    /** The range of {@code --max-request-size} (docs/cli.md, "Limits"): 1 KiB to 1 GiB. */
    static final long MIN_REQUEST = 1024, MAX_REQUEST = 1L << 30;

    @Override public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("--port: OUT_OF_RANGE: `" + port + "` is not between 0 and 65535.");
            return 2;
        }
        if (maxRequest < MIN_REQUEST || maxRequest > MAX_REQUEST) {
            err.println("--max-request-size: OUT_OF_RANGE: `" + maxRequest + "` is not between " + MIN_REQUEST + " and " + MAX_REQUEST + ".");
            return 2;
        }
        Database database = UsersCommand.open(db, err);
        if (database == null) return 2;
        dev.origin.store.Workspace ws = dev.origin.store.Workspace.of(database);
        if (ws.read(tx -> tx.parts().count()) == 0) {
            try {
                dev.origin.store.Sample.load(ws, java.time.LocalDate.now(), dev.origin.store.importer.Importer.Progress.NONE);
                err.println("origin: the workspace was empty: loaded the sample workspace (three goods; docs/workspace.md)");
            } catch (dev.origin.io.InputException e) {
                for (var p : e.problems()) err.println(p.format());
                return 2;
            }
        }
        OriginServer server = OriginServer.start(OriginServer.Settings.of(database).withHost(host).withPort(port).withMaxRequestBytes(maxRequest));
        if (server.accounts().count() == 0) {
            String password = dev.origin.server.Accounts.newPassword();
            server.accounts().add("admin", password, Access.ADMIN);
            err.println("origin: first run: created the user `admin` (role admin) with the password " + password);
            err.println("origin:   sign in and change it, or add your own users with `origin users add` (docs/web.md).");
        }
        err.println("origin: serving " + server.url() + " (workspace " + database.url() + "); Ctrl-C stops it");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
