package dev.origin.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers shared by the repositories: bound statements, row mapping, normalised amounts. */
final class Sql {
    private Sql() {}

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, args);
        return ps;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else if (a instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the workspace (" + firstWords(sql) + "): " + e.getMessage(), e);
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) {
        List<T> l = list(c, sql, row, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    static int update(Connection c, String sql, Object... args) {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the workspace (" + firstWords(sql) + "): " + e.getMessage(), e);
        }
    }

    static LocalDate date(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    /** A money amount at scale 2 (exact: amounts are stored with 2 decimals), or null. */
    static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A quantity or rate without trailing zeros (so that equal values compare equal), or null. */
    static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String firstWords(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
