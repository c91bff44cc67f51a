package com.bigbox.autonomic.notifications;

import java.util.UUID;

/**
 * One configured channel: whom it reaches ({@code role:<role>} or {@code user:<e-mail>}), its kind
 * and target (an e-mail address, a Slack incoming-webhook URL, a webhook URL). A webhook's signing
 * secret stays in the directory and is read when sending.
 */
public record Address(UUID channelId, String subject, ChannelKind kind, String target) {
    public static String role(String role) {
        return "role:" + role;
    }

    public static String user(String email) {
        return "user:" + email.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isUser() {
        return subject.startsWith("user:");
    }
}
