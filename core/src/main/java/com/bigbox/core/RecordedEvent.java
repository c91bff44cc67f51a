package com.bigbox.core;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored: its envelope, its place in its stream ({@code sequenceNumber}) and in the
 * global order ({@code position}).
 */
public record RecordedEvent(
        UUID eventId,
        String type,
        StreamId stream,
        long sequenceNumber,
        Position position,
        String payload,
        String metadata,
        UUID correlationId,
        UUID causationId,
        String emittedBy,
        Confidence confidence,
        Instant timestamp,
        Instant createdAt) {

    public long globalPosition() {
        return position.globalPosition();
    }
}
