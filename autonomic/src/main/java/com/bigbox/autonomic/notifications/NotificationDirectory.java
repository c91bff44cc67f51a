package com.bigbox.autonomic.notifications;

import com.bigbox.core.UnitOfWork;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who is reached how: the configured channels, people's quiet hours, and the SOP behind a flow. */
public interface NotificationDirectory {
    /**
     * The channels that reach the people who may decide: those of each role in {@code roles} (the role's
     * own channels and its members'), and those of the user {@code assignedTo} when it is someone's e-mail.
     */
    List<Address> addresses(UnitOfWork work, Collection<String> roles, @Nullable String assignedTo);

    Optional<QuietHours> quietHours(UnitOfWork work, String subject);

    /** The rules of the SOP whose execution runs in the flow {@code correlationId}. */
    SopRules rules(UnitOfWork work, UUID correlationId);

    /** The channel as configured now (it may have been removed since the notification was planned). */
    Optional<Address> channel(UnitOfWork work, UUID channelId);

    /** The webhook channel's signing secret. */
    Optional<String> secret(UnitOfWork work, UUID channelId);

    /** Deliveries whose last try failed for good and that were not sent since, newest first. */
    List<Notifications.DeadLetter> deadLetters(UnitOfWork work, int limit);

    /** The last planned form of a dead-lettered delivery, to try it again; empty when it is not dead-lettered. */
    Optional<Delivery> deadLetter(UnitOfWork work, UUID deliveryId);
}
