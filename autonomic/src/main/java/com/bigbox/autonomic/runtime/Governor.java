package com.bigbox.autonomic.runtime;

import com.bigbox.autonomic.agents.DecisionMetadata;
import com.bigbox.autonomic.agents.HandlerFailures;
import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.oversight.OversightAgent;
import com.bigbox.autonomic.projections.ProjectionLock;
import com.bigbox.autonomic.sop.SopEngine;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governor's subscription: for each event, first the SOP engine (so that an SOP started by an event
 * governs every decision after it), then Oversight. One subscription, one order: which SOP policies
 * apply to a decision never depends on which of two handlers ran first. An event it keeps failing on
 * becomes a high-severity {@code RISK_DETECTED} that asks for a person, and delivery goes on.
 */
final class Governor implements SubscriptionHandler {
    private static final Logger log = LoggerFactory.getLogger(Governor.class);

    private final SopEngine sops;
    private final OversightAgent oversight;
    private final ProjectionLock lock;
    private final Clock clock;
    private final HandlerFailures failures;

    Governor(SopEngine sops, OversightAgent oversight, ProjectionLock lock, Clock clock, int maxAttempts) {
        this.sops = sops;
        this.oversight = oversight;
        this.lock = lock;
        this.clock = clock;
        this.failures = new HandlerFailures(maxAttempts);
    }

    @Override
    public void handle(RecordedEvent event, UnitOfWork work) {
        // It writes SOP executions and approvals: a rebuild of those must not run beside it.
        lock.shared(work);
        HandlerFailures.Failure exhausted = failures.exhausted(event.eventId());
        if (exhausted != null) {
            report(event, work, exhausted);
            failures.clear(event.eventId());
            return;
        }
        try {
            sops.handle(event, work);
            oversight.govern(event, work);
            failures.clear(event.eventId());
        } catch (RuntimeException e) {
            failures.record(event.eventId(), e);
            throw e;
        }
    }

    private void report(RecordedEvent event, UnitOfWork work, HandlerFailures.Failure failure) {
        String clientId = Flows.clientIdIn(event.payload());
        var risk = new ClientEvent.RiskDetected(
                clientId,
                "agent_failure",
                "high",
                OversightAgent.NAME + " failed " + failure.attempts() + " times on " + event.type() + " "
                        + event.eventId(),
                true,
                List.of(failure.lastError(), "the event was skipped; a person must check it"));
        var metadata = new DecisionMetadata(
                risk.reasons(),
                "rules",
                "relationship_risk",
                "investigate_failure",
                "Investigate: " + risk.description(),
                true,
                List.of(event.eventId()));
        UUID id = UUID.nameUUIDFromBytes(
                (OversightAgent.NAME + "/failure/" + event.eventId()).getBytes(StandardCharsets.UTF_8));
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
                        OversightAgent.NAME,
                        null,
                        clock.instant())));
        log.warn(
                "{} gave up on {} {} after {} attempts ({}); RISK_DETECTED for a person",
                OversightAgent.NAME,
                event.type(),
                event.eventId(),
                failure.attempts(),
                failure.lastError());
    }
}
