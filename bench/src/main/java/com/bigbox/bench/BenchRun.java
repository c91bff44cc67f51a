package com.bigbox.bench;

import com.bigbox.core.Aggregate;
import com.bigbox.core.AggregateLoader;
import com.bigbox.core.EventFilter;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.Position;
import com.bigbox.core.RecordedEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.Uuids;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One benchmark run: a fresh database, two engine instances (A writes, B is the second instance
 * whose real-time bus must receive everything), and the peers on the same server. The bus runs and
 * delivers during every measurement.
 */
final class BenchRun {
    static final String PAYLOAD = """
            {"name": "Client 4711", "email": "client4711@example.com", "company": "Acme Events", "budget": 25000,
             "urgency": "high", "message": "We need a launch event for 300 guests in March, with a brand refresh."}""";
    static final Map<String, Object> PAYLOAD_MAP = Map.of("name", "Client 4711", "email", "client4711@example.com",
            "company", "Acme Events", "budget", 25000, "urgency", "high",
            "message", "We need a launch event for 300 guests in March, with a brand refresh.");
    private static final int AGGREGATES_PER_WRITER = 50;

    private final BenchSizes sizes;
    private final PgNode a;
    private final PgNode b;
    private final RawJdbcPeer raw;
    private final AxonPeer axon;
    private final AtomicLong delivered = new AtomicLong();

    private BenchRun(BenchSizes sizes, PgNode a, PgNode b, RawJdbcPeer raw, AxonPeer axon) {
        this.sizes = sizes;
        this.a = a;
        this.b = b;
        this.raw = raw;
        this.axon = axon;
        b.bus().subscribe(EventFilter.all(), event -> delivered.incrementAndGet());
    }

    static Report on(DatabaseUrl server, BenchSizes sizes) throws Exception {
        try (BenchDatabase db = BenchDatabase.create(server);
                Database writer = new Database(db.url(), 24, "bench-a");
                Database second = new Database(db.url(), 4, "bench-b")) {
            Migrations.apply(writer.pool());
            try (PgNode a = PgNode.start(writer, "bench-a"); PgNode b = PgNode.start(second, "bench-b")) {
                var run = new BenchRun(sizes, a, b, new RawJdbcPeer(writer.pool()), new AxonPeer(writer.pool()));
                var report = new Report(db.describe() + "; the real-time bus of a second instance delivers throughout.");
                run.appends(report, 1);
                run.appends(report, 8);
                run.batches(report);
                run.latency(report);
                run.sustained(report);
                run.readAll(report);
                run.aggregateLoad(report);
                return report;
            }
        }
    }

    private static String aggregate(int writer, long i) {
        return "w" + writer + "-" + (i % AGGREGATES_PER_WRITER);
    }

    private static long sequence(long i) {
        return i / AGGREGATES_PER_WRITER + 1;
    }

    private static NewEvent event(String type) {
        return NewEvent.of(type, PAYLOAD).emittedBy("bench").withConfidence(0.9);
    }

