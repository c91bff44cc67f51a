package com.bigbox.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.postgres.autonomic.PgSubscriptionStatus;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reads that scanned the log (GET /api/events/stats, the agents' lag) answer the same as the
 * scan, from the projection and a bounded count, as events arrive by every path.
 */
class HistoryFlatReadsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;
    static PgEventStore store;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "flat-reads");
        store = new PgEventStore(database.pool(), () -> {});
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static void psql(String sql) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void statsFromTheProjectionEqualTheScanOfTheLogWhateverWroteTheEvents() throws Exception {
        var reads = new PgCompatReads();
        Instant now = Instant.now();
        Map<String, Object> before = store.inTransaction(w -> reads.stats(w, now));
        assertThat(before).isEqualTo(scanned(now));
        psql("""
                insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, metadata, emitted_by, confidence)
                select case when i % 3 = 0 then 'LEAD_RECEIVED' else 'TASK_CREATED' end,
                       ('00000000-0000-0000-0000-' || lpad((i % 7)::text, 12, '0'))::uuid, 'FLAT', 'f' || (i % 5),
                       '{}', case when i % 4 = 0 then '{"requires_human": "true"}'::jsonb else '{}'::jsonb end,
                       case when i % 2 = 0 then 'psql' else 'agent' end, case when i % 5 = 0 then null else 0.5 end
                  from generate_series(1, 120) i""");
        Map<String, Object> first = store.inTransaction(w -> reads.stats(w, now));
        assertThat(first).isEqualTo(scanned(now));
        psql(
                "select append_event('LEAD_RECEIVED', null, null, 'FLAT', 'later', '{}', '{\"requires_human\": \"true\"}', 'rpc', 0.9)");
        Map<String, Object> second = store.inTransaction(w -> reads.stats(w, now));
        assertThat(second).isEqualTo(scanned(now));

        assertThat(delta(before, second, "total_events")).isEqualTo(121);
        assertThat(delta(before, second, "flows")).isEqualTo(8);
        assertThat(delta(before, second, "requiring_human")).isEqualTo(31);
    }

    @Test
    void eventsCommittedBehindAnOpenWriterAreCountedAsTheScanCountsThem() throws Exception {
        var reads = new PgCompatReads();
        Instant now = Instant.now();
        try (Connection open = db.connect()) {
            open.setAutoCommit(false);
            try (var s = open.createStatement()) {
                s.execute(
                        "insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by) "
                                + "values ('HELD', gen_random_uuid(), 'OPEN', 'o1', '{}', 'psql')");
            }
            psql("insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by) "
                    + "values ('BEHIND', gen_random_uuid(), 'OPEN', 'o2', '{}', 'psql')");
            Map<String, Object> whileOpen = store.inTransaction(w -> reads.stats(w, now));
            assertThat(whileOpen).isEqualTo(scanned(now));
            assertThat(whileOpen.get("by_type").toString()).contains("BEHIND").doesNotContain("HELD");
            open.commit();
        }
        Map<String, Object> after = store.inTransaction(w -> reads.stats(w, now));
        assertThat(after).isEqualTo(scanned(now));
        assertThat(after.get("by_type").toString()).contains("BEHIND", "HELD");
    }

    private static long delta(Map<String, Object> before, Map<String, Object> after, String key) {
        return ((Number) after.get(key)).longValue() - ((Number) before.get(key)).longValue();
    }

    // What the stats were before the projection: the original queries over the whole log (a token
    // naming a client takes that path; the test's superuser connection sees every row through it).
    private static Map<String, Object> scanned(Instant now) {
        return store.inTransaction(w -> {
            try (var s = w.unwrap(Connection.class).createStatement()) {
                s.execute("set local request.jwt.claims = '{\"client_id\": \"any\"}'");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return new PgCompatReads().stats(w, now);
        });
    }

    @Test
    void anAgentThatNeverRanHasItsLagCountedUpToTenThousandThenEstimated() throws Exception {
        psql("""
                insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by)
                select 'FILLER', gen_random_uuid(), 'LAG', 'l' || (i % 50), '{}', 'psql' from generate_series(1, 10500) i""");
        long total = store.inTransaction(w -> new PgSubscriptionStatus().of(w, List.of("never-ran")))
                .get("never-ran")
                .lag();
        long events;
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from events")) {
            rs.next();
            events = rs.getLong(1);
        }
        assertThat(total).isBetween(10_000L, events);
        assertThat(total).isGreaterThanOrEqualTo(events - 10);
    }

    @Test
    void theReviewsReadsOfCompletedSopWorkAreRangesOfWhenItCompletedNotScansOfTheHistory() throws Exception {
        psql("""
                insert into sop_definitions (sop_id, version, definition) values ('flat_sop', 1, '{}');
                insert into sop_executions (sop_id, sop_version, correlation_id, started_at, completed_at, status)
                select 'flat_sop', 1, gen_random_uuid(), now() - make_interval(hours => i * 3 + 2),
                       now() - make_interval(hours => i * 3), 'completed'
                  from generate_series(1, 20000) i;
                insert into sop_execution_steps (execution_id, step_id, position, name, automation_level, status, required,
                                                 automated, completed_at)
                select execution_id, 'only', 0, 'step', 'assisted', 'completed', true, false, completed_at
                  from sop_executions where sop_id = 'flat_sop';
                analyze sop_executions;
                analyze sop_execution_steps""");
        // The weekly review's quarter (whole UTC days) of almost seven years of SOP work.
        String quarter = "date_trunc('day', now() - interval '91 days')";
        String today = "date_trunc('day', now())";
        String bySop = com.bigbox.postgres.SqlResource.load(
                        com.bigbox.postgres.improvement.PgWeeklyReviewReads.class, "review_automation_by_sop")
                .replaceFirst("\\?", quarter)
                .replaceFirst("\\?", today);
        assertThat(plan(bySop)).contains("idx_sop_executions_completed").doesNotContain("Seq Scan on sop_executions");
        assertThat(plan("select count(*) from sop_execution_steps s where s.status = 'completed' and s.completed_at >= "
                        + quarter + " and s.completed_at < " + today))
                .contains("idx_sop_execution_steps_completed")
                .doesNotContain("Seq Scan on sop_execution_steps");
    }

    private static String plan(String sql) throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("explain " + sql)) {
            var plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }
}
