package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.NotFoundException;
import com.bigbox.autonomic.events.AgentEvent;
import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Gate;
import com.bigbox.autonomic.projections.ClientHealthProjection;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every agent the engine runs, with its settings as they are now: defaults, changed at run time by
 * {@code AGENT_*_CHANGED} events on the agent's stream. The governor is listed too; it is not gated.
 */
public final class AgentCatalog {
    /**
     * The SOP engine as it signs its events (its name lives here because the SOP package depends on this one). The
     * tasks it hands to people are steps of an SOP, held to the SOP's own autonomy and thresholds: they are no
     * agent's decision, and judging them under the agent that emits the same type (the meeting agent's
     * {@code TASK_CREATED}) put the SOP's work under that agent's threshold and blamed it for them.
     */
    public static final String SOP_ENGINE = "SopEngine";

    private final Map<String, AgentDefinition> agents = new LinkedHashMap<>();
    private final String governor;

    public AgentCatalog(List<AgentDefinition> gatedAgents, AgentDefinition governor) {
        gatedAgents.forEach(a -> agents.put(a.name(), a));
        agents.put(governor.name(), governor);
        this.governor = governor.name();
    }

    public List<AgentDefinition> all() {
        return List.copyOf(agents.values());
    }

    public Optional<AgentDefinition> find(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    public AgentDefinition require(String name) {
        AgentDefinition definition = agents.get(name);
        if (definition == null) {
            throw new NotFoundException("no agent named '" + name + "'; agents: " + String.join(", ", agents.keySet()));
        }
        return definition;
    }

    public boolean isAgent(String name) {
        return agents.containsKey(name);
    }

    /**
     * The gate over every agent but the governor; the client health monitor's alerts start their own SOP, and the SOP
     * engine's tasks are steps of a governed SOP.
     */
    public Gate gate() {
        var records = new LinkedHashMap<String, Set<String>>();
        var decisions = new LinkedHashMap<String, String>();
        agents.values().stream().filter(a -> !a.name().equals(governor)).forEach(a -> {
            records.put(a.name(), a.records());
            a.emits().stream()
                    .filter(type -> !a.records().contains(type))
                    .forEach(type -> decisions.putIfAbsent(type, a.name()));
        });
        return new Gate(records, decisions, Set.of(governor, ClientHealthProjection.MONITOR, SOP_ENGINE));
    }

    public static StreamId stream(String agent) {
        return StreamId.of("AGENT", agent);
    }

    /** The agent's settings now: its defaults, evolved by every change on its stream. */
    public AgentSettings settings(UnitOfWork work, String name) {
        AgentDefinition definition = require(name);
        AgentSettings settings = definition.defaults();
        for (RecordedEvent event : work.readStream(stream(name), 1)) {
            Optional<DomainEvent> decoded = EventCodec.decode(event);
            if (decoded.isPresent() && decoded.get() instanceof AgentEvent change) {
                settings = settings.evolve(change);
            }
        }
        return settings;
    }

    public AgentSettings changeThreshold(
            UnitOfWork work, String name, double threshold, String reason, String by, Instant at) {
        AgentSettings.checkThreshold(threshold);
        return change(work, name, new AgentEvent.ThresholdChanged(name, threshold, reason, by), by, at);
    }

    public AgentSettings changeAutonomy(
            UnitOfWork work, String name, String level, String reason, String by, Instant at) {
        AutonomyLevel parsed = AutonomyLevel.parse("autonomy_level", level);
        return change(work, name, new AgentEvent.AutonomyChanged(name, parsed.wireName(), reason, by), by, at);
    }

    public AgentSettings changeFinancialLimit(
            UnitOfWork work, String name, BigDecimal limit, String reason, String by, Instant at) {
        if (limit == null || limit.signum() <= 0) {
            throw new InvalidInputException("financial_limit", "financial_limit must be a positive amount");
        }
        return change(work, name, new AgentEvent.FinancialLimitChanged(name, limit, reason, by), by, at);
    }

    private AgentSettings change(UnitOfWork work, String name, AgentEvent change, String by, Instant at) {
        require(name);
        if (by == null || by.isBlank()) {
            throw new InvalidInputException("changed_by", "changed_by is required: who changes the agent");
        }
        AgentSettings next = settings(work, name).evolve(change);
        work.append(
                stream(name),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        UUID.randomUUID(),
                        EventCodec.typeOf(change),
                        EventCodec.payload(change),
                        "{}",
                        null,
                        null,
                        by,
                        null,
                        at)));
        return next;
    }
}
