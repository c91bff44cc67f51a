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
import org.postgresql.util.PSQLException;

/**
 * The engine's own users ({@code bigbox_access.users}), read and written by the auth service on the
 * engine's connections: signing in is the auth server's job, not a caller's query. The database
 * checks e-mail shape, app roles and that client users name their client.
 */
public final class UserStore {
    private static final String COLUMNS = """
            user_id, email, password_hash, app_role, client_id, totp_secret, totp_enabled, created_at, updated_at,
            last_sign_in_at""";
    private static final String INSERT = "insert into bigbox_access.users (email, password_hash, app_role, client_id) "
            + "values (?, ?, ?, ?) returning " + COLUMNS;
    private static final String BY_EMAIL = "select " + COLUMNS + " from bigbox_access.users where email = ?";
    private static final String BY_ID = "select " + COLUMNS + " from bigbox_access.users where user_id = ?";
    private static final String LIST =
            "select " + COLUMNS + " from bigbox_access.users order by created_at, user_id limit ? offset ?";
    private static final String UPDATE = """
            update bigbox_access.users
               set app_role = coalesce(?, app_role), client_id = case when ? then ? else client_id end,
                   password_hash = coalesce(?, password_hash), updated_at = now()
             where user_id = ? returning""" + " " + COLUMNS;
    private static final String DELETE = "delete from bigbox_access.users where user_id = ?";
    private static final String SIGNED_IN = "update bigbox_access.users set last_sign_in_at = now() where user_id = ?";
    private static final String PENDING_TOTP =
            "update bigbox_access.users set totp_secret = ?, totp_enabled = false, totp_last_step = null, updated_at = now() "
                    + "where user_id = ? and not totp_enabled";
    private static final String ENABLE_TOTP =
            "update bigbox_access.users set totp_enabled = true, totp_last_step = ?, updated_at = now() "
                    + "where user_id = ? and totp_secret is not null and not totp_enabled";
    private static final String DISABLE_TOTP =
            "update bigbox_access.users set totp_enabled = false, totp_secret = null, "
                    + "totp_last_step = null, updated_at = now() where user_id = ?";
    private static final String DROP_CODES = "delete from bigbox_access.recovery_codes where user_id = ?";
    private static final String ADD_CODE =
            "insert into bigbox_access.recovery_codes (user_id, code_hash) values (?, ?)";
    // A code's time step is accepted once: a code seen at sign-in cannot be replayed.
    private static final String ACCEPT_STEP = "update bigbox_access.users set totp_last_step = ? "
            + "where user_id = ? and totp_enabled and (totp_last_step is null or totp_last_step < ?)";
    private static final String USE_CODE = "update bigbox_access.recovery_codes set used_at = now() "
            + "where user_id = ? and code_hash = ? and used_at is null";
    private static final String CODES_LEFT =
            "select count(*) from bigbox_access.recovery_codes where user_id = ? and used_at is null";

    private final DataSource pool;

    public UserStore(DataSource pool) {
        this.pool = pool;
    }

    /** A user refused by the database: the e-mail is taken, or a value breaks a check. */
    public static final class UserRefusedException extends RuntimeException {
        private final String field;

        UserRefusedException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public StoredUser create(String email, String passwordHash, String appRole, String clientId) {
        return refusing(() -> one(INSERT, s -> {
                    s.setString(1, email);
                    s.setString(2, passwordHash);
                    s.setString(3, appRole);
                    s.setString(4, clientId);
                })
                .orElseThrow());
    }

    public Optional<StoredUser> byEmail(String email) {
        return one(BY_EMAIL, s -> s.setString(1, email));
    }

    public Optional<StoredUser> byId(UUID id) {
        return one(BY_ID, s -> s.setObject(1, id));
    }

    public List<StoredUser> list(int limit, int offset) {
        return query(LIST, s -> {
            s.setInt(1, limit);
            s.setInt(2, offset);
        });
    }

