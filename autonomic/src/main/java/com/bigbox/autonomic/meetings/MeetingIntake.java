package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.agents.DecisionMetadata;
import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.meetings.extraction.Transcript;
import com.bigbox.autonomic.meetings.extraction.Turn;
import com.bigbox.core.Confidence;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a meeting's text in (from {@code POST /api/v1/meetings} or {@code bigbox meeting}) and records it as
 * {@code MEETING_COMPLETED} on the meeting's stream; the meeting agent's subscription reads it from there.
 */
public final class MeetingIntake {
    public static final String SOURCE = "meeting-intake";
    private static final Logger log = LoggerFactory.getLogger(MeetingIntake.class);
    private final Clock clock;

    public MeetingIntake(Clock clock) {
        this.clock = clock;
    }

    /**
     * A meeting as sent.
     *
     * @param text a transcript ("Anna (client): ...", one turn per line) or free-form notes; or null when turns are given
     * @param turns speaker turns already split; or empty when text is given
     */
    public record Submission(
            String clientId,
            @Nullable String meetingId,
            @Nullable LocalDate date,
            @Nullable String text,
            List<Turn> turns,
            @Nullable Boolean attended) {
        public Submission {
            turns = turns == null ? List.of() : List.copyOf(turns);
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("client_id: which client the meeting was with is required");
            }
            if ((text == null || text.isBlank()) == turns.isEmpty()) {
                throw new IllegalArgumentException(
                        "text: send either the transcript or notes as text, or turns, not both and not neither");
            }
        }
    }

    public RecordedEvent receive(UnitOfWork work, Submission s) {
        String meetingId = s.meetingId() != null && !s.meetingId().isBlank()
                ? s.meetingId()
                : "MEET-" + UUID.randomUUID().toString().substring(0, 13);
        // A transcript is split here so the stored event shows its turns; notes stay notes and are split on reading.
        // A submission without turns has text (its constructor refuses neither), so text is there when it is read here.
        List<Turn> turns = !s.turns().isEmpty()
                ? s.turns()
                : looksLikeTranscript(Objects.requireNonNull(s.text())) ? Transcript.parse(s.text()) : List.of();
        String notes = turns.isEmpty() ? s.text() : null;
        var payload = new MeetingEvent.Completed(
                s.clientId(),
                meetingId,
                null,
                s.attended(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                notes,
                turns,
                s.date());
        var metadata = new DecisionMetadata(
                List.of("meeting text received: " + (turns.isEmpty() ? "notes" : turns.size() + " turns")),
                "rules",
                "routine",
                "record_meeting",
                "Meeting " + meetingId + " with " + s.clientId(),
                null,
                List.of());
        var event = new NewEvent(
                UUID.randomUUID(),
                EventCodec.typeOf(payload),
                EventCodec.payload(payload),
                EventCodec.write(metadata),
                null,
                null,
                SOURCE,
                Confidence.of(1.0),
                clock.instant());
        RecordedEvent stored = work.append(StreamId.of("MEETING", meetingId), ExpectedVersion.any(), event)
                .events()
                .getFirst();
        log.info(
                "Meeting {} with {} recorded ({})",
                meetingId,
                s.clientId(),
                turns.isEmpty() ? "notes" : turns.size() + " turns");
        return stored;
    }

    private static boolean looksLikeTranscript(String text) {
        return Transcript.parse(text).stream().anyMatch(t -> t.speaker() != null);
    }
}
