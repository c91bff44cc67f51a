package com.bigbox.app.simulation;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.flow.Flows;
import com.bigbox.core.EventStore;
import com.bigbox.core.ExpectedVersion;
import com.bigbox.core.NewEvent;
import com.bigbox.core.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends what the world does (a lead writes in, a meeting happens, a client signs, money arrives, a person
 * logs work) the way the API appends a person's or an outside system's fact: on its entity, continuing that
 * entity's flow, at business time. Ids are derived from the seed and what happened, so a run repeats exactly.
 */
final class WorldFacts {
    private final EventStore store;
    private final Clock clock;
    private final long seed;

    WorldFacts(EventStore store, Clock clock, long seed) {
        this.store = store;
        this.clock = clock;
        this.seed = seed;
    }

    /** Appends {@code type} on {@code stream}; {@code key} names the happening uniquely within the run. */
    UUID post(StreamId stream, String type, Map<String, Object> payload, String by, String key) {
        return post(stream, type, payload, by, key, Map.of());
    }

    UUID post(
            StreamId stream,
            String type,
            Map<String, Object> payload,
            String by,
            String key,
            Map<String, Object> metadata) {
        UUID id = id(key);
        NewEvent event = NewEvent.of(type, EventCodec.write(payload))
                .withId(id)
                .emittedBy(by)
                .at(clock.instant())
                .withMetadata(EventCodec.write(metadata));
        store.inTransaction(w -> w.append(stream, ExpectedVersion.any(), List.of(Flows.continuing(w, stream, event))));
        return id;
    }

    java.time.Instant now() {
        return clock.instant();
    }

    UUID id(String key) {
        return UUID.nameUUIDFromBytes(("simulation/" + seed + "/" + key).getBytes(StandardCharsets.UTF_8));
    }
}
