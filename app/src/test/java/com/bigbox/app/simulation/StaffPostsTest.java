package com.bigbox.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.autonomic.projects.Roster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the staff post is the staff truth, no more and no earlier than a real person would post it: every day
 * {@link Staff} has someone away on a business day is in a post, a holiday is booked at least 10 days ahead (or
 * before the run), and a sick or full day is posted that same morning, never ahead.
 */
class StaffPostsTest {
    private static final Instant START = Simulation.START;
    private static final int DAYS = 90;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyAbsenceIsPostedAndNoneEarlierThanAPersonWould(long seed) {
        var staff = new Staff(seed);
        List<StaffPosts.Post> posts = new StaffPosts(null, null, staff, seed).posts(START, DAYS);
        LocalDate first = START.atZone(ZoneOffset.UTC).toLocalDate();
        int absences = 0;
        for (String person : Roster.everyone()) {
            for (LocalDate day = first; day.isBefore(first.plusDays(DAYS)); day = day.plusDays(1)) {
                String why = staff.unavailable(person, day);
                if (why == null || !BusinessCalendar.businessDay(day)) {
                    continue;
                }
                absences++;
                LocalDate d = day;
                assertThat(posts)
                        .as(person + " " + day + " " + why)
                        .anySatisfy(p -> assertThat(
                                        p.person().equals(person) && !d.isBefore(p.from()) && !d.isAfter(p.to()))
                                .isTrue());
            }
        }
        assertThat(absences).isPositive();
        for (StaffPosts.Post p : posts) {
            Instant dayStarts = p.from().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (p.reason().equals("holiday")) {
                LocalDate posted = p.at().atZone(ZoneOffset.UTC).toLocalDate();
                assertThat(p.at().equals(START) || !posted.isAfter(p.from().minusDays(10)))
                        .as(p.toString())
                        .isTrue();
            } else {
                assertThat(p.at())
                        .as(p.toString())
                        .isBetween(dayStarts.plus(Duration.ofHours(7)), dayStarts.plus(Duration.ofHours(10)));
                assertThat(p.to()).isEqualTo(p.from());
            }
        }
    }
}
