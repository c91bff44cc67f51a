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
    // Role channels, the assignee's own, and those of the people who decide for a role (CEO users decide the CEO's).
    private static final String ADDRESSES = """
            with people as (
              select p.subject from bigbox_notify.preferences p where p.roles && ?::text[]
              union
              select 'user:' || u.email from bigbox_access.users u where u.app_role = 'ceo' and 'ceo' = any(?::text[]))
            select channel_id, subject, kind, target from bigbox_notify.channels
             where subject = any(?::text[]) or subject in (select subject from people)
             order by subject, kind, target""";

    private static final String QUIET = """
            select quiet_from, quiet_until, time_zone, ceo_interrupts_override from bigbox_notify.preferences
             where subject = ? and quiet_from is not null""";

    // The SOP whose execution runs the flow: its escalation rules and time restrictions as stored.
    private static final String RULES = """
            select d.sop_id, (d.definition -> 'escalation_rules')::text as rules,
                   (d.definition -> 'automation_policy' -> 'time_restrictions')::text as restrictions
              from sop_executions x join sop_definitions d on d.sop_id = x.sop_id and d.version = x.sop_version
             where x.correlation_id = ? order by x.started_at desc limit 1""";

    private static final String CHANNEL =
            "select channel_id, subject, kind, target from bigbox_notify.channels where channel_id = ?";
    private static final String SECRET =
            "select secret from bigbox_notify.channels where channel_id = ? and secret is not null";

    // A delivery's last event; dead when it is a failure that gave up.
    private static final String DEAD_LETTERS = """
            select * from (select distinct on (aggregate_id) aggregate_id, event_type, payload, "timestamp"
                             from events where aggregate_type = 'NOTIFICATION' and (?::text is null or aggregate_id = ?)
                            order by aggregate_id, sequence_number desc) last
             where event_type = 'NOTIFICATION_FAILED' and (payload ->> 'dead_lettered')::boolean
             order by "timestamp" desc limit ?""";

    private static final String LAST_PLAN = """
            select payload::text from scheduled_jobs where kind = 'notification.deliver' and job_key = ?""";

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
                            p.path("channel").asText(),
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
