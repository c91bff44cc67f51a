package com.bigbox.postgres.projections;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.projections.AgentMetrics;
import com.bigbox.autonomic.projections.AgentWindowFacts;
import com.bigbox.autonomic.projections.ClientActivity;
import com.bigbox.autonomic.projections.ClientHealth;
import com.bigbox.autonomic.projections.ProjectionStore;
import com.bigbox.core.Position;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * The projections' reads of the log and writes of {@code agent_metrics} and {@code client_health}. Reads
 * stop at the event being projected in the commit order. Every live write first takes a shared lock that
 * a rebuild takes exclusively, so a rebuild never interleaves with a live update.
 */
public final class PgProjectionStore implements ProjectionStore {
    private static final String SHARED_LOCK = PgProjectionLock.SHARED;

    private static final String AGENT_WINDOW = """
            with p as (select ?::text as agent)
            select count(*) filter (where e.emitted_by = p.agent) as emitted,
                   count(distinct e.causation_id) filter (where e.emitted_by = p.agent) as processed,
                   count(e.confidence) filter (where e.emitted_by = p.agent) as confidence_count,
                   coalesce(sum(e.confidence) filter (where e.emitted_by = p.agent), 0) as confidence_sum,
                   coalesce(sum(e.confidence * e.confidence) filter (where e.emitted_by = p.agent), 0) as confidence_squares,
                   count(*) filter (where e.event_type = 'AUTONOMIC_DECISION_EXECUTED' and e.payload ->> 'agent_id' = p.agent) as executed,
                   count(*) filter (where e.event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')
                                      and e.payload ->> 'agent_id' = p.agent) as escalations,
                   count(*) filter (where e.event_type in ('HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE')
                                      and e.payload ->> 'agent_id' = p.agent) as agreed,
                   count(*) filter (where e.event_type = 'HUMAN_OVERRIDE' and e.payload ->> 'agent_id' = p.agent) as overridden,
                   count(*) filter (where e.event_type = 'HUMAN_APPROVAL_REJECTED' and e.payload ->> 'agent_id' = p.agent) as rejected
              from p join events e on (e.emitted_by = p.agent or e.payload ->> 'agent_id' = p.agent)
             where e."timestamp" >= ? and e."timestamp" < ?
               and (e.transaction_seq, e.global_position) <= (?, ?)""";

    private static final String SAVE_AGENT = """
            insert into agent_metrics (metric_id, agent_id, window_start, window_end, events_processed, events_emitted,
                human_escalations, avg_confidence, confidence_variance, automation_rate, human_hours_saved, created_at,
                decisions, autonomous_decisions, approvals_agreed, approvals_overridden, approvals_rejected, confidence_sum,
                confidence_count)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (agent_id, window_start, window_end) do update set
                events_processed = excluded.events_processed, events_emitted = excluded.events_emitted,
                human_escalations = excluded.human_escalations, avg_confidence = excluded.avg_confidence,
                confidence_variance = excluded.confidence_variance, automation_rate = excluded.automation_rate,
                human_hours_saved = excluded.human_hours_saved, decisions = excluded.decisions,
                autonomous_decisions = excluded.autonomous_decisions, approvals_agreed = excluded.approvals_agreed,
                approvals_overridden = excluded.approvals_overridden, approvals_rejected = excluded.approvals_rejected,
                confidence_sum = excluded.confidence_sum, confidence_count = excluded.confidence_count""";

