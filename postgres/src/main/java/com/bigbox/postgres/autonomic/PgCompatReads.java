package com.bigbox.postgres.autonomic;

import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
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

    private static final String QUERY = """
            select event_id from events
             where (cardinality(?::text[]) = 0 or event_type = any(?::text[]))
               and (?::text is null or aggregate_type = ?) and (?::text is null or aggregate_id = ?)
               and (?::text is null or emitted_by = ?) and (?::uuid is null or correlation_id = ?)
               and (?::text is null or payload ->> 'client_id' = ?)
               and (?::timestamptz is null or "timestamp" >= ?) and (?::timestamptz is null or "timestamp" < ?)
               and (?::numeric is null or confidence >= ?)
             order by "timestamp" desc, global_position desc
             limit ?""";

    // A caller whose token names a client (tenancy) sees only its client's events: the projection
    // (V71) counts every client's, so that caller is answered from the log under its policies.
    private static final String CLIENT_CALLER = "select (auth.jwt() ->> 'client_id') is not null";

    private static final String PROJECTED_STATS = "select * from event_stats(?)";
    private static final String PROJECTED_BY_TYPE = "select key, events from event_stats_by('event_type')";
    private static final String PROJECTED_BY_EMITTER = "select key, events from event_stats_by('emitted_by')";

    private static final String STATS = """
            select count(*) as total_events,
                   count(distinct correlation_id) as flows,
                   round(avg(confidence), 2) as avg_confidence,
                   count(*) filter (where "timestamp" > ?::timestamptz - interval '24 hours') as last_24h,
                   count(*) filter (where metadata ->> 'requires_human' = 'true') as requiring_human,
                   min("timestamp") as first_event_at, max("timestamp") as last_event_at
              from events""";

    private static final String BY_TYPE =
            "select event_type, count(*) from events group by event_type order by event_type";
    private static final String BY_EMITTER =
            "select emitted_by, count(*) from events group by emitted_by order by emitted_by";

    private static final String PROJECTS = """
            select aggregate_id as project_id,
                   (array_agg(event_type order by sequence_number desc))[1] as last_event,
                   max(payload ->> 'service_type') as service_type,
                   max(case when jsonb_typeof(payload -> 'budget') = 'number' then (payload ->> 'budget')::numeric end) as budget,
                   min("timestamp") filter (where event_type = 'PROJECT_STARTED') as started_at,
                   min("timestamp") filter (where event_type = 'PROJECT_COMPLETED') as completed_at,
                   count(*) filter (where event_type = 'PROJECT_AT_RISK') as risk_flags,
                   case when bool_or(event_type = 'PROJECT_COMPLETED') then 'completed'
                        when bool_or(event_type = 'PROJECT_STARTED') then 'in_progress'
                        else 'proposed' end as status
              from events
             where aggregate_type = 'PROJECT' and payload ->> 'client_id' = ?
             group by aggregate_id order by min("timestamp")""";

    // The Client Autonomy Mirror's "on time": SOP runs that finished within their SOP's cycle-time target
    // (V42: a client's token cannot read the targets itself).
    private static final String ON_TIME = "select on_time, completed from bigbox_access.client_on_time(?)";

    private static final String REPORT = """
            select count(*) filter (where event_type = 'AUTONOMIC_DECISION_EXECUTED') as autonomous_decisions,
                   count(*) filter (where event_type = 'HUMAN_APPROVAL_REQUESTED') as human_approvals,
                   count(*) filter (where event_type = 'CEO_INTERRUPT_REQUIRED') as ceo_interrupts,
                   count(*) filter (where event_type in ('HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE')) as approved_as_proposed,
                   count(*) filter (where event_type = 'HUMAN_OVERRIDE') as overrides,
                   count(*) filter (where event_type = 'HUMAN_APPROVAL_REJECTED') as rejections,
                   count(*) filter (where event_type = 'APPROVED_BY_SILENCE') as approved_by_silence,
                   count(*) filter (where event_type = 'SOP_EXECUTION_COMPLETED') as sop_executions_completed,
                   coalesce(sum(case when event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(payload -> 'human_hours') = 'number'
                                     then (payload ->> 'human_hours')::numeric end), 0) as human_hours,
                   coalesce(sum(case when event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(payload -> 'estimated_cost') = 'number'
                                     then (payload ->> 'estimated_cost')::numeric end), 0) as sop_cost,
                   coalesce(sum(case when event_type = 'PAYMENT_RECEIVED' and jsonb_typeof(payload -> 'amount') = 'number'
                                     then (payload ->> 'amount')::numeric end), 0) as revenue
              from events where "timestamp" >= ? and "timestamp" < ?""";

    private static final String OVERSIGHT_RULES = """
            select coalesce(decision_context ->> 'rule', 'unknown') as rule, count(*) as approvals
              from human_approvals group by 1 order by 1""";

    public List<RecordedEvent> events(UnitOfWork work, EventQuery q) {
        List<UUID> ids = Jdbc.list(
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
                rs -> rs.getObject(1, UUID.class));
        return ids.stream().map(id -> work.find(id).orElseThrow()).toList();
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
