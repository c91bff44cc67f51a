package com.bigbox.postgres.notifications;

import com.bigbox.autonomic.events.EventCodec;
import com.bigbox.autonomic.notifications.Address;
import com.bigbox.autonomic.notifications.ChannelKind;
import com.bigbox.autonomic.notifications.Delivery;
import com.bigbox.autonomic.notifications.NotificationDirectory;
import com.bigbox.autonomic.notifications.Notifications;
import com.bigbox.autonomic.notifications.QuietHours;
import com.bigbox.autonomic.notifications.SopRules;
import com.bigbox.autonomic.sop.SopDocument;
import com.bigbox.core.UnitOfWork;
import com.bigbox.postgres.Jdbc;
import com.bigbox.postgres.SqlResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code bigbox_notify}: who is reached how, and what the log says about deliveries that failed for
 * good. Runs with the engine's rights: no API role is granted these tables.
 */
public final class PgNotificationDirectory implements NotificationDirectory {
    private static final String ADDRESSES = SqlResource.load(PgNotificationDirectory.class, "addresses");
    private static final String QUIET = SqlResource.load(PgNotificationDirectory.class, "quiet_hours");
    private static final String RULES = SqlResource.load(PgNotificationDirectory.class, "routing_rules");
    private static final String CHANNEL = SqlResource.load(PgNotificationDirectory.class, "channel_by_id");
    private static final String SECRET = SqlResource.load(PgNotificationDirectory.class, "channel_secret");
    private static final String DEAD_LETTERS = SqlResource.load(PgNotificationDirectory.class, "dead_letters");
    private static final String LAST_PLAN = SqlResource.load(PgNotificationDirectory.class, "last_delivery_plan");

    @Override
    public List<Address> addresses(UnitOfWork work, Collection<String> roles, String assignedTo) {
        var subjects = new ArrayList<String>();
        roles.forEach(r -> subjects.add(Address.role(r)));
        if (assignedTo != null && assignedTo.contains("@")) {
            subjects.add(Address.user(assignedTo));
        }
        String[] roleArray = roles.toArray(String[]::new);
        return Jdbc.list(
                work,
                ADDRESSES,
                s -> {
                    s.setArray(1, s.getConnection().createArrayOf("text", roleArray));
                    s.setArray(2, s.getConnection().createArrayOf("text", roleArray));
                    s.setArray(3, s.getConnection().createArrayOf("text", subjects.toArray(String[]::new)));
                },
                PgNotificationDirectory::address);
    }

    @Override
    public Optional<QuietHours> quietHours(UnitOfWork work, String subject) {
        return Jdbc.one(
                work,
                QUIET,
                s -> s.setString(1, subject),
                rs -> new QuietHours(
                        rs.getObject("quiet_from", LocalTime.class), rs.getObject("quiet_until", LocalTime.class),
                        ZoneId.of(rs.getString("time_zone")), rs.getBoolean("ceo_interrupts_override")));
    }

    @Override
    public SopRules rules(UnitOfWork work, UUID correlationId) {
        return Jdbc.one(
                        work,
                        RULES,
                        s -> s.setObject(1, correlationId),
                        rs -> new SopRules(
                                rs.getString("sop_id"),
                                rs.getString("rules") == null ? List.of() : escalationRules(rs.getString("rules")),
                                rs.getString("restrictions") == null
                                        ? null
                                        : EventCodec.read(
                                                rs.getString("restrictions"), SopDocument.TimeRestrictions.class)))
                .orElse(SopRules.NONE);
    }

    private static List<SopDocument.EscalationRule> escalationRules(String json) {
        var rules = new ArrayList<SopDocument.EscalationRule>();
        EventCodec.tree(json).forEach(rule -> rules.add(EventCodec.convert(rule, SopDocument.EscalationRule.class)));
        return rules;
    }

    @Override
    public Optional<Address> channel(UnitOfWork work, UUID channelId) {
        return Jdbc.one(work, CHANNEL, s -> s.setObject(1, channelId), PgNotificationDirectory::address);
    }

    @Override
    public Optional<String> secret(UnitOfWork work, UUID channelId) {
        return Jdbc.one(work, SECRET, s -> s.setObject(1, channelId), rs -> rs.getString(1));
    }

    @Override
    public List<Notifications.DeadLetter> deadLetters(UnitOfWork work, int limit) {
        return deadLetters(work, null, limit);
    }

    @Override
    public Optional<Delivery> deadLetter(UnitOfWork work, UUID deliveryId) {
        if (deadLetters(work, deliveryId.toString(), 1).isEmpty()) {
            return Optional.empty();
        }
        return Jdbc.one(
                work,
                LAST_PLAN,
                s -> s.setString(1, deliveryId.toString()),
                rs -> EventCodec.read(rs.getString(1), Delivery.class));
    }

    private static List<Notifications.DeadLetter> deadLetters(UnitOfWork work, String deliveryId, int limit) {
        return Jdbc.list(
                work,
                DEAD_LETTERS,
                s -> {
                    s.setString(1, deliveryId);
                    s.setString(2, deliveryId);
                    s.setInt(3, limit);
                },
                rs -> {
                    var p = EventCodec.tree(rs.getString("payload"));
                    return new Notifications.DeadLetter(
                            UUID.fromString(rs.getString("aggregate_id")),
                            UUID.fromString(p.path("approval_id").asText()),
                            p.path("trigger").asText(),
                            p.path("channel_by_id").asText(),
                            p.path("recipient").asText(),
                            p.path("attempt").asInt(),
                            p.path("reason").asText(),
                            Jdbc.instant(rs, "timestamp"));
                });
    }

    static Address address(ResultSet rs) throws SQLException {
        return new Address(
                rs.getObject("channel_id", UUID.class),
                rs.getString("subject"),
                ChannelKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("target"));
    }
}
