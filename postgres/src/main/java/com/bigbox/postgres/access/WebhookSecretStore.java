package com.bigbox.postgres.access;

import com.bigbox.postgres.SqlResource;
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

    // The two queries that keep ACTIVE secrets say "limit 2" in their files.
    private static final String ACTIVE_SECRETS = SqlResource.load(WebhookSecretStore.class, "webhook_secrets_active");
    private static final String LOCK = SqlResource.load(WebhookSecretStore.class, "webhook_secrets_lock");
    private static final String ADD = SqlResource.load(WebhookSecretStore.class, "webhook_secret_add");
    private static final String RETIRE_OLDER =
            SqlResource.load(WebhookSecretStore.class, "webhook_secrets_retire_older");

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
