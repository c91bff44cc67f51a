package com.bigbox.postgres.approvals;

import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The approvals of one flow (a correlation id), for {@code bigbox lead --wait}, which shows whether the lead it
 * sent waits for a person. A failure comes back as an {@link EventStoreException} with the driver's message.
 */
public final class FlowApprovals {
    private static final String FIRST_PENDING = SqlResource.load(FlowApprovals.class, "first_pending_of_flow");

    /** A decision waiting for a person: the approval, the role that must decide, and what the agent recommends. */
    public record Pending(String approvalId, String assignedRole, String recommendedAction) {}

    private final DataSource pool;

    public FlowApprovals(DataSource pool) {
        this.pool = pool;
    }

    /** The oldest pending approval of flow {@code correlationId}, if any. */
    public Optional<Pending> firstPending(UUID correlationId) {
        try (Connection c = pool.getConnection();
                var s = c.prepareStatement(FIRST_PENDING)) {
            s.setObject(1, correlationId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Pending(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new EventStoreException(e.getMessage(), e);
        }
    }
}
