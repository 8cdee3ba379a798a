package dev.origin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;

/**
 * Where the workspace lives: a JDBC URL (embedded H2 file by default, PostgreSQL for teams), migrated
 * to the current schema by Flyway on open.
 *
 * <p>The default file is {@code ~/.origin/workspace} (H2 adds {@code .mv.db}); the environment variable
 * {@code ORIGIN_DB} or the {@code --db} option of every workspace command overrides it.
 *
 * <p>Migrations: {@code classpath:db/migration} (shared by every database; V1-V19 the workspace core, V20-V39
 * workflows, V40-V59 server) and {@code classpath:db/vendor/h2} or {@code .../postgresql} for what differs
 * between the two (the ledger's append-only triggers).
 */
public final class Database {
    /** Flyway reports every migration at INFO through java.util.logging; kept here so the level holds. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final String url;
    private final String user;
    private final String password;
    private String recovery;

    private Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The default embedded file database, {@code ~/.origin/workspace}. */
    public static String defaultUrl() {
        String env = System.getenv("ORIGIN_DB");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path file = Path.of(System.getProperty("user.home"), ".origin", "workspace");
        return "jdbc:h2:file:" + file.toAbsolutePath();
    }

    /** Opens (creating if needed) and migrates the database at {@code url}; user and password may be null. */
    public static Database open(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:mem:") && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_DELAY")) {
            // every transaction has its own connection: keep an in-memory database until the process ends
            url = url + ";DB_CLOSE_DELAY=-1";
        }
        url = durable(url);
        String vendor = vendor(url);
        Database db = new Database(url, user, password);
        try {
            migrate(url, user, password, vendor);
        } catch (RuntimeException e) {
            // an embedded file damaged by a crash: resume from its newest sound version (H2Repair), then migrate again
            java.util.Optional<Path> file = H2Repair.file(url);
            if (file.isEmpty() || !java.nio.file.Files.exists(file.get()) || !H2Repair.damaged(e)) {
                throw e;
            }
            db.recovery = H2Repair.repair(file.get(), e);
            migrate(url, user, password, vendor);
        }
        return db;
    }

    /**
     * An embedded H2 file writes each transaction at its commit ({@code WRITE_DELAY=0}) unless the URL says otherwise.
     * With H2's default (500 ms) a background thread writes the store twice a second: a commit returns before it is in
     * the file (a kill just after it loses it), and open transactions' uncommitted rows are written too (a 3,000-row
     * import had 0.5 MB of its rows in the file before it committed; after one kill in {@code CrashTest} H2 showed 839
     * of those 3,000 lines). With writes at commit an open transaction writes nothing to the file (below H2's cache
     * size, tens of MB of changes), so a kill leaves the version before it or after it. {@code H2DurabilityTest}
     * checks both on the file itself. Background compaction is off too ({@code AUTO_COMPACT_FILL_RATE=0}, see below).
     */
    static String durable(String url) {
        if (H2Repair.file(url).isEmpty()) return url;
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        String out = url;
        if (!upper.contains("WRITE_DELAY")) out += ";WRITE_DELAY=0";
        // No compaction in the background while the file is open (H2 compacts it when it closes). With it, kills of
        // CrashTest's certification loop found reopened files that had lost printed commits (twice in about 170
        // kills, and one held two commits more than printed; a file kept had a chunk fill rate of 24 %, so the background
        // compaction was rewriting chunks);
        // without it, 700 kills of the same loop lost nothing (docs/RELIABILITY.md).
        if (!upper.contains("AUTO_COMPACT_FILL_RATE")) out += ";AUTO_COMPACT_FILL_RATE=0";
        return out;
    }

    private static void migrate(String url, String user, String password, String vendor) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load()
                .migrate();
    }

    /**
     * How the embedded file was recovered when it was opened, if it had to be: a damaged file (an interrupted write)
     * is rolled back to its newest version that reads in full, the damaged one kept beside it. Commands print this.
     */
    public java.util.Optional<String> recovery() {
        return java.util.Optional.ofNullable(recovery);
    }

    /** Opens and migrates the database at {@code url}. */
    public static Database open(String url) {
        return open(url, null, null);
    }

    /** {@code h2} or {@code postgresql}, from the JDBC URL. */
    static String vendor(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + url);
    }

    public String url() {
        return url;
    }

    /** True for PostgreSQL, false for H2. */
    public boolean isPostgres() {
        return vendor(url).equals("postgresql");
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c = DriverManager.getConnection(url, props);
        if (!isPostgres()) {
            // concurrent writers queue on the ledger head: wait for it as PostgreSQL does, rather than H2's default 1 s
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MS);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** How long an H2 connection waits for a row another transaction holds (the ledger head). */
    static final int LOCK_TIMEOUT_MS = 60_000;
}
