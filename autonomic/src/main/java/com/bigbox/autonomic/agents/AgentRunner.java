package com.bigbox.autonomic.agents;

import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.flow.Gate;
import com.bigbox.autonomic.reasoning.Reasoner;
import com.bigbox.core.Confidence;
import com.bigbox.core.EventFilter;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent as the handler of its durable subscription: resolves what takes effect, lets the agent
 * react, and appends its emissions in the subscription's transaction (so the effect and the checkpoint
 * commit together). An event the agent keeps failing on is retried {@code maxAttempts} times, then
 * becomes a high-severity {@code RISK_DETECTED} for a person and the subscription moves on.
 */
public final class AgentRunner implements SubscriptionHandler {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(AgentRunner.class);

    private final Agent agent;
    private final Flows flows;
    private final Clock clock;
    private final Reasoner reasoner;
    private final HandlerFailures failures;

    public AgentRunner(Agent agent, Flows flows, Clock clock, Reasoner reasoner, int maxAttempts) {
        this.agent = agent;
        this.flows = flows;
        this.clock = clock;
        this.reasoner = reasoner;
        this.failures = new HandlerFailures(maxAttempts);
    }

    /** The events the subscription must see: its triggers and the releases of decisions. */
    public EventFilter filter() {
        var types = new HashSet<>(agent.definition().triggers());
        types.addAll(Gate.RELEASES);
        return EventFilter.types(types);
    }

    public String subscriptionName() {
        return agent.definition().subscriptionName();
    }

    @Override
    public void handle(RecordedEvent event, UnitOfWork work) throws Exception {
        HandlerFailures.Failure exhausted = failures.exhausted(event.eventId());
        if (exhausted != null) {
            reportFailure(event, work, exhausted);
            failures.clear(event.eventId());
            return;
        }
        try {
            Optional<Effective> trigger = flows.resolve(event, work);
            if (trigger.isEmpty()
                    || !agent.definition().triggers().contains(trigger.get().type())) {
                return;
            }
            var context = new AgentContext(agent.definition(), trigger.get(), work, clock, reasoner);
            agent.react(trigger.get(), context);
            context.flush();
            if (!context.emissions().isEmpty()) {
                log.info(
                        "{} reacted to {} {}: {}",
                        agent.definition().name(),
                        trigger.get().type(),
                        trigger.get().event().stream(),
                        context.emissions().stream()
                                .map(e -> EventCodec.typeOf(e.payload()) + "@"
                                        + e.judgement().confidence())
                                .toList());
            }
            failures.clear(event.eventId());
        } catch (Exception e) {
            failures.record(event.eventId(), e);
            throw e;
        }
    }

    private void reportFailure(RecordedEvent event, UnitOfWork work, HandlerFailures.Failure failure) {
        String agentName = agent.definition().name();
        String clientId = Flows.clientIdIn(event.payload());
        var risk = new ClientEvent.RiskDetected(
                clientId,
                "agent_failure",
                "high",
                agentName + " failed " + failure.attempts() + " times on " + event.type() + " " + event.eventId(),
                true,
                List.of(failure.lastError(), "the event was skipped after " + failure.attempts() + " attempts"));
        var metadata = new DecisionMetadata(
                risk.reasons(),
                reasoner.name(),
                "relationship_risk",
                "investigate_failure",
                "Investigate: " + risk.description(),
                true,
                List.of(event.eventId()));
        UUID id = UUID.nameUUIDFromBytes((agentName + "/failure/" + event.eventId()).getBytes(StandardCharsets.UTF_8));
        StreamId stream = clientId == null ? StreamId.of("SYSTEM", "agent-failures") : StreamId.of("CLIENT", clientId);
        work.append(
                stream,
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        id,
                        EventCodec.typeOf(risk),
                        EventCodec.payload(risk),
                        EventCodec.write(metadata),
                        event.correlationId(),
                        event.eventId(),
                        agentName,
                        Confidence.of(1.0),
                        clock.instant())));
        log.warn(
                "{} gave up on {} {} after {} attempts ({}); RISK_DETECTED for a person",
                agentName,
                event.type(),
                event.eventId(),
                failure.attempts(),
                failure.lastError());
    }
}