    // The client's 30 days up to its latest event (both as of the projected event).
    private static final String CLIENT_ACTIVITY = """
            with p as (select ?::text as client, ?::bigint as tseq, ?::bigint as gpos),
            mine as (
              select e.* from p join events e on e.payload ->> 'client_id' = p.client
               where (e.transaction_seq, e.global_position) <= (p.tseq, p.gpos)),
            latest as (select max("timestamp") as t from mine),
            w as (select m.* from mine m, latest where m."timestamp" > latest.t - interval '30 days' and m."timestamp" <= latest.t),
            numbers as (
              select w.event_type, w.emitted_by,
                     case when jsonb_typeof(w.payload -> 'amount') = 'number' then (w.payload ->> 'amount')::numeric end as amount,
                     case when jsonb_typeof(w.payload -> 'estimated_cost') = 'number' then (w.payload ->> 'estimated_cost')::numeric end as cost,
                     case when jsonb_typeof(w.payload -> 'score') = 'number' then (w.payload ->> 'score')::numeric end as score,
                     case when w.event_type = 'CLIENT_FEEDBACK_RECEIVED' and jsonb_typeof(w.payload -> 'quality') = 'number'
                            then (w.payload ->> 'quality')::numeric
                          when w.event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(w.payload -> 'quality_score') = 'number'
                            then (w.payload ->> 'quality_score')::numeric end as quality,
                     w.payload ->> 'severity' as severity, w.payload ->> 'risk_type' as risk_type,
                     w.payload ->> 'attended' as attended
                from w)
            select (select t from latest) as last_event_at,
                   count(*) as events,
                   count(*) filter (where event_type = 'MEETING_COMPLETED') as meetings,
                   count(*) filter (where event_type = 'MEETING_COMPLETED' and attended = 'false') as missed,
                   (select round(avg(extract(epoch from r."timestamp" - q."timestamp")) / 3600.0, 2)
                      from w r join events q on q.aggregate_type = r.aggregate_type and q.aggregate_id = r.aggregate_id
                                            and q.sequence_number = 1
                     where r.event_type in ('HUMAN_APPROVAL_GRANTED', 'HUMAN_OVERRIDE', 'HUMAN_APPROVAL_REJECTED',
                                            'APPROVED_BY_SILENCE', 'HUMAN_APPROVAL_EXPIRED')) as response_hours,
                   round(avg(quality), 2) as quality,
                   count(*) filter (where event_type = 'CLIENT_FEEDBACK_RECEIVED' and score >= 9) as promoters,
                   count(*) filter (where event_type = 'CLIENT_FEEDBACK_RECEIVED' and score <= 6) as detractors,
                   count(*) filter (where event_type = 'CLIENT_FEEDBACK_RECEIVED' and score is not null) as responses,
                   coalesce(sum(amount) filter (where event_type = 'PAYMENT_RECEIVED'), 0) as revenue,
                   coalesce(sum(cost) filter (where event_type = 'SOP_EXECUTION_COMPLETED'), 0) as cost,
                   count(*) filter (where event_type = 'AUTONOMIC_DECISION_EXECUTED') as executed,
                   count(*) filter (where event_type in ('HUMAN_APPROVAL_REQUESTED', 'CEO_INTERRUPT_REQUIRED')) as escalations,
                   count(*) filter (where event_type in ('RISK_DETECTED', 'PROJECT_AT_RISK', 'PAYMENT_REMINDER_SENT')
                                      and emitted_by <> 'ClientHealthMonitor') as proactive,
                   count(*) filter (where event_type = 'RISK_DETECTED' and severity = 'critical'
                                      and emitted_by <> 'ClientHealthMonitor' and risk_type is distinct from 'agent_failure') as critical_risks,
                   count(*) filter (where event_type = 'RISK_DETECTED' and severity = 'high'
                                      and emitted_by <> 'ClientHealthMonitor' and risk_type is distinct from 'agent_failure') as high_risks,
                   count(*) filter (where event_type = 'PROJECT_AT_RISK') as projects_at_risk,
                   count(*) filter (where event_type = 'PAYMENT_REMINDER_SENT') as reminders
              from numbers""";

    private static final String PREVIOUS_STATUS =
            "select health_status from client_health where client_id = ? for update";

    private static final String SAVE_CLIENT = """
            insert into client_health (client_id, last_event_at, events_last_30d, meetings_last_30d, avg_response_time_hours,
                quality_score, nps_score, revenue_30d, margin_30d, trust_score, automation_rate, proactive_interventions,
                health_status, health_reasons, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            on conflict (client_id) do update set
                last_event_at = excluded.last_event_at, events_last_30d = excluded.events_last_30d,
                meetings_last_30d = excluded.meetings_last_30d, avg_response_time_hours = excluded.avg_response_time_hours,
                quality_score = excluded.quality_score, nps_score = excluded.nps_score, revenue_30d = excluded.revenue_30d,
                margin_30d = excluded.margin_30d, trust_score = excluded.trust_score, automation_rate = excluded.automation_rate,
                proactive_interventions = excluded.proactive_interventions, health_status = excluded.health_status,
                health_reasons = excluded.health_reasons, updated_at = excluded.updated_at""";

    @Override
    public AgentWindowFacts agentWindow(
            UnitOfWork work, String agentId, Instant windowStart, Instant windowEnd, Position upTo) {
        Jdbc.list(work, SHARED_LOCK, s -> {}, rs -> 1);
        return Jdbc.one(
                        work,
                        AGENT_WINDOW,
                        s -> {
                            s.setString(1, agentId);
                            s.setTimestamp(2, Jdbc.timestamp(windowStart));
                            s.setTimestamp(3, Jdbc.timestamp(windowEnd));
                            s.setLong(4, upTo.transactionSeq());
                            s.setLong(5, upTo.globalPosition());
                        },
                        rs -> new AgentWindowFacts(
                                rs.getLong("emitted"),
                                rs.getLong("processed"),
                                rs.getLong("confidence_count"),
                                rs.getBigDecimal("confidence_sum"),
                                rs.getBigDecimal("confidence_squares"),
                                rs.getLong("executed"),
                                rs.getLong("escalations"),
                                rs.getLong("agreed"),
                                rs.getLong("overridden"),
                                rs.getLong("rejected")))
                .orElseThrow();
    }

