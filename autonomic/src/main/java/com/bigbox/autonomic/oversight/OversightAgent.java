package com.bigbox.autonomic.oversight;

import static com.bigbox.autonomic.events.EventTypes.AUTONOMIC_DECISION_EXECUTED;
import static com.bigbox.autonomic.events.EventTypes.CEO_INTERRUPT_REQUIRED;
import static com.bigbox.autonomic.events.EventTypes.HUMAN_APPROVAL_REQUESTED;

import com.bigbox.autonomic.agents.AgentCatalog;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.approvals.ActionClasses;
import com.bigbox.autonomic.approvals.ApprovalCommands;
import com.bigbox.autonomic.approvals.ApprovalRequest;
import com.bigbox.autonomic.events.DecisionEvent;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.autonomic.flow.Gate;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The governor. It sees every event; for each decision (an agent's, or one of an agent's decision types
 * written by anyone else: the API, psql, a webhook) it applies {@link OversightPolicy} with the
 * agent's current settings and the policies of the SOPs running in the flow, then appends
 * {@code AUTONOMIC_DECISION_EXECUTED} to the decision's stream, or queues a human approval
 * ({@code HUMAN_APPROVAL_REQUESTED}, or {@code CEO_INTERRUPT_REQUIRED} for the CEO).
 */
public final class OversightAgent {
    public static final String NAME = "OversightAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "governs every agent decision: executes it, asks a person, or interrupts the CEO",
            Set.of("*"),
            Set.of(HUMAN_APPROVAL_REQUESTED, AUTONOMIC_DECISION_EXECUTED, CEO_INTERRUPT_REQUIRED),
            Set.of(HUMAN_APPROVAL_REQUESTED, AUTONOMIC_DECISION_EXECUTED, CEO_INTERRUPT_REQUIRED),
            AgentSettings.defaults(0.75));
    private static final Logger log = LoggerFactory.getLogger(OversightAgent.class);

    private final AgentCatalog agents;
    private final Gate gate;
    private final OversightPolicy policy;
    private final SopPolicies sopPolicies;
    private final ApprovalCommands approvals;
    private final Clock clock;

    public OversightAgent(
            AgentCatalog agents,
            OversightPolicy policy,
            SopPolicies sopPolicies,
            ApprovalCommands approvals,
            Clock clock) {
        this.agents = agents;
        this.gate = agents.gate();
        this.policy = policy;
        this.sopPolicies = sopPolicies;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** Rules on {@code event} if it is a decision waiting for Oversight; anything else passes by. */
    public void govern(RecordedEvent event, UnitOfWork work) {
        Optional<String> agent = gate.governingAgent(event);
        if (agent.isEmpty()) {
            return;
        }
        DecisionFacts facts = DecisionFacts.of(event, agent.get());
        AgentSettings settings = agents.settings(work, facts.agentId());
        Verdict verdict = policy.evaluate(facts, settings, sopPolicies.activeFor(work, event.correlationId()));
        switch (verdict) {
            case Verdict.Execute execute -> execute(event, facts, settings, execute, work);
            case Verdict.RequireHuman human ->
                approvals.request(
                        work,
                        new ApprovalRequest(
                                event,
                                Flows.clientIdIn(event.payload()),
                                recommendedAction(event, facts),
                                context(event, facts, settings, verdict),
                                human.actionClass(),
                                human.role(),
                                human.priority(),
                                human.silenceApproves(),
                                human.requiredApprovals(),
                                human.reasons(),
                                false,
                                NAME));
            case Verdict.InterruptCeo ceo ->
                approvals.request(
                        work,
                        new ApprovalRequest(
                                event,
                                Flows.clientIdIn(event.payload()),
                                recommendedAction(event, facts),
                                context(event, facts, settings, verdict),
                                ActionClasses.CEO_DECISION,
                                "ceo",
                                "critical",
                                false,
                                ceo.requiredApprovals(),
                                ceo.reasons(),
                                true,
                                NAME));
        }
    }

    private void execute(
            RecordedEvent decision,
            DecisionFacts facts,
            AgentSettings settings,
            Verdict.Execute verdict,
            UnitOfWork work) {
        var executed = new DecisionEvent.Executed(
                Flows.clientIdIn(decision.payload()),
                decision.eventId(),
                decision.type(),
                facts.agentId(),
                facts.confidence(),
                settings.autonomy().wireName(),
                verdict.reasons());
        UUID id = UUID.nameUUIDFromBytes(("oversight/" + decision.eventId()).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Instant at = decision.timestamp() != null && decision.timestamp().isAfter(now) ? decision.timestamp() : now;
        work.append(
                decision.stream(),
                ExpectedVersion.any(),
                List.of(new NewEvent(
                        id,
                        AUTONOMIC_DECISION_EXECUTED,
                        EventCodec.payload(executed),
                        EventCodec.write(Map.of("reasons", verdict.reasons())),
                        decision.correlationId(),
                        decision.eventId(),
                        NAME,
                        decision.confidence(),
                        at)));
        log.info(
                "Executed {} {} of {} autonomously (confidence {})",
                decision.type(),
                decision.stream(),
                facts.agentId(),
                facts.confidence());
    }

    private static String recommendedAction(RecordedEvent decision, DecisionFacts facts) {
        return facts.summary() != null
                ? facts.summary()
                : "Let " + decision.type() + " on " + decision.stream() + " take effect";
    }

    private static String context(
            RecordedEvent decision, DecisionFacts facts, AgentSettings settings, Verdict verdict) {
        var context = new LinkedHashMap<String, Object>();
        // The access layer's tenancy reads an approval's client here.
        context.put("client_id", Flows.clientIdIn(decision.payload()));
        context.put("decision_event_type", decision.type());
        context.put("entity_type", decision.stream().type());
        context.put("entity_id", decision.stream().id());
        context.put("decision", EventCodec.tree(decision.payload()));
        context.put("agent_reasons", facts.metadata().reasons());
        if (!decision.emittedBy().equals(facts.agentId())) {
            // Written by a person or a system (the API, psql, a webhook), held to the settings of the type's agent.
            context.put("written_by", decision.emittedBy());
        }
        context.put("oversight_reasons", verdict.reasons());
        context.put(
                "rule",
                switch (verdict) {
                    case Verdict.RequireHuman h -> h.rule();
                    case Verdict.InterruptCeo c -> c.rule();
                    case Verdict.Execute e -> "execute";
                });
        // The threshold this decision was held to: its type's own where it has one.
        context.put("agent_threshold", settings.thresholdFor(decision.type()));
        context.put("agent_autonomy", settings.autonomy().wireName());
        context.put("financial_limit", settings.financialLimit());
        if (facts.amount() != null) {
            context.put("amount", facts.amount());
        }
        return EventCodec.write(context);
    }
}
