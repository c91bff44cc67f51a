package com.bigbox.autonomic.meetings;

import static com.bigbox.autonomic.events.EventTypes.INTENT_INFERRED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_COMPLETED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_NOTES_ANALYZED;
import static com.bigbox.autonomic.events.EventTypes.MEETING_SCHEDULED;

import com.bigbox.autonomic.events.DomainEvent;
import com.bigbox.autonomic.events.EventPayloads;
import java.util.Map;

/** The records the meeting events are stored as (found by {@code EventCatalogue}). */
public final class MeetingEventPayloads implements EventPayloads {
    @Override
    public Map<String, Class<? extends DomainEvent>> payloads() {
        return Map.of(
                MEETING_SCHEDULED, MeetingEvent.Scheduled.class,
                MEETING_COMPLETED, MeetingEvent.Completed.class,
                MEETING_NOTES_ANALYZED, MeetingEvent.NotesAnalyzed.class,
                INTENT_INFERRED, MeetingEvent.IntentInferred.class);
    }
}
