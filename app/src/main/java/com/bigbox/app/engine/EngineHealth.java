package com.bigbox.app.engine;

import com.bigbox.postgres.Database;
import com.bigbox.postgres.PgNode;
import com.bigbox.server.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
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

    // Appends waiting for a lock: on the gate every writer takes shared (an exclusive holder, such as a
    // session-level pg_advisory_lock of the key, stops them all; V1's events_transaction_seq), or on the
    // rows and tables they write.
    private static final String BLOCKED_APPENDS = """
            select count(distinct l.pid), coalesce(extract(epoch from now() - min(l.waitstart)), 0),
                   array(select distinct b from pg_locks w, unnest(pg_blocking_pids(w.pid)) b
                          where w.pid = any(array_agg(l.pid)))
              from pg_locks l
             where not l.granted and l.waitstart < now() - make_interval(secs => ?)
               and l.database = (select oid from pg_database where datname = current_database())
               and ((l.locktype = 'advisory' and l.classid = 1650589696 and l.objid = 0 and l.objsubid = 1)
                    or l.relation in ('public.events'::regclass, 'public.event_streams'::regclass))""";

    private EngineHealth() {}

    static List<HealthCheck> checks(Database database, PgNode node) {
        return List.of(databaseCheck(database), appendsCheck(database), busCheck(node));
    }

    private static HealthCheck appendsCheck(Database database) {
        return new Check("appends", () -> {
            try (Connection c = database.pool().getConnection();
                    var s = c.prepareStatement(BLOCKED_APPENDS)) {
                s.setDouble(1, APPEND_BLOCKED_SECONDS);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return HealthCheck.Result.up(Map.of("blocked", 0));
                    }
                    return HealthCheck.Result.degraded(Map.of(
                            "blocked",
                            rs.getInt(1),
                            "blocked_for_seconds",
                            rs.getDouble(2),
                            "blocked_by_pids",
                            List.of((Object[]) rs.getArray(3).getArray())));
                }
            } catch (SQLException e) {
                return HealthCheck.Result.down(Map.of("error", e.getMessage()));
            }
        });
    }

    private static HealthCheck databaseCheck(Database database) {
        return new Check("database", () -> {
            long start = System.nanoTime();
            try (Connection c = database.pool().getConnection();
                    var s = c.createStatement()) {
                s.execute("select 1");
                return HealthCheck.Result.up(Map.of(
                        "latency_ms",
                        (System.nanoTime() - start) / 1_000_000.0,
                        "url",
                        database.url().display()));
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
