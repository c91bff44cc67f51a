package com.bigbox.bench;

import com.bigbox.bench.Rounds.Contender;
import com.bigbox.core.EventFilter;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.Uuids;
import com.bigbox.postgres.Database;
import com.bigbox.postgres.DatabaseUrl;
import com.bigbox.postgres.Migrations;
import com.bigbox.postgres.PgNode;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * One benchmark run: a fresh database, two engine instances (A writes, B is the second instance
 * whose real-time bus must receive everything), and the peers on the same server, measured in
 * alternating rounds. The bus runs and delivers during every measurement. The history phase runs
 * last, on the same database with the instances stopped (an API-only instance, no agents).
 */
final class BenchRun {
    static final String PAYLOAD = """
            {"name": "Client 4711", "email": "client4711@example.com", "company": "Acme Events", "budget": 25000,
             "urgency": "high", "message": "We need a launch event for 300 guests in March, with a brand refresh."}""";
    static final Map<String, Object> PAYLOAD_MAP = Map.of(
            "name",
            "Client 4711",
            "email",
            "client4711@example.com",
            "company",
            "Acme Events",
            "budget",
            25000,
            "urgency",
            "high",
            "message",
            "We need a launch event for 300 guests in March, with a brand refresh.");
    private static final int AGGREGATES_PER_WRITER = 50;
    private static final String OURS = "ours (engine append)";

    private final BenchSizes sizes;
    private final PgNode a;
    private final RawJdbcPeer raw;
    private final AxonPeer axon;
    private final SqlPathPeer sql;
    private final Optional<MessageDbPeer> messageDb;

    private BenchRun(
            BenchSizes sizes,
            PgNode a,
            RawJdbcPeer raw,
            AxonPeer axon,
            SqlPathPeer sql,
            Optional<MessageDbPeer> messageDb) {
        this.sizes = sizes;
        this.a = a;
        this.raw = raw;
        this.axon = axon;
        this.sql = sql;
        this.messageDb = messageDb;
    }

    static Report on(DatabaseUrl server, BenchSizes sizes, String command) throws Exception {
        try (BenchDatabase db = BenchDatabase.create(server)) {
            String[] skipped = {null};
            Optional<MessageDbPeer> messageDb;
            try (Database writer = new Database(db.url(), 24, "bench-a");
                    Database second = new Database(db.url(), 4, "bench-b")) {
                Migrations.apply(writer.pool());
                try (Connection admin = writer.pool().getConnection()) {
                    messageDb = MessageDbPeer.install(admin, writer.pool(), skipped);
                }
                var report = new Report(db.describe() + "; " + command
                        + ". The real-time bus of a second instance delivers throughout; medians of " + sizes.rounds()
                        + " alternating rounds, (min–max) over the rounds.");
                if (skipped[0] != null) {
                    report.note(skipped[0]);
                }
                try (PgNode a = PgNode.start(writer, "bench-a");
                        PgNode b = PgNode.start(second, "bench-b")) {
                    var delivered = new AtomicLong();
                    b.bus().subscribe(EventFilter.all(), event -> delivered.incrementAndGet());
                    var run = new BenchRun(
                            sizes,
                            a,
                            new RawJdbcPeer(writer.pool()),
                            new AxonPeer(writer.pool()),
                            new SqlPathPeer(writer.pool()),
                            messageDb);
                    run.appends(report, 1);
                    run.appends(report, 8);
                    run.hotStream(report);
                    run.batches(report);
                    var delivery = new Delivery(a, b, sizes);
                    delivery.latency(report, 1_000, 4);
                    delivery.latency(report, 5_000, 8);
                    delivery.sustained(report, delivered);
                    var reads = new Reads(a.store(), run.raw, sizes);
                    reads.readAll(report, sizes.rounds());
                    reads.aggregateLoad(report);
                }
                if (!sizes.historySizes().isEmpty()) {
                    history(server, sizes, report);
                }
                return report;
            }
        }
    }

    // In a database of its own, so that each size is exactly the log's length.
    private static void history(DatabaseUrl server, BenchSizes sizes, Report report) throws Exception {
        try (BenchDatabase db = BenchDatabase.create(server);
                Database api = new Database(db.url(), 6, "bench-history")) {
            Migrations.apply(api.pool());
            new HistoryPhase(api.pool(), sizes.historySamples()).run(report, sizes.historySizes());
        }
    }

    private static String aggregate(int writer, long i) {
        return "w" + writer + "-" + (i % AGGREGATES_PER_WRITER);
    }

    private static long sequence(long i) {
        return i / AGGREGATES_PER_WRITER + 1;
    }

    static NewEvent event(String type) {
        return NewEvent.of(type, PAYLOAD).emittedBy("bench").withConfidence(0.9);
    }

