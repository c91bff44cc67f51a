package com.bigbox.autonomic.improvement;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.events.AgentEvent;
import com.bigbox.autonomic.events.ApprovalEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.events.ImprovementEvent;
import com.bigbox.autonomic.improvement.loops.LoopActions;
import com.bigbox.autonomic.improvement.loops.SopProposals;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Carries out what a person (or silence) approved of the loops' proposals: a proposed SOP version is
 * activated, a proposed agent change is made, with the approval in its evidence. A durable subscription
 * ({@link #SUBSCRIPTION}); its effects have ids derived from the approval, so a redelivery changes nothing.
 */
public final class ImprovementExecutor implements SubscriptionHandler {
    public static final String SUBSCRIPTION = "improvement:executor";
    public static final Set<String> RELEASES =
            Set.of(EventTypes.HUMAN_APPROVAL_GRANTED, EventTypes.HUMAN_OVERRIDE, EventTypes.APPROVED_BY_SILENCE);

    private final SopProposals proposals;
    private final AgentCatalog agents;
    private final Clock clock;

    public ImprovementExecutor(SopProposals proposals, AgentCatalog agents, Clock clock) {
        this.proposals = proposals;
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    public void handle(RecordedEvent event, UnitOfWork work) {
        if (!RELEASES.contains(event.type())) {
            return;
        }
        ApprovalEvent release = EventCodec.decode(event, releaseType(event.type()));
        UUID decisionId;
        String decisionType;
        String by;
        Map<String, Object> modifications = Map.of();
        switch (release) {
            case ApprovalEvent.Granted g -> {
                decisionId = g.decisionEventId();
                decisionType = g.decisionEventType();
                by = g.decidedBy();
            }
            case ApprovalEvent.Overridden o -> {
                decisionId = o.decisionEventId();
                decisionType = o.decisionEventType();
                by = o.decidedBy();
                modifications = o.modifications();
            }
            case ApprovalEvent.ApprovedBySilence s -> {
                decisionId = s.decisionEventId();
                decisionType = s.decisionEventType();
                by = event.emittedBy();
            }
            default -> {
                return;
            }
        }
        if (!EventTypes.SOP_VERSION_PROPOSED.equals(decisionType)
                && !EventTypes.AGENT_CHANGE_PROPOSED.equals(decisionType)) {
            return;
        }
        RecordedEvent decision = work.find(decisionId).orElse(null);
        if (decision == null) {
            return;
        }
        if (EventTypes.SOP_VERSION_PROPOSED.equals(decisionType)) {
            proposals.activate(
                    work, decision, EventCodec.decode(decision, ImprovementEvent.SopVersionProposed.class), by);
        } else {
            applyAgentChange(work, event, decision, by, modifications);
        }
    }

    private void applyAgentChange(
            UnitOfWork work,
            RecordedEvent release,
            RecordedEvent decision,
            String by,
            Map<String, Object> modifications) {
        var proposed = EventCodec.decode(decision, ImprovementEvent.AgentChangeProposed.class);
        String after =
                modifications.containsKey("after") ? String.valueOf(modifications.get("after")) : proposed.after();
        String reason = proposed.reason() + " (approved by " + by + ")";
        AgentEvent change = switch (proposed.setting()) {
            // A proposal for one decision type changes that type's threshold only.
            case "threshold" ->
                new AgentEvent.ThresholdChanged(
                        proposed.agentId(), Double.parseDouble(after), reason, by, proposed.decisionType());
            case "autonomy_level" -> new AgentEvent.AutonomyChanged(proposed.agentId(), after, reason, by);
            default ->
                throw new IllegalStateException(
                        "a proposal changes threshold or autonomy_level, not " + proposed.setting());
        };
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("loop", proposed.loop());
        metadata.put("before", proposed.before());
        metadata.put("after", after);
        if (proposed.decisionType() != null) {
            metadata.put("for_decision_type", proposed.decisionType());
        }
        metadata.put(
                "approval_id",
                EventCodec.tree(release.payload()).path("approval_id").asText());
        metadata.put("evidence", proposed.evidence());
        Instant at = clock.instant();
        work.append(
                AgentCatalog.stream(proposed.agentId()),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        LoopActions.idOf("apply", release.eventId().toString()),
                        EventCodec.typeOf(change),
                        EventCodec.payload(change),
                        EventCodec.write(metadata),
                        decision.correlationId(),
                        release.eventId(),
                        by,
                        null,
                        at)));
        agents.require(proposed.agentId());
    }

    private static Class<? extends ApprovalEvent> releaseType(String type) {
        return switch (type) {
            case EventTypes.HUMAN_APPROVAL_GRANTED -> ApprovalEvent.Granted.class;
            case EventTypes.HUMAN_OVERRIDE -> ApprovalEvent.Overridden.class;
            default -> ApprovalEvent.ApprovedBySilence.class;
        };
    }
}
