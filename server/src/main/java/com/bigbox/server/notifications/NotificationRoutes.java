package com.bigbox.server.notifications;

import com.bigbox.autonomic.InvalidInputException;
import com.bigbox.autonomic.notifications.Address;
import com.bigbox.autonomic.notifications.ChannelKind;
import com.bigbox.autonomic.notifications.Notifications;
import com.bigbox.core.EventStore;
import com.bigbox.postgres.notifications.PgNotificationSettings;
import com.bigbox.postgres.notifications.PgNotificationSettings.Preferences;
import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import com.bigbox.server.auth.Caller;
import com.bigbox.server.autonomic.Body;
import com.bigbox.server.autonomic.Query;
import com.bigbox.server.autonomic.Replies;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/notifications}: a person's own channels, quiet hours and roles ({@code /me}: signed-in
 * staff — CEO and employees — for themselves only); channels of roles and anyone, and the dead-letter
 * list with its retry ({@link Access#ADMIN}: the CEO and the service key). The tables are granted to no
 * API role, so these rules and the subject a person may touch are the whole rule: see docs/notifications.md.
 */
public final class NotificationRoutes implements HttpModule {
    private final EventStore engine;
    private final PgNotificationSettings settings;
    private final Notifications notifications;

    public NotificationRoutes(EventStore engine, PgNotificationSettings settings, Notifications notifications) {
        this.engine = engine;
        this.settings = settings;
        this.notifications = notifications;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/api/v1/notifications/me", ctx -> Replies.json(ctx, mine(staff(ctx))), PEOPLE);
        config.routes.put("/api/v1/notifications/me", this::savePreferences, PEOPLE);
        config.routes.post(
                "/api/v1/notifications/me/channels",
                ctx -> addChannel(ctx, Address.user(staff(ctx).email())),
                PEOPLE);
        config.routes.delete(
                "/api/v1/notifications/me/channels/{id}",
                ctx -> removeChannel(ctx, Address.user(staff(ctx).email())),
                PEOPLE);
        config.routes.get(
                "/api/v1/notifications/channels",
                ctx -> Replies.json(ctx, engine.inTransaction(w -> settings.channels(w, Query.text(ctx, "subject")))),
                Access.ADMIN);
        config.routes.post("/api/v1/notifications/channels", ctx -> addChannel(ctx, null), Access.ADMIN);
        config.routes.delete("/api/v1/notifications/channels/{id}", ctx -> removeChannel(ctx, null), Access.ADMIN);
        config.routes.get(
                "/api/v1/notifications/dead-letters",
                ctx -> {
                    int limit = Query.integer(ctx, "limit", 100, 1, 1000);
                    Replies.json(ctx, engine.inTransaction(w -> notifications.deadLetters(w, limit)));
                },
                Access.ADMIN);
        config.routes.post(
                "/api/v1/notifications/dead-letters/{id}/retry",
                ctx -> {
                    UUID id = Query.uuid("id", ctx.pathParam("id"));
                    if (!engine.inTransaction(w -> notifications.retry(w, id))) {
                        throw new NotFoundResponse("no dead-lettered notification " + id);
                    }
                    Replies.json(ctx, 202, Map.of("retrying", id));
                },
                Access.ADMIN);
    }

    /** The agency's people, signed in: a client user has no approvals to decide, a key is nobody. */
    private static final RouteRole[] PEOPLE = {Access.CEO, Access.EMPLOYEE};

    /** A signed-in CEO or employee (a client user has no approvals to decide). */
    private static Caller staff(Context ctx) {
        Caller caller = Caller.of(ctx).orElseThrow(() -> new UnauthorizedResponse("sign in to set your notifications"));
        if (!caller.isUser() || caller.email() == null || "client".equals(caller.appRole())) {
            throw new ForbiddenResponse("notifications are for the agency's people (signed-in CEO or employees)");
        }
        return caller;
    }

    private Map<String, Object> mine(Caller caller) {
        String subject = Address.user(caller.email());
        return engine.inTransaction(w -> Map.of(
                "preferences",
                        settings.preferences(w, subject)
                                .orElse(new Preferences(subject, List.of(), null, null, "UTC", true)),
                "channels", settings.channels(w, subject)));
    }

    private void savePreferences(Context ctx) {
        Caller caller = staff(ctx);
        Body body = Body.of(ctx, Set.of("roles", "quiet_from", "quiet_until", "time_zone", "ceo_interrupts_override"));
        LocalTime from = time(body, "quiet_from");
        LocalTime until = time(body, "quiet_until");
        if ((from == null) != (until == null) || from != null && from.equals(until)) {
            throw new InvalidInputException(
                    "quiet_from", "quiet hours need quiet_from and quiet_until, and they must differ");
        }
        String zone = body.text("time_zone") == null ? "UTC" : body.text("time_zone");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("time_zone", "unknown time zone " + zone + " (use e.g. Europe/Berlin)");
        }
        List<String> roles = body.strings("roles");
        var preferences = new Preferences(
                Address.user(caller.email()),
                roles,
                from,
                until,
                zone,
                body.bool("ceo_interrupts_override") == null || body.bool("ceo_interrupts_override"));
        engine.inTransaction(w -> {
            settings.save(w, preferences);
            return null;
        });
        Replies.json(ctx, mine(caller));
    }

    private void addChannel(Context ctx, String ownSubject) {
        Caller caller = ownSubject == null ? Caller.of(ctx).orElseThrow() : staff(ctx);
        Body body = Body.of(
                ctx,
                ownSubject == null
                        ? Set.of("subject", "kind", "target", "secret")
                        : Set.of("kind", "target", "secret"));
        String subject = ownSubject != null ? ownSubject : body.requiredText("subject");
        if (!subject.matches("(role|user):\\S+")) {
            throw new InvalidInputException("subject", "subject must be role:<role> or user:<e-mail>");
        }
        ChannelKind kind = ChannelKind.parseOrNull(body.requiredText("kind"));
        if (kind == null) {
            throw new InvalidInputException("kind", "kind must be email, slack or webhook");
        }
        String target = body.requiredText("target");
        String secret = body.text("secret");
        if (kind == ChannelKind.WEBHOOK && (secret == null || secret.length() < 16)) {
            throw new InvalidInputException(
                    "secret", "a webhook channel needs a signing secret of at least 16 characters");
        }
        if (kind != ChannelKind.EMAIL && !target.matches("https?://\\S+")) {
            throw new InvalidInputException("target", "a " + kind.wireName() + " channel's target is an http(s) URL");
        }
        if (kind == ChannelKind.EMAIL && !target.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidInputException("target", "an email channel's target is an e-mail address");
        }
        Address added = engine.inTransaction(w -> settings.add(
                w, subject, kind.wireName(), target, kind == ChannelKind.WEBHOOK ? secret : null, caller.actor()));
        Replies.json(ctx, 201, added);
    }

    private void removeChannel(Context ctx, String ownSubject) {
        UUID id = Query.uuid("id", ctx.pathParam("id"));
        if (!engine.inTransaction(w -> settings.remove(w, id, ownSubject))) {
            throw new NotFoundResponse("no channel " + id + (ownSubject == null ? "" : " of yours"));
        }
        ctx.status(204);
    }

    private static LocalTime time(Body body, String field) {
        String value = body.text(field);
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, field + " must be a time of day like 22:00");
        }
    }
}
