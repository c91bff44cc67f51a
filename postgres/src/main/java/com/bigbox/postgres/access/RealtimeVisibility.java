package com.bigbox.postgres.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of a batch of changes a subscriber may see, asked in one query per batch inside a transaction
 * opened as that subscriber ({@link CallerTransactions}), so row-level security decides. Events are
 * judged by the policies of {@code events} itself. A row change is judged as captured — the row may have
 * changed again or be gone by the time it is delivered — by the change log's policies, which mirror the
 * tables' (the seed's policy, and the tenancy rule on the client captured with the change), together
 * with the caller's SELECT privilege on the table.
 */
public final class RealtimeVisibility {
    private static final String EVENTS = "select global_position from public.events where global_position = any(?)";
    private static final String CHANGES = """
            select c.change_id from bigbox_access.row_changes c
             where c.change_id = any(?)
               and has_table_privilege(format('public.%I', c.table_name), 'SELECT')""";

    private RealtimeVisibility() {}

    public static Set<Long> visibleEvents(Connection c, Collection<Long> globalPositions) throws SQLException {
        return ids(c, EVENTS, globalPositions);
    }

    public static Set<Long> visibleChanges(Connection c, Collection<Long> changeIds) throws SQLException {
        return ids(c, CHANGES, changeIds);
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