    // One event per transaction, each writer on its own aggregates: the store's per-event cost.
    private void appends(Report report, int writers) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        double ours = Throughput.measure(writers, sizes.warmup(), sizes.phase(), (w, i) -> {
            a.store().append(StreamId.of("LEAD", run + aggregate(w, i)), event("LEAD_RECEIVED"));
            return 1;
        });
        double rawRate = Throughput.measure(writers, sizes.warmup(), sizes.phase(), (w, i) -> {
            raw.insert(run + aggregate(w, i), sequence(i), PAYLOAD);
            return 1;
        });
        double axonRate = Throughput.measure(writers, sizes.warmup(), sizes.phase(), (w, i) -> {
            axon.append(run + aggregate(w, i), sequence(i) - 1, PAYLOAD_MAP);
            return 1;
        });
        String label = "append, 1 event per transaction, " + writers + " writer" + (writers == 1 ? "" : "s");
        report.ratio(label + " vs raw JDBC INSERT", ours, "raw INSERT", rawRate, "events/s", ">= 0.9x");
        report.ratio(label + " vs Axon JdbcEventStorageEngine", ours, "Axon", axonRate, "events/s", ">= 1.0x");
    }

    private void batches(Report report) throws Exception {
        int size = sizes.batchSize();
        List<NewEvent> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(event("TASK_CREATED"));
        }
        double ours = Throughput.measure(1, sizes.warmup(), sizes.phase(), (w, i) -> {
            a.store().append(StreamId.of("PROJECT", UUID.randomUUID().toString()), ExpectedVersion.noStream(), fresh(batch));
            return size;
        });
        double rawRate = Throughput.measure(1, sizes.warmup(), sizes.phase(), (w, i) -> {
            raw.insertBatch(UUID.randomUUID().toString(), size, PAYLOAD);
            return size;
        });
        double axonRate = Throughput.measure(1, sizes.warmup(), sizes.phase(), (w, i) -> {
            axon.appendBatch(UUID.randomUUID().toString(), size, PAYLOAD_MAP);
            return size;
        });
        report.ratio("batch append, " + size + " events per transaction, 1 writer, vs raw JDBC batch", ours,
                "raw batch", rawRate, "events/s", ">= 50,000 events/s");
        report.ratio("batch append, " + size + " events per transaction, 1 writer, vs Axon", ours, "Axon", axonRate,
                "events/s", ">= 1.0x");
    }

    private static List<NewEvent> fresh(List<NewEvent> template) {
        return template.stream().map(e -> e.withId(Uuids.timeOrdered())).toList();
    }

    // A paced writer on instance A at 1,000 events/s; B's bus notes when each arrives.
    private void latency(Report report) throws Exception {
        var acknowledged = new ConcurrentHashMap<UUID, Long>();
        var received = new ConcurrentHashMap<UUID, Long>();
        var registration = b.bus().subscribe(EventFilter.types("LATENCY_PROBE"), e -> received.put(e.eventId(), System.nanoTime()));
        try {
            long interval = 1_000_000;
            long count = sizes.phase().toMillis();
            long next = System.nanoTime();
            for (long i = 0; i < count; i++) {
                NewEvent e = event("LATENCY_PROBE");
                a.store().append(StreamId.of("PROBE", "p" + (i % 100)), e);
                acknowledged.put(e.eventId(), System.nanoTime());
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime());
            }
            awaitCondition(() -> received.size() >= acknowledged.size(), Duration.ofSeconds(30));
        } finally {
            registration.close();
        }
        long[] micros = acknowledged.entrySet().stream()
                .mapToLong(e -> Math.max(0, received.get(e.getKey()) - e.getValue()) / 1_000)
                .sorted().toArray();
        report.add("commit-to-delivery latency on a second instance at 1,000 events/s",
                String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", pct(micros, 50), pct(micros, 99),
                        micros[micros.length - 1] / 1000.0),
                "Supabase Realtime postgres_changes: 50-200 ms (reported)", "-", "p99 <= 10 ms");
    }

    private static double pct(long[] sortedMicros, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    // Writers push batches as fast as they can; B must keep up without its lag growing.
    private void sustained(Report report) throws Exception {
        var appended = new AtomicLong();
        long deliveredBefore = delivered.get();
        var lags = new ArrayList<Long>();
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (lags) {
                    lags.add(appended.get() - (delivered.get() - deliveredBefore));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(event("SUSTAINED"));
        }
        long start = System.nanoTime();
        Throughput.measure(4, Duration.ZERO, sizes.phase(), (w, i) -> {
            a.store().append(StreamId.of("SUSTAINED", UUID.randomUUID().toString()), ExpectedVersion.noStream(), fresh(batch));
            appended.addAndGet(batch.size());
            return batch.size();
        });
        long writing = System.nanoTime() - start;
        long drainStart = System.nanoTime();
        awaitCondition(() -> delivered.get() - deliveredBefore >= appended.get(), Duration.ofSeconds(60));
        long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
        sampler.interrupt();
        long total = delivered.get() - deliveredBefore;
        double rate = total * 1e9 / (writing + drainMillis * 1_000_000);
        long firstHalfMax;
        long secondHalfMax;
        synchronized (lags) {
            int half = lags.size() / 2;
            firstHalfMax = lags.subList(0, Math.max(1, half)).stream().mapToLong(Long::longValue).max().orElse(0);
            secondHalfMax = lags.subList(half, lags.size()).stream().mapToLong(Long::longValue).max().orElse(0);
        }
        report.add("sustained delivery to a second instance (4 writers, 100-event transactions)",
                Report.rate(rate, "events/s"),
                String.format(Locale.ROOT, "written %s; max lag first half %,d, second half %,d events; drained in %d ms",
                        Report.rate(appended.get() * 1e9 / writing, "events/s"), firstHalfMax, secondHalfMax, drainMillis),
                "-", ">= 10,000 events/s, lag not growing");
    }

    private void readAll(Report report) throws Exception {
        long have = a.store().head().globalPosition();
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(event("FILLER"));
        }
        while (have < sizes.readAllEvents()) {
            a.store().append(StreamId.of("FILLER", UUID.randomUUID().toString()), ExpectedVersion.noStream(), fresh(batch));
            have += batch.size();
        }
        long start = System.nanoTime();
        long count = 0;
        Position cursor = Position.START;
        while (true) {
            List<RecordedEvent> page = a.store().readAll(cursor, 5_000);
            if (page.isEmpty()) {
                break;
            }
            count += page.size();
            cursor = page.getLast().position();
        }
        double ours = count * 1e9 / (System.nanoTime() - start);
        long rawStart = System.nanoTime();
        long rawCount = raw.readAll();
        double rawRate = rawCount * 1e9 / (System.nanoTime() - rawStart);
        report.ratio("read all in commit order (" + String.format(Locale.ROOT, "%,d", count) + " events, pages of 5,000)",
                ours, "raw JDBC scan", rawRate, "events/s", ">= 200,000 events/s");
    }

    private void aggregateLoad(Report report) {
        int n = sizes.aggregateEvents();
        StreamId stream = StreamId.of("PROJECT", "big-" + UUID.randomUUID());
        for (int done = 0; done < n; done += 1_000) {
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(1_000, n - done); i++) {
                batch.add(event("TASK_COMPLETED"));
            }
            a.store().append(stream, ExpectedVersion.exactly(done), batch);
        }
        var counter = new Counter();
        double without = averageMillis(new AggregateLoader(a.store(), Integer.MAX_VALUE), stream, counter, n);
        var withSnapshots = new AggregateLoader(a.store(), AggregateLoader.DEFAULT_SNAPSHOT_EVERY);
        withSnapshots.aggregateStream(stream, counter);
        double with = averageMillis(withSnapshots, stream, counter, n);
        report.add("load an aggregate of " + String.format(Locale.ROOT, "%,d", n) + " events",
                String.format(Locale.ROOT, "with snapshots (every 100): %.2f ms", with),
                String.format(Locale.ROOT, "without snapshots: %.2f ms", without),
                String.format(Locale.ROOT, "%.0fx faster", without / with), "-");
    }

    private double averageMillis(AggregateLoader loader, StreamId stream, Counter counter, int expected) {
        long start = System.nanoTime();
        for (int i = 0; i < sizes.loads(); i++) {
            long state = loader.aggregateStream(stream, counter).state();
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

    private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout);
            }
            Thread.sleep(1);
        }
    }

}