    // One event per transaction, each writer on its own aggregates: the per-event cost of every path.
    private void appends(Report report, int writers) throws Exception {
        var s = Rounds.run(sizes.rounds(), writers, sizes.warmup(), sizes.phase(), appendContenders());
        String label = "append, 1 event per transaction, " + writers + " writer" + (writers == 1 ? "" : "s");
        report.ratio(
                label + ": ours vs Axon JdbcEventStorageEngine", s.get(OURS), s.get("Axon"), "events/s", ">= 1.0x");
        report.ratio(
                label + ": ours vs raw JDBC INSERT",
                s.get(OURS),
                s.get("raw INSERT, untriggered copy"),
                "events/s",
                "-");
        report.ratio(
                label + ": plain INSERT INTO events vs the same INSERT into an untriggered copy",
                s.get("plain INSERT INTO events"),
                s.get("raw INSERT, untriggered copy"),
                "events/s",
                writers == 8 ? ">= 0.9x" : "-");
        report.ratio(
                label + ": append_event() vs the untriggered copy",
                s.get("append_event()"),
                s.get("raw INSERT, untriggered copy"),
                "events/s",
                writers == 8 ? ">= 0.9x" : "-");
        if (messageDb.isPresent()) {
            report.ratio(
                    label + ": ours vs Message DB write_message",
                    s.get(OURS),
                    s.get("Message DB"),
                    "events/s",
                    ">= 1.0x");
            report.ratio(
                    label + ": append_event() vs Message DB write_message",
                    s.get("append_event()"),
                    s.get("Message DB"),
                    "events/s",
                    ">= 1.0x");
        }
    }

    // Every path appending one event to the writer's next aggregate.
    private List<Contender> appendContenders() {
        List<Contender> contenders = new ArrayList<>(List.of(
                new Contender(OURS, (run, w, i) -> {
                    a.store().append(StreamId.of("LEAD", run + aggregate(w, i)), event("LEAD_RECEIVED"));
                    return 1;
                }),
                new Contender("raw INSERT, untriggered copy", (run, w, i) -> {
                    raw.insert(run + aggregate(w, i), sequence(i), PAYLOAD);
                    return 1;
                }),
                new Contender("Axon", (run, w, i) -> {
                    axon.append(run + aggregate(w, i), sequence(i) - 1, PAYLOAD_MAP);
                    return 1;
                }),
                new Contender("append_event()", (run, w, i) -> {
                    sql.appendEvent("LEAD_RECEIVED", "RPC", run + aggregate(w, i), PAYLOAD);
                    return 1;
                }),
                new Contender("plain INSERT INTO events", (run, w, i) -> {
                    sql.insert("LEAD_RECEIVED", "PSQL", run + aggregate(w, i), PAYLOAD);
                    return 1;
                })));
        messageDb.ifPresent(m -> contenders.add(new Contender("Message DB", (run, w, i) -> {
            m.write("lead-" + run + aggregate(w, i), "LeadReceived", PAYLOAD, null);
            return 1;
        })));
        return contenders;
    }

    // Eight writers appending to one stream, unconditionally: the per-stream serialisation.
    private void hotStream(Report report) throws Exception {
        if (messageDb.isEmpty()) {
            return;
        }
        var s = Rounds.run(
                sizes.rounds(),
                8,
                sizes.warmup(),
                sizes.phase(),
                List.of(
                        new Contender("append_event()", (run, w, i) -> {
                            sql.appendEvent("LEAD_RECEIVED", "HOT", run, PAYLOAD);
                            return 1;
                        }),
                        new Contender(OURS, (run, w, i) -> {
                            a.store().append(StreamId.of("HOT", run + "-engine"), event("LEAD_RECEIVED"));
                            return 1;
                        }),
                        new Contender("Message DB", (run, w, i) -> {
                            messageDb.get().write("hot-" + run, "LeadReceived", PAYLOAD, null);
                            return 1;
                        })));
        report.ratio(
                "append, 8 writers on one hot stream: append_event() vs Message DB write_message",
                s.get("append_event()"),
                s.get("Message DB"),
                "events/s",
                ">= 1.0x");
        report.ratio(
                "append, 8 writers on one hot stream: ours vs Message DB write_message",
                s.get(OURS),
                s.get("Message DB"),
                "events/s",
                ">= 1.0x");
    }

    private void batches(Report report) throws Exception {
        int size = sizes.batchSize();
        List<NewEvent> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(event("TASK_CREATED"));
        }
        List<Contender> contenders = new ArrayList<>(List.of(
                new Contender(OURS, (run, w, i) -> {
                    a.store()
                            .append(
                                    StreamId.of("PROJECT", UUID.randomUUID().toString()),
                                    ExpectedVersion.noStream(),
                                    batch.stream()
                                            .map(e -> e.withId(Uuids.timeOrdered()))
                                            .toList());
                    return size;
                }),
                new Contender("raw JDBC batch", (run, w, i) -> {
                    raw.insertBatch(UUID.randomUUID().toString(), size, PAYLOAD);
                    return size;
                }),
                new Contender("Axon", (run, w, i) -> {
                    axon.appendBatch(UUID.randomUUID().toString(), size, PAYLOAD_MAP);
                    return size;
                })));
        messageDb.ifPresent(m -> contenders.add(new Contender("Message DB", (run, w, i) -> {
            m.writeBatch("project-" + UUID.randomUUID(), "TaskCreated", PAYLOAD, size);
            return size;
        })));
        var s = Rounds.run(sizes.rounds(), 1, sizes.warmup(), sizes.phase(), contenders);
        String label = "batch append, " + size + " events per transaction, 1 writer";
        report.ratio(label + ": ours vs Axon", s.get(OURS), s.get("Axon"), "events/s", ">= 1.0x");
        report.ratio(
                label + ": ours vs raw JDBC batch",
                s.get(OURS),
                s.get("raw JDBC batch"),
                "events/s",
                ">= 50,000 events/s");
        if (messageDb.isPresent()) {
            report.ratio(label + ": ours vs Message DB", s.get(OURS), s.get("Message DB"), "events/s", ">= 1.0x");
        }
    }

    static void awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout);
            }
            Thread.sleep(1);
        }
    }
}
