package com.bigbox.postgres.access;

import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Refresh tokens, kept as hashes. Each is used once: a refresh revokes it and stores its successor in
 * the same session. Presenting a revoked token again means it leaked, so the whole session ends.
 */
public final class RefreshTokenStore {
    private static final String ISSUE = SqlResource.load(RefreshTokenStore.class, "refresh_token_issue");
    private static final String CLAIM = SqlResource.load(RefreshTokenStore.class, "refresh_token_claim");
    private static final String REVOKE = SqlResource.load(RefreshTokenStore.class, "refresh_token_revoke");
    private static final String REVOKE_SESSION =
            SqlResource.load(RefreshTokenStore.class, "refresh_tokens_revoke_session");
    private static final String REVOKE_USER = SqlResource.load(RefreshTokenStore.class, "refresh_tokens_revoke_user");
    private static final String SESSION_ACTIVE = SqlResource.load(RefreshTokenStore.class, "refresh_session_active");

    private final DataSource pool;

    public RefreshTokenStore(DataSource pool) {
        this.pool = pool;
    }

    /** What presenting a refresh token led to. */
    public sealed interface Rotation {
        record Rotated(UUID userId, UUID sessionId) implements Rotation {}

        record Unknown() implements Rotation {}

        record Expired() implements Rotation {}

        /** The token had been used already while its session went on: its session is revoked. */
        record Reused(UUID sessionId) implements Rotation {}

        /** The token's session had ended (signed out): nothing to rotate, nothing suspicious. */
        record SessionEnded(UUID sessionId) implements Rotation {}
    }

    public void issue(String tokenHash, UUID userId, UUID sessionId, Instant expiresAt) {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(ISSUE)) {
            s.setString(1, tokenHash);
            s.setObject(2, userId);
            s.setObject(3, sessionId);
            s.setTimestamp(4, Timestamp.from(expiresAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new AccessStoreException("storing a refresh token failed: " + e.getMessage(), e);
        }
    }

    /** Uses {@code tokenHash} once, storing {@code nextHash} as its successor when it was valid. */
    public Rotation rotate(String tokenHash, String nextHash, Instant nextExpiresAt) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Rotation rotation = rotate(c, tokenHash, nextHash, nextExpiresAt);
                c.commit();
                return rotation;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AccessStoreException("refreshing a session failed: " + e.getMessage(), e);
        }
    }

    private static Rotation rotate(Connection c, String tokenHash, String nextHash, Instant nextExpiresAt)
            throws SQLException {
        UUID userId;
        UUID sessionId;
        try (var claim = c.prepareStatement(CLAIM)) {
            claim.setString(1, tokenHash);
            try (var rs = claim.executeQuery()) {
                if (!rs.next()) {
                    return new Rotation.Unknown();
                }
                userId = rs.getObject(1, UUID.class);
                sessionId = rs.getObject(2, UUID.class);
                if (rs.getTimestamp(4) != null) {
                    if (!sessionActive(c, sessionId)) {
                        return new Rotation.SessionEnded(sessionId);
                    }
                    try (var revoke = c.prepareStatement(REVOKE_SESSION)) {
                        revoke.setObject(1, sessionId);
                        revoke.executeUpdate();
                    }
                    return new Rotation.Reused(sessionId);
                }
                if (!rs.getTimestamp(3).toInstant().isAfter(Instant.now())) {
                    return new Rotation.Expired();
                }
            }
        }
        try (var revoke = c.prepareStatement(REVOKE)) {
            revoke.setString(1, tokenHash);
            revoke.executeUpdate();
        }
        try (var issue = c.prepareStatement(ISSUE)) {
            issue.setString(1, nextHash);
            issue.setObject(2, userId);
            issue.setObject(3, sessionId);
            issue.setTimestamp(4, Timestamp.from(nextExpiresAt));
            issue.executeUpdate();
        }
        return new Rotation.Rotated(userId, sessionId);
    }

    private static boolean sessionActive(Connection c, UUID sessionId) throws SQLException {
        try (var s = c.prepareStatement(SESSION_ACTIVE)) {
            s.setObject(1, sessionId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public void revokeSession(UUID sessionId) {
        execute(REVOKE_SESSION, sessionId);
    }

    public void revokeUser(UUID userId) {
        execute(REVOKE_USER, userId);
    }

    /** Whether the session still has a usable refresh token (a logged-out session has none). */
    public boolean sessionActive(UUID sessionId) {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(SESSION_ACTIVE)) {
            s.setObject(1, sessionId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new AccessStoreException("reading a session failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql, UUID id) {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new AccessStoreException("revoking refresh tokens failed: " + e.getMessage(), e);
        }
    }
}
