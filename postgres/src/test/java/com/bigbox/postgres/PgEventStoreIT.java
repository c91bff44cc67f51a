package com.bigbox.postgres;

import static com.bigbox.postgres.PgTesting.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bigbox.core.Aggregate;
import com.bigbox.core.AggregateLoader;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.InvalidEventException;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.WrongExpectedVersionException;
import com.bigbox.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgEventStoreIT {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static Database database;
    static PgEventStore store;

    @BeforeAll
    static void migrate() {
        database = PgTesting.migrated(db, "store-it");
        store = new PgEventStore(database.pool(), () -> {});
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static StreamId newStream() {
        return StreamId.of("LEAD", UUID.randomUUID().toString());
    }

    @Test
    void appendsNumberEventsDenselyAndReadsThemBack() {
        StreamId stream = newStream();
        var first = store.append(
                stream, ExpectedVersion.noStream(), List.of(event("LEAD_RECEIVED"), event("LEAD_QUALIFIED")));
        var second = store.append(
                stream, ExpectedVersion.exactly(2), event("MEETING_SCHEDULED").withConfidence(0.87));

        assertThat(first.events()).extracting(RecordedEvent::sequenceNumber).containsExactly(1L, 2L);
        assertThat(second.version()).isEqualTo(3);
        List<RecordedEvent> history = store.readStream(stream, 1);
        assertThat(history)
                .extracting(RecordedEvent::type)
                .containsExactly("LEAD_RECEIVED", "LEAD_QUALIFIED", "MEETING_SCHEDULED");
        assertThat(history.get(2).confidence().value()).isEqualTo(0.87);
        assertThat(history.get(0).correlationId()).isEqualTo(history.get(0).eventId());
        assertThat(store.readStream(stream, 3)).hasSize(1);
        assertThat(store.version(stream)).isEqualTo(3);
    }

    @Test
    void concurrentAppendsToOneAggregateAllSucceedWithDenseNumbers() throws Exception {
        StreamId stream = newStream();
        int threads = 16;
        int perThread = 25;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.append(stream, event("TASK_CREATED"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        List<Long> sequences = store.readStream(stream, 0).stream()
                .map(RecordedEvent::sequenceNumber)
                .toList();
        assertThat(sequences).hasSize(threads * perThread);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void twoWritersWithTheSameExpectedVersionExactlyOneWins() throws Exception {
        StreamId stream = newStream();
        store.append(stream, ExpectedVersion.noStream(), event("LEAD_RECEIVED"));
        var wins = new AtomicInteger();
        var conflicts = Collections.synchronizedList(new ArrayList<WrongExpectedVersionException>());
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.append(stream, ExpectedVersion.exactly(1), event("LEAD_QUALIFIED"));
                        wins.incrementAndGet();
                    } catch (WrongExpectedVersionException e) {
                        conflicts.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(wins).hasValue(1);
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.getFirst()).hasMessageContaining("expected version 1, stream is at version 2");
        assertThat(store.version(stream)).isEqualTo(2);
    }

    @Test
    void retryOfTheSameEventIsNotStoredTwice() {
        StreamId stream = newStream();
        NewEvent once = event("PAYMENT_RECEIVED");
        var first = store.append(stream, once);
        var retry = store.append(stream, once);

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.events().getFirst().eventId())
                .isEqualTo(first.events().getFirst().eventId());
        assertThat(store.readStream(stream, 0)).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamedAndNothingStored() {
        StreamId stream = newStream();
        assertThatThrownBy(() -> store.append(stream, NewEvent.of("X", "{\"broken\": }")))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("payload"));
        assertThatThrownBy(() -> store.append(stream, NewEvent.of("X", "{}").withMetadata("{nope}")))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThatThrownBy(() -> event("X").withConfidence(1.5))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("confidence"));
        assertThatThrownBy(() -> NewEvent.of(" ", "{}"))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("event_type"));
        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exactly(3), event("X")))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.any(), List.of()))
                .isInstanceOf(InvalidEventException.class);

        assertThat(store.readStream(stream, 0)).isEmpty();
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void aBatchIsNumberedOnceAndAStaleExpectedVersionStoresNoneOfIt() {
        StreamId stream = newStream();
        var first = store.append(stream, ExpectedVersion.noStream(), List.of(event("A"), event("B"), event("C")));
        assertThat(first.events()).extracting(RecordedEvent::sequenceNumber).containsExactly(1L, 2L, 3L);
        assertThat(first.events())
                .extracting(e -> e.position().transactionSeq())
                .as("one transaction, one number")
                .containsOnly(first.events().getFirst().position().transactionSeq());
        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exactly(1), List.of(event("D"), event("E"))))
                .isInstanceOf(WrongExpectedVersionException.class)
                .hasMessageContaining("expected version 1, stream is at version 3");
        var next = store.append(stream, ExpectedVersion.exactly(3), List.of(event("D"), event("E")));
        assertThat(next.events()).extracting(RecordedEvent::sequenceNumber).containsExactly(4L, 5L);
        assertThat(store.version(stream)).isEqualTo(5);
    }

    @Test
    void aCallersBatchIsNumberedByTheTriggerAndOnlyTheEngineMayReserveNumbers() throws SQLException {
        StreamId stream = newStream();
        PgEventStore.CallerSetup asAuthenticated = c -> {
            try (var s = c.createStatement()) {
                s.execute("set local role bigbox_staff");
            }
        };
        var stored = store.inTransactionAs(
                asAuthenticated,
                work -> work.append(stream, ExpectedVersion.noStream(), List.of(event("A"), event("B"))));
        assertThat(stored.events()).extracting(RecordedEvent::sequenceNumber).containsExactly(1L, 2L);
        assertThatThrownBy(() -> store.inTransactionAs(
                        asAuthenticated,
                        work -> work.append(stream, ExpectedVersion.exactly(1), List.of(event("C"), event("D")))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store.version(stream)).isEqualTo(2);

        try (var c = db.connect();
                var s = c.createStatement()) {
            s.execute("set role authenticated");
            assertThatThrownBy(() -> s.execute("select events_reserve('LEAD', 'x', 10, null)"))
                    .hasMessageContaining("permission denied");
            s.execute("reset role");
            // A forged reservation does not let a writer choose its numbers: the trigger checks them.
            s.execute("begin");
            s.execute("select set_config('bigbox.reserved', 'forged' || chr(31) || 'LEAD' || chr(31) || '" + stream.id()
                    + "' || chr(31) || '99', true)");
            assertThatThrownBy(() ->
                            s.execute("insert into events (event_type, correlation_id, aggregate_type, aggregate_id, "
                                    + "sequence_number, payload, emitted_by) values ('X', gen_random_uuid(), 'LEAD', '"
                                    + stream.id() + "', 50, '{}', 'psql')"))
                    .hasMessageContaining("wrong expected version");
            s.execute("rollback");
        }
    }

    @Test
    void aFailedBatchStoresNoneOfItsEvents() {
        StreamId stream = newStream();
        assertThatThrownBy(() -> store.append(
                        stream, ExpectedVersion.any(), List.of(event("A"), NewEvent.of("B", "{\"x\": tru}"))))
                .isInstanceOf(InvalidEventException.class);
        assertThat(store.readStream(stream, 0)).isEmpty();
    }

    @Test
    void eventsAreAppendOnlyForEveryRole() throws SQLException {
        StreamId stream = newStream();
        store.append(stream, event("LEAD_RECEIVED"));
        for (String role :
                List.of("postgres", "service_role", "authenticated", "bigbox_staff", "anon", "bigbox_console")) {
            try (var connection = db.connect();
                    var statement = connection.createStatement()) {
                if (!role.equals("postgres")) {
                    statement.execute("set role " + role);
                }
                assertThatThrownBy(() -> statement.executeUpdate("update events set payload = '{}'"))
                        .as(role)
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.executeUpdate("delete from events"))
                        .as(role)
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.execute("truncate events cascade"))
                        .as(role)
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(store.readStream(stream, 0)).hasSize(1);
    }

    @Test
    void aPlainInsertFromPsqlGetsItsNumbersFilledIn() throws SQLException {
        String id = UUID.randomUUID().toString();
        try (var connection = db.connect();
                var statement = connection.createStatement()) {
            for (int i = 0; i < 2; i++) {
                statement.executeUpdate("""
                        insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by)
                        values ('TEST_EVENT', gen_random_uuid(), 'SYSTEM', '%s', '{"test": true}', 'psql')""".formatted(id));
            }
        }
        List<RecordedEvent> events = store.readStream(StreamId.of("SYSTEM", id), 0);
        assertThat(events).extracting(RecordedEvent::sequenceNumber).containsExactly(1L, 2L);
        assertThat(events.get(0).timestamp()).isNotNull();
        assertThat(events.get(1).position()).isGreaterThan(events.get(0).position());
    }

    @Test
    void readAllReturnsCommittedEventsInCommitOrderAfterAPosition() {
        Position before = store.head();
        StreamId a = newStream();
        StreamId b = newStream();
        store.append(a, event("ONE"));
        store.append(b, event("TWO"));
        store.append(a, event("THREE"));

        List<RecordedEvent> after = store.readAll(before, 100);
        assertThat(after).extracting(RecordedEvent::type).containsSubsequence("ONE", "TWO", "THREE");
        assertThat(after).isSortedAccordingTo((x, y) -> x.position().compareTo(y.position()));
        assertThat(store.positionOf(after.getLast().globalPosition()))
                .contains(after.getLast().position());
        assertThat(store.readAll(after.getLast().position(), 100)).isEmpty();
    }

    record Count(int n) {}

    static final Aggregate<Count> COUNTER = new Aggregate<>() {
        @Override
        public Count initial() {
            return new Count(0);
        }

        @Override
        public Count evolve(Count state, RecordedEvent event) {
            return new Count(state.n() + 1);
        }

        @Override
        public String toSnapshot(Count state) {
            return "{\"n\":" + state.n() + "}";
        }

        @Override
        public Count fromSnapshot(String json) {
            return new Count(Integer.parseInt(json.replaceAll("\\D", "")));
        }
    };

    @Test
    void loadsAnAggregateFromItsLatestSnapshotPlusLaterEvents() {
        StreamId stream = newStream();
        var batch = new ArrayList<NewEvent>();
        for (int i = 0; i < 250; i++) {
            batch.add(event("TICK"));
        }
        store.append(stream, ExpectedVersion.any(), batch);
        var loader = new AggregateLoader(store, 100);

        var loaded = loader.aggregateStream(stream, COUNTER);
        assertThat(loaded.state().n()).isEqualTo(250);
        assertThat(loaded.version()).isEqualTo(250);
        assertThat(store.latestSnapshot(stream))
                .get()
                .extracting(s -> s.version())
                .isEqualTo(250L);

        store.append(stream, event("TICK"));
        assertThat(loader.aggregateStream(stream, COUNTER).state().n()).isEqualTo(251);
        assertThat(store.latestSnapshot(stream).orElseThrow().version())
                .as("fewer than 100 new events: no new snapshot")
                .isEqualTo(250);
    }
}
