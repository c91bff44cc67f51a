package com.bigbox.bench;

import com.bigbox.core.EventFilter;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import com.bigbox.core.Uuids;
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
import java.util.function.LongSupplier;

/** Delivery to the second instance: commit-to-delivery latency at a paced rate, and a sustained flood. */
final class Delivery {
    private final PgNode a;
    private final PgNode b;
    private final BenchSizes sizes;

    Delivery(PgNode a, PgNode b, BenchSizes sizes) {
        this.a = a;
        this.b = b;
        this.sizes = sizes;
    }

    /**
     * Paced writers on A ({@code rate} events/s in all); B's bus notes when each event arrives. The
     * clock starts at the writer's commit: A's commit observer runs on the writing thread right
     * after the commit returns, before any feed is told.
     */
    void latency(Report report, int rate, int writers) throws InterruptedException {
        var committed = new ConcurrentHashMap<UUID, Long>();
        var received = new ConcurrentHashMap<UUID, Long>();
        var commitTime = new ThreadLocal<Long>();
        a.observeCommits(() -> commitTime.set(System.nanoTime()));
        var registration = b.bus()
                .subscribe(EventFilter.types("LATENCY_PROBE"), e -> received.put(e.eventId(), System.nanoTime()));
        long perWriter = rate / writers;
        long count = sizes.phase().toSeconds() == 0
                ? perWriter / 2
                : perWriter * sizes.phase().toSeconds();
        long start = System.nanoTime();
        try {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(
                        Thread.ofPlatform().start(() -> writePaced(writer, perWriter, count, committed, commitTime)));
            }
            for (Thread t : threads) {
                t.join();
            }
            BenchRun.awaitCondition(() -> received.keySet().containsAll(committed.keySet()), Duration.ofSeconds(60));
        } finally {
            registration.close();
            a.observeCommits(() -> {});
        }
        double achieved = committed.size() * 1e9 / (System.nanoTime() - start);
        long[] micros = committed.entrySet().stream()
                .mapToLong(e -> (received.get(e.getKey()) - e.getValue()) / 1_000)
                .sorted()
                .toArray();
        reportLatency(report, rate, writers, achieved, micros);
    }

    // One writer's share: perSecond events a second, each noted with the time its commit returned.
    private void writePaced(
            int writer, long perSecond, long count, Map<UUID, Long> committed, ThreadLocal<Long> commitTime) {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (long i = 0; i < count; i++) {
            NewEvent e = BenchRun.event("LATENCY_PROBE");
            a.store().append(StreamId.of("PROBE", "p" + writer + "-" + (i % 20)), e);
            committed.put(e.eventId(), commitTime.get());
            next += interval;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private static void reportLatency(Report report, int rate, int writers, double achieved, long[] micros) {
        report.add(
                String.format(
                        Locale.ROOT,
                        "commit-to-delivery latency on a second instance at %,d events/s (%d paced writers, %,.0f/s achieved)",
                        rate,
                        writers,
                        achieved),
                String.format(
                        Locale.ROOT,
                        "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                        pct(micros, 50),
                        pct(micros, 99),
                        micros[micros.length - 1] / 1000.0),
                "Supabase Realtime postgres_changes: 50-200 ms (reported)",
                "-",
                rate == 1_000 ? "p99 <= 10 ms" : "reported",
                Map.of(
                        "rate",
                        rate,
                        "achieved",
                        achieved,
                        "p50_ms",
                        pct(micros, 50),
                        "p99_ms",
                        pct(micros, 99),
                        "max_ms",
                        micros[micros.length - 1] / 1000.0,
                        "events",
                        micros.length));
    }

    private static double pct(long[] sortedMicros, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }

    /** Writers push 100-event transactions as fast as they can; B must keep up without its lag growing. */
    void sustained(Report report, AtomicLong delivered) throws InterruptedException {
        var appended = new AtomicLong();
        long deliveredBefore = delivered.get();
        var lags = new ArrayList<Long>();
        var sampler = sampleLag(lags, () -> appended.get() - (delivered.get() - deliveredBefore));
        List<NewEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(BenchRun.event("SUSTAINED"));
        }
        long start = System.nanoTime();
        Throughput.measure(4, Duration.ZERO, sizes.phase(), (w, i) -> {
            a.store()
                    .append(
                            StreamId.of("SUSTAINED", UUID.randomUUID().toString()),
                            ExpectedVersion.noStream(),
                            batch.stream()
                                    .map(e -> e.withId(Uuids.timeOrdered()))
                                    .toList());
            appended.addAndGet(batch.size());
            return batch.size();
        });
        long writing = System.nanoTime() - start;
        long drainStart = System.nanoTime();
        BenchRun.awaitCondition(() -> delivered.get() - deliveredBefore >= appended.get(), Duration.ofSeconds(60));
        long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
        sampler.interrupt();
        long total = delivered.get() - deliveredBefore;
        double rate = total * 1e9 / (writing + drainMillis * 1_000_000);
        long firstHalfMax;
        long secondHalfMax;
        synchronized (lags) {
            int half = lags.size() / 2;
            firstHalfMax = max(lags.subList(0, Math.max(1, half)));
            secondHalfMax = max(lags.subList(half, lags.size()));
        }
        report.add(
                "sustained delivery to a second instance (4 writers, 100-event transactions)",
                Report.rate(rate, "events/s"),
                String.format(
                        Locale.ROOT,
                        "written %s; max lag first half %,d, second half %,d events; drained in %d ms",
                        Report.rate(appended.get() * 1e9 / writing, "events/s"),
                        firstHalfMax,
                        secondHalfMax,
                        drainMillis),
                "-",
                ">= 10,000 events/s, lag not growing");
    }

    // Every 100 ms, how many events B has still to deliver, until the thread is interrupted.
    private static Thread sampleLag(List<Long> lags, LongSupplier lag) {
        return Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (lags) {
                    lags.add(lag.getAsLong());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
