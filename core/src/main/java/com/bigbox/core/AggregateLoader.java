package com.bigbox.core;

/**
 * Loads an aggregate from its latest snapshot plus the events after it, and takes a new snapshot
 * once {@code snapshotEvery} events have accumulated since the last one.
 */
public final class AggregateLoader {
    public static final int DEFAULT_SNAPSHOT_EVERY = 100;

    private final EventStore store;
    private final int snapshotEvery;

    public AggregateLoader(EventStore store, int snapshotEvery) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, was " + snapshotEvery);
        }
        this.store = store;
        this.snapshotEvery = snapshotEvery;
    }

    public AggregateLoader(EventStore store) {
        this(store, DEFAULT_SNAPSHOT_EVERY);
    }

    public <S> Versioned<S> aggregateStream(StreamId stream, Aggregate<S> aggregate) {
        var snapshot = store.latestSnapshot(stream);
        S state = snapshot.map(s -> aggregate.fromSnapshot(s.state())).orElseGet(aggregate::initial);
        long snapshotVersion = snapshot.map(Snapshot::version).orElse(0L);
        long version = snapshotVersion;
        for (RecordedEvent event : store.readStream(stream, snapshotVersion + 1)) {
            state = aggregate.evolve(state, event);
            version = event.sequenceNumber();
        }
        if (version - snapshotVersion >= snapshotEvery) {
            store.saveSnapshot(new Snapshot(stream, version, aggregate.toSnapshot(state)));
        }
        return new Versioned<>(state, version);
    }
}
