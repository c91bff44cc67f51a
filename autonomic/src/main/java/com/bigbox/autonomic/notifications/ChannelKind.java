package com.bigbox.autonomic.notifications;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where a notification can go. The dashboard is not one: it shows every pending approval anyway. */
public enum ChannelKind {
    EMAIL,
    SLACK,
    WEBHOOK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind an SOP's {@code notification_channels} or a setting names; null for ones not sent here (dashboard, sms, phone). */
    public static @Nullable ChannelKind parseOrNull(@Nullable String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "email" -> EMAIL;
            case "slack" -> SLACK;
            case "webhook" -> WEBHOOK;
            default -> null;
        };
    }
}
