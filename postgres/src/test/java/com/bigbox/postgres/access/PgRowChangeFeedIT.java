package com.bigbox.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Captured row changes come in commit-safe order, a late commit is held for and not skipped, old ones are pruned. */
class PgRowChangeFeedIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;

    @BeforeAll
    static void migrate() {
        database = new Database(DatabaseUrl.parse(db.jdbcUrl()), 6, "row-changes");
        Migrations.apply(database.pool());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aLateCommittingChangeIsDeliveredInOrderNotSkipped() throws Exception {
        var received = new CopyOnWriteArrayList<RowChange>();
        try (var feed = new PgRowChangeFeed(database.pool(), Duration.ofMillis(20), Duration.ofHours(1), "test");
                Connection late = db.connect();
                Connection early = db.connect()) {
            feed.start(received::addAll);
            late.setAutoCommit(false);
            try (var s = late.createStatement()) {
                s.execute("insert into human_approvals (agent_id, decision_context, recommended_action, confidence) "
                        + "values ('late', '{}', 'first to start', 0.5)");
            }
            try (var s = early.createStatement()) {
                s.execute("insert into sop_definitions (sop_id, version, definition) values ('s', 1, '{}')");
                s.execute(
                        "insert into sop_executions (sop_id, sop_version, correlation_id) values ('s', 1, gen_random_uuid())");
            }
            // The early writer committed, but it numbered after the open one: the feed waits for it.
            Thread.sleep(300);
            assertThat(received).isEmpty();
            late.commit();
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
            assertThat(received).extracting(RowChange::table).containsExactly("human_approvals", "sop_executions");
            assertThat(received.get(0).position()).isLessThan(received.get(1).position());
        }
    }

    @Test
    void updatesAndDeletesCarryTheOldRowAndTheClient() throws Exception {
        var received = new CopyOnWriteArrayList<RowChange>();
        try (var feed = new PgRowChangeFeed(database.pool(), Duration.ofMillis(20), Duration.ofHours(1), "test");
                Connection c = db.connect();
                var s = c.createStatement()) {
            feed.start(received::addAll);
            s.execute("insert into human_approvals (agent_id, decision_context, recommended_action, confidence) "
                    + "values ('ops', '{\"client_id\": \"acme\"}', 'x', 0.5)");
            s.execute("update human_approvals set status = 'approved' where agent_id = 'ops'");
            s.execute("delete from human_approvals where agent_id = 'ops'");
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
            assertThat(received).extracting(RowChange::op).containsExactly("INSERT", "UPDATE", "DELETE");
            assertThat(received.get(1).oldRecord()).contains("\"pending\"");
            assertThat(received.get(1).record()).contains("\"approved\"");
            assertThat(received.get(2).record()).isNull();
            try (var rs = s.executeQuery(
                    "select distinct client_id from bigbox_access.row_changes where table_name = 'human_approvals'"
                            + " and record->>'agent_id' = 'ops' or old_record->>'agent_id' = 'ops'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("acme");
            }
        }
    }

    @Test
    void changesOlderThanTheRetentionArePruned() throws Exception {
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            s.execute(
                    "insert into human_approvals (agent_id, decision_context, recommended_action, confidence) values ('old', '{}', 'x', 0.5)");
            s.execute(
                    "update bigbox_access.row_changes set captured_at = now() - interval '2 hours' where record->>'agent_id' = 'old'");
            try (var feed = new PgRowChangeFeed(database.pool(), Duration.ofMillis(20), Duration.ofHours(1), "test")) {
                feed.start(changes -> {}); // the batches are not the point: pruning is
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    try (var rs = s.executeQuery(
                            "select count(*) from bigbox_access.row_changes where record->>'agent_id' = 'old'")) {
                        rs.next();
                        return rs.getLong(1) == 0;
                    }
                });
            }
        }
    }
}
