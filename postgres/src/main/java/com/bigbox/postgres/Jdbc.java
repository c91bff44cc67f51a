package com.bigbox.postgres;

import com.bigbox.core.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The small JDBC helper of the feature adapters: statements on the unit of work's connection. */
public final class Jdbc {
    private static final String ACT_AS = SqlResource.load(Jdbc.class, "act_as");

    private Jdbc() {}

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static Connection connection(UnitOfWork work) {
        return work.unwrap(Connection.class);
    }

    public static <T> List<T> list(UnitOfWork work, String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement statement = connection(work).prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public static <T> Optional<T> one(UnitOfWork work, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(work, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public static int update(UnitOfWork work, String sql, Binder binder) {
        try (PreparedStatement statement = connection(work).prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Rows as column name to value, for read models served as they are stored (the seed's tables): JSON
     * columns become trees, timestamps instants, arrays lists.
     */
    public static List<java.util.Map<String, Object>> maps(UnitOfWork work, String sql, Binder binder) {
        return list(work, sql, binder, rs -> {
            var meta = rs.getMetaData();
            var row = new java.util.LinkedHashMap<String, Object>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), value(rs.getObject(i)));
            }
            return row;
        });
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof org.postgresql.util.PGobject pg
                && pg.getType() != null
                && pg.getType().startsWith("json")) {
            return pg.getValue() == null ? null : com.bigbox.autonomic.events.EventCodec.tree(pg.getValue());
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.sql.Array a) {
            return java.util.Arrays.asList((Object[]) a.getArray());
        }
        return v;
    }

    /** Names the person behind the transaction's next changes, for the audit triggers. */
    public static void actAs(UnitOfWork work, String actor) {
        try (PreparedStatement statement = connection(work).prepareStatement(ACT_AS)) {
            statement.setString(1, actor);
            statement.execute();
        } catch (SQLException e) {
            throw failure("set_config bigbox.actor", e);
        }
    }

    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static RuntimeException failure(String sql, SQLException e) {
        String first = sql.strip().lines().findFirst().orElse(sql);
        return new EventStoreException("statement failed (" + first + "...): " + PgErrors.serverMessage(e), e);
    }
}
