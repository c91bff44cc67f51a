package com.bigbox.postgres.autonomic;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.approvals.Approval;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.MeetingEvent;
import com.bigbox.autonomic.events.TaskEvent;
import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    static final String TRANSCRIPT = """
            {"client_id": "CLIENT-acme", "meeting_id": "MEET-acme-1", "date": "2026-12-09", "attended": true,
             "transcript": [
              {"speaker": "Chloe", "role": "client", "start": 0, "text": "Thanks for coming. We want a new brand and logo for the spring launch."},
              {"speaker": "Chloe", "role": "client", "start": 9, "text": "Our budget is twenty thousand Euro, and honestly we were disappointed that the last agency was late."},
              {"speaker": "Ben", "role": "account manager", "start": 20, "text": "Understood. So the designer is gonna work on three logo options by Friday."},
              {"speaker": "Ben", "role": "account manager", "start": 28, "text": "And you will send us your brand guidelines next week, and I'll prepare the quote."},
              {"speaker": "Chloe", "role": "client", "start": 40, "text": "Okay, that sounds good."}
             ]}""";

    @Test
    void aTranscriptBecomesAnAnalysisTasksWithOwnersAndDatesAndAnApproval() {
        RecordedEvent completed = engine.post(StreamId.of("MEETING", "MEET-acme-1"), "MEETING_COMPLETED", TRANSCRIPT, "ben", clock);

        RecordedEvent analyzed = engine.awaitEvent("MEETING_NOTES_ANALYZED", e -> e.causationId().equals(completed.eventId()));
        MeetingAnalysis analysis = EventCodec.decode(analyzed, MeetingEvent.NotesAnalyzed.class).analysis();
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
        assertThat(analysis.actionItems()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.turnId()).matches("t[1-5]");
            assertThat(i.confidence()).isBetween(0.0, 1.0);
        });

        // One task per action item, with the owner and due date the words gave.
        engine.awaitQuiet();
        List<RecordedEvent> tasks = engine.ofType("TASK_CREATED").stream()
                .filter(e -> e.causationId().equals(completed.eventId())).toList();
        assertThat(tasks).hasSize(analysis.actionItems().size());
        List<TaskEvent.Created> created = tasks.stream().map(e -> EventCodec.decode(e, TaskEvent.Created.class)).toList();
        for (MeetingAnalysis.ActionItem item : analysis.actionItems()) {
            TaskEvent.Created task = created.stream().filter(t -> t.title().equals(item.what())).findFirst().orElseThrow();
            if (item.due() != null) {
                assertThat(task.dueAt()).isEqualTo(item.due().atTime(17, 0).toInstant(ZoneOffset.UTC));
            }
            if (item.owner() != null) {
                assertThat(task.owner()).isEqualTo(item.owner().kind() + ":" + item.owner().name());
            }
        }
        assertThat(created).anySatisfy(t -> {
            assertThat(t.title()).contains("three logo options by Friday");
            assertThat(t.owner()).isEqualTo("ROLE:designer");
            assertThat(t.role()).isEqualTo("designer");
            assertThat(t.dueAt()).isEqualTo(LocalDate.of(2026, 12, 11).atTime(17, 0).toInstant(ZoneOffset.UTC));
        });

        // What the agent is unsure of waits for a person; what it is sure of takes effect.
        for (RecordedEvent task : tasks) {
            if (task.confidence().value() < 0.75) {
                Approval approval = engine.awaitPendingApproval(task.eventId());
                assertThat(approval.decisionContext()).contains("action item said in turn");
            } else {
                assertThat(engine.awaitRelease(task.eventId()).type()).isEqualTo("AUTONOMIC_DECISION_EXECUTED");
            }
        }
        assertThat(tasks).as("the classifier is unsure of at least one of these turns")
                .anyMatch(t -> t.confidence().value() < 0.75);

        RecordedEvent intent = engine.awaitEvent("INTENT_INFERRED", e -> e.causationId().equals(completed.eventId()));
        MeetingEvent.IntentInferred inferred = EventCodec.decode(intent, MeetingEvent.IntentInferred.class);
        assertThat(inferred.serviceType()).isEqualTo("brand_identity");
        assertThat(inferred.budget()).isEqualByComparingTo("20000");
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void aMeetingWithItsActionItemsAlreadyListedKeepsTheOlderContract() {
        RecordedEvent completed = engine.post(StreamId.of("MEETING", "MEET-acme-2"), "MEETING_COMPLETED", """
                {"client_id": "CLIENT-acme", "sentiment": 0.6, "attended": true, "action_items": ["Send moodboard examples"],
                 "service_type": "campaign", "budget": 25000, "timeline_weeks": 7, "notes": "went well"}""", "ben", clock);
        RecordedEvent task = engine.awaitEvent("TASK_CREATED", e -> e.causationId().equals(completed.eventId()));
        assertThat(EventCodec.decode(task, TaskEvent.Created.class).title()).isEqualTo("Send moodboard examples");
        engine.awaitQuiet();
        assertThat(engine.ofType("MEETING_NOTES_ANALYZED")).noneMatch(e -> e.causationId().equals(completed.eventId()));
    }
}
