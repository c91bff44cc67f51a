package com.bigbox.autonomic.meetings.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueDatesTest {
    // A Wednesday.
    static final LocalDate MEETING = LocalDate.of(2026, 12, 9);

    private static LocalDate due(String text) {
        return DueDates.find(text, MEETING).orElseThrow().date();
    }

    @Test
    void weekdaysResolveToTheNextOne() {
        assertThat(due("Can you send the drafts by Friday?")).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(due("let's say Monday")).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(due("we review it next Tuesday")).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void periodsResolveToTheirLastWorkingDay() {
        assertThat(due("I'll have it ready next week")).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(due("by the end of the week")).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(due("before the end of next month")).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void quartersRollToNextYearOnceTheyArePast() {
        assertThat(due("launch at the end of Q3")).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(due("by the end of Q4")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(due("start of the second quarter")).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void relativeAmountsAndCalendarDates() {
        assertThat(due("in two weeks")).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(due("within three days")).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(due("tomorrow morning")).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(due("the deadline is March 12th")).isEqualTo(LocalDate.of(2027, 3, 12));
        assertThat(due("on 20 December")).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(due("due 2027-02-01")).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void theFirstDateSaidWinsAndTheWordsAreKept() {
        DueDates.Due d =
                DueDates.find("by Friday, or next week at the latest", MEETING).orElseThrow();
        assertThat(d.words()).isEqualTo("friday");
        assertThat(DueDates.find("we should talk about the colours", MEETING)).isEmpty();
    }
}
