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
        String vendor = vendor(url);
        Database db = new Database(url, user, password);
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load()
                .migrate();
        return db;
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
