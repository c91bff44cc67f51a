package com.bigbox.postgres.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The JDBC of {@link UserStore} and {@link SecondFactorStore}: each call on its own connection of the engine's pool
 * (signing in is the auth server's job, not a caller's query), a few in one transaction, and a user row mapped to a
 * {@link StoredUser}.
 */
final class UserRows {
    private final DataSource pool;

    UserRows(DataSource pool) {
        this.pool = pool;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    Optional<StoredUser> one(String sql, Binder binder) {
        return query(sql, binder).stream().findFirst();
    }

    List<StoredUser> query(String sql, Binder binder) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                var users = new ArrayList<StoredUser>();
                while (rs.next()) {
                    users.add(map(rs));
                }
                return users;
            }
        } catch (SQLException e) {
            throw new AccessStoreException("reading or writing users failed: " + e.getMessage(), e);
        }
    }

    int count(String sql, Binder binder, String what) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AccessStoreException(what + " failed", e);
        }
    }

    int update(String sql, Binder binder) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new AccessStoreException("writing users failed: " + e.getMessage(), e);
        }
    }

    <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AccessStoreException("writing users failed: " + e.getMessage(), e);
        }
    }

    private static StoredUser map(ResultSet rs) throws SQLException {
        return new StoredUser(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                instant(rs.getTimestamp(8)),
                instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
