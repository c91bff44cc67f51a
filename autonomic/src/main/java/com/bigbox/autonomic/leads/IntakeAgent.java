package com.bigbox.autonomic.leads;

import static com.bigbox.autonomic.events.EventTypes.LEAD_DISQUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_INQUIRY_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_QUALIFIED;
import static com.bigbox.autonomic.events.EventTypes.LEAD_RECEIVED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_SCHEDULED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.flow.Effective;
import java.util.Set;

/**
 * Intake: a raw lead ({@code LEAD_RECEIVED}) becomes a recorded inquiry ({@code LEAD_INQUIRY_RECEIVED},
 * the same the intake path records), the inquiry is qualified or not, and a released qualification books
 * the discovery meeting. The adapter between the runtime and {@link IntakeDecisions}: it emits what they decide.
 */
public final class IntakeAgent implements Agent {
    public static final String NAME = "IntakeAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "records and qualifies lead inquiries and books the discovery meeting",
            Set.of(LEAD_RECEIVED, LEAD_INQUIRY_RECEIVED, LEAD_QUALIFIED),
            Set.of(LEAD_INQUIRY_RECEIVED, LEAD_QUALIFIED, LEAD_DISQUALIFIED, MEETING_SCHEDULED),
            Set.of(LEAD_INQUIRY_RECEIVED),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        IntakeDecisions.decide(trigger, LeadReasoner.in(context.reasoner()), context.now())
                .forEach(context::emit);
    }
}
