package com.bigbox.autonomic.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events of a meeting ({@code MEETING/<meeting id>}). */
public sealed interface MeetingEvent extends DomainEvent {

    record Scheduled(String clientId, String meetingId, String leadId, String kind, Instant scheduledFor, String priority)
            implements MeetingEvent {}

    /**
     * What a meeting produced, as its notes are posted.
     *
     * @param sentiment from -1 (hostile) to 1 (delighted)
     * @param attended whether the client attended
     */
    record Completed(String clientId, String meetingId, Double sentiment, Boolean attended, List<String> actionItems,
            List<String> goals, String serviceType, BigDecimal budget, Integer timelineWeeks, String notes)
            implements MeetingEvent {
        public Completed {
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
            goals = goals == null ? List.of() : List.copyOf(goals);
        }
    }

    record IntentInferred(String clientId, String meetingId, String intent, String serviceType, List<String> goals,
            BigDecimal budget, Integer timelineWeeks) implements MeetingEvent {
        public IntentInferred {
            goals = goals == null ? List.of() : List.copyOf(goals);
        }
    }
}
