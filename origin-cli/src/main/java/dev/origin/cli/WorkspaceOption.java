package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Problem;
import dev.origin.store.Database;
import dev.origin.store.Workspace;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --db URL}, taken by every workspace command (docs/workspace.md, "Where it lives"). */
final class WorkspaceOption {
    @Option(names = "--db", paramLabel = "URL",
            description = "Workspace database: a JDBC URL, or the path of an embedded file (default: $ORIGIN_DB, else ~/.origin/workspace).")
    String url;

    /** The JDBC URL: {@code --db} (a path means an embedded H2 file there), else the default. */
    String url() {
        return resolve(url);
    }

    /**
     * What a {@code --db} value means, the same for every command that takes one (docs/workspace.md, "Where it lives"):
     * nothing gives the default ({@code $ORIGIN_DB}, else {@code ~/.origin/workspace}); a JDBC URL is taken as it is;
     * anything else is the path of an embedded H2 file.
     */
    static String resolve(String given) {
        if (given == null) return Database.defaultUrl();
        if (given.startsWith("jdbc:")) return given;
        return "jdbc:h2:file:" + java.nio.file.Path.of(given).toAbsolutePath().normalize();
    }

    /** The workspace, opened and migrated; null after printing a {@code CANNOT_OPEN_DB} problem. */
    Workspace open(PrintWriter err) {
        String u = url();
        try {
            return recovered(Workspace.open(u), err);
        } catch (RuntimeException e) {
            Inputs.report(err, List.of(Problem.of("--db", 0, 0, "", ErrorCode.CANNOT_OPEN_DB, shown(u), reason(e))));
            return null;
        }
    }

    /** Says on stderr when the embedded file had to be recovered from a crash as it was opened (Database.recovery). */
    static Workspace recovered(Workspace ws, PrintWriter err) {
        ws.database().recovery().ifPresent(note -> {
            err.println("warning: " + note);
            err.flush();
        });
        return ws;
    }

    /** The URL without its password. */
    static String shown(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Why a database cannot be opened, in words (no Java or driver internals). */
    static String reason(Throwable e) {
        String all = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            all += " " + t.getMessage();
        }
        String lower = all.toLowerCase(java.util.Locale.ROOT);
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().startsWith("the workspace file ")) {
            return e.getMessage();
        }
        if (e instanceof IllegalArgumentException || lower.contains("no suitable driver")) {
            return "it is not an H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://...) JDBC URL";
        }
        if (lower.contains("already in use") || lower.contains("locked by another process")) {
            return "another process has it open (the embedded file takes one process at a time; use PostgreSQL for teams)";
        }
        if (lower.contains("connection refused") || lower.contains("connection to") || lower.contains("connect")) {
            return "no database server answers at that address";
        }
        if (lower.contains("password") || lower.contains("authentication")) {
            return "the user name or password was refused";
        }
        if (lower.contains("does not exist")) {
            return "the database does not exist on that server";
        }
        if (lower.contains("read only") || lower.contains("readonly") || lower.contains("permission denied") || lower.contains("access denied")) {
            return "it cannot be written here";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return "the database refused it (SQL state " + s.getSQLState() + ")";
            }
        }
        return "the database could not be opened or migrated";
    }
}
