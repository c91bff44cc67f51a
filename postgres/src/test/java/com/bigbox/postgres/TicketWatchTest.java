package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketWatchTest {
    private static final long MS = 1_000_000;

    @Test
    void theFirstLookOnlyLearnsWhereTheSequenceIs() {
        var watch = new TicketWatch(25 * MS);
        assertThat(watch.observe(7, 0)).isFalse();
        assertThat(watch.observe(7, 1_000 * MS)).isFalse();
    }

    @Test
    void aNewTicketWakesTheFeedAtOnceThenAtGrowingIntervalsUntilItGivesUp() {
        var watch = new TicketWatch(25 * MS);
        watch.observe(7, 0);
        assertThat(watch.observe(8, 100 * MS)).isTrue();
        assertThat(watch.observe(8, 110 * MS)).isFalse();
        assertThat(watch.observe(8, 125 * MS)).as("1 interval later").isTrue();
        assertThat(watch.observe(8, 150 * MS)).as("2 intervals later").isTrue();
        assertThat(watch.observe(8, 175 * MS)).isFalse();
        assertThat(watch.observe(8, 200 * MS)).as("4 intervals later").isTrue();
        assertThat(watch.observe(8, 300 * MS)).as("8 intervals later").isTrue();
        assertThat(watch.observe(8, 500 * MS)).as("16 intervals later").isTrue();
        assertThat(watch.observe(8, 10_000 * MS))
                .as("then the feed's own polling takes over")
                .isFalse();
    }

    @Test
    void anotherNewTicketStartsOver() {
        var watch = new TicketWatch(25 * MS);
        watch.observe(7, 0);
        watch.observe(8, 0);
        watch.observe(8, 25 * MS);
        assertThat(watch.observe(9, 30 * MS)).isTrue();
        assertThat(watch.observe(9, 54 * MS)).isFalse();
        assertThat(watch.observe(9, 55 * MS)).isTrue();
    }
}
