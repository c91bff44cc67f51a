package com.bigbox.postgres;

import static com.bigbox.postgres.PgTesting.event;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.core.EventFilter;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.SubscriptionHandler;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A durable subscription runs on one instance at a time and moves without loss or double effect. */
class SubscriptionFailoverIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database databaseA;
    static Database databaseB;

    @BeforeAll
    static void migrate() throws SQLException {
        databaseA = PgTesting.migrated(db, "instance-a");
        databaseB = PgTesting.open(db, "instance-b");
        try (Connection c = db.connect();
                var s = c.createStatement()) {
            // The handler's effect: one row per handled event; the primary key catches a second effect.
            s.execute("create table handled (event_id uuid primary key, instance text not null)");
        }
    }

    @AfterAll
    static void close() {
        databaseA.close();
        databaseB.close();
    }

    static SubscriptionHandler recordingAs(String instance) {
        return (RecordedEvent event, com.bigbox.core.UnitOfWork work) -> {
            try (PreparedStatement insert = work.unwrap(Connection.class)
                    .prepareStatement("insert into handled (event_id, instance) values (?, ?)")) {
                insert.setObject(1, event.eventId());
                insert.setString(2, instance);
                insert.executeUpdate();
            }
        };
    }

    static List<UUID> handled(String instance) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("select event_id from handled where instance like ?")) {
            s.setString(1, instance);
            var ids = new ArrayList<UUID>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    @Test
    void aSubscriptionMovesToTheOtherInstanceWhenItsInstanceStopsAndContinuesFromItsCheckpoint() throws Exception {
        EventFilter filter = EventFilter.types("ORDER_PLACED");
        List<UUID> appended = new ArrayList<>();
        PgNode a = PgNode.start(databaseA, "a");
        try (PgNode b = PgNode.start(databaseB, "b")) {
            a.subscriptions().subscribe("billing", filter, Position.START, recordingAs("a"));
            await().atMost(5, SECONDS).until(() -> a.subscriptions().owns("billing"));
            b.subscriptions().subscribe("billing", filter, Position.START, recordingAs("b"));

            for (int i = 0; i < 50; i++) {
                appended.add(append(a, i % 5 == 0 ? "NOISE" : "ORDER_PLACED"));
            }
            await().atMost(10, SECONDS).until(() -> handled("a").size() == 40);
            assertThat(b.subscriptions().owns("billing"))
                    .as("only one instance runs it")
                    .isFalse();

            a.close();
            await().atMost(5, SECONDS).until(() -> b.subscriptions().owns("billing"));
            for (int i = 0; i < 30; i++) {
                appended.add(append(b, "ORDER_PLACED"));
            }
            await().atMost(10, SECONDS).until(() -> handled("%").size() == 70);
            assertThat(handled("b")).hasSize(30);
        } finally {
            a.close();
        }
    }

    @Test
    void aCrashedInstancesSubscriptionIsTakenOverAndNoEffectHappensTwice() throws Exception {
        EventFilter filter = EventFilter.types("SHIPMENT_SENT");
        PgNode a = PgNode.start(databaseA, "crash-a");
        try (PgNode b = PgNode.start(databaseB, "crash-b")) {
            a.subscriptions().subscribe("shipping", filter, Position.START, recordingAs("crash-a"));
            await().atMost(5, SECONDS).until(() -> a.subscriptions().owns("shipping"));
            b.subscriptions().subscribe("shipping", filter, Position.START, recordingAs("crash-b"));
            for (int i = 0; i < 100; i++) {
                if (i == 40) {
                    // The process dies mid-stream: its lease session ends under it (as PostgreSQL sees a killed
                    // process) and it never comes back — an instance that merely lost its session may win the
                    // lease again, which would prove nothing about take-over.
                    try (Connection admin = db.connect();
                            var s = admin.createStatement()) {
                        s.execute(
                                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'bigbox-lease-crash-a'");
                    }
                    a.close();
                }
                append(i < 40 ? a : b, "SHIPMENT_SENT");
            }
            await().atMost(15, SECONDS).until(() -> handled("crash-%").size() == 100);
            assertThat(handled("crash-b")).isNotEmpty();
        } finally {
            a.close();
        }
    }

    static UUID append(PgNode node, String type) {
        var e = event(type);
        node.store().append(StreamId.of("ORDER", UUID.randomUUID().toString()), e);
        return e.eventId();
    }
}
