package com.bigbox.app.simulation;

import com.bigbox.autonomic.events.EventTypes;
import com.bigbox.autonomic.projects.Roster;
import com.bigbox.core.StreamId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What the staff post to the engine's calendar ({@code STAFF_AVAILABILITY_CHANGED} on {@code STAFF/<person>}), as
 * people of a real agency would: a holiday week is booked 10 to 40 days ahead (before the run, if that is when it
 * was booked: then it is there from the first day); a sick day, or a day their work already fills, is posted that
 * morning between 07:00 and 10:00, never ahead, so work assigned earlier that day cannot know it. The days come
 * from {@link Staff}, the truth the assignments are judged by; posting them changes none of it.
 */
final class StaffPosts {
    private final WorldFacts facts;
    private final WorldTimeline timeline;
    private final Staff staff;
    private final long seed;

    StaffPosts(WorldFacts facts, WorldTimeline timeline, Staff staff, long seed) {
        this.facts = facts;
        this.timeline = timeline;
        this.staff = staff;
        this.seed = seed;
    }

    /** A post: {@code person} is away from {@code from} to {@code to} for {@code reason}, posted {@code at}. */
    record Post(String person, LocalDate from, LocalDate to, String reason, Instant at) {}

    /** Plans the posts of everyone on the roster for the {@code days} from {@code start}. */
    void plan(Instant start, int days) {
        for (Post p : posts(start, days)) {
            String key = "staff/" + p.person() + "/" + p.from();
            var payload = new LinkedHashMap<String, Object>();
            payload.put("person", p.person());
            payload.put("from", p.from().toString());
            payload.put("to", p.to().toString());
            payload.put("available", false);
            payload.put("reason", p.reason());
            timeline.at(
                    p.at(),
                    key,
                    () -> facts.post(
                            StreamId.of("STAFF", p.person()),
                            EventTypes.STAFF_AVAILABILITY_CHANGED,
                            payload,
                            "person:" + p.person(),
                            key));
        }
    }

    /** What everyone on the roster posts about the {@code days} from {@code start}, and when. */
    List<Post> posts(Instant start, int days) {
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        var posts = new ArrayList<Post>();
        for (String person : Roster.everyone()) {
            LocalDate holiday = null;
            for (LocalDate day = first; day.isBefore(first.plusDays(days + 1L)); day = day.plusDays(1)) {
                String why = staff.unavailable(person, day);
                boolean onHoliday = "on holiday".equals(why);
                if (onHoliday && holiday == null) {
                    holiday = day;
                } else if (!onHoliday && holiday != null) {
                    posts.add(holiday(person, holiday, day.minusDays(1), start));
                    holiday = null;
                }
                if (why != null && !onHoliday && BusinessCalendar.businessDay(day)) {
                    posts.add(thatMorning(person, day, why.equals("off sick") ? "sick" : "full"));
                }
            }
            if (holiday != null) {
                posts.add(holiday(person, holiday, first.plusDays(days), start));
            }
        }
        return posts;
    }

    private Post holiday(String person, LocalDate from, LocalDate to, Instant start) {
        // A holiday week runs Monday to Sunday; one that began before the run was booked before it too.
        LocalDate monday = from.minusDays(from.getDayOfWeek().getValue() - 1L);
        LocalDate sunday = monday.plusDays(6).isBefore(to) ? to : monday.plusDays(6);
        KeyedRandom r = KeyedRandom.of(seed, "holiday-booked/" + person + "/" + monday);
        Instant booked = monday.minusDays(r.between(10, 40)).atTime(10, 0).toInstant(ZoneOffset.UTC);
        return new Post(person, monday, sunday, "holiday", booked.isBefore(start) ? start : booked);
    }

    private Post thatMorning(String person, LocalDate day, String reason) {
        KeyedRandom r = KeyedRandom.of(seed, "staff-post/" + person + "/" + day);
        Instant at = day.atTime(7, 0).toInstant(ZoneOffset.UTC).plusSeconds(60L * r.between(0, 180));
        return new Post(person, day, day, reason, at);
    }
}
