package dev.origin.cli;

import dev.origin.server.Access;
import dev.origin.server.Accounts;
import dev.origin.server.ApiException;
import dev.origin.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code origin users}: the users of {@code origin serve} (add, list) and their API tokens. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Users of the web UI and REST API: add, list, issue, list and revoke API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Token.class})
final class UsersCommand implements Runnable {
    @Option(names = "--db", paramLabel = "URL", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Workspace database: a JDBC URL, or the path of an embedded file (default: $ORIGIN_DB, else ~/.origin/workspace).")
    String db;

    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the workspace (migrating it); null after printing why it cannot be opened. */
    static Database open(String url, PrintWriter err) {
        String u = WorkspaceOption.resolve(url);
        // an in-memory H2 database would vanish between Flyway's connection and the server's: keep it for the process
        if (u.startsWith("jdbc:h2:mem:") && !u.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_DELAY")) u += ";DB_CLOSE_DELAY=-1";
        try {
            if (u.startsWith("jdbc:h2:file:")) java.nio.file.Files.createDirectories(java.nio.file.Path.of(u.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath().getParent());
            Database db = Database.open(u);
            WorkspaceOption.recovered(dev.origin.store.Workspace.of(db), err);
            return db;
        } catch (RuntimeException | IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            err.println("--db: CANNOT_OPEN_DB: The workspace database `" + u + "` cannot be opened: " + reason + ".");
            return null;
        }
    }

    static Accounts accounts(Database db) {
        com.zaxxer.hikari.HikariConfig c = new com.zaxxer.hikari.HikariConfig();
        c.setJdbcUrl(db.url());
        c.setMaximumPoolSize(1);
        return new Accounts(new com.zaxxer.hikari.HikariDataSource(c));
    }

    static int fail(PrintWriter err, ApiException e) {
        for (var p : e.problems()) err.println((p.path() == null || p.path().isEmpty() ? "users" : p.path()) + ": " + p.code() + ": " + p.message());
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user. The password is read from the terminal (twice), or from the first line of standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: 1 to 64 letters, digits, ., _, - or @.") String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, analyst or admin.") String role;
        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Access a = Access.role(role);
            if (a == null) {
                err.println("--role: BAD_VALUE: `" + role + "` is not one of viewer, analyst or admin.");
                return 2;
            }
            String password;
            java.io.Console console = System.console();
            if (console != null) {
                char[] p1 = console.readPassword("Password for %s (at least %d characters): ", name, Accounts.MIN_PASSWORD);
                char[] p2 = console.readPassword("Again: ");
                if (p1 == null || p2 == null || !java.util.Arrays.equals(p1, p2)) {
                    err.println("password: PASSWORDS_DIFFER: " + dev.origin.core.engine.ErrorCode.PASSWORDS_DIFFER.message());
                    return 2;
                }
                password = new String(p1);
            } else {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            Database db = open(parent.db, err);
            if (db == null) return 2;
            try {
                Accounts.User u = accounts(db).add(name, password, a);
                spec.commandLine().getOut().println("added " + u.name() + " (" + u.role().label() + ")");
                return 0;
            } catch (ApiException e) {
                return fail(err, e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            Database db = open(parent.db, spec.commandLine().getErr());
            if (db == null) return 2;
            Accounts a = accounts(db);
            for (int off = 0; ; off += 100) {
                var page = a.users(off, 100);
                for (Accounts.User u : page) spec.commandLine().getOut().println(u.name() + "\t" + u.role().label() + (u.disabled() ? "\tdisabled" : ""));
                if (page.size() < 100) break;
            }
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Issue an API token for a user (prints the secret once), list the user's tokens, or revoke one.")
    static final class Token implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Parameters(index = "0", paramLabel = "NAME", description = "The user.") String name;
        @Option(names = "--name", paramLabel = "LABEL", description = "Issue a token: what it is for, e.g. erp-sync.") String label;
        @Option(names = "--list", description = "List the user's tokens: id, label, created, last used, revoked.") boolean list;
        @Option(names = "--revoke", paramLabel = "ID", description = "Revoke the user's token ID (an id from --list): refused at once.") Long revoke;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            int chosen = (label != null ? 1 : 0) + (list ? 1 : 0) + (revoke != null ? 1 : 0);
            if (chosen != 1) {
                String given = chosen == 0 ? "no option" : String.join(" and ", java.util.stream.Stream.of(label != null ? "--name" : null,
                        list ? "--list" : null, revoke != null ? "--revoke" : null).filter(java.util.Objects::nonNull).toList());
                err.println("token: BAD_VALUE: " + dev.origin.core.engine.ErrorCode.BAD_VALUE.message(given, "exactly one of --name LABEL, --list, --revoke ID"));
                return 2;
            }
            Database db = open(parent.db, err);
            if (db == null) return 2;
            Accounts a = accounts(db);
            Accounts.User u = a.find(name);
            if (u == null) {
                err.println("NAME: NOT_FOUND: There is no user `" + name + "`.");
                return 2;
            }
            try {
                PrintWriter out = spec.commandLine().getOut();
                if (list) {
                    for (int off = 0; ; off += 100) {
                        var page = a.tokens(u, off, 100);
                        for (Accounts.Token t : page) {
                            out.println(t.id() + "\t" + t.name() + "\t" + t.created() + "\t" + (t.lastUsed() == null ? "never used" : t.lastUsed())
                                    + (t.revoked() ? "\trevoked" : ""));
                        }
                        if (page.size() < 100) break;
                    }
                } else if (revoke != null) {
                    if (!a.revoke(revoke, u)) {
                        err.println("--revoke: NOT_FOUND: " + dev.origin.core.engine.ErrorCode.NOT_FOUND.message("token of " + name, revoke));
                        return 2;
                    }
                    out.println("revoked token " + revoke + " of " + name);
                } else {
                    out.println(a.issueToken(u, label));
                }
                return 0;
            } catch (ApiException e) {
                return fail(err, e);
            }
        }
    }
}
