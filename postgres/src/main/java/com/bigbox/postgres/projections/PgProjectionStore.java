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
import com.bigbox.postgres.SqlResource;
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

    private static final String AGENT_WINDOW = SqlResource.load(PgProjectionStore.class, "agent_window");
    private static final String SAVE_AGENT = SqlResource.load(PgProjectionStore.class, "save_agent_metrics");
    private static final String CLIENT_ACTIVITY = SqlResource.load(PgProjectionStore.class, "client_activity");
    private static final String PREVIOUS_STATUS = SqlResource.load(PgProjectionStore.class, "previous_health_status");
    private static final String RESET_AGENTS = SqlResource.load(PgProjectionStore.class, "reset_agent_metrics");
    private static final String RESET_CLIENTS = SqlResource.load(PgProjectionStore.class, "reset_client_health");
    private static final String SAVE_CLIENT = SqlResource.load(PgProjectionStore.class, "save_client_health");

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
        Jdbc.update(work, RESET_AGENTS, s -> {});
    }

    @Override
    public void resetClientHealth(UnitOfWork work) {
        Jdbc.update(work, RESET_CLIENTS, s -> {});
    }

    // margin_30d is numeric(3,2): a loss of more than 999% is stored as -9.99.
    private static BigDecimal clamp(BigDecimal margin) {
        return margin == null ? null : margin.max(new BigDecimal("-9.99")).min(new BigDecimal("9.99"));
    }
}
