package com.bigbox.autonomic.agents;

import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.RISK_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.events.TaskEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.reasoning.MeetingInsight;
import com.bigbox.core.StreamId;
import java.time.Duration;
import java.util.Set;

/** Meeting intelligence: a meeting's notes become the client's intent, follow-up tasks and, on bad signs, a risk. */
public final class MeetingIntelligenceAgent implements Agent {
    public static final String NAME = "MeetingIntelligenceAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(NAME,
            "infers intent, follow-up tasks and relationship risk from completed meetings",
            Set.of(MEETING_COMPLETED), Set.of(INTENT_INFERRED, TASK_CREATED, RISK_DETECTED), Set.of(),
            AgentSettings.defaults(0.75));

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        MeetingEvent.Completed meeting = trigger.payloadAs(MeetingEvent.Completed.class);
        String meetingId = meeting.meetingId() != null ? meeting.meetingId() : trigger.event().stream().id();
        MeetingInsight insight = context.reasoner().analyse(meeting);
        String clientId = trigger.clientId();
        context.emit(Emission.of(StreamId.of("MEETING", meetingId), new MeetingEvent.IntentInferred(clientId, meetingId,
                insight.intent(), insight.serviceType(), insight.goals(), insight.budget(), insight.timelineWeeks()),
                insight, "routine", "Client intent: " + insight.intent()).action("infer_intent"));
        int n = 0;
        for (MeetingInsight.TaskToCreate task : insight.tasks()) {
            String taskId = context.derivedId("TASK", "action-item-" + n++);
            context.emit(Emission.of(StreamId.of("TASK", taskId), new TaskEvent.Created(clientId, taskId, task.title(),
                    task.role(), context.now().plus(Duration.ofDays(3)), null, null), task, "routine",
                    "Create task: " + task.title()).action("create_task"));
        }
        insight.risk().ifPresent(risk -> context.emit(Emission.of(StreamId.of("CLIENT", clientId == null ? "unknown" : clientId),
                new ClientEvent.RiskDetected(clientId, risk.riskType(), risk.severity(), risk.description(), true,
                        risk.reasons()), risk, "relationship_risk", "Relationship risk: " + risk.description())
                .action("flag_risk").requiringHuman()));
    }
}
