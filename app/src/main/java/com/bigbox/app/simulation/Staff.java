package com.bigbox.app.simulation;

import java.time.LocalDate;

/**
 * The agency's staff calendar, which the engine never sees: who is away (a week's holiday, a sick day) and who is
 * already over capacity on a given day. A task assigned to such a person is a wrong assignment, however sensible
 * it looked from the task alone. A pure function of the seed, the person and the day.
 */
final class Staff {
    /** Share of people who take a holiday week within a quarter. */
    static final double HOLIDAY_WEEK = 0.5;

    static final double SICK_DAY = 0.02;
    /** Share of a person's working days on which the work already assigned to them fills the day. */
    static final double OVER_CAPACITY = 0.03;

    private final long seed;

    Staff(long seed) {
        this.seed = seed;
    }

    /** Why {@code person} cannot take new work on {@code day}, or null when they can. */
    String unavailable(String person, LocalDate day) {
        KeyedRandom holiday = KeyedRandom.of(seed, "holiday/" + person);
        if (holiday.chance(HOLIDAY_WEEK)) {
            long quarterWeek = (day.toEpochDay() - 4) / 7 % 13; // weeks start on Mondays (1970-01-05 was one)
            if (quarterWeek == holiday.between(0, 12)) {
                return "on holiday";
            }
        }
        KeyedRandom today = KeyedRandom.of(seed, "staff/" + person + "/" + day);
        if (today.chance(SICK_DAY)) {
            return "off sick";
        }
        return today.chance(OVER_CAPACITY) ? "over capacity" : null;
    }
}
