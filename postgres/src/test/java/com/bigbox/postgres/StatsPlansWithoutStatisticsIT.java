package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/events/stats reads no more of the log than its ranges, even right after a set-based load, before
 * autovacuum has analyzed {@code events} (V77): with no statistics an open range was taken to match a third of
 * the log, and the day's count and the projection's tail scanned it (2 sequential scans of 20,000 rows each
 * under V73's functions). The autonomy report's reads of the log (V79) are held to the same.
 */
class StatsPlansWithoutStatisticsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "stats-plans");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theStatsReadNoSequentialScanOfTheLogWhenTheLogHasNoStatistics() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            // Autovacuum could analyze the table during the test and hide what the test is about.
            s.execute("alter table events set (autovacuum_enabled = off)");
            s.execute("""
                    insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by,
                                        "timestamp")
                    select 'PLAN_' || (g % 10), gen_random_uuid(), 'PLAN', 'p' || (g % 100), '{}', 'psql',
                           now() - make_interval(secs => g * 60)
                      from generate_series(1, 20000) g""");
            assertThat(single(s, "select count(*) from pg_stats where schemaname = 'public' and tablename = 'events'"))
                    .as("events has no statistics yet")
                    .isZero();
            // The first read folds the loaded events into the projection (an ordered range of the commit order).
            single(s, "select total_events from event_stats(now())");
            c.setAutoCommit(false);
            assertThat(single(s, "select total_events from event_stats(now())")).isEqualTo(20_000);
            single(s, "select count(*) from event_stats_by('event_type')");
            single(s, "select count(*) from event_stats_by('emitted_by')");
            // The autonomy report (V79): its part days and the projection's tail are ranges with two ends too.
            single(s, "select autonomous_decisions from autonomy_report_between(now() - interval '91 days', now())");
            single(
                    s,
                    "select autonomous_decisions from autonomy_report_between('epoch', now() + interval '3650 days')");
            assertThat(single(s, "select pg_stat_get_xact_numscans('public.events'::regclass)"))
                    .as("sequential scans of events in the transaction")
                    .isZero();
            c.rollback();
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
