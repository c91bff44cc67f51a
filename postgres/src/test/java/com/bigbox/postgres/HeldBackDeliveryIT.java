package com.bigbox.postgres;

import static com.bigbox.postgres.PgTesting.event;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.core.EventFilter;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cost of commit-safe ordering, bounded: only an open transaction that has written events holds
 * delivery back (not any transaction in the cluster); the feed names it, and delivery resumes,
 * complete and in order, as soon as it ends.
 */
class HeldBackDeliveryIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "held-back");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anOpenTransactionThatWroteNoEventHoldsNothingBack() throws Exception {
        try (PgNode node = PgNode.start(database, "unrelated")) {
            List<RecordedEvent> received = new CopyOnWriteArrayList<>();
            node.bus().subscribe(EventFilter.aggregateType("UNRELATED"), received::add);
            try (Connection idle = db.connect()) {
                idle.setAutoCommit(false);
                try (var s = idle.createStatement()) {
                    s.execute("create temp table scratch (x int)");
                    s.execute("insert into scratch values (1)"); // takes a transaction id, writes no event
                }
                for (int i = 0; i < 5; i++) {
                    node.store().append(StreamId.of("UNRELATED", "x"), event("PASSED"));
                }
                await().atMost(5, SECONDS).until(() -> received.size() == 5);
                idle.rollback();
            }
        }
    }

    @Test
    void anOpenEventWriterHoldsLaterEventsBackIsNamedAndReleasesEverythingInOrder() throws Exception {
        try (PgNode node = PgNode.start(database, "held")) {
            List<RecordedEvent> received = new CopyOnWriteArrayList<>();
            node.bus().subscribe(EventFilter.aggregateType("HB"), received::add);
            try (Connection blocker = db.connect()) {
                blocker.setAutoCommit(false);
                try (var s = blocker.createStatement()) {
                    s.execute(
                            "insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by) "
                                    + "values ('EARLY', gen_random_uuid(), 'HB', 'blocker', '{}', 'psql')");
                }
                for (int i = 0; i < 5; i++) {
                    node.store().append(StreamId.of("HB", "x"), event("LATE"));
                }
                await().atMost(15, SECONDS)
                        .until(() -> node.feedStatus().heldBack().isPresent());
                assertThat(received)
                        .as("nothing passes an open writer numbered before it")
                        .isEmpty();
                assertThat(node.feedStatus().heldBack().orElseThrow().state()).isEqualTo("idle in transaction");
                blocker.commit();
            }
            await().atMost(5, SECONDS).until(() -> received.size() == 6);
            assertThat(received)
                    .extracting(RecordedEvent::type)
                    .containsExactly("EARLY", "LATE", "LATE", "LATE", "LATE", "LATE");
        }
    }

    // The case that defeats ordering by transaction id: a transaction takes its id early (writing
    // something else), others commit events meanwhile, and only then does it write its event.
    @Test
    void aTransactionThatWritesItsEventLateIsDeliveredNotSkipped() throws Exception {
        try (PgNode node = PgNode.start(database, "late")) {
            List<RecordedEvent> received = new CopyOnWriteArrayList<>();
            node.bus().subscribe(EventFilter.aggregateType("LATE"), received::add);
            try (Connection early = db.connect()) {
                early.setAutoCommit(false);
                try (var s = early.createStatement()) {
                    s.execute("create temp table scratch (x int)");
                    s.execute("insert into scratch values (1)");
                }
                UUID first = event("FIRST").eventId();
                node.store().append(StreamId.of("LATE", "a"), event("FIRST").withId(first));
                await().atMost(5, SECONDS).until(() -> received.size() == 1);
                try (var s = early.createStatement()) {
                    s.execute(
                            "insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by) "
                                    + "values ('SECOND', gen_random_uuid(), 'LATE', 'b', '{}', 'psql')");
                }
                early.commit();
            }
            await().atMost(5, SECONDS).until(() -> received.size() == 2);
            assertThat(received).extracting(RecordedEvent::type).containsExactly("FIRST", "SECOND");
        }
    }
}
