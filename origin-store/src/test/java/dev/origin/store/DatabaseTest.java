package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void migratesAnEmbeddedH2Database() throws Exception {
        Database db = Database.open("jdbc:h2:mem:dbtest;DB_CLOSE_DELAY=-1");
        assertThat(createdBy(db)).isEqualTo("origin");
    }

    @Test
    void migratesARealPostgresServer() throws Exception {
        assumeTrue(LocalPostgres.unavailableReason().isEmpty(),
                () -> "skipped: " + LocalPostgres.unavailableReason().get());
        try (LocalPostgres pg = LocalPostgres.start()) {
            Database db = Database.open(pg.jdbcUrl());
            assertThat(createdBy(db)).isEqualTo("origin");
            // opening again is a no-op migration
            assertThat(createdBy(Database.open(pg.jdbcUrl()))).isEqualTo("origin");
        }
    }

    private static String createdBy(Database db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT info_value FROM workspace_info WHERE info_key = 'created_by'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
