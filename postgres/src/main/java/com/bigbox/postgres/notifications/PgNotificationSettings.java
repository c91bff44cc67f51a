package com.bigbox.postgres.notifications;

import com.bigbox.autonomic.notifications.Address;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What people and administrators set: channels of roles and users, and a user's quiet hours and the
 * roles they decide for. The callers (the HTTP routes) decide who may change which subject; the
 * constraints of {@code bigbox_notify} refuse malformed targets.
 */
public final class PgNotificationSettings {
    /** A person's settings; quiet hours are both null or both set. */
    public record Preferences(
            String subject,
            List<String> roles,
            LocalTime quietFrom,
            LocalTime quietUntil,
            String timeZone,
            boolean ceoInterruptsOverride) {}

    private static final String LIST = SqlResource.load(PgNotificationSettings.class, "channel_list");
    private static final String ADD = SqlResource.load(PgNotificationSettings.class, "channel_add");
    private static final String REMOVE = SqlResource.load(PgNotificationSettings.class, "channel_remove");
    private static final String GET_PREFERENCES = SqlResource.load(PgNotificationSettings.class, "preferences");
    private static final String PUT_PREFERENCES = SqlResource.load(PgNotificationSettings.class, "preferences_put");

    public List<Address> channels(UnitOfWork work, String subject) {
        return Jdbc.list(
                work,
                LIST,
                s -> {
                    s.setString(1, subject);
                    s.setString(2, subject);
                },
                PgNotificationDirectory::address);
    }

    public Address add(UnitOfWork work, String subject, String kind, String target, String secret, String by) {
        return Jdbc.one(
                        work,
                        ADD,
                        s -> {
                            s.setString(1, subject);
                            s.setString(2, kind);
                            s.setString(3, target);
                            s.setString(4, secret);
                            s.setString(5, by);
                        },
                        PgNotificationDirectory::address)
                .orElseThrow();
    }

    /** Removes the channel; with {@code subject} only when it belongs to it. */
    public boolean remove(UnitOfWork work, UUID channelId, String subject) {
        return Jdbc.update(work, REMOVE, s -> {
                    s.setObject(1, channelId);
                    s.setString(2, subject);
                    s.setString(3, subject);
                })
                == 1;
    }

    public Optional<Preferences> preferences(UnitOfWork work, String subject) {
        return Jdbc.one(
                work,
                GET_PREFERENCES,
                s -> s.setString(1, subject),
                rs -> new Preferences(
                        rs.getString("subject"),
                        List.of((String[]) rs.getArray("roles").getArray()),
                        rs.getObject("quiet_from", LocalTime.class),
                        rs.getObject("quiet_until", LocalTime.class),
                        rs.getString("time_zone"),
                        rs.getBoolean("ceo_interrupts_override")));
    }

    public void save(UnitOfWork work, Preferences p) {
        Jdbc.update(work, PUT_PREFERENCES, s -> {
            s.setString(1, p.subject());
            s.setArray(2, s.getConnection().createArrayOf("text", p.roles().toArray(String[]::new)));
            s.setObject(3, p.quietFrom());
            s.setObject(4, p.quietUntil());
            s.setString(5, p.timeZone());
            s.setBoolean(6, p.ceoInterruptsOverride());
        });
    }
}
