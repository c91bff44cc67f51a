package com.bigbox.postgres.chaos;

import com.bigbox.postgres.SqlResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of running instances ({@code engine_instances}): each announces where it can be
 * reached and beats every {@link #HEARTBEAT}; an instance whose heartbeat is older than
 * {@link #ALIVE_WITHIN} counts as gone. Chaos experiments find their targets here, dashboards the cluster.
 */
public final class EngineInstances implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineInstances.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    public static final Duration ALIVE_WITHIN = Duration.ofSeconds(10);

    private static final String BEAT = SqlResource.load(EngineInstances.class, "instance_heartbeat");
    private static final String LIVE = SqlResource.load(EngineInstances.class, "instances_alive");
    private static final String LEAVE = SqlResource.load(EngineInstances.class, "instance_leave");

    /** One running instance. */
    public record Instance(
            String name,
            String url,
            Instant startedAt,
            Instant heartbeatAt,
            boolean embeddedDatabase,
            boolean chaosAdmin) {}

    private final DataSource pool;
    private final Instance self;
    private final Thread thread;
    private volatile boolean running = true;

    private EngineInstances(DataSource pool, Instance self) {
        this.pool = pool;
        this.self = self;
        this.thread = self == null
                ? null
                : Thread.ofPlatform().daemon().name(self.name() + "-heartbeat").unstarted(this::run);
    }

    /** Reads the registry without joining it. */
    public static EngineInstances reader(DataSource pool) {
        return new EngineInstances(pool, null);
    }

    /** Joins the registry as {@code name}, reachable at {@code url}, and keeps beating until closed. */
    public static EngineInstances join(
            DataSource pool, String name, String url, boolean embeddedDatabase, boolean chaosAdmin) {
        var instances = new EngineInstances(
                pool, new Instance(name, url, Instant.now(), Instant.now(), embeddedDatabase, chaosAdmin));
        instances.beat();
        instances.thread.start();
        return instances;
    }

    public List<Instance> live() {
        return ChaosSql.query(() -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement(LIVE)) {
                s.setString(1, ALIVE_WITHIN.toMillis() + " milliseconds");
                var instances = new ArrayList<Instance>();
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        instances.add(new Instance(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant(),
                                rs.getBoolean(5),
                                rs.getBoolean(6)));
                    }
                }
                return instances;
            }
        });
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(HEARTBEAT);
            } catch (InterruptedException e) {
                return;
            }
            beat();
        }
    }

    private void beat() {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(BEAT)) {
            s.setString(1, self.name());
            s.setString(2, self.url());
            s.setTimestamp(3, Timestamp.from(self.startedAt()));
            s.setBoolean(4, self.embeddedDatabase());
            s.setBoolean(5, self.chaosAdmin());
            s.executeUpdate();
        } catch (SQLException e) {
            log.debug("heartbeat of {} failed: {}", self.name(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (self == null) {
            return;
        }
        running = false;
        thread.interrupt();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(LEAVE)) {
            s.setString(1, self.name());
            s.setTimestamp(2, Timestamp.from(self.startedAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            log.debug("{} could not leave the registry: {}", self.name(), e.getMessage());
        }
    }
}
