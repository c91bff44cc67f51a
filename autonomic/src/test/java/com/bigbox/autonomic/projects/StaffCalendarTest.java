package com.bigbox.autonomic.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StaffCalendarTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void onlyTheStaffsOwnDatedPostsCount() {
        List<RecordedEvent> stream = List.of(
                event("STAFF_AVAILABILITY_CHANGED", """
                        {"person": "sam", "from": "2026-12-07", "to": "2026-12-11", "available": false,
                         "reason": "holiday"}"""),
                // A client's token can only write events carrying its client_id: this one is a client's.
                event("STAFF_AVAILABILITY_CHANGED", """
                        {"person": "sam", "from": "2026-12-14", "to": "2026-12-18", "available": false,
                         "reason": "holiday", "client_id": "acme"}"""),
                event("STAFF_AVAILABILITY_CHANGED", """
                        {"person": "sam", "available": false, "reason": "sick"}"""),
                event("TASK_CREATED", """
                        {"person": "sam", "from": "2026-12-21", "to": "2026-12-21", "available": false}"""));

        List<StaffEvent.AvailabilityChanged> posts = StaffCalendar.posts(stream);

        assertThat(posts).extracting(StaffEvent.AvailabilityChanged::from).containsExactly(MONDAY);
        assertThat(StaffCalendar.awayOn(posts, MONDAY)).contains("holiday");
        assertThat(StaffCalendar.awayOn(posts, MONDAY.plusWeeks(1))).isEmpty();
        assertThat(StaffCalendar.awayOn(posts, MONDAY.plusWeeks(2))).isEmpty();
    }

    private static RecordedEvent event(String type, String payload) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        UUID id = UUID.randomUUID();
        return new RecordedEvent(
                id,
                type,
                StreamId.of("STAFF", "sam"),
                1,
                new Position(1, 1),
                payload,
                "{}",
                id,
                id,
                "person:sam",
                null,
                at,
                at);
    }
}
