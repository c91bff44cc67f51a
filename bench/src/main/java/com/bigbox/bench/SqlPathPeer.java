package com.bigbox.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The SQL paths the seed's users take, with no engine in between: {@code append_event()} (psql,
 * supabase-js {@code rpc}) and a plain {@code INSERT INTO events} (psql, PostgREST), one event per
 * transaction. The trigger numbers and orders them as it does the engine's.
 */
final class SqlPathPeer {
    private static final String APPEND_EVENT =
            "select append_event(?, null, null, ?, ?, ?::jsonb, '{}'::jsonb, 'bench', 0.9)";
    private static final String INSERT = """
            insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by, confidence)
            values (?, gen_random_uuid(), ?, ?, ?::jsonb, 'bench', 0.9)""";

    private final DataSource pool;

    SqlPathPeer(DataSource pool) {
        this.pool = pool;
    }

    void appendEvent(String type, String aggregateType, String aggregateId, String payload) throws SQLException {
        run(APPEND_EVENT, type, aggregateType, aggregateId, payload);
    }

    void insert(String type, String aggregateType, String aggregateId, String payload) throws SQLException {
        run(INSERT, type, aggregateType, aggregateId, payload);
    }

    private void run(String sql, String type, String aggregateType, String aggregateId, String payload)
            throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, type);
            s.setString(2, aggregateType);
            s.setString(3, aggregateId);
            s.setString(4, payload);
            s.execute();
        }
    }
}
