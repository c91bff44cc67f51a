package com.bigbox.server.metrics;

import com.bigbox.postgres.metrics.BusinessGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business side of the cluster as gauges, from the seed's tables: approvals pending and
 * overdue, SOP executions by outcome, each agent's confidence and escalations over 30 days, and the
 * latest chaos resilience score. The same values on every instance: they describe the cluster.
 */
public final class BusinessMetrics implements ScrapeTimeGauges {
    private final BusinessGauges source;
    private final AtomicReference<BusinessGauges.Figures> latest = new AtomicReference<>();
    private final MultiGauge sopExecutions;
    private final MultiGauge agentConfidence;
    private final MultiGauge agentEscalations;
    private final MultiGauge agentEventsProcessed;

    public BusinessMetrics(MeterRegistry registry, BusinessGauges source) {
        this.source = source;
        Gauge.builder("bigbox.approvals.pending", latest, l -> value(l.get(), f -> (double) f.approvalsPending()))
                .description("Human approvals waiting for a decision")
                .register(registry);
        Gauge.builder("bigbox.approvals.overdue", latest, l -> value(l.get(), f -> (double) f.approvalsOverdue()))
                .description("Pending human approvals whose timeout has passed (expiry should resolve them)")
                .register(registry);
        Gauge.builder("bigbox.chaos.experiments.running", latest, l -> value(l.get(), f -> (double) f.chaosRunning()))
                .description("Chaos experiments running now")
                .register(registry);
        Gauge.builder("bigbox.chaos.resilience.score", latest,
                        l -> value(l.get(), f -> f.lastResilienceScore() == null ? Double.NaN : f.lastResilienceScore()))
                .description("1 - degradation of the latest completed chaos experiment (alert below 0.7)")
                .register(registry);
        this.sopExecutions = MultiGauge.builder("bigbox.sop.executions")
                .description("SOP executions recorded, by SOP and status")
                .register(registry);
        this.agentConfidence = MultiGauge.builder("bigbox.agent.confidence.30d")
                .description("Average decision confidence per agent over the last 30 days (agent_metrics)")
                .register(registry);
        this.agentEscalations = MultiGauge.builder("bigbox.agent.escalations.30d")
                .description("Decisions handed to a human per agent over the last 30 days (agent_metrics)")
                .register(registry);
        this.agentEventsProcessed = MultiGauge.builder("bigbox.agent.events.processed.30d")
                .description("Events processed per agent over the last 30 days (agent_metrics)")
                .register(registry);
    }

    @Override
    public void refresh() throws Exception {
        BusinessGauges.Figures figures = source.read();
        latest.set(figures);
        sopExecutions.register(figures.sopExecutions().stream()
                .map(s -> MultiGauge.Row.of(Tags.of("sop_id", s.sopId(), "status", s.status()), s.executions()))
                .toList(), true);
        agentConfidence.register(figures.agents().stream()
                .map(a -> MultiGauge.Row.of(Tags.of("agent", a.agentId()), a.avgConfidence()))
                .toList(), true);
        agentEscalations.register(figures.agents().stream()
                .map(a -> MultiGauge.Row.of(Tags.of("agent", a.agentId()), a.escalations()))
                .toList(), true);
        agentEventsProcessed.register(figures.agents().stream()
                .map(a -> MultiGauge.Row.of(Tags.of("agent", a.agentId()), a.eventsProcessed()))
                .toList(), true);
    }

    private static double value(BusinessGauges.Figures figures, java.util.function.ToDoubleFunction<BusinessGauges.Figures> f) {
        return figures == null ? Double.NaN : f.applyAsDouble(figures);
    }
}
