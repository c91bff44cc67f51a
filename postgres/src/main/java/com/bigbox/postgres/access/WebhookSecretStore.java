package com.bigbox.postgres.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The lead webhook's signing secrets, shared by every instance through the database. The two newest
 * unretired secrets are active, so rotating adds a new one while senders still holding the previous
 * one keep working; the one before that is retired.
 */
public final class WebhookSecretStore {
    public static final int ACTIVE = 2;

    private static final String ACTIVE_SECRETS = "select secret from bigbox_access.webhook_secrets "
            + "where retired_at is null order by secret_id desc limit " + ACTIVE;
    // Rotations from two instances at once queue on this lock instead of retiring each other's secret.
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('bigbox.webhook_secrets'))";
    private static final String ADD = "insert into bigbox_access.webhook_secrets (secret) values (?)";
    private static final String RETIRE_OLDER = """
            update bigbox_access.webhook_secrets set retired_at = now()
             where retired_at is null
               and secret_id not in (select secret_id from bigbox_access.webhook_secrets
                                      where retired_at is null order by secret_id desc limit""" + " " + ACTIVE + ")";

    private final DataSource pool;

    public WebhookSecretStore(DataSource pool) {
        this.pool = pool;
    }

    /** The accepted secrets, newest first (none until the first rotation). */
    public List<String> active() {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(ACTIVE_SECRETS);
                var rs = s.executeQuery()) {
            var secrets = new ArrayList<String>();
            while (rs.next()) {
                secrets.add(rs.getString(1));
            }
            return secrets;
        } catch (SQLException e) {
            throw new AccessStoreException("reading webhook secrets failed: " + e.getMessage(), e);
        }
    }

    /** Adds {@code secret} as the newest and retires all but the two newest. */
    public void rotate(String secret) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (var lock = c.createStatement();
                    var add = c.prepareStatement(ADD);
                    var retire = c.prepareStatement(RETIRE_OLDER)) {
                lock.execute(LOCK);
                add.setString(1, secret);
                add.executeUpdate();
                retire.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AccessStoreException("rotating the webhook secret failed: " + e.getMessage(), e);
        }
    }
}
