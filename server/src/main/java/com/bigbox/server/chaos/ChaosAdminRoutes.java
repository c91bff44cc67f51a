package com.bigbox.server.chaos;

import com.bigbox.server.ApiException;
import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/v1/chaos/...}: what a chaos experiment asks of one instance. Every request must carry
 * {@code X-Bigbox-Admin-Token: <BIGBOX_ADMIN_TOKEN>} — an operator's secret apart from the API keys
 * that backends hold, because it can crash the instance; without the setting the surface does not exist.
 */
public final class ChaosAdminRoutes implements HttpModule {
    public static final String TOKEN_HEADER = "X-Bigbox-Admin-Token";
    private static final Logger log = LoggerFactory.getLogger(ChaosAdminRoutes.class);
    static final int MAX_SUPPRESS_SECONDS = 600;

    private final byte[] token;
    private final ChaosTarget target;
    private final DeliveryRecorder deliveries;
    private final ObjectMapper json = new ObjectMapper();

    public ChaosAdminRoutes(String token, ChaosTarget target, DeliveryRecorder deliveries) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("BIGBOX_ADMIN_TOKEN must be at least 16 characters");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.target = target;
        this.deliveries = deliveries;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.before("/admin/v1/chaos/*", this::authorize);
        config.routes.get("/admin/v1/chaos/status", ctx -> ctx.json(status()), Access.PUBLIC);
        config.routes.get(
                "/admin/v1/chaos/deliveries/{run}",
                ctx -> ctx.json(Map.of(
                        "instance",
                        target.instanceName(),
                        "run",
                        ctx.pathParam("run"),
                        "delivered",
                        deliveries.delivered(ctx.pathParam("run")))),
                Access.PUBLIC);
        config.routes.post("/admin/v1/chaos/notifications/suppress", this::suppress, Access.PUBLIC);
        config.routes.post("/admin/v1/chaos/crash", this::crash, Access.PUBLIC);
        config.routes.post("/admin/v1/chaos/database/restart", this::restartDatabase, Access.PUBLIC);
    }

    private void authorize(Context ctx) {
        String header = ctx.header(TOKEN_HEADER);
        byte[] given = header == null ? new byte[0] : header.strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiException(
                    401,
                    "unauthorized",
                    "the chaos surface needs the header " + TOKEN_HEADER + ": <BIGBOX_ADMIN_TOKEN>",
                    TOKEN_HEADER);
        }
    }

    private Map<String, Object> status() {
        var status = new LinkedHashMap<String, Object>();
        status.put("instance", target.instanceName());
        status.put("listening", target.listening());
        status.put(
                "notifications_suppressed_until",
                target.notificationsSuppressedUntil().map(Object::toString).orElse(null));
        status.put("embedded_database", target.hostsEmbeddedDatabase());
        return status;
    }

    private void suppress(Context ctx) {
        long seconds = seconds(ctx);
        target.suppressNotifications(Duration.ofSeconds(seconds));
        ctx.status(202).json(status());
    }

    private long seconds(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (Exception e) {
            throw ApiException.badRequest("body", "the body must be JSON such as {\"seconds\": 10}");
        }
        JsonNode seconds = body == null ? null : body.get("seconds");
        if (seconds == null
                || !seconds.canConvertToExactIntegral()
                || seconds.asLong() < 1
                || seconds.asLong() > MAX_SUPPRESS_SECONDS) {
            throw ApiException.badRequest(
                    "seconds", "seconds must be a whole number from 1 to " + MAX_SUPPRESS_SECONDS);
        }
        return seconds.asLong();
    }

    private void crash(Context ctx) {
        log.warn("Chaos: instance {} crashes on request", target.instanceName());
        ctx.status(202).json(Map.of("instance", target.instanceName(), "crashing", true));
        target.crash();
    }

    private void restartDatabase(Context ctx) throws Exception {
        if (!target.hostsEmbeddedDatabase()) {
            throw ApiException.conflict("instance " + target.instanceName() + " does not run the embedded database; "
                    + "restart the PostgreSQL server it uses by its own means");
        }
        Duration took = target.restartEmbeddedDatabase();
        ctx.json(Map.of("instance", target.instanceName(), "restarted_in_ms", took.toMillis()));
    }
}
