package com.bigbox.app.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the world will do and when: actions ordered by business time, then by a key that names them, so
 * that actions due together always run in the same order whatever order they were planned in.
 */
final class WorldTimeline {
    /** Something that happens at {@code due}; {@code key} is unique and stable across runs of a seed. */
    record Item(Instant due, String key, Runnable action) {}

    private record Slot(Instant due, String key) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot o) {
            int byTime = due.compareTo(o.due);
            return byTime != 0 ? byTime : key.compareTo(o.key);
        }
    }

    private final TreeMap<Slot, Runnable> items = new TreeMap<>();

    void at(Instant due, String key, Runnable action) {
        items.putIfAbsent(new Slot(due, key), action);
    }

    /** Removes and returns what is due at or before {@code now}, in order. */
    List<Item> due(Instant now) {
        var due = new ArrayList<Item>();
        while (!items.isEmpty() && !items.firstKey().due().isAfter(now)) {
            var first = items.pollFirstEntry();
            due.add(new Item(first.getKey().due(), first.getKey().key(), first.getValue()));
        }
        return due;
    }
}
