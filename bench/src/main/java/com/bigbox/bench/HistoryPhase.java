package com.bigbox.bench;

import com.bigbox.autonomic.improvement.doctrine.Doctrine;
import com.bigbox.autonomic.improvement.doctrine.GoLive;
import com.bigbox.autonomic.improvement.review.ReviewWeek;
import com.bigbox.autonomic.runtime.ShippedAgents;
import com.bigbox.core.Position;
import com.bigbox.core.StreamId;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.PgEventStore;
import com.bigbox.postgres.autonomic.PgCompatReads;
import com.bigbox.postgres.autonomic.PgSubscriptionStatus;
import com.bigbox.postgres.autonomic.PostgresAdapters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Cost as the history grows: the log is filled set-based (multi-row {@code INSERT ... SELECT}
 * through the trigger, a year of history, 100 clients, 10 types) to each size in turn, and at each
 * the reads behind the API's pages and the dashboard are timed, on an instance with no agents running
 * (every agent's checkpoint at the start: the lag's worst case). The reads are the ones the routes
 * call, in a transaction as the routes do, without HTTP around them.
 */
final class HistoryPhase {
    private static final int CHUNK = 50_000;
    private static final String LOAD = """
            insert into events (event_type, correlation_id, aggregate_type, aggregate_id, payload, emitted_by, confidence,
                                "timestamp")
            select (array['LEAD_RECEIVED', 'LEAD_QUALIFIED', 'TASK_CREATED', 'TASK_COMPLETED', 'PROJECT_STARTED',
                          'PAYMENT_RECEIVED', 'AUTONOMIC_DECISION_EXECUTED', 'HUMAN_APPROVAL_REQUESTED',
                          'SOP_EXECUTION_COMPLETED', 'CLIENT_HEALTH_CHANGED'])[1 + g % 10],
                   md5('flow' || g / 5)::uuid, 'HISTORY', 'h' || g / 10,
                   jsonb_build_object('client_id', 'c-' || g % 100, 'amount', g % 1000),
                   (array['lead-agent', 'ops-agent', 'finance-agent', 'psql'])[1 + g % 4], 0.5 + (g % 50) / 100.0,
                   now() - make_interval(secs => (? - g) * (31536000.0 / ?))
              from generate_series(?, ?) g""";

    private final DataSource pool;
    private final PgEventStore store;
    private final int samples;

    HistoryPhase(DataSource pool, int samples) {
        this.pool = pool;
        this.store = new PgEventStore(pool, () -> {});
        this.samples = samples;
    }

    void run(Report report, List<Long> sizes) throws SQLException {
        long largest = sizes.stream().mapToLong(Long::longValue).max().orElse(0);
        long have = count();
        for (long size : sizes) {
            if (size > have) {
                long start = System.nanoTime();
                load(have + 1, size, largest);
                report.load(size, (size - have) * 1e9 / (System.nanoTime() - start));
                have = size;
            }
            for (var read : reads().entrySet()) {
                store.inTransaction(read.getValue());
                double[] millis = new double[samples];
                for (int i = 0; i < samples; i++) {
                    long start = System.nanoTime();
                    store.inTransaction(read.getValue());
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(millis);
                report.history(new Report.HistoryRow(
                        size, read.getKey(), percentile(millis, 50), percentile(millis, 95), samples));
            }
        }
    }

    // The first call of each read at a size is not timed: it pays once for what the load left to do
    // (the stats projection folding the loaded events in), as the first request after an import would.
    private Map<String, Function<UnitOfWork, Object>> reads() {
        var compat = new PgCompatReads();
        List<String> agents = ShippedAgents.all().stream()
                .map(a -> a.definition().subscriptionName())
                .toList();
        var reads = new LinkedHashMap<String, Function<UnitOfWork, Object>>();
        reads.put("GET /api/v1/agents (status and lag of every agent)", w -> new PgSubscriptionStatus().of(w, agents));
        reads.put("GET /api/events/stats", w -> compat.stats(w, Instant.now()));
        reads.put(
                "GET /api/v1/reviews/weekly",
                w -> PostgresAdapters.weeklyReview(
                        w, Doctrine.shipped(), GoLive.fromFirstEvent(), ReviewWeek.of(Instant.now()), Instant.now()));
        reads.put(
                "GET /api/ceo/automation-report?period=quarter",
                w -> compat.report(w, Instant.now().minus(Duration.ofDays(91)), Instant.now()));
        reads.put(
                "GET /api/oversight/stats (all time)",
                w -> compat.report(w, Instant.EPOCH, Instant.now().plus(Duration.ofDays(3650))));
        reads.put(
                "POST /api/events/query (a client's latest 50)",
                w -> compat.events(
                        w,
                        new PgCompatReads.EventQuery(List.of(), null, null, null, null, "c-7", null, null, null, 50)));
        reads.put("GET /api/events/entity/{type}/{id}", w -> w.readStream(StreamId.of("HISTORY", "h42"), 1));
        reads.put("real-time feed: the next page after the head", w -> w.readAll(w.head(), 100));
        return reads;
    }

    private void load(long from, long to, long largest) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(LOAD)) {
            for (long first = from; first <= to; first += CHUNK) {
                s.setLong(1, largest);
                s.setLong(2, largest);
                s.setLong(3, first);
                s.setLong(4, Math.min(to, first + CHUNK - 1));
                s.executeUpdate();
            }
        }
    }

    private long count() {
        Position head = store.head();
        return head.equals(Position.START) ? 0 : head.globalPosition();
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
