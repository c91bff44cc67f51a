package com.bigbox.postgres.autonomic;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.meetings.MeetingEvent;
import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.autonomic.projects.TaskEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A meeting sent as its transcript: the meeting agent records MEETING_NOTES_ANALYZED with every extraction and its
 * evidence, then creates a task per action item with the owner and due date the words gave, infers the intent,
 * and sends what it is unsure of to a person.
 */
class MeetingTranscriptIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final MutableClock clock = new MutableClock(Instant.parse("2026-12-09T15:00:00Z"));
    static AutonomicHarness engine;

    @BeforeAll
    static void start() {
        engine = AutonomicHarness.start(db, "meetings", clock);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    // Which turns the shipped classifier finds, and how sure it is, is the model's: retraining may change them.
    static final String TRANSCRIPT = """
            {"client_id": "CLIENT-acme", "meeting_id": "MEET-acme-1", "date": "2026-12-09", "attended": true,
             "transcript": [
              {"speaker": "Chloe", "role": "client", "start": 10, "end": 18, "text": "Thanks for coming. We want a new brand and logo for the spring launch."},
              {"speaker": "Chloe", "role": "client", "start": 20, "end": 28, "text": "Our budget is twenty thousand Euro, and honestly we were disappointed that the last agency was late."},
              {"speaker": "Ben", "role": "account manager", "start": 30, "end": 38, "text": "Understood. So the designer is gonna work on three logo options by Friday."},
              {"speaker": "Ben", "role": "account manager", "start": 40, "end": 48, "text": "And you will send us your brand guidelines next week, and I'll prepare the quote."},
              {"speaker": "Chloe", "role": "client", "start": 50, "end": 58, "text": "Okay, that sounds good."},
              {"speaker": "Ben", "role": "account manager", "start": 60, "end": 68, "text": "So for the next meeting the designer is gonna be working on the logo options, by Friday."},
              {"speaker": "Ben", "role": "account manager", "start": 70, "end": 78, "text": "Dana, you're gonna look at the colours and the materials for next week."},
              {"speaker": "Chloe", "role": "client", "start": 80, "end": 88, "text": "Right, we'll send you the brand guidelines."}
             ]}""";

    @Test
    void aTranscriptBecomesAnAnalysisTasksWithOwnersAndDatesAndAnApproval() {
        RecordedEvent completed =
                engine.post(StreamId.of("MEETING", "MEET-acme-1"), "MEETING_COMPLETED", TRANSCRIPT, "ben", clock);

        RecordedEvent analyzed =
                engine.awaitEvent("MEETING_NOTES_ANALYZED", e -> e.causationId().equals(completed.eventId()));
        MeetingAnalysis analysis =
                EventCodec.decode(analyzed, MeetingEvent.NotesAnalyzed.class).analysis();
        assertThat(analysis.extractor()).isEqualTo("default");
        assertThat(analysis.version()).matches("1\\.0\\+[0-9a-f]{12}");
        assertThat(analysis.service().serviceType()).isEqualTo("brand_identity");
        assertThat(analysis.budget().value()).isEqualByComparingTo("20000");
        assertThat(analysis.budget().turnId()).isEqualTo("t2");
        assertThat(analysis.entities()).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo("MONEY");
            assertThat(m.text()).isEqualTo("twenty thousand Euro");
            assertThat(m.turnId()).isEqualTo("t2");
        });
        assertThat(analysis.negativeClientTurns()).extracting(n -> n.turnId()).containsExactly("t2");
        assertThat(analysis.actionItems())
                .extracting(MeetingAnalysis.ActionItem::turnId)
                .contains("t6");

        // One task per action item, with the owner and due date the words gave.
        engine.awaitQuiet();
        List<RecordedEvent> tasks = engine.ofType("TASK_CREATED").stream()
                .filter(e -> e.causationId().equals(completed.eventId()))
                .toList();
        assertThat(tasks).hasSize(analysis.actionItems().size());
        RecordedEvent designerTask = task(tasks, "the designer is gonna be working on the logo options");
        TaskEvent.Created designer = EventCodec.decode(designerTask, TaskEvent.Created.class);
        assertThat(designer.owner()).isEqualTo("ROLE:designer");
        assertThat(designer.role()).isEqualTo("designer");
        assertThat(designer.dueAt()).isEqualTo(Instant.parse("2026-12-11T17:00:00Z"));

        // What the agent is sure of takes effect; what it is unsure of waits for a person. Which side a task falls
        // on is the classifier's probability (calibrated on the 0.4% of acts that are action items, it is seldom
        // above the agent's 0.75), so each task is checked against its own confidence, and at least one waits.
        for (RecordedEvent t : tasks) {
            if (t.confidence().value() >= 0.75) {
                assertThat(engine.awaitRelease(t.eventId()).type()).isEqualTo("AUTONOMIC_DECISION_EXECUTED");
            } else {
                assertThat(engine.awaitPendingApproval(t.eventId()).decisionContext())
                        .contains("action item said in turn t");
            }
        }
        assertThat(tasks).anyMatch(t -> t.confidence().value() < 0.75);
        if (designerTask.confidence().value() < 0.75) {
            assertThat(engine.awaitPendingApproval(designerTask.eventId()).decisionContext())
                    .contains("action item said in turn t6");
        }

        RecordedEvent intent =
                engine.awaitEvent("INTENT_INFERRED", e -> e.causationId().equals(completed.eventId()));
        MeetingEvent.IntentInferred inferred = EventCodec.decode(intent, MeetingEvent.IntentInferred.class);
        assertThat(inferred.serviceType()).isEqualTo("brand_identity");
        assertThat(inferred.budget()).isEqualByComparingTo("20000");
        RecordedEvent risk =
                engine.awaitEvent("RISK_DETECTED", e -> e.causationId().equals(completed.eventId()));
        assertThat(engine.awaitPendingApproval(risk.eventId()).decisionContext())
                .contains("disappointed");
    }

    private static RecordedEvent task(List<RecordedEvent> tasks, String words) {
        return tasks.stream()
                .filter(e ->
                        EventCodec.decode(e, TaskEvent.Created.class).title().contains(words))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task says '" + words + "'"));
    }

    @Test
    void aMeetingWithItsActionItemsAlreadyListedKeepsTheOlderContract() {
        RecordedEvent completed =
                engine.post(StreamId.of("MEETING", "MEET-acme-2"), "MEETING_COMPLETED", """
                {"client_id": "CLIENT-acme", "sentiment": 0.6, "attended": true, "action_items": ["Send moodboard examples"],
                 "service_type": "campaign", "budget": 25000, "timeline_weeks": 7, "notes": "went well"}""", "ben", clock);
        RecordedEvent task =
                engine.awaitEvent("TASK_CREATED", e -> e.causationId().equals(completed.eventId()));
        assertThat(EventCodec.decode(task, TaskEvent.Created.class).title()).isEqualTo("Send moodboard examples");
        engine.awaitQuiet();
        assertThat(engine.ofType("MEETING_NOTES_ANALYZED"))
                .noneMatch(e -> e.causationId().equals(completed.eventId()));
    }
}
