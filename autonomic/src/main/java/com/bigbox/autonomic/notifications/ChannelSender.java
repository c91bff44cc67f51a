package com.bigbox.autonomic.notifications;

import org.jspecify.annotations.Nullable;

/** Sends one message on one channel; throws with a reason a person can act on when the channel refuses. */
@FunctionalInterface
public interface ChannelSender {
    void send(Address address, @Nullable String secret, NotificationMessage message) throws Exception;
}
