package com.bigbox.server.health;

import com.bigbox.server.HttpModule;
import com.bigbox.server.auth.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health/live}: the process answers. {@code /health} and {@code /health/ready}: every check
 * passes (200, "up"), one is degraded (200, "degraded": the instance still serves reads, so a load
 * balancer should keep it), or one fails (503, "down"), with each check's details.
 */
public final class HealthRoutes implements HttpModule {
    private final List<HealthCheck> checks;

    public HealthRoutes(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")), Access.PUBLIC);
        config.routes.get("/health", this::ready, Access.PUBLIC);
        config.routes.get("/health/ready", this::ready, Access.PUBLIC);
    }

    private void ready(Context ctx) {
        boolean up = true;
        boolean degraded = false;
        Map<String, Object> parts = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            HealthCheck.Result result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = HealthCheck.Result.down(Map.of("error", String.valueOf(e.getMessage())));
            }
            up &= result.up();
            degraded |= result.degraded();
            var part = new LinkedHashMap<String, Object>();
            part.put("status", result.status());
            part.putAll(result.details());
            parts.put(check.name(), part);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("status", !up ? "down" : degraded ? "degraded" : "up");
        body.putAll(parts);
        ctx.status(up ? 200 : 503).json(body);
    }
}
