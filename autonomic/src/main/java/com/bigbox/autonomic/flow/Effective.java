package com.bigbox.autonomic.flow;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.events.Release;
import com.bigbox.core.RecordedEvent;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event as it takes effect: a fact as it arrived, or a gated decision once released (with a human's
 * modifications applied).
 *
 * @param event the fact, or the released decision
 * @param payload the payload that takes effect (the decision's, as a human modified it)
 * @param delivered the event that made it take effect: the fact itself, or the release
 * @param release how a decision was released; empty for a fact
 * @param correlationId the flow it belongs to
 * @param clientId the client it concerns, or null
 */
public record Effective(
        RecordedEvent event,
        String payload,
        RecordedEvent delivered,
        Optional<Release> release,
        UUID correlationId,
        @Nullable String clientId) {

    public String type() {
        return event.type();
    }

    /** Whether a person let it take effect (approved or modified a decision). */
    public boolean byHuman() {
        return release.map(Release::byHuman).orElse(false);
    }

    public <T> T payloadAs(Class<T> type) {
        return EventCodec.read(payload, type);
    }
}