    /**
     * Changes what is given (null: unchanged). {@code setClientId} says whether {@code clientId} applies,
     * so that a client id can be cleared when a user stops being a client.
     */
    public Optional<StoredUser> update(
            UUID id, String appRole, boolean setClientId, String clientId, String passwordHash) {
        return refusing(() -> one(UPDATE, s -> {
            s.setString(1, appRole);
            s.setBoolean(2, setClientId);
            s.setString(3, clientId);
            s.setString(4, passwordHash);
            s.setObject(5, id);
        }));
    }

    public boolean delete(UUID id) {
        return update(DELETE, s -> s.setObject(1, id)) > 0;
    }

    public void signedIn(UUID id) {
        update(SIGNED_IN, s -> s.setObject(1, id));
    }

    /** Stores a new, not yet verified TOTP secret; false when a verified one is active. */
    public boolean setPendingTotp(UUID id, String secret) {
        return update(PENDING_TOTP, s -> {
                    s.setString(1, secret);
                    s.setObject(2, id);
                })
                > 0;
    }

    /** Turns the pending secret on, with fresh recovery codes (their hashes), in one transaction. */
    public boolean enableTotp(UUID id, long acceptedStep, List<String> recoveryCodeHashes) {
        return inTransaction(c -> {
            try (var enable = c.prepareStatement(ENABLE_TOTP)) {
                enable.setLong(1, acceptedStep);
                enable.setObject(2, id);
                if (enable.executeUpdate() == 0) {
                    return false;
                }
            }
            replaceCodes(c, id, recoveryCodeHashes);
            return true;
        });
    }

    public void disableTotp(UUID id) {
        inTransaction(c -> {
            try (var disable = c.prepareStatement(DISABLE_TOTP)) {
                disable.setObject(1, id);
                disable.executeUpdate();
            }
            replaceCodes(c, id, List.of());
            return null;
        });
    }

    /** Accepts a TOTP time step for sign-in once; false when it (or a later one) was used already. */
    public boolean acceptTotpStep(UUID id, long step) {
        return update(ACCEPT_STEP, s -> {
                    s.setLong(1, step);
                    s.setObject(2, id);
                    s.setLong(3, step);
                })
                > 0;
    }

    /** Uses a recovery code (by its hash) once; false when unknown or used. */
    public boolean useRecoveryCode(UUID id, String codeHash) {
        return update(USE_CODE, s -> {
                    s.setObject(1, id);
                    s.setString(2, codeHash);
                })
                > 0;
    }

    public int recoveryCodesLeft(UUID id) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(CODES_LEFT)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AccessStoreException("counting recovery codes failed", e);
        }
    }

    private static void replaceCodes(Connection c, UUID id, List<String> hashes) throws SQLException {
        try (var drop = c.prepareStatement(DROP_CODES)) {
            drop.setObject(1, id);
            drop.executeUpdate();
        }
        try (var add = c.prepareStatement(ADD_CODE)) {
            for (String hash : hashes) {
                add.setObject(1, id);
                add.setString(2, hash);
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    private <T> T refusing(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (AccessStoreException e) {
            if (e.getCause() instanceof PSQLException p && p.getServerErrorMessage() != null) {
                String constraint = String.valueOf(p.getServerErrorMessage().getConstraint());
                String message = p.getServerErrorMessage().getMessage();
                switch (String.valueOf(p.getSQLState())) {
                    case "23505" ->
                        throw new UserRefusedException("email", "a user with this email address already exists");
                    case "23514" -> throw new UserRefusedException(fieldOf(constraint), "is invalid: " + message);
                    default -> throw e;
                }
            }
            throw e;
        }
    }

    private static String fieldOf(String constraint) {
        if (constraint.contains("email")) {
            return "email";
        }
        if (constraint.contains("client")) {
            return "client_id";
        }
        if (constraint.contains("app_role")) {
            return "app_role";
        }
        return "user";
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Optional<StoredUser> one(String sql, Binder binder) {
        return query(sql, binder).stream().findFirst();
    }

    private List<StoredUser> query(String sql, Binder binder) {
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

    private int update(String sql, Binder binder) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new AccessStoreException("writing users failed: " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(Work<T> work) {
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
