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

    static List<String> all() {
        return new ArrayList<>(kinds().toList());
    }
}
