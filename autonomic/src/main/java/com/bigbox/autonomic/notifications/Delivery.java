package com.bigbox.autonomic.notifications;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One planned notification, as its scheduled job carries it: which approval change, to which
 * channel, which attempt this is.
 *
 * @param causationId the approval event that asked for it
 */
public record Delivery(
        UUID deliveryId,
        UUID approvalId,
        UUID causationId,
        String trigger,
        String urgency,
        UUID channelId,
        String channel,
        String recipient,
        int attempt) {
    /** The same approval event to the same channel is one delivery, however often it is planned. */
    public static UUID id(UUID causationId, UUID channelId) {
        return UUID.nameUUIDFromBytes(
                ("notification/" + causationId + "/" + channelId).getBytes(StandardCharsets.UTF_8));
    }

    public Delivery nextAttempt() {
        return new Delivery(
                deliveryId, approvalId, causationId, trigger, urgency, channelId, channel, recipient, attempt + 1);
    }
}
