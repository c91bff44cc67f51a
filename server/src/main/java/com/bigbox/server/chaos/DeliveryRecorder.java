package com.bigbox.server.chaos;

import com.bigbox.autonomic.chaos.ProbeWorkload;
import com.bigbox.core.EventListener;
import com.bigbox.core.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, per chaos run, each workload event this instance's real-time feed delivered, and how often:
 * the in-memory side of the total check. Keeps the latest {@link #RUNS} runs.
 */
public final class DeliveryRecorder implements EventListener {
    static final int RUNS = 20;

    private final Map<String, Map<UUID, AtomicLong>> runs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<UUID, AtomicLong>> eldest) {
            return size() > RUNS;
        }
    };

    @Override
    public void on(RecordedEvent event) {
        if (!ProbeWorkload.EVENT_TYPE.equals(event.type())) {
            return;
        }
        Map<UUID, AtomicLong> run;
        synchronized (runs) {
            run = runs.computeIfAbsent(ProbeWorkload.runOf(event.stream().id()), r -> new ConcurrentHashMap<>());
        }
        run.computeIfAbsent(event.eventId(), id -> new AtomicLong()).incrementAndGet();
    }

    /** How often each event of {@code runId} was delivered here. */
    public Map<UUID, Long> delivered(String runId) {
        Map<UUID, AtomicLong> run;
        synchronized (runs) {
            run = runs.get(runId);
        }
        var counts = new LinkedHashMap<UUID, Long>();
        if (run != null) {
            run.forEach((id, n) -> counts.put(id, n.get()));
        }
        return counts;
    }
}
