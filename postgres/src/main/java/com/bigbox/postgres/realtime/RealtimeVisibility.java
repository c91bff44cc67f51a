package com.bigbox.postgres.realtime;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of a batch of changes a subscriber may see, asked in one query per kind of change inside a transaction
 * opened as that subscriber ({@link com.bigbox.postgres.access.CallerTransactions}), so row-level security decides.
 * Events are judged by the policies of {@code events} itself. A row change is judged as captured — the row may have
 * changed again or be gone by the time it is delivered — by the change log's policies, which mirror the tables' (the
 * seed's policy, and the tenancy rule on the client captured with the change), together with the caller's SELECT
 * privilege on the table.
 */
public final class RealtimeVisibility {
    private static final String EVENTS = SqlResource.load(RealtimeVisibility.class, "visible_events");
    private static final String CHANGES = SqlResource.load(RealtimeVisibility.class, "visible_changes");

    private RealtimeVisibility() {}

    /** The events (by global position) and row changes (by change id) of a batch that the caller may see. */
    public record Visible(Set<Long> events, Set<Long> changes) {}

    /** Asks, in {@code work} (opened as the subscriber), which of these the subscriber may see. */
    public static Visible visible(UnitOfWork work, Collection<Long> globalPositions, Collection<Long> changeIds) {
        Connection c = work.unwrap(Connection.class);
        try {
            return new Visible(ids(c, EVENTS, globalPositions), ids(c, CHANGES, changeIds));
        } catch (SQLException e) {
            throw new IllegalStateException("checking realtime visibility failed: " + e.getMessage(), e);
        }
    }

    private static Set<Long> ids(Connection c, String sql, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        try (var s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("int8", ids.toArray()));
            try (var rs = s.executeQuery()) {
                var visible = new HashSet<Long>();
                while (rs.next()) {
                    visible.add(rs.getLong(1));
                }
                return visible;
            }
        }
    }
}
