package com.bigbox.autonomic.projections;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code agent_metrics}: one row per agent per UTC day. An event touches the day of the agent that
 * emitted it and, for Oversight's and people's verdicts, the day of the agent whose decision it judged;
 * that row is recounted from the log up to the event.
 */
public final class AgentMetricsProjection implements Projection {
    public static final String NAME = "agent_metrics";
    static final Set<String> VERDICTS = Set.of(
            EventTypes.AUTONOMIC_DECISION_EXECUTED,
            EventTypes.HUMAN_APPROVAL_REQUESTED,
            EventTypes.CEO_INTERRUPT_REQUIRED,
            EventTypes.HUMAN_APPROVAL_GRANTED,
            EventTypes.HUMAN_OVERRIDE,
            EventTypes.HUMAN_APPROVAL_REJECTED,
            EventTypes.APPROVED_BY_SILENCE);

    private final ProjectionStore store;
    private final AgentCatalog agents;

    public AgentMetricsProjection(ProjectionStore store, AgentCatalog agents) {
        this.store = store;
        this.agents = agents;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mode mode() {
        return Mode.SUBSCRIPTION;
    }

    @Override
    public List<String> tables() {
        return List.of("agent_metrics");
    }

    @Override
    public void reset(UnitOfWork work) {
        store.resetAgentMetrics(work);
    }

    @Override
    public void apply(RecordedEvent event, UnitOfWork work) {
        Set<String> touched = new LinkedHashSet<>();
        if (agents.isAgent(event.emittedBy())) {
            touched.add(event.emittedBy());
        }
        if (VERDICTS.contains(event.type())) {
            JsonNode agent = EventCodec.tree(event.payload()).get("agent_id");
            if (agent != null && agents.isAgent(agent.asText())) {
                touched.add(agent.asText());
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        Instant start = event.timestamp().truncatedTo(ChronoUnit.DAYS);
        Instant end = start.plus(Duration.ofDays(1));
        for (String agent : touched) {
            store.saveAgentMetrics(
                    work,
                    AgentMetrics.of(agent, start, end, store.agentWindow(work, agent, start, end, event.position())));
        }
    }
}
