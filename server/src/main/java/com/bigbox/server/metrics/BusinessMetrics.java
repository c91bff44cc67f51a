package com.bigbox.server.metrics;

import com.bigbox.postgres.metrics.BusinessGauges;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business side of the cluster, from the seed's tables: approvals pending and overdue, SOP
 * executions by outcome, each agent's mean confidence over the last 30 days (a gauge), the
 * decisions it handed to people and the events it reacted to (counters: totals that only grow), and
 * the latest chaos resilience score. The same values on every instance: they describe the cluster.
 */
public final class BusinessMetrics implements ScrapeTimeGauges {
    private final BusinessGauges source;
    private final AtomicReference<BusinessGauges.Figures> latest = new AtomicReference<>();
    private final MultiGauge sopExecutions;
    private final MultiGauge agentConfidence;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> agentEscalations = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> agentEventsProcessed = new ConcurrentHashMap<>();

    public BusinessMetrics(MeterRegistry registry, BusinessGauges source) {
        this.source = source;
        this.registry = registry;
        Gauge.builder("bigbox.approvals.pending", latest, l -> value(l.get(), f -> (double) f.approvalsPending()))
                .description("Human approvals waiting for a decision")
                .register(registry);
        Gauge.builder("bigbox.approvals.overdue", latest, l -> value(l.get(), f -> (double) f.approvalsOverdue()))
                .description("Pending human approvals whose timeout has passed (expiry should resolve them)")
                .register(registry);
        Gauge.builder("bigbox.chaos.experiments.running", latest, l -> value(l.get(), f -> (double) f.chaosRunning()))
                .description("Chaos experiments running now")
                .register(registry);
        Gauge.builder(
                        "bigbox.chaos.resilience.score",
                        latest,
                        l -> value(
                                l.get(), f -> f.lastResilienceScore() == null ? Double.NaN : f.lastResilienceScore()))
                .description("1 - degradation of the latest completed chaos experiment (alert below 0.7)")
                .register(registry);
        this.sopExecutions = MultiGauge.builder("bigbox.sop.executions")
                .description("SOP executions recorded, by SOP and status")
                .register(registry);
        this.agentConfidence = MultiGauge.builder("bigbox.agent.confidence")
                .description("Mean decision confidence per agent over the last 30 days (agent_metrics)")
                .baseUnit("ratio")
                .register(registry);
    }

    @Override
    public void refresh() throws Exception {
        BusinessGauges.Figures figures = source.read();
        latest.set(figures);
        sopExecutions.register(
                figures.sopExecutions().stream()
                        .map(s -> MultiGauge.Row.of(Tags.of("sop_id", s.sopId(), "status", s.status()), s.executions()))
                        .toList(),
                true);
        agentConfidence.register(
                figures.agents().stream()
                        .filter(a -> a.avgConfidence() != null)
                        .map(a -> MultiGauge.Row.of(Tags.of("agent", a.agentId()), a.avgConfidence()))
                        .toList(),
                true);
        for (BusinessGauges.AgentFigures agent : figures.agents()) {
            total(
                            agentEscalations,
                            "bigbox.agent.escalations",
                            agent.agentId(),
                            "Decisions the agent handed to a person (agent_metrics)")
                    .set(agent.escalations());
            total(
                            agentEventsProcessed,
                            "bigbox.agent.events.processed",
                            agent.agentId(),
                            "Events the agent reacted to (agent_metrics)")
                    .set(agent.eventsProcessed());
        }
    }

    /** The agent's counter, registered the first time the agent appears in the table. */
    private AtomicLong total(Map<String, AtomicLong> totals, String name, String agent, String description) {
        return totals.computeIfAbsent(agent, a -> {
            var value = new AtomicLong();
            FunctionCounter.builder(name, value, AtomicLong::get)
                    .tag("agent", a)
                    .description(description)
                    .register(registry);
            return value;
        });
    }

    private static double value(
            BusinessGauges.Figures figures, java.util.function.ToDoubleFunction<BusinessGauges.Figures> f) {
        return figures == null ? Double.NaN : f.applyAsDouble(figures);
    }
}
