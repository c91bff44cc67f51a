package com.bigbox.autonomic.notifications;

/** Sends one message on one channel; throws with a reason a person can act on when the channel refuses. */
@FunctionalInterface
public interface ChannelSender {
    void send(Address address, String secret, NotificationMessage message) throws Exception;
}
