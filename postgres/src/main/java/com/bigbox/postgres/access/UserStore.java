package com.bigbox.postgres.access;

import com.bigbox.postgres.SqlResource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * The engine's own users ({@code bigbox_access.users}), read and written by the auth service on the
 * engine's connections: signing in is the auth server's job, not a caller's query. The database
 * checks e-mail shape, app roles and that client users name their client. Their second factors are
 * {@link #secondFactors()}.
 */
public final class UserStore {
    private static final String INSERT = SqlResource.load(UserStore.class, "user_insert");
    private static final String BY_EMAIL = SqlResource.load(UserStore.class, "user_by_email");
    private static final String BY_ID = SqlResource.load(UserStore.class, "user_by_id");
    private static final String LIST = SqlResource.load(UserStore.class, "user_list");
    private static final String UPDATE = SqlResource.load(UserStore.class, "user_update");
    private static final String DELETE = SqlResource.load(UserStore.class, "user_delete");
    private static final String SIGNED_IN = SqlResource.load(UserStore.class, "user_signed_in");

    private final UserRows rows;
    private final SecondFactorStore secondFactors;

    public UserStore(DataSource pool) {
        this.rows = new UserRows(pool);
        this.secondFactors = new SecondFactorStore(pool);
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

    /** The users' TOTP factors and recovery codes, on the same pool. */
    public SecondFactorStore secondFactors() {
        return secondFactors;
    }

    public StoredUser create(String email, String passwordHash, String appRole, String clientId) {
        return refusing(() -> rows.one(INSERT, s -> {
                    s.setString(1, email);
                    s.setString(2, passwordHash);
                    s.setString(3, appRole);
                    s.setString(4, clientId);
                })
                .orElseThrow());
    }

    public Optional<StoredUser> byEmail(String email) {
        return rows.one(BY_EMAIL, s -> s.setString(1, email));
    }

    public Optional<StoredUser> byId(UUID id) {
        return rows.one(BY_ID, s -> s.setObject(1, id));
    }

    public List<StoredUser> list(int limit, int offset) {
        return rows.query(LIST, s -> {
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
        return refusing(() -> rows.one(UPDATE, s -> {
            s.setString(1, appRole);
            s.setBoolean(2, setClientId);
            s.setString(3, clientId);
            s.setString(4, passwordHash);
            s.setObject(5, id);
        }));
    }

    public boolean delete(UUID id) {
        return rows.update(DELETE, s -> s.setObject(1, id)) > 0;
    }

    public void signedIn(UUID id) {
        rows.update(SIGNED_IN, s -> s.setObject(1, id));
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
}
