package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file is written at commit, never while a transaction is open (Database.durable): a kill then finds the
 * version before the transaction or the one after it, and a commit that returned is in the file (with H2's default
 * 500 ms write delay, five small commits in a row left the file unchanged when each returned). With H2's default write delay the same transaction's rows reach
 * the file before it commits, which the second case shows (so the first can fail).
 */
class H2DurabilityTest {
    @TempDir Path dir;

    @Test
    void anOpenTransactionWritesNothingToTheFileUntilItCommits() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        Database db = Database.open(url);
        assertThat(db.url()).contains(";WRITE_DELAY=0", ";AUTO_COMPACT_FILL_RATE=0");
        long[] sizes = growth(db, dir.resolve("ws.mv.db"), 1_500);
        assertThat(sizes[1]).as("file size while the transaction is open").isEqualTo(sizes[0]);
        assertThat(sizes[2]).as("file size after the commit").isGreaterThan(sizes[0]);
    }

    @Test
    void eachCommitReachesTheFileBeforeItReturns() throws Exception {
        Path file = dir.resolve("small.mv.db");
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("small").toAbsolutePath());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tiny (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            for (int i = 0; i < 5; i++) {
                long before = Files.size(file);
                s.execute("INSERT INTO tiny VALUES (" + i + ")");
                c.commit();
                // with H2's default write delay the file would not change here: a kill after the commit returned lost it
                assertThat(Files.size(file)).as("file size when commit " + i + " returns").isGreaterThan(before);
            }
        }
    }

    @Test
    void withH2sDefaultWriteDelayTheOpenTransactionsRowsReachTheFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("default").toAbsolutePath() + ";WRITE_DELAY=500";
        long[] sizes = growth(Database.open(url), dir.resolve("default.mv.db"), 20_000);
        assertThat(sizes[1]).as("file size while the transaction is open").isGreaterThan(sizes[0]);
    }

    /**
     * File sizes before, during (5,000 uncommitted rows, then up to {@code watchMillis} or until the file grows; 1.5 s
     * is three of H2's default write intervals) and after the commit.
     */
    private static long[] growth(Database db, Path file, long watchMillis) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE spill (id INT PRIMARY KEY, v VARCHAR(200))");
            c.setAutoCommit(false);
            Thread.sleep(600);
            long before = Files.size(file);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO spill VALUES (?, ?)")) {
                for (int i = 0; i < 5_000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i + " of an import that is not committed yet".repeat(2));
                    ps.executeUpdate();
                }
            }
            long during = Files.size(file);
            for (long end = System.currentTimeMillis() + watchMillis; during == before && System.currentTimeMillis() < end; ) {
                Thread.sleep(50);
                during = Files.size(file);
            }
            c.commit();
            long after = Files.size(file);
            return new long[] {before, during, after};
        }
    }
}
