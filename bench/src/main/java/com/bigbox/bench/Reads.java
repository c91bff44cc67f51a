package com.bigbox.bench;

import com.bigbox.core.Aggregate;
import com.bigbox.core.AggregateLoader;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.Uuids;
import com.bigbox.postgres.PgEventStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reading back: the whole log in commit order, and loading one long aggregate with and without snapshots. */
final class Reads {
    private static final int PAGE = 5_000;
    private static final int AFTER_SNAPSHOT = 50;

    private final PgEventStore store;
    private final RawJdbcPeer raw;
    private final BenchSizes sizes;

    Reads(PgEventStore store, RawJdbcPeer raw, BenchSizes sizes) {
        this.store = store;
        this.raw = raw;
        this.sizes = sizes;
    }

    void readAll(Report report, int rounds) throws SQLException {
        long have = store.head().globalPosition();
        while (have < sizes.readAllEvents()) {
            store.append(
                    StreamId.of("FILLER", UUID.randomUUID().toString()),
                    ExpectedVersion.noStream(),
                    batch("FILLER", 1_000));
            have += 1_000;
        }
        double[] ours = new double[rounds];
        double[] baseline = new double[rounds];
        long count = 0;
        for (int round = 0; round < rounds; round++) {
            for (String who : Rounds.order(List.of("ours", "raw"), round)) {
                long start = System.nanoTime();
                count = who.equals("ours") ? readAllOurs() : raw.readAll(PAGE);
                (who.equals("ours") ? ours : baseline)[round] = count * 1e9 / (System.nanoTime() - start);
            }
        }
        report.ratio(
                "read all in commit order (" + String.format(Locale.ROOT, "%,d", count)
                        + " events, keyset pages of 5,000)",
                new Sample("ours", ours),
                new Sample("raw JDBC, same keyset query", baseline),
                "events/s",
                ">= 200,000 events/s");
    }

    private long readAllOurs() {
        long count = 0;
        Position cursor = Position.START;
        while (true) {
            List<RecordedEvent> page = store.readAll(cursor, PAGE);
            if (page.isEmpty()) {
                return count;
            }
            count += page.size();
            cursor = page.getLast().position();
        }
    }

    /** An aggregate of n events whose last snapshot is 50 events behind its head, the usual case. */
    void aggregateLoad(Report report) {
        int n = sizes.aggregateEvents();
        StreamId stream = StreamId.of("PROJECT", "big-" + UUID.randomUUID());
        for (int done = 0; done < n; done += 1_000) {
            store.append(stream, ExpectedVersion.exactly(done), batch("TASK_COMPLETED", Math.min(1_000, n - done)));
        }
        var counter = new Counter();
        var withSnapshots = new AggregateLoader(store, AggregateLoader.DEFAULT_SNAPSHOT_EVERY);
        withSnapshots.aggregateStream(stream, counter);
        store.append(stream, ExpectedVersion.exactly(n), batch("TASK_COMPLETED", AFTER_SNAPSHOT));
        int total = n + AFTER_SNAPSHOT;
        double without = averageMillis(() -> replay(stream, counter), total);
        double with = averageMillis(
                () -> withSnapshots.aggregateStream(stream, counter).state(), total);
        report.add(
                "load an aggregate of " + String.format(Locale.ROOT, "%,d", total) + " events, the last "
                        + AFTER_SNAPSHOT + " after its snapshot",
                String.format(Locale.ROOT, "with snapshots (every 100): %.2f ms", with),
                String.format(Locale.ROOT, "without snapshots: %.2f ms", without),
                String.format(Locale.ROOT, "%.0fx faster", without / with),
                "-");
    }

    private static List<NewEvent> batch(String type, int size) {
        List<NewEvent> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(BenchRun.event(type).withId(Uuids.timeOrdered()));
        }
        return batch;
    }

    // Every event from the first, snapshots ignored.
    private long replay(StreamId stream, Counter counter) {
        long state = counter.initial();
        for (RecordedEvent e : store.readStream(stream, 1)) {
            state = counter.evolve(state, e);
        }
        return state;
    }

    private double averageMillis(java.util.function.LongSupplier load, int expected) {
        long start = System.nanoTime();
        for (int i = 0; i < sizes.loads(); i++) {
            long state = load.getAsLong();
            if (state != expected) {
                throw new IllegalStateException("loaded " + state + " events, expected " + expected);
            }
        }
        return (System.nanoTime() - start) / 1e6 / sizes.loads();
    }

    /** Counts the events of a stream; its snapshot is the count. */
    private static final class Counter implements Aggregate<Long> {
        @Override
        public Long initial() {
            return 0L;
        }

        @Override
        public Long evolve(Long state, RecordedEvent event) {
            return state + 1;
        }

        @Override
        public String toSnapshot(Long state) {
            return "{\"count\":" + state + "}";
        }

        @Override
        public Long fromSnapshot(String json) {
            return Long.parseLong(json.replaceAll("[^0-9]", ""));
        }
    }
}