    @Override
    public void saveAgentMetrics(UnitOfWork work, AgentMetrics m) {
        Jdbc.update(work, SAVE_AGENT, s -> {
            s.setObject(1, m.metricId());
            s.setString(2, m.agentId());
            s.setTimestamp(3, Jdbc.timestamp(m.windowStart()));
            s.setTimestamp(4, Jdbc.timestamp(m.windowEnd()));
            s.setLong(5, m.eventsProcessed());
            s.setLong(6, m.eventsEmitted());
            s.setLong(7, m.humanEscalations());
            s.setBigDecimal(8, m.avgConfidence());
            s.setBigDecimal(9, m.confidenceVariance());
            s.setBigDecimal(10, m.automationRate());
            s.setBigDecimal(11, m.humanHoursSaved());
            s.setTimestamp(12, Jdbc.timestamp(m.windowStart()));
            s.setLong(13, m.decisions());
            s.setLong(14, m.autonomousDecisions());
            s.setLong(15, m.approvalsAgreed());
            s.setLong(16, m.approvalsOverridden());
            s.setLong(17, m.approvalsRejected());
            s.setBigDecimal(18, m.confidenceSum());
            s.setLong(19, m.confidenceCount());
        });
    }

    @Override
    public ClientActivity clientActivity(UnitOfWork work, String clientId, Position upTo) {
        Jdbc.list(work, SHARED_LOCK, s -> {}, rs -> 1);
        return Jdbc.one(
                        work,
                        CLIENT_ACTIVITY,
                        s -> {
                            s.setString(1, clientId);
                            s.setLong(2, upTo.transactionSeq());
                            s.setLong(3, upTo.globalPosition());
                        },
                        rs -> new ClientActivity(
                                clientId,
                                Jdbc.instant(rs, "last_event_at"),
                                rs.getLong("events"),
                                rs.getLong("meetings"),
                                rs.getLong("missed"),
                                rs.getBigDecimal("response_hours"),
                                rs.getBigDecimal("quality"),
                                rs.getLong("promoters"),
                                rs.getLong("detractors"),
                                rs.getLong("responses"),
                                rs.getBigDecimal("revenue"),
                                rs.getBigDecimal("cost").setScale(2, RoundingMode.HALF_UP),
                                rs.getLong("executed"),
                                rs.getLong("escalations"),
                                rs.getLong("proactive"),
                                rs.getLong("critical_risks"),
                                rs.getLong("high_risks"),
                                rs.getLong("projects_at_risk"),
                                rs.getLong("reminders")))
                .orElseThrow();
    }

    @Override
    public Optional<String> saveClientHealth(UnitOfWork work, ClientHealth h) {
        Optional<String> previous =
                Jdbc.one(work, PREVIOUS_STATUS, s -> s.setString(1, h.clientId()), rs -> rs.getString(1));
        Jdbc.update(work, SAVE_CLIENT, s -> {
            s.setString(1, h.clientId());
            s.setTimestamp(2, Jdbc.timestamp(h.lastEventAt()));
            s.setLong(3, h.eventsLast30d());
            s.setLong(4, h.meetingsLast30d());
            s.setBigDecimal(5, h.avgResponseTimeHours());
            s.setBigDecimal(6, h.qualityScore());
            s.setObject(7, h.npsScore());
            s.setBigDecimal(8, h.revenue30d());
            s.setBigDecimal(9, clamp(h.margin30d()));
            s.setBigDecimal(10, h.trustScore());
            s.setBigDecimal(11, h.automationRate());
            s.setLong(12, h.proactiveInterventions());
            s.setString(13, h.healthStatus());
            s.setString(14, EventCodec.write(h.reasons()));
            s.setTimestamp(15, Jdbc.timestamp(h.updatedAt()));
        });
        return previous;
    }

    @Override
    public void resetAgentMetrics(UnitOfWork work) {
        Jdbc.update(work, "delete from agent_metrics", s -> {});
    }

    @Override
    public void resetClientHealth(UnitOfWork work) {
        Jdbc.update(work, "delete from client_health", s -> {});
    }

    // margin_30d is numeric(3,2): a loss of more than 999% is stored as -9.99.
    private static BigDecimal clamp(BigDecimal margin) {
        return margin == null ? null : margin.max(new BigDecimal("-9.99")).min(new BigDecimal("9.99"));
    }
}
