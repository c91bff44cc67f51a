package com.bigbox.autonomic.meetings;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.meetings.extraction.MeetingAnalysis;
import com.bigbox.autonomic.meetings.extraction.Turn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Events of a meeting ({@code MEETING/<meeting id>}). */
public sealed interface MeetingEvent extends DomainEvent {

    record Scheduled(
            @Nullable String clientId,
            String meetingId,
            String leadId,
            String kind,
            Instant scheduledFor,
            String priority)
            implements MeetingEvent {}

    /**
     * What a meeting produced, as its notes are posted: either what was said ({@code transcript}, or free-form
     * {@code notes}) for the meeting agent to read, or — the older contract — action items and a sentiment that a
     * person already wrote down.
     *
     * @param sentiment from -1 (hostile) to 1 (delighted)
     * @param attended whether the client attended
     * @param transcript speaker turns, with optional roles and times
     * @param date the day of the meeting: relative dates said in it ("by Friday") resolve from it
     */
    record Completed(
            String clientId,
            String meetingId,
            @Nullable Double sentiment,
            @Nullable Boolean attended,
            List<String> actionItems,
            List<String> goals,
            @Nullable String serviceType,
            @Nullable BigDecimal budget,
            @Nullable Integer timelineWeeks,
            @Nullable String notes,
            List<Turn> transcript,
            @Nullable LocalDate date)
            implements MeetingEvent {
        public Completed {
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
            goals = goals == null ? List.of() : List.copyOf(goals);
            transcript = transcript == null ? List.of() : Turn.numbered(transcript);
        }

        public Completed(
                String clientId,
                String meetingId,
                @Nullable Double sentiment,
                @Nullable Boolean attended,
                List<String> actionItems,
                List<String> goals,
                @Nullable String serviceType,
                @Nullable BigDecimal budget,
                @Nullable Integer timelineWeeks,
                @Nullable String notes) {
            this(
                    clientId,
                    meetingId,
                    sentiment,
                    attended,
                    actionItems,
                    goals,
                    serviceType,
                    budget,
                    timelineWeeks,
                    notes,
                    List.of(),
                    null);
        }

        /** Whether the meeting agent must read the text: a transcript, or notes with no action items listed. */
        public boolean needsReading() {
            return !transcript.isEmpty() || (actionItems.isEmpty() && notes != null && !notes.isBlank());
        }
    }

    /** Everything the meeting agent's extractor found in a meeting's text, with evidence, recorded once. */
    record NotesAnalyzed(@Nullable String clientId, String meetingId, MeetingAnalysis analysis)
            implements MeetingEvent {}

    record IntentInferred(
            @Nullable String clientId,
            String meetingId,
            String intent,
            String serviceType,
            List<String> goals,
            @Nullable BigDecimal budget,
            @Nullable Integer timelineWeeks)
            implements MeetingEvent {
        public IntentInferred {
            goals = goals == null ? List.of() : List.copyOf(goals);
        }
    }
}
