package com.bigbox.app.engine;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.PgNode;
import com.bigbox.server.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The readiness checks of one instance: its database answers, and its real-time bus listens. */
final class EngineHealth {
    private EngineHealth() {}

    static List<HealthCheck> checks(Database database, PgNode node) {
        return List.of(databaseCheck(database), busCheck(node));
    }

    private static HealthCheck databaseCheck(Database database) {
        return new Check("database", () -> {
            long start = System.nanoTime();
            try (Connection c = database.pool().getConnection(); var s = c.createStatement()) {
                s.execute("select 1");
                return HealthCheck.Result.up(Map.of("latency_ms", (System.nanoTime() - start) / 1_000_000.0,
                        "url", database.url().display()));
            } catch (SQLException e) {
                return HealthCheck.Result.down(Map.of("error", e.getMessage()));
            }
        });
    }

    private static HealthCheck busCheck(PgNode node) {
        return new Check("bus", () -> {
            var status = node.feedStatus();
            var details = new LinkedHashMap<String, Object>();
            details.put("instance", node.name());
            details.put("listening", node.listening());
            details.put("position", status.position().globalPosition());
            details.put("delivered", status.delivered());
            details.put("last_delivered_at", status.lastDeliveredAt() == null ? null : status.lastDeliveredAt().toString());
            status.heldBack().ifPresent(h -> details.put("held_back_by", Map.of("pid", h.pid(),
                    "application", h.applicationName(), "state", h.state(), "open_seconds", h.openSeconds())));
            if (status.lastError() != null) {
                details.put("error", status.lastError());
            }
            // Not listening only delays delivery (the feed polls), so it is reported, not fatal.
            return status.lastError() == null ? HealthCheck.Result.up(details) : HealthCheck.Result.down(details);
        });
    }

    private record Check(String name, java.util.function.Supplier<Result> probe) implements HealthCheck {
        @Override
        public Result check() {
            return probe.get();
        }
    }
}
