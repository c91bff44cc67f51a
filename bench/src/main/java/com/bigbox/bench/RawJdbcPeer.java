package com.bigbox.bench;

import com.bigbox.core.Uuids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The baseline: the same row inserted with plain JDBC into a table shaped like {@code events}
 * (same columns, constraints and indexes, no triggers), at the same durability.
 */
final class RawJdbcPeer {
    private static final String CREATE = """
            create table bench_raw_events (like public.events including all);
            alter table bench_raw_events alter column transaction_seq set default 0""";

    private static final String INSERT = """
            insert into bench_raw_events (event_id, event_type, correlation_id, causation_id, aggregate_type, aggregate_id,
                                          sequence_number, payload, metadata, emitted_by, confidence)
            values (?, ?, ?, null, ?, ?, ?, ?::jsonb, '{}'::jsonb, 'bench', 0.9)""";

    // The keyset page events_after reads, without its horizon: the query shape is the same, so
    // the ratio measures what the store adds (the horizon, the function call), not the shape.
    private static final String READ_PAGE = """
            select event_id, event_type, aggregate_type, aggregate_id, sequence_number, transaction_seq, global_position,
                   payload::text, metadata::text, correlation_id, causation_id, emitted_by, confidence, "timestamp", created_at
              from events where (transaction_seq, global_position) > (?, ?)
             order by transaction_seq, global_position limit ?""";

    private final DataSource pool;

    RawJdbcPeer(DataSource pool) throws SQLException {
        this.pool = pool;
        try (Connection c = pool.getConnection();
                var s = c.createStatement()) {
            s.execute(CREATE);
        }
    }

    /** One row, one transaction. */
    void insert(String aggregateId, long sequence, String payload) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, aggregateId, sequence, payload);
            s.executeUpdate();
        }
    }

    /** {@code size} rows of one aggregate, one transaction. */
    void insertBatch(String aggregateId, int size, String payload) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (int i = 1; i <= size; i++) {
                bind(s, aggregateId, i, payload);
                s.addBatch();
            }
            s.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Reads every event in commit order with plain JDBC, in keyset pages of {@code page}, touching each column; returns the count. */
    long readAll(int page) throws SQLException {
        long n = 0;
        long seq = 0;
        long position = 0;
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(READ_PAGE)) {
            while (true) {
                s.setLong(1, seq);
                s.setLong(2, position);
                s.setInt(3, page);
                int rows = 0;
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        for (int i = 1; i <= 15; i++) {
                            rs.getObject(i);
                        }
                        seq = rs.getLong(6);
                        position = rs.getLong(7);
                        rows++;
                    }
                }
                n += rows;
                if (rows < page) {
                    return n;
                }
            }
        }
    }

    private static void bind(PreparedStatement s, String aggregateId, long sequence, String payload)
            throws SQLException {
        UUID id = Uuids.timeOrdered();
        s.setObject(1, id);
        s.setString(2, "LEAD_RECEIVED");
        s.setObject(3, id);
        s.setString(4, "RAW");
        s.setString(5, aggregateId);
        s.setLong(6, sequence);
        s.setString(7, payload);
    }
}
