package com.bigbox.postgres.autonomic;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.EventRows;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reads behind the original engine's {@code /api/...} paths, in the caller's transaction. */
public final class PgCompatReads {
    /**
     * What {@code POST /api/events/query} filters on; null fields do not filter.
     *
     * @param eventTypes any of these types (empty: all)
     */
    public record EventQuery(
            List<String> eventTypes,
            String entityType,
            String entityId,
            String emittedBy,
            UUID correlationId,
            String clientId,
            Instant from,
            Instant to,
            BigDecimal minConfidence,
            int limit) {}

    private static final String QUERY = SqlResource.load(PgCompatReads.class, "query_events");
    private static final String CLIENT_CALLER = SqlResource.load(PgCompatReads.class, "is_client_caller");
    private static final String PROJECTED_STATS = SqlResource.load(PgCompatReads.class, "projected_stats");
    private static final String PROJECTED_BY_TYPE = SqlResource.load(PgCompatReads.class, "projected_count_by_type");
    private static final String PROJECTED_BY_EMITTER =
            SqlResource.load(PgCompatReads.class, "projected_count_by_emitter");
    private static final String STATS = SqlResource.load(PgCompatReads.class, "readable_stats");
    private static final String BY_TYPE = SqlResource.load(PgCompatReads.class, "readable_count_by_type");
    private static final String BY_EMITTER = SqlResource.load(PgCompatReads.class, "readable_count_by_emitter");
    private static final String PROJECTS = SqlResource.load(PgCompatReads.class, "client_projects");
    private static final String ON_TIME = SqlResource.load(PgCompatReads.class, "client_on_time");
    private static final String REPORT = SqlResource.load(PgCompatReads.class, "autonomy_report");
    private static final String OVERSIGHT_RULES = SqlResource.load(PgCompatReads.class, "approvals_by_rule");

    public List<RecordedEvent> events(UnitOfWork work, EventQuery q) {
        return Jdbc.list(
                work,
                QUERY,
                s -> {
                    var types = Jdbc.connection(work)
                            .createArrayOf("text", q.eventTypes().toArray());
                    s.setArray(1, types);
                    s.setArray(2, types);
                    int i = 3;
                    for (String value : new String[] {q.entityType(), q.entityId(), q.emittedBy()}) {
                        s.setString(i++, value);
                        s.setString(i++, value);
                    }
                    s.setObject(i++, q.correlationId(), Types.OTHER);
                    s.setObject(i++, q.correlationId(), Types.OTHER);
                    s.setString(i++, q.clientId());
                    s.setString(i++, q.clientId());
                    s.setTimestamp(i++, Jdbc.timestamp(q.from()));
                    s.setTimestamp(i++, Jdbc.timestamp(q.from()));
                    s.setTimestamp(i++, Jdbc.timestamp(q.to()));
                    s.setTimestamp(i++, Jdbc.timestamp(q.to()));
                    s.setBigDecimal(i++, q.minConfidence());
                    s.setBigDecimal(i++, q.minConfidence());
                    s.setInt(i, q.limit());
                },
                EventRows::map);
    }

    /** The log's totals: from the projection (flat in the history's length), or a client's own events. */
    public Map<String, Object> stats(UnitOfWork work, Instant now) {
        boolean client = Boolean.TRUE.equals(
                Jdbc.list(work, CLIENT_CALLER, s -> {}, rs -> rs.getBoolean(1)).getFirst());
        Map<String, Object> stats = Jdbc.maps(
                        work, client ? STATS : PROJECTED_STATS, s -> s.setTimestamp(1, Jdbc.timestamp(now)))
                .getFirst();
        stats.put("by_type", counts(work, client ? BY_TYPE : PROJECTED_BY_TYPE));
        stats.put("by_emitter", counts(work, client ? BY_EMITTER : PROJECTED_BY_EMITTER));
        return stats;
    }

    public List<Map<String, Object>> projects(UnitOfWork work, String clientId) {
        return Jdbc.maps(work, PROJECTS, s -> s.setString(1, clientId));
    }

    public Map<String, Object> onTime(UnitOfWork work, String clientId) {
        return Jdbc.maps(work, ON_TIME, s -> s.setString(1, clientId)).getFirst();
    }

    public Map<String, Object> report(UnitOfWork work, Instant from, Instant to) {
        return Jdbc.maps(work, REPORT, s -> {
                    s.setTimestamp(1, Jdbc.timestamp(from));
                    s.setTimestamp(2, Jdbc.timestamp(to));
                })
                .getFirst();
    }

    public Map<String, Long> approvalsByRule(UnitOfWork work) {
        return counts(work, OVERSIGHT_RULES);
    }

    private static Map<String, Long> counts(UnitOfWork work, String sql) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        Jdbc.list(work, sql, s -> {}, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }
}
