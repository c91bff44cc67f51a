package com.bigbox.postgres.access;

import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A user's TOTP second factor ({@code bigbox_access.users}' totp columns) and its recovery codes
 * ({@code bigbox_access.recovery_codes}, stored as hashes): a pending secret, turned on by its first code, each time
 * step and each recovery code accepted once.
 */
public final class SecondFactorStore {
    private static final String PENDING_TOTP = SqlResource.load(SecondFactorStore.class, "totp_pending");
    private static final String ENABLE_TOTP = SqlResource.load(SecondFactorStore.class, "totp_enable");
    private static final String DISABLE_TOTP = SqlResource.load(SecondFactorStore.class, "totp_disable");
    private static final String ACCEPT_STEP = SqlResource.load(SecondFactorStore.class, "totp_accept_step");
    private static final String DROP_CODES = SqlResource.load(SecondFactorStore.class, "recovery_codes_drop");
    private static final String ADD_CODE = SqlResource.load(SecondFactorStore.class, "recovery_code_add");
    private static final String USE_CODE = SqlResource.load(SecondFactorStore.class, "recovery_code_use");
    private static final String CODES_LEFT = SqlResource.load(SecondFactorStore.class, "recovery_codes_left");

    private final UserRows rows;

    public SecondFactorStore(DataSource pool) {
        this.rows = new UserRows(pool);
    }

    /** Stores a new, not yet verified TOTP secret; false when a verified one is active. */
    public boolean setPendingTotp(UUID id, String secret) {
        return rows.update(PENDING_TOTP, s -> {
                    s.setString(1, secret);
                    s.setObject(2, id);
                })
                > 0;
    }

    /** Turns the pending secret on, with fresh recovery codes (their hashes), in one transaction. */
    public boolean enableTotp(UUID id, long acceptedStep, List<String> recoveryCodeHashes) {
        return rows.inTransaction(c -> {
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
        rows.inTransaction(c -> {
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
        return rows.update(ACCEPT_STEP, s -> {
                    s.setLong(1, step);
                    s.setObject(2, id);
                    s.setLong(3, step);
                })
                > 0;
    }

    /** Uses a recovery code (by its hash) once; false when unknown or used. */
    public boolean useRecoveryCode(UUID id, String codeHash) {
        return rows.update(USE_CODE, s -> {
                    s.setObject(1, id);
                    s.setString(2, codeHash);
                })
                > 0;
    }

    public int recoveryCodesLeft(UUID id) {
        return rows.count(CODES_LEFT, s -> s.setObject(1, id), "counting recovery codes");
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
}
