package com.bigbox.app.engine;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.EventStoreException;
import com.bigbox.postgres.PgNode;
import com.bigbox.postgres.health.DatabaseHealth;
import com.bigbox.server.health.HealthCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readiness checks of one instance: its database answers, appends are not blocked, and its real-time
 * bus listens.
 */
final class EngineHealth {
    /** How long an append may wait for a lock before the instance reports itself degraded. */
    static final double APPEND_BLOCKED_SECONDS = 3;

    private EngineHealth() {}

    static List<HealthCheck> checks(Database database, PgNode node) {
        return List.of(databaseCheck(database), appendsCheck(database), busCheck(node));
    }

    private static HealthCheck appendsCheck(Database database) {
        var health = new DatabaseHealth(database.pool());
        return new Check("appends", () -> {
            try {
                DatabaseHealth.BlockedAppends appends = health.blockedAppends(APPEND_BLOCKED_SECONDS);
                if (appends.blocked() == 0) {
                    return HealthCheck.Result.up(Map.of("blocked", 0));
                }
                return HealthCheck.Result.degraded(Map.of(
                        "blocked",
                        appends.blocked(),
                        "blocked_for_seconds",
                        appends.blockedForSeconds(),
                        "blocked_by_pids",
                        appends.blockedByPids()));
            } catch (EventStoreException e) {
                return HealthCheck.Result.down(Map.of("error", e.getMessage()));
            }
        });
    }

    private static HealthCheck databaseCheck(Database database) {
        var health = new DatabaseHealth(database.pool());
        return new Check("database", () -> {
            long start = System.nanoTime();
            try {
                health.ping();
                return HealthCheck.Result.up(Map.of(
                        "latency_ms",
                        (System.nanoTime() - start) / 1_000_000.0,
                        "url",
                        database.url().display()));
            } catch (EventStoreException e) {
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
            details.put(
                    "last_delivered_at",
                    status.lastDeliveredAt() == null
                            ? null
                            : status.lastDeliveredAt().toString());
            status.heldBack()
                    .ifPresent(h -> details.put(
                            "held_back_by",
                            Map.of(
                                    "pid",
                                    h.pid(),
                                    "application",
                                    h.applicationName(),
                                    "state",
                                    h.state(),
                                    "open_seconds",
                                    h.openSeconds())));
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
