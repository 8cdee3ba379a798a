package dev.origin.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1, made with the machine's {@code initdb} and {@code pg_ctl}
 * (Debian's {@code postgresql} package) in a temporary folder and removed on {@link #close()}.
 *
 * <p>Used by the tests that must run against a real server and by {@code origin bench} for its SQL
 * baseline. When running as root, the server runs as the {@code postgres} user (PostgreSQL refuses root).
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path dir, int port, boolean asPostgresUser) {
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Why a server cannot be started here, or empty when it can (initdb and pg_ctl were found). */
    public static Optional<String> unavailableReason() {
        if (binary("initdb").isEmpty() || binary("pg_ctl").isEmpty()) {
            return Optional.of("PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql package");
        }
        return Optional.empty();
    }

    /** Starts a fresh cluster; throws {@link IllegalStateException} with the server's words if it cannot. */
    public static LocalPostgres start() {
        unavailableReason().ifPresent(r -> {
            throw new IllegalStateException(r);
        });
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("origin-pg-");
            if (root) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            LocalPostgres pg = new LocalPostgres(dir, port, root);
            Path data = dir.resolve("data");
            pg.run(List.of(binary("initdb").get().toString(), "-D", data.toString(), "-A", "trust", "-U", "origin",
                    "-E", "UTF8", "--no-sync", "--locale=C"));
            pg.run(List.of(binary("pg_ctl").get().toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-t", "30", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off",
                    "start"));
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the {@code postgres} database (user {@code origin}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=origin";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            run(List.of(binary("pg_ctl").get().toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (RuntimeException e) {
            // already gone: nothing to stop
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private void run(List<String> command) {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL command failed: " + String.join(" ", command) + ": " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static Optional<Path> binary(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                return versions.sorted(Comparator.reverseOrder())
                        .map(v -> v.resolve("bin").resolve(name))
                        .filter(Files::isExecutable)
                        .findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
