package com.bigbox.app.demo;

import com.bigbox.autonomic.runtime.AutonomicOperations;
import com.bigbox.core.EventStore;
import com.bigbox.postgres.backup.Progress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic, seeded stream of agency activity: leads of every quality arrive; people approve, change or
 * reject what the agents ask them; meetings happen (a few go badly); clients accept quotes, projects start,
 * invoices are paid (some only in part), clients rate the work. The same seed gives the same story.
 * Everything goes through the same paths a real deployment uses: the intake path, facts appended to their
 * entities, the approval service.
 */
public final class DemoFeed {
    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);
    private final AutonomicOperations ops;
    private final EventStore store;
    private final DemoPeople people;
    private final long seed;

    public DemoFeed(AutonomicOperations ops, EventStore store, DemoClock clock, long seed) {
        this.ops = ops;
        this.store = store;
        this.people = new DemoPeople(ops, store, clock);
        this.seed = seed;
    }

    /** How the run went: stories told to the end, ended early as stories do (a rejection, a declined quote), unfinished. */
    public record Outcome(int toTheEnd, int endedEarly, int unfinished) {}

    /**
     * Runs {@code leads} client stories side by side, each starting a business hour after the one before, and
     * returns when all are told or {@code limit} (wall time) has passed: a story still waiting then is stopped
     * and counted unfinished, so the demo always ends. {@code progress} hears of every story that ends.
     */
    public Outcome run(int leads, Progress progress, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> stories = new java.util.ArrayList<>();
            var ended = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < leads; i++) {
                int n = i;
                stories.add(pool.submit(() -> {
                    try {
                        people.sleep(Duration.ofHours(n));
                        return new DemoStory(ops, store, people, n, new Random(seed * 31 + n)).tell();
                    } finally {
                        progress.advanced(ended.incrementAndGet(), leads);
                    }
                }));
            }
            int toTheEnd = 0;
            int early = 0;
            int unfinished = 0;
            for (Future<Boolean> story : stories) {
                try {
                    boolean told = story.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    toTheEnd += told ? 1 : 0;
                    early += told ? 0 : 1;
                } catch (TimeoutException e) {
                    story.cancel(true);
                    unfinished++;
                } catch (ExecutionException e) {
                    log.warn("A demo story stopped: {}", e.getCause().toString());
                    unfinished++;
                }
            }
            pool.shutdownNow();
            return new Outcome(toTheEnd, early, unfinished);
        }
    }
}
