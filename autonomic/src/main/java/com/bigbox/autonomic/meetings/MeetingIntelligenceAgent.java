package com.bigbox.autonomic.meetings;

import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_NOTES_ANALYZED;
import static com.bigbox.autonomic.events.EventTypes.RISK_DETECTED;
import static com.bigbox.autonomic.events.EventTypes.TASK_CREATED;

import com.bigbox.autonomic.agents.Agent;
import com.bigbox.autonomic.agents.AgentContext;
import com.bigbox.autonomic.agents.AgentDefinition;
import com.bigbox.autonomic.agents.AgentSettings;
import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.extraction.DefaultMeetingExtractor;
import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.autonomic.meetings.extraction.MeetingExtractor;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.autonomic.reasoning.MeetingInsight;
import com.bigbox.core.StreamId;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Meeting intelligence: what was said in a meeting (a transcript or notes) becomes a recorded analysis, the
 * client's intent, follow-up tasks with owners and dates and, on bad signs, a risk. A meeting posted with its
 * action items already listed (the older contract) skips the reading.
 */
public final class MeetingIntelligenceAgent implements Agent {
    public static final String NAME = "MeetingIntelligenceAgent";
    public static final AgentDefinition DEFINITION = new AgentDefinition(
            NAME,
            "reads completed meetings: records what was said, infers intent, follow-up tasks and relationship risk",
            Set.of(MEETING_COMPLETED),
            Set.of(MEETING_NOTES_ANALYZED, INTENT_INFERRED, TASK_CREATED, RISK_DETECTED),
            // The analysis is the evidence the decisions cite, not a decision of its own: Oversight judges what follows
            // from it.
            Set.of(MEETING_NOTES_ANALYZED),
            AgentSettings.defaults(0.75));

    private final Supplier<MeetingExtractor> extractor;

    /** With the offline extractor, its models loaded on the first meeting that needs reading. */
    public MeetingIntelligenceAgent() {
        this(new Lazy(DefaultMeetingExtractor::shipped));
    }

    public MeetingIntelligenceAgent(MeetingExtractor extractor) {
        this(() -> extractor);
    }

    private MeetingIntelligenceAgent(Supplier<MeetingExtractor> extractor) {
        this.extractor = extractor;
    }

    @Override
    public AgentDefinition definition() {
        return DEFINITION;
    }

    @Override
    public void react(Effective trigger, AgentContext context) {
        MeetingEvent.Completed meeting = trigger.payloadAs(MeetingEvent.Completed.class);
        String meetingId = meeting.meetingId() != null
                ? meeting.meetingId()
                : trigger.event().stream().id();
        String clientId = trigger.clientId();
        StreamId stream = StreamId.of("MEETING", meetingId);
        if (!meeting.needsReading()) {
            emitInsight(context, stream, meetingId, clientId, context.reasoner().analyse(meeting));
            return;
        }
        LocalDate day = meeting.date() != null
                ? meeting.date()
                : context.now().atZone(ZoneOffset.UTC).toLocalDate();
        MeetingAnalysis analysis =
                extractor.get().analyse(MeetingReading.turns(meeting.transcript(), meeting.notes()), day);
        MeetingReading reading = MeetingReading.of(analysis);
        context.emit(Emission.of(
                        stream,
                        new MeetingEvent.NotesAnalyzed(clientId, meetingId, analysis),
                        reading,
                        "routine",
                        reading.summary())
                .action("record_meeting_analysis"));
        MeetingInsight insight = context.reasoner().analyse(MeetingReading.asCompleted(meeting, analysis));
        emitIntent(context, stream, meetingId, clientId, insight);
        int n = 0;
        for (MeetingReading.Task task : reading.tasks(day)) {
            String taskId = context.derivedId("TASK", "action-item-" + n++);
            context.emit(Emission.of(
                            StreamId.of("TASK", taskId),
                            new TaskEvent.Created(
                                    clientId,
                                    taskId,
                                    task.title(),
                                    task.role(),
                                    task.dueAt() != null
                                            ? task.dueAt()
                                            : context.now().plus(Duration.ofDays(3)),
                                    null,
                                    null,
                                    task.owner()),
                            task,
                            "routine",
                            "Create task: " + task.title())
                    .action("create_task"));
        }
        reading.risk().or(insight::risk).ifPresent(risk -> emitRisk(context, clientId, risk));
    }

    private static void emitInsight(
            AgentContext context,
            StreamId stream,
            String meetingId,
            @Nullable String clientId,
            MeetingInsight insight) {
        emitIntent(context, stream, meetingId, clientId, insight);
        int n = 0;
        for (MeetingInsight.TaskToCreate task : insight.tasks()) {
            String taskId = context.derivedId("TASK", "action-item-" + n++);
            context.emit(Emission.of(
                            StreamId.of("TASK", taskId),
                            new TaskEvent.Created(
                                    clientId,
                                    taskId,
                                    task.title(),
                                    task.role(),
                                    context.now().plus(Duration.ofDays(3)),
                                    null,
                                    null),
                            task,
                            "routine",
                            "Create task: " + task.title())
                    .action("create_task"));
        }
        insight.risk().ifPresent(risk -> emitRisk(context, clientId, risk));
    }

    private static void emitIntent(
            AgentContext context,
            StreamId stream,
            String meetingId,
            @Nullable String clientId,
            MeetingInsight insight) {
        context.emit(Emission.of(
                        stream,
                        new MeetingEvent.IntentInferred(
                                clientId,
                                meetingId,
                                insight.intent(),
                                insight.serviceType(),
                                insight.goals(),
                                insight.budget(),
                                insight.timelineWeeks()),
                        insight,
                        "routine",
                        "Client intent: " + insight.intent())
                .action("infer_intent"));
    }

    private static void emitRisk(AgentContext context, @Nullable String clientId, MeetingInsight.RiskFinding risk) {
        context.emit(Emission.of(
                        StreamId.of("CLIENT", clientId == null ? "unknown" : clientId),
                        new ClientEvent.RiskDetected(
                                clientId, risk.riskType(), risk.severity(), risk.description(), true, risk.reasons()),
                        risk,
                        "relationship_risk",
                        "Relationship risk: " + risk.description())
                .action("flag_risk")
                .requiringHuman());
    }

    /** Loads the models once, when first needed: an engine that never reads a transcript never loads them. */
    private static final class Lazy implements Supplier<MeetingExtractor> {
        private final Supplier<MeetingExtractor> load;
        private volatile @Nullable MeetingExtractor loaded;

        Lazy(Supplier<MeetingExtractor> load) {
            this.load = load;
        }

        @Override
        public MeetingExtractor get() {
            MeetingExtractor e = loaded;
            if (e == null) {
                synchronized (this) {
                    e = loaded;
                    if (e == null) {
                        e = load.get();
                        loaded = e;
                    }
                }
            }
            return e;
        }
    }
}
