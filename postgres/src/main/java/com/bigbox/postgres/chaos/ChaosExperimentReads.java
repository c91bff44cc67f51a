package com.bigbox.postgres.chaos;

import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Chaos runs as JSON documents for dashboards and the API, read through the caller's unit of work. */
public final class ChaosExperimentReads {
    private static final String LIST = """
            select json_build_object(
                     'experiments', coalesce(json_agg(x order by x.started_at desc), '[]'::json),
                     'trend', (select coalesce(json_agg(s.resilience_score order by s.ended_at), '[]'::json)
                                 from (select resilience_score, ended_at from chaos_experiments
                                        where status = 'completed' and resilience_score is not null
                                        order by ended_at desc limit 5) s),
                     'alert_below', 0.7)::text
              from (select experiment_id, title, experiment_type, intensity, status, deviated, resilience_score,
                           system_degradation, events_affected, failures_detected, recovery_time_seconds,
                           started_at, ended_at, duration_minutes, definition_version, rollback_strategy, target_filter,
                           resilience_score < 0.7 as alert
                      from chaos_experiments order by started_at desc limit ?) x""";

    private static final String ONE = "select row_to_json(c)::text from chaos_experiments c where experiment_id = ?";

    public String list(UnitOfWork work, int limit) {
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(LIST)) {
            s.setInt(1, limit);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new EventStoreException("reading chaos experiments failed: " + e.getMessage(), e);
        }
    }

    public Optional<String> one(UnitOfWork work, UUID id) {
        try (PreparedStatement s = work.unwrap(Connection.class).prepareStatement(ONE)) {
            s.setObject(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new EventStoreException("reading chaos experiment " + id + " failed: " + e.getMessage(), e);
        }
    }
}
