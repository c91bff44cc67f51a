package com.bigbox.postgres.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weekly review counts events per UTC day from a projection (V78) instead of the quarter's events
 * in the log. Whatever a database held when it was migrated — events the stats projection had folded
 * before V78, events it had not — and whatever is written after, a range of days answers exactly what
 * the log's events of those days say, per type, emitter and SOP origin. A client's token gets none.
 */
class EventCountsByDayIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    // Events over 20 days before and after a midnight, some written by an SOP execution, from several emitters.
    private static String events(int from, int to) {
        return """
                insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by, "timestamp")
                select (array['TASK_CREATED', 'AUTONOMIC_DECISION_EXECUTED', 'CEO_INTERRUPT_REQUIRED'])[1 + i %% 3],
                       gen_random_uuid(), 'DAYS', 'd' || (i %% 9),
                       case when i %% 4 = 0 then jsonb_build_object('sop_execution_id', gen_random_uuid()::text)
                            else '{}'::jsonb end,
                       (array['pat', 'IntakeAgent', 'loop:calibration'])[1 + i %% 3 / 2 + i %% 2],
                       timestamptz '2026-11-20 00:00:00+00' + make_interval(mins => i * 97)
                  from generate_series(%d, %d) i""".formatted(from, to);
    }

    @Test
    void rangesOfDaysAnswerWhatTheLogSaysForEventsFoldedBeforeAndAfterTheMigration() throws Exception {
        try (var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "counts-by-day")) {
            Flyway.configure()
                    .dataSource(database.pool())
                    .locations("classpath:db/migration")
                    .target("77")
                    .load()
                    .migrate();
            db.execute(events(1, 150));
            db.execute("select event_stats_catch_up()");
            db.execute(events(151, 200)); // committed, not yet folded when V78 comes
            Migrations.apply(database.pool());
            db.execute(events(201, 300));
            for (String[] range : List.of(
                    new String[] {"2026-11-20", "2026-11-27"},
                    new String[] {"2026-11-23", "2026-11-24"},
                    new String[] {"2026-11-01", "2026-12-31"},
                    new String[] {"2026-11-25", "2026-11-25"})) {
                assertThat(db.rows("select event_type, emitted_by, in_sop, events from event_counts_between('%s', '%s')"
                                .formatted(range[0], range[1])))
                        .as("%s to %s", range[0], range[1])
                        .containsExactlyInAnyOrderElementsOf(db.rows("""
                                select event_type, emitted_by, payload ->> 'sop_execution_id' is not null, count(*)
                                  from events
                                 where "timestamp" >= timestamptz '%s 00:00:00+00' and "timestamp" < timestamptz '%s 00:00:00+00'
                                 group by 1, 2, 3""".formatted(range[0], range[1])));
            }
            assertThat(db.rows("select sum(events) from event_counts_by_day")).containsExactly("300");
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("select set_config('request.jwt.claims', '{\"client_id\": \"c-1\"}', true)");
                assertThatThrownBy(
                                () -> s.executeQuery("select * from event_counts_between('2026-01-01', '2027-01-01')"))
                        .as("a client's token: the counts cover every client")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("covers every client");
            }
            c.rollback();
        }
    }
}
