package dev.origin.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The databases the workspace tests run on: an in-memory H2 database, and a fresh database on one throwaway
 * PostgreSQL cluster per test run (started on first use, stopped at exit). PostgreSQL tests are skipped with the
 * reason when the server binaries are missing.
 */
final class TestDatabases {
    private static final AtomicInteger N = new AtomicInteger();
    private static LocalPostgres pg;

    private TestDatabases() {}

    /** The kinds, as parameters of {@code @ParameterizedTest @MethodSource("dev.origin.store.TestDatabases#kinds")}. */
    static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    /** A fresh, empty database of {@code kind}: its JDBC URL. */
    static String fresh(String kind) {
        int n = N.incrementAndGet();
        if (kind.equals("h2")) {
            return "jdbc:h2:mem:ws" + n + ";DB_CLOSE_DELAY=-1";
        }
        Assumptions.assumeTrue(LocalPostgres.unavailableReason().isEmpty(), () -> "skipped: " + LocalPostgres.unavailableReason().get());
        LocalPostgres server = server();
        String name = "ws" + n;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name + "?user=origin";
    }

    static synchronized LocalPostgres server() {
        if (pg == null) {
            pg = LocalPostgres.start();
            LocalPostgres started = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return pg;
    }

    /**
     * A new database holding a copy of {@code template}'s (an H2 file database, closed, or a PostgreSQL database of the
     * test cluster with no open connection): the file copied beside it, or {@code CREATE DATABASE ... TEMPLATE}. Kill
     * trials start from a prepared workspace this way in milliseconds instead of preparing it again.
     */
    static String copyOf(String template, String name) {
        try {
            if (template.startsWith("jdbc:h2:file:")) {
                java.nio.file.Path from = H2Repair.file(template).orElseThrow();
                java.nio.file.Path to = from.resolveSibling(name + ".mv.db");
                java.nio.file.Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                String options = template.contains(";") ? template.substring(template.indexOf(';')) : "";
                return "jdbc:h2:file:" + from.resolveSibling(name) + options;
            }
            String db = template.substring(template.lastIndexOf('/') + 1, template.indexOf('?'));
            try (Connection c = DriverManager.getConnection(server().jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE " + db);
            }
            return template.replace("/" + db + "?", "/" + name + "?");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> all() {
        return new ArrayList<>(kinds().toList());
    }
}
