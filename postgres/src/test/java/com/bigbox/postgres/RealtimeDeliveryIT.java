package com.bigbox.postgres;

import static com.bigbox.postgres.PgTesting.event;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bigbox.core.EventFilter;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every instance receives every committed event once, in the same commit order, none skipped. */
class RealtimeDeliveryIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database databaseA;
    static Database databaseB;

    @BeforeAll
    static void migrate() {
        databaseA = PgTesting.migrated(db, "instance-a");
        databaseB = PgTesting.open(db, "instance-b");
    }

    @AfterAll
    static void close() {
        databaseA.close();
        databaseB.close();
    }

    /** Collects what one instance's bus delivers, in order. */
    static final class Received {
        final List<RecordedEvent> events = Collections.synchronizedList(new ArrayList<>());

        List<UUID> ids() {
            synchronized (events) {
                return events.stream().map(RecordedEvent::eventId).toList();
            }
        }
    }

    static Received listen(PgNode node) {
        var received = new Received();
        node.bus().subscribe(EventFilter.aggregateType("RT"), received.events::add);
        return received;
    }

    @Test
    void sixteenWritersWithLateCommitsAndRollbacksAreDeliveredExactlyOnceInTheSameOrderEverywhere() throws Exception {
        try (PgNode a = PgNode.start(databaseA, "a");
                PgNode b = PgNode.start(databaseB, "b")) {
            Received atA = listen(a);
            Received atB = listen(b);
            Set<UUID> committed = ConcurrentHashMap.newKeySet();
            Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();

            try (var writers = Executors.newFixedThreadPool(16)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < 16; w++) {
                    int writer = w;
                    futures.add(writers.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            writeOne(a, writer, i, committed, rolledBack);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }

            await().atMost(20, SECONDS)
                    .until(() -> atA.events.size() >= committed.size() && atB.events.size() >= committed.size());
            assertThat(atA.ids()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
            assertThat(atB.ids())
                    .as("instance B saw the same events in the same order")
                    .isEqualTo(atA.ids());
            assertThat(atA.ids()).doesNotContainAnyElementsOf(rolledBack);
            assertThat(atA.events).isSortedAccordingTo((x, y) -> x.position().compareTo(y.position()));
            assertThat(rolledBack).isNotEmpty();
        }
    }

    // A third of the transactions append, then hold their commit; some roll back. Meanwhile others
    // with later global positions commit first: exactly the case a naive "position > last" reader skips.
    private static void writeOne(PgNode node, int writer, int i, Set<UUID> committed, Set<UUID> rolledBack)
            throws Exception {
        var random = ThreadLocalRandom.current();
        StreamId stream = StreamId.of("RT", "w" + writer + "-" + (i % 3));
        var e = event("RT_EVENT");
        int mode = random.nextInt(10);
        if (mode < 6) {
            node.store().append(stream, e);
            committed.add(e.eventId());
            return;
        }
        try (Connection connection = databaseA.pool().getConnection()) {
            connection.setAutoCommit(false);
            node.store().append(connection, true, stream, ExpectedVersion.any(), List.of(e));
            Thread.sleep(random.nextInt(5, 60));
            if (mode < 9) {
                connection.commit();
                committed.add(e.eventId());
            } else {
                connection.rollback();
                rolledBack.add(e.eventId());
            }
            connection.setAutoCommit(true);
        }
        try (Connection connection = databaseA.pool().getConnection();
                PreparedStatement ping = connection.prepareStatement(PgNotifier.NOTIFY)) {
            ping.execute();
        }
    }

    @Test
    void aForeignInsertIsDeliveredToEveryInstance() throws Exception {
        try (PgNode a = PgNode.start(databaseA, "a2");
                PgNode b = PgNode.start(databaseB, "b2")) {
            Received atA = listen(a);
            Received atB = listen(b);
            try (Connection psql = db.connect();
                    var statement = psql.createStatement()) {
                statement.executeUpdate("""
                        insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by)
                        values ('TEST_EVENT', gen_random_uuid(), 'RT', 'psql-1', '{"test": true}', 'psql')""");
            }
            await().atMost(5, SECONDS).until(() -> atA.events.size() == 1 && atB.events.size() == 1);
            assertThat(atA.events.getFirst().type()).isEqualTo("TEST_EVENT");
        }
    }

    @Test
    void killingTheListenSessionLosesNothing() throws Exception {
        try (PgNode a = PgNode.start(databaseA, "a3");
                PgNode b = PgNode.start(databaseB, "b3")) {
            Received atB = listen(b);
            await().atMost(5, SECONDS).until(() -> b.listenBackendPid() != 0);
            List<UUID> appended = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                var e = event("RT_EVENT");
                a.store().append(StreamId.of("RT", "fault"), e);
                appended.add(e.eventId());
                if (i % 100 == 50) {
                    terminate(b.listenBackendPid());
                }
            }
            await().atMost(15, SECONDS).until(() -> atB.events.size() >= appended.size());
            assertThat(atB.ids()).isEqualTo(appended);
            await().atMost(10, SECONDS).until(b::listening);
        }
    }

    @Test
    void killingTheEngineConnectionsLosesNothing() throws Exception {
        try (PgNode a = PgNode.start(databaseA, "a4");
                PgNode b = PgNode.start(databaseB, "b4")) {
            Received atB = listen(b);
            List<UUID> appended = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                var e = event("RT_EVENT");
                a.store().append(StreamId.of("RT", "fault-all"), e);
                appended.add(e.eventId());
                if (i == 100) {
                    terminateAll("instance-b-pool");
                }
            }
            await().atMost(20, SECONDS).until(() -> atB.events.size() >= appended.size());
            assertThat(atB.ids()).isEqualTo(appended);
        }
    }

    static void terminate(int pid) throws Exception {
        try (Connection admin = db.connect();
                var statement = admin.prepareStatement("select pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        }
    }

    // Every session of instance b's pool, and every LISTEN session.
    static void terminateAll(String applicationName) throws Exception {
        try (Connection admin = db.connect();
                var statement = admin.prepareStatement("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                         where datname = current_database() and application_name in (?, 'bigbox-listen')""")) {
            statement.setString(1, applicationName);
            statement.execute();
        }
    }
}
