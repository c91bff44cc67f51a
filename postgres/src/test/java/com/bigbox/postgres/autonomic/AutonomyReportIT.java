package com.bigbox.postgres.autonomic;

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The original's autonomy report (GET /api/ceo/automation-report, /api/oversight/stats) takes the whole UTC days of its
 * range from the per-day projections (V79) and only the part days at its ends from the log. Whatever the database
 * held when it was migrated — events the stats projection had folded, events it had not — and whatever is written
 * after, every range, whole days or not, answers exactly what the log's scan (the query it replaced) answers. A
 * client's token gets none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutonomyReportIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** The report as it was before V79: every event of the range, from the log. */
    private static final String FROM_THE_LOG = """
            select count(*) filter (where event_type = 'AUTONOMIC_DECISION_EXECUTED'),
                   count(*) filter (where event_type = 'HUMAN_APPROVAL_REQUESTED'),
                   count(*) filter (where event_type = 'CEO_INTERRUPT_REQUIRED'),
                   count(*) filter (where event_type in ('HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE')),
                   count(*) filter (where event_type = 'HUMAN_OVERRIDE'),
                   count(*) filter (where event_type = 'HUMAN_APPROVAL_REJECTED'),
                   count(*) filter (where event_type = 'APPROVED_BY_SILENCE'),
                   count(*) filter (where event_type = 'SOP_EXECUTION_COMPLETED'),
                   coalesce(sum(case when event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(payload -> 'human_hours') = 'number'
                                     then (payload ->> 'human_hours')::numeric end), 0),
                   coalesce(sum(case when event_type = 'SOP_EXECUTION_COMPLETED' and jsonb_typeof(payload -> 'estimated_cost') = 'number'
                                     then (payload ->> 'estimated_cost')::numeric end), 0),
                   coalesce(sum(case when event_type = 'PAYMENT_RECEIVED' and jsonb_typeof(payload -> 'amount') = 'number'
                                     then (payload ->> 'amount')::numeric end), 0)
              from events where "timestamp" >= timestamptz '%s' and "timestamp" < timestamptz '%s'""";

    // Events every 53 minutes over about two weeks: each type the report counts, others it does not, and payload
    // numbers that are numbers, strings or absent.
    private static String events(int from, int to) {
        return """
                insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by, "timestamp")
                select t.type, gen_random_uuid(), 'REPORT', 'r' || (i %% 7),
                       case when i %% 5 = 0 then jsonb_build_object('human_hours', '2.5', 'amount', 'many')
                            else jsonb_build_object('human_hours', (i %% 4) * 0.25, 'estimated_cost', i * 1.5,
                                                    'amount', 1000 + i) end,
                       'IntakeAgent', timestamptz '2026-11-20 00:00:00+00' + make_interval(mins => i * 53)
                  from generate_series(%d, %d) i,
                       lateral (select (array['AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED',
                                              'CEO_INTERRUPT_REQUIRED', 'HUMAN_APPROVAL_GRANTED', 'APPROVED_BY_SILENCE',
                                              'HUMAN_OVERRIDE', 'HUMAN_APPROVAL_REJECTED', 'SOP_EXECUTION_COMPLETED',
                                              'PAYMENT_RECEIVED', 'TASK_CREATED'])[1 + i %% 10] as type) t""".formatted(from, to);
    }

    @Test
    @Order(1) // migrates the class's database from V78 on
    void everyRangeAnswersWhatTheLogSaysForEventsFoldedBeforeAndAfterTheMigration() throws Exception {
        try (var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "autonomy-report")) {
            Flyway.configure()
                    .dataSource(database.pool())
                    .locations("classpath:db/migration")
                    .target("78")
                    .load()
                    .migrate();
            db.execute(events(1, 200));
            db.execute("select event_stats_catch_up()");
            db.execute(events(201, 260)); // committed, not yet folded when V79 comes
            Migrations.apply(database.pool());
            db.execute(events(261, 400));
            for (String[] range : List.of(
                    new String[] {"2026-11-20 00:00+00", "2026-11-27 00:00+00"}, // whole days only
                    new String[] {"2026-11-21 07:13+00", "2026-11-30 16:40+00"}, // part days at both ends
                    new String[] {"2026-11-23 10:00+00", "2026-11-23 18:00+00"}, // inside one day
                    new String[] {"2026-11-23 10:00+00", "2026-11-24 09:00+00"}, // across one midnight, no whole day
                    new String[] {"2026-11-25 00:00+00", "2026-11-25 00:00+00"}, // empty
                    new String[] {"1970-01-01 00:00+00", "2036-12-01 12:00+00"})) { // all time, as /api/oversight/stats
                assertThat(db.rows("select * from autonomy_report_between(timestamptz '%s', timestamptz '%s')"
                                .formatted(range[0], range[1])))
                        .as("%s to %s", range[0], range[1])
                        .containsExactlyElementsOf(db.rows(FROM_THE_LOG.formatted(range[0], range[1])));
            }
            assertThat(db.rows("select (count(*) > 0)::int from event_sums_by_day"))
                    .as("the whole days' sums come from the projection")
                    .containsExactly("1");
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("select set_config('request.jwt.claims', '{\"client_id\": \"c-1\"}', true)");
                assertThatThrownBy(() -> s.executeQuery(
                                "select * from autonomy_report_between(now() - interval '7 days', now())"))
                        .as("a client's token: the report covers every client")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("covers every client");
            }
            c.rollback();
        }
    }

    @Test
    @Order(2)
    void eventsCommittedBehindAnOpenWriterAreCountedAsTheScanCountsThem() throws Exception {
        try (var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "autonomy-report-open")) {
            Migrations.apply(database.pool());
        }
        String week =
                "select * from autonomy_report_between(timestamptz '2027-03-01 00:00+00', timestamptz '2027-03-08 00:00+00')";
        String scan = FROM_THE_LOG.formatted("2027-03-01 00:00+00", "2027-03-08 00:00+00");
        String decision =
                "insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by, "
                        + "\"timestamp\") values ('AUTONOMIC_DECISION_EXECUTED', gen_random_uuid(), 'OPEN', '%s', '{}', 'psql', "
                        + "timestamptz '2027-03-03 12:00+00')";
        try (Connection open = db.connect()) {
            open.setAutoCommit(false);
            try (var s = open.createStatement()) {
                s.execute(decision.formatted("held"));
            }
            db.execute(decision.formatted("behind"));
            assertThat(db.rows(week)).containsExactlyElementsOf(db.rows(scan));
            assertThat(db.rows(week).getFirst()).startsWith("1 | ");
            open.commit();
        }
        assertThat(db.rows(week)).containsExactlyElementsOf(db.rows(scan));
        assertThat(db.rows(week).getFirst()).startsWith("2 | ");
    }
}
