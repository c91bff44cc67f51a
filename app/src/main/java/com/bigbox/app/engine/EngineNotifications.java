package com.bigbox.app.engine;

import com.bigbox.autonomic.notifications.Backoff;
import com.bigbox.autonomic.notifications.BusinessCalendar;
import com.bigbox.autonomic.notifications.ChannelKind;
import com.bigbox.autonomic.notifications.ChannelSender;
import com.bigbox.autonomic.notifications.LinkPolicy;
import com.bigbox.autonomic.notifications.LinkToken;
import com.bigbox.autonomic.notifications.Notifications;
import com.bigbox.core.Registration;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.notifications.PgApprovalLinks;
import com.bigbox.postgres.notifications.PgNotificationDirectory;
import com.bigbox.postgres.notifications.PgNotificationSettings;
import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.JwtSecret;
import com.bigbox.server.notifications.ApprovalLinkRoutes;
import com.bigbox.server.notifications.EmailSender;
import com.bigbox.server.notifications.HttpChannels;
import com.bigbox.server.notifications.NotificationRoutes;
import com.bigbox.server.notifications.SmtpSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications on this instance, from the settings: {@code BIGBOX_SMTP_URL} and {@code BIGBOX_SMTP_FROM}
 * for e-mail (Slack and webhooks need only their channels), {@code BIGBOX_BUSINESS_HOURS} (09:00-17:00),
 * {@code BIGBOX_BUSINESS_DAYS} (MON-FRI), {@code BIGBOX_TIME_ZONE} (UTC), {@code BIGBOX_LINK_DECISIONS}
 * (low-risk | off), {@code BIGBOX_NOTIFY_RETRY_SECONDS} (30) and {@code BIGBOX_NOTIFY_ATTEMPTS} (6).
 */
final class EngineNotifications implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineNotifications.class);

    private final Notifications notifications;
    private final List<HttpModule> routes;
    private Registration registration;

    private EngineNotifications(Notifications notifications, List<HttpModule> routes) {
        this.notifications = notifications;
        this.routes = routes;
    }

    static EngineNotifications create(
            Settings settings,
            PgNode node,
            AutonomicWiring autonomic,
            JwtSecret secret,
            Supplier<String> baseUrl,
            Clock clock) {
        var senders = new EnumMap<ChannelKind, ChannelSender>(ChannelKind.class);
        var http = new HttpChannels(clock);
        senders.put(ChannelKind.SLACK, http.slack());
        senders.put(ChannelKind.WEBHOOK, http.webhook());
        var smtp = settings.get("BIGBOX_SMTP_URL").filter(s -> !s.isBlank()).map(url -> {
            try {
                return SmtpSettings.parse(url, settings.get("BIGBOX_SMTP_FROM").orElse(null));
            } catch (IllegalArgumentException e) {
                throw new Settings.SettingException("BIGBOX_SMTP_URL", e.getMessage());
            }
        });
        smtp.ifPresent(s -> senders.put(ChannelKind.EMAIL, new EmailSender(s)));
        var directory = new PgNotificationDirectory();
        var links = new PgApprovalLinks(node.store(), new LinkToken(secret.derivedKey("approval-links")), baseUrl);
        var notifications = new Notifications(
                autonomic.ports().approvals(),
                directory,
                senders,
                links,
                autonomic.ports().scheduler(),
                new Notifications.Settings(
                        calendar(settings), backoff(settings), new LinkPolicy(linkDecisions(settings))),
                clock);
        var routes = List.<HttpModule>of(
                new NotificationRoutes(node.store(), new PgNotificationSettings(), notifications),
                new ApprovalLinkRoutes(
                        node.store(), links, autonomic.operations().approvals(), clock));
        var engine = new EngineNotifications(notifications, routes);
        engine.announce(node, smtp.map(SmtpSettings::describe).orElse(null));
        return engine;
    }

    /** Plans and sends, on an instance that runs the agents (the others serve the routes only). */
    EngineNotifications start(PgNode node, AutonomicWiring autonomic) {
        registration = notifications.start(
                node.subscriptions(), autonomic.jobs(), node.store().head());
        return this;
    }

    List<HttpModule> routes() {
        return routes;
    }

    private void announce(PgNode node, String smtp) {
        Map<String, Long> channels = node.store()
                .inTransaction(w -> new PgNotificationSettings()
                        .channels(w, null).stream()
                                .collect(java.util.stream.Collectors.groupingBy(
                                        a -> a.kind().wireName(), java.util.stream.Collectors.counting())));
        if (channels.isEmpty() && smtp == null) {
            log.debug("Notifications: no channel configured; approvals reach people through the dashboard only");
        } else {
            log.info(
                    "Notifications: channels {}; e-mail {}",
                    channels,
                    smtp == null ? "off (BIGBOX_SMTP_URL unset)" : "via " + smtp);
        }
    }

    static BusinessCalendar calendar(Settings settings) {
        String hours = settings.get("BIGBOX_BUSINESS_HOURS").orElse("09:00-17:00");
        String days = settings.get("BIGBOX_BUSINESS_DAYS").orElse("MON-FRI");
        String zone = settings.get("BIGBOX_TIME_ZONE").orElse("UTC");
        try {
            String[] span = hours.split("-");
            return new BusinessCalendar(
                    LocalTime.parse(span[0].strip()),
                    LocalTime.parse(span[1].strip()),
                    days(days),
                    ZoneId.of(zone),
                    Set.of());
        } catch (DateTimeException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Settings.SettingException(
                    "BIGBOX_BUSINESS_HOURS",
                    "business hours must look like 09:00-17:00 on days like "
                            + "MON-FRI in a time zone like Europe/Berlin (hours '" + hours + "', days '" + days
                            + "', zone '" + zone + "')");
        }
    }

    private static Set<DayOfWeek> days(String spec) {
        String[] span = spec.split("-");
        DayOfWeek first = day(span[0]);
        DayOfWeek last = day(span[span.length - 1]);
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        String a = abbreviation.strip().toUpperCase(java.util.Locale.ROOT);
        return EnumSet.allOf(DayOfWeek.class).stream()
                .filter(d -> d.name().startsWith(a) && a.length() >= 2)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a day: " + abbreviation));
    }

    private static Backoff backoff(Settings settings) {
        int first = settings.integer("BIGBOX_NOTIFY_RETRY_SECONDS", 30, 1, 3_600);
        return new Backoff(
                Duration.ofSeconds(first),
                Duration.ofSeconds(Math.max(first, 1_800)),
                settings.integer("BIGBOX_NOTIFY_ATTEMPTS", 6, 1, 20));
    }

    private static boolean linkDecisions(Settings settings) {
        String value = settings.get("BIGBOX_LINK_DECISIONS").orElse("low-risk");
        return switch (value) {
            case "low-risk" -> true;
            case "off" -> false;
            default ->
                throw new Settings.SettingException(
                        "BIGBOX_LINK_DECISIONS", "must be low-risk or off, was '" + value + "'");
        };
    }

    @Override
    public void close() {
        if (registration != null) {
            registration.close();
        }
    }
}
