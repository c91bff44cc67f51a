package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.agents.DerivedIds;
import com.bigbox.autonomic.agents.Emission;
import com.bigbox.autonomic.events.ClientEvent;
import com.bigbox.autonomic.flow.Effective;
import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.core.StreamId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The meeting rules as a pure function: a completed meeting becomes the recorded analysis of what was said (when
 * it was read), the client's intent, one task per action item and, on bad signs, a relationship risk. What to emit
 * is returned; {@link MeetingIntelligenceAgent} reads the text and emits it.
 */
public final class MeetingDecisions {
    private static final Duration DEFAULT_DUE = Duration.ofDays(3);

    private MeetingDecisions() {}

    /** The day a meeting's relative dates ("by Friday") count from: its own, else today. */
    public static LocalDate day(MeetingEvent.Completed meeting, Instant now) {
        return meeting.date() != null
                ? meeting.date()
                : now.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * @param analysis what the extractor read in the meeting's text, or null when the meeting came with its action
     *     items already listed (the older contract) and needs no reading
     * @param now business time, which dates tasks whose words gave no date
     */
    public static List<Emission> decide(
            Effective trigger, @Nullable MeetingAnalysis analysis, MeetingReasoner reasoner, Instant now) {
        MeetingEvent.Completed meeting = trigger.payloadAs(MeetingEvent.Completed.class);
        String meetingId = meeting.meetingId() != null
                ? meeting.meetingId()
                : trigger.event().stream().id();
        var at = new Place(trigger, StreamId.of("MEETING", meetingId), meetingId, trigger.clientId());
        return analysis == null
                ? fromInsight(at, reasoner.analyse(meeting), now)
                : fromReading(at, meeting, analysis, reasoner, now);
    }

    /** Where the decisions go: the meeting's stream, and the client they concern. */
    private record Place(
            Effective trigger,
            StreamId stream,
            String meetingId,
            @Nullable String clientId) {}

    private static List<Emission> fromInsight(Place at, MeetingInsight insight, Instant now) {
        var emissions = new ArrayList<Emission>();
        emissions.add(intent(at, insight));
        int n = 0;
        for (MeetingInsight.TaskToCreate task : insight.tasks()) {
            String taskId = DerivedIds.derive(at.trigger(), "TASK", "action-item-" + n++);
            emissions.add(Emission.of(
                            StreamId.of("TASK", taskId),
                            new TaskEvent.Created(
                                    at.clientId(),
                                    taskId,
                                    task.title(),
                                    task.role(),
                                    now.plus(DEFAULT_DUE),
                                    null,
                                    null),
                            task,
                            "routine",
                            "Create task: " + task.title())
                    .action("create_task"));
        }
        insight.risk().ifPresent(risk -> emissions.add(risk(at.clientId(), risk)));
        return emissions;
    }

    private static List<Emission> fromReading(
            Place at, MeetingEvent.Completed meeting, MeetingAnalysis analysis, MeetingReasoner reasoner, Instant now) {
        LocalDate day = day(meeting, now);
        MeetingReading reading = MeetingReading.of(analysis);
        var emissions = new ArrayList<Emission>();
        emissions.add(Emission.of(
                        at.stream(),
                        new MeetingEvent.NotesAnalyzed(at.clientId(), at.meetingId(), analysis),
                        reading,
                        "routine",
                        reading.summary())
                .action("record_meeting_analysis"));
        MeetingInsight insight = reasoner.analyse(MeetingReading.asCompleted(meeting, analysis));
        emissions.add(intent(at, insight));
        int n = 0;
        for (MeetingReading.Task task : reading.tasks(day)) {
            String taskId = DerivedIds.derive(at.trigger(), "TASK", "action-item-" + n++);
            emissions.add(Emission.of(
                            StreamId.of("TASK", taskId),
                            new TaskEvent.Created(
                                    at.clientId(),
                                    taskId,
                                    task.title(),
                                    task.role(),
                                    task.dueAt() != null ? task.dueAt() : now.plus(DEFAULT_DUE),
                                    null,
                                    null,
                                    task.owner()),
                            task,
                            "routine",
                            "Create task: " + task.title())
                    .action("create_task"));
        }
        reading.risk().or(insight::risk).ifPresent(risk -> emissions.add(risk(at.clientId(), risk)));
        return emissions;
    }

    private static Emission intent(Place at, MeetingInsight insight) {
        return Emission.of(
                        at.stream(),
                        new MeetingEvent.IntentInferred(
                                at.clientId(),
                                at.meetingId(),
                                insight.intent(),
                                insight.serviceType(),
                                insight.goals(),
                                insight.budget(),
                                insight.timelineWeeks()),
                        insight,
                        "routine",
                        "Client intent: " + insight.intent())
                .action("infer_intent");
    }

    private static Emission risk(@Nullable String clientId, MeetingInsight.RiskFinding risk) {
        return Emission.of(
                        StreamId.of("CLIENT", clientId == null ? "unknown" : clientId),
                        new ClientEvent.RiskDetected(
                                clientId, risk.riskType(), risk.severity(), risk.description(), true, risk.reasons()),
                        risk,
                        "relationship_risk",
                        "Relationship risk: " + risk.description())
                .action("flag_risk")
                .requiringHuman();
    }
}
