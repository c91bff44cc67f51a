package com.bigbox.autonomic.chaos;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Jepsen-style check of a run's workload: every acknowledged append (and every append the store
 * kept although its client never heard back) must be delivered, once, by every instance's feed and
 * by the durable subscription; nothing may arrive that nobody attempted.
 *
 * @param attempted appends the workload tried
 * @param acknowledged appends the engine confirmed
 * @param stored the run's events found in the store
 * @param lostFromStore acknowledged but not stored: a durability failure
 * @param unexpectedInStore stored but never attempted
 * @param readers per reader (an instance's feed, or the subscription): its lost, duplicated and unexpected
 */
public record TotalCheck(
        long attempted,
        long acknowledged,
        long stored,
        long lostFromStore,
        long unexpectedInStore,
        Map<String, Reader> readers) {

    /** What one reader delivered, against what it should have. */
    public record Reader(long delivered, long lost, long duplicated, long unexpected) {
        public long anomalies() {
            return lost + duplicated + unexpected;
        }
    }

    public TotalCheck {
        readers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(readers));
    }

    public static TotalCheck of(
            Set<UUID> attempted, Set<UUID> acknowledged, Set<UUID> stored, Map<String, Map<UUID, Long>> deliveries) {
        var mustArrive = new java.util.HashSet<>(acknowledged);
        mustArrive.addAll(stored);
        var readers = new LinkedHashMap<String, Reader>();
        deliveries.forEach((reader, counts) -> {
            long lost =
                    mustArrive.stream().filter(id -> !counts.containsKey(id)).count();
            long duplicated = counts.values().stream().filter(n -> n > 1).count();
            long unexpected = counts.keySet().stream()
                    .filter(id -> !attempted.contains(id))
                    .count();
            readers.put(reader, new Reader(counts.size(), lost, duplicated, unexpected));
        });
        long lostFromStore =
                acknowledged.stream().filter(id -> !stored.contains(id)).count();
        long unexpectedInStore =
                stored.stream().filter(id -> !attempted.contains(id)).count();
        return new TotalCheck(
                attempted.size(), acknowledged.size(), stored.size(), lostFromStore, unexpectedInStore, readers);
    }

    public long lost() {
        return lostFromStore + readers.values().stream().mapToLong(Reader::lost).sum();
    }

    public long duplicated() {
        return readers.values().stream().mapToLong(Reader::duplicated).sum();
    }

    public long unexpected() {
        return unexpectedInStore
                + readers.values().stream().mapToLong(Reader::unexpected).sum();
    }

    public long anomalies() {
        return lost() + duplicated() + unexpected();
    }

    /** Attempts without an acknowledgement: the workload's view of unavailability. */
    public long failedAttempts() {
        return attempted - acknowledged;
    }
}
