package dev.origin.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workspace's integrity check ({@code origin db check}), run after a crash or before an audit: every table of the
 * schema is read in full, no primary key is duplicated, every foreign key finds its row, and the determinations
 * ledger's hash chain verifies from the first entry to the head. The check reads only; it never repairs.
 *
 * <p>The constraints are read from the database's own metadata (JDBC {@link DatabaseMetaData}), so a table or key
 * added by a later migration is checked without changing this class. The engines enforce these constraints on every
 * write; the check exists for what a write cannot guarantee: a storage file damaged by a crash, a disk or a copy.
 */
public final class Integrity {
    /** What the check found: the figures it read and its problems (none when the workspace is sound). */
    public record Report(int tables, long rows, int foreignKeys, long ledgerEntries, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** One line: the figures, then {@code ok} or the number of problems. */
        public String summary() {
            return tables + " tables, " + rows + " rows, " + foreignKeys + " foreign keys, ledger of " + ledgerEntries + (ledgerEntries == 1 ? " entry: " : " entries: ")
                    + (ok() ? "ok" : problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        }
    }

    private Integrity() {}

    /** Checks the workspace in one read transaction. */
    public static Report check(Workspace ws) {
        return ws.read(Integrity::check);
    }

    static Report check(Tx tx) {
        Connection c = tx.connection();
        List<String> problems = new ArrayList<>();
        long rows = 0;
        int fks = 0;
        try {
            DatabaseMetaData meta = c.getMetaData();
            boolean postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            String schema = postgres ? "public" : "PUBLIC";
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            tables.sort(null);
            for (String t : tables) {
                rows += scan(c, t, problems);
                List<String> pk = primaryKey(meta, schema, t);
                if (!pk.isEmpty()) {
                    long dup = count(c, "SELECT COUNT(*) FROM (SELECT " + columns(pk) + " FROM " + quote(t) + " GROUP BY " + columns(pk)
                            + " HAVING COUNT(*) > 1) d");
                    if (dup > 0) {
                        problems.add("table " + t + ": " + dup + " primary key value(s) held by more than one row");
                    }
                }
                for (Map.Entry<String, ForeignKey> e : foreignKeys(meta, schema, t).entrySet()) {
                    fks++;
                    ForeignKey fk = e.getValue();
                    StringBuilder match = new StringBuilder();
                    StringBuilder present = new StringBuilder();
                    for (int i = 0; i < fk.columns.size(); i++) {
                        if (i > 0) {
                            match.append(" AND ");
                            present.append(" AND ");
                        }
                        match.append("p.").append(quote(fk.parentColumns.get(i))).append(" = c.").append(quote(fk.columns.get(i)));
                        present.append("c.").append(quote(fk.columns.get(i))).append(" IS NOT NULL");
                    }
                    long orphans = count(c, "SELECT COUNT(*) FROM " + quote(t) + " c WHERE " + present + " AND NOT EXISTS (SELECT 1 FROM "
                            + quote(fk.parent) + " p WHERE " + match + ")");
                    if (orphans > 0) {
                        problems.add("table " + t + ": " + orphans + " row(s) whose " + String.join(", ", fk.columns) + " name no row of "
                                + fk.parent + " (" + e.getKey() + ")");
                    }
                }
            }
            long ledger = tx.ledger().size();
            problems.addAll(tx.ledger().verify().stream().map(p -> "ledger: " + p).toList());
            return new Report(tables.size(), rows, fks, ledger, problems);
        } catch (SQLException | RuntimeException e) {
            // a store too damaged to be read at all: the check reports it instead of failing
            problems.add("cannot read the workspace: " + e.getMessage());
            return new Report(0, rows, fks, 0, problems);
        }
    }

    /** Reads every row and column of a table (a damaged page fails here), returns the row count. */
    private static long scan(Connection c, String table, List<String> problems) {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table))) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    rs.getObject(i);
                }
                n++;
            }
        } catch (SQLException e) {
            problems.add("table " + table + ": cannot be read in full after " + n + " rows: " + e.getMessage());
        }
        return n;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, String> cols = new java.util.TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(cols.values());
    }

    private record ForeignKey(String parent, List<String> columns, List<String> parentColumns) {}

    private static Map<String, ForeignKey> foreignKeys(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<String, ForeignKey> out = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
                ForeignKey fk = out.computeIfAbsent(name, k -> {
                    try {
                        return new ForeignKey(rs.getString("PKTABLE_NAME"), new ArrayList<>(), new ArrayList<>());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                fk.columns.add(rs.getString("FKCOLUMN_NAME"));
                fk.parentColumns.add(rs.getString("PKCOLUMN_NAME"));
            }
        }
        return out;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String columns(List<String> cols) {
        return String.join(", ", cols.stream().map(Integrity::quote).toList());
    }

    /** Identifiers come from the database's own metadata; quoted so that their case is kept. */
    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
