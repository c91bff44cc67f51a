package com.bigbox.postgres.autonomic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The approval statistics come from counters a trigger keeps (V81) instead of scans of every approval ever made.
 * Whatever the table held when it was migrated, and whatever many writers do to it at once — create approvals,
 * resolve them, touch what is not counted, delete them, while others read the statistics — the counts by status,
 * resolution and rule and the mean time to resolve equal what a scan of the table says; a reset (every approval
 * deleted) leaves none. A client's token, and a dimension that is none of the three, are refused.
 */
class ApprovalCountsIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final List<String> SCANS = List.of(
            "select status, count(*) from human_approvals group by 1 order by 1",
            "select resolution, count(*) from human_approvals where resolution is not null group by 1 order by 1",
            "select coalesce(decision_context ->> 'rule', 'unknown'), count(*) from human_approvals group by 1 order by 1",
            "select round(avg(extract(epoch from resolved_at - created_at)) / 3600.0, 6) from human_approvals");
    private static final List<String> COUNTERS = List.of(
            "select key, approvals from approval_counts('status')",
            "select key, approvals from approval_counts('resolution')",
            "select key, approvals from approval_counts('rule')",
            "select round(sum(resolved_seconds) / nullif(sum(resolved), 0) / 3600.0, 6) from approval_counts('status')");

    // n approvals created an hour and a few minutes ago, every third with no rule, every fifth already resolved.
    private static String approvals(String prefix, int n) {
        return """
                insert into human_approvals (agent_id, decision_context, recommended_action, confidence, status,
                                             resolution, resolved_at, created_at)
                select 'CountAgent', case when i %% 3 = 0 then '{}'::jsonb
                                          else jsonb_build_object('rule', '%s' || (i %% 4)) end,
                       'count me', 0.5, case when i %% 5 = 0 then 'approved' else 'pending' end,
                       case when i %% 5 = 0 then 'approved' end, case when i %% 5 = 0 then now() end,
                       now() - make_interval(mins => 60 + i)
                  from generate_series(1, %d) i""".formatted(prefix, n);
    }

    @Test
    void theCountersEqualAScanWhateverManyWritersDoAndAfterAReset() throws Exception {
        try (var database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 4, "approval-counts")) {
            Flyway.configure()
                    .dataSource(database.pool())
                    .locations("classpath:db/migration")
                    .target("80")
                    .load()
                    .migrate();
            db.execute(approvals("before_", 60));
            Migrations.apply(database.pool());
        }
        assertCountersEqualTheScans("after the migration");

        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            var work = new ArrayList<Callable<Void>>();
            for (int writer = 0; writer < 8; writer++) {
                String rule = "w" + writer + "_";
                work.add(() -> {
                    for (int round = 0; round < 15; round++) {
                        write(rule, round);
                    }
                    return null;
                });
            }
            work.add(() -> {
                for (int read = 0; read < 60; read++) {
                    db.rows(COUNTERS.get(read % COUNTERS.size()));
                }
                return null;
            });
            for (Future<Void> done : pool.invokeAll(work, 5, TimeUnit.MINUTES)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertCountersEqualTheScans("after 8 writers and a reader");
        assertThat(db.rows("select count(*) from human_approvals")).doesNotContain("0");

        db.execute("delete from human_approvals"); // what a rebuild of the approvals projection does first
        assertCountersEqualTheScans("after a reset");
        assertThat(db.rows(COUNTERS.getFirst())).isEmpty();

        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("select set_config('request.jwt.claims', '{\"client_id\": \"c-1\"}', true)");
                assertThatThrownBy(() -> s.executeQuery("select * from approval_counts('status')"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("covers every client");
            }
            c.rollback();
        }
        assertThatThrownBy(() -> db.rows("select * from approval_counts('priority')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("status, resolution or rule");
    }

    // One round of a writer: approvals created, some resolved (by status alone, as supabase-js would, and in full),
    // others touched where nothing counted changes, some deleted; partly in one transaction, rolled back once.
    private static void write(String rule, int round) throws SQLException {
        db.execute(approvals(rule, 6));
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("update human_approvals set status = 'rejected' where approval_id in (select approval_id from "
                    + "human_approvals where status = 'pending' and decision_context ->> 'rule' like '" + rule
                    + "%' order by created_at limit 2)");
            s.execute("update human_approvals set status = 'approved', resolution = 'modified', resolved_at = now() "
                    + "- interval '10 minutes' where approval_id in (select approval_id from human_approvals where status "
                    + "= 'pending' and decision_context ->> 'rule' like '" + rule + "%' limit 1)");
            s.execute(
                    "update human_approvals set reminders_sent = reminders_sent + 1 where decision_context ->> 'rule' "
                            + "like '" + rule + "%'");
            if (round % 4 == 3) {
                c.rollback();
            } else {
                c.commit();
            }
        }
        if (round % 3 == 2) {
            db.execute("delete from human_approvals where approval_id in (select approval_id from human_approvals "
                    + "where decision_context ->> 'rule' like '" + rule + "%' order by created_at limit 3)");
        }
    }

    private static void assertCountersEqualTheScans(String when) throws SQLException {
        for (int i = 0; i < SCANS.size(); i++) {
            assertThat(db.rows(COUNTERS.get(i)))
                    .as(when + ": " + COUNTERS.get(i))
                    .isEqualTo(db.rows(SCANS.get(i)));
        }
    }
}
