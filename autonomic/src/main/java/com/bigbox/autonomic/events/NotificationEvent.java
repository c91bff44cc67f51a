package com.bigbox.autonomic.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What became of one notification ({@code NOTIFICATION/<delivery id>}): one person's or role's
 * channel told about one change of an approval. A delivery that failed is tried again with backoff;
 * its last failure says whether it went to the dead-letter list.
 *
 * @see com.bigbox.autonomic.notifications.Notifications
 */
public sealed interface NotificationEvent extends DomainEvent {
    UUID deliveryId();

    /** {@code NOTIFICATION_SENT}: the channel accepted the message (the SMTP server, Slack or the webhook answered 2xx). */
    record Sent(
            @Nullable String clientId,
            UUID deliveryId,
            UUID approvalId,
            String trigger,
            String channel,
            String recipient,
            int attempt)
            implements NotificationEvent {}

    /**
     * {@code NOTIFICATION_FAILED}: the channel refused or did not answer.
     *
     * @param nextAttemptAt when it is tried again, or null when it went to the dead-letter list
     */
    record Failed(
            @Nullable String clientId,
            UUID deliveryId,
            UUID approvalId,
            String trigger,
            String channel,
            String recipient,
            int attempt,
            String reason,
            @Nullable Instant nextAttemptAt,
            boolean deadLettered)
            implements NotificationEvent {}
}
