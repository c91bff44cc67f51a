package com.bigbox.postgres.access;

import java.time.Instant;

/**
 * One captured INSERT, UPDATE or DELETE of a realtime table's row.
 *
 * @param record the row after the change as JSON (null for DELETE)
 * @param oldRecord the row before the change as JSON (null for INSERT)
 */
public record RowChange(
        ChangePosition position,
        String table,
        String op,
        String rowKey,
        String record,
        String oldRecord,
        Instant capturedAt) {
    public long changeId() {
        return position.changeId();
    }
}
